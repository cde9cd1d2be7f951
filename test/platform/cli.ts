import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPlatform } from './index';
import { SAMPLE_UNITS } from './register-seed';

/**
 * `npm run platform -- [--data DIR] [--port 8443] [--admin-port 8444] [--auto-step-ms 5000] [--office 430102 --workstation A7] [--insecure-http]`
 *
 * Runs the provincial platform stand-in alone (training mode, development, a workstation on another
 * machine of the lab): prints where it listens, the certificate files a workstation needs and the
 * config.json snippet that points it here; stops cleanly on Ctrl+C or SIGTERM.
 * `--auto-step-ms 0` turns the automatic decisions off (drive them through /admin instead).
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: './.platform-data' },
    port: { type: 'string', default: '8443' },
    'admin-port': { type: 'string', default: '8444' },
    'auto-step-ms': { type: 'string', default: '5000' },
    'insecure-http': { type: 'boolean', default: false },
    office: { type: 'string', default: '430102' },
    workstation: { type: 'string', default: 'A7' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (values.help) {
  console.log('用法 Usage: npm run platform -- [--data DIR] [--port 8443] [--admin-port 8444] [--auto-step-ms 5000] [--office 430102 --workstation A7] [--insecure-http]');
  process.exit(0);
}

const port = portOption('port', values.port);
const adminPort = portOption('admin-port', values['admin-port']);
const stepMs = Number(values['auto-step-ms']);
if (!Number.isInteger(stepMs) || stepMs < 0) fail(`--auto-step-ms 应为非负整数 (must be a non-negative integer): ${values['auto-step-ms']}`);
const dataDir = resolve(values.data);
// The client certificate is issued for one office and counter: the platform refuses other offices' cases.
if (!/^\d{6}$/.test(values.office)) fail(`--office 应为 6 位机构代码 (a 6-digit office code): ${values.office}`);
if (!/^[0-9A-Z]{2}$/.test(values.workstation)) fail(`--workstation 应为 2 位窗口号，如 A7 (two characters, e.g. A7): ${values.workstation}`);
const clientCn = `${values.office}-${values.workstation}`;

const platform = await startPlatform({
  dataDir,
  port,
  adminPort,
  insecureHttp: values['insecure-http'],
  clientCn,
  auto: { enabled: stepMs > 0, stepMs: stepMs > 0 ? stepMs : 5000 },
  log: (message) => console.log(`[platform] ${message}`),
}).catch((err: Error) => fail(`省级平台模拟服务启动失败 (failed to start): ${err.message}`));

const { files } = platform.certs;
const config = { platform: { url: platform.url, caFile: files.ca, certFile: files.clientCert, keyFile: files.clientKey } };
console.log(
  [
    '省级平台模拟服务已启动 (provincial platform stand-in running)',
    `  接口 API:          ${platform.url}/api/v1`,
    `  管理 Admin:        ${platform.adminUrl}/admin`,
    `  数据 Data:         ${dataDir}`,
    `  自动决定 Auto:     ${stepMs > 0 ? `每 ${stepMs} ms 一步 (one step per ${stepMs} ms)` : '关闭 (off)'}`,
    ...(values['insecure-http'] ? ['  警告 WARNING:      明文 HTTP，仅供调试 (plain HTTP, debugging only)'] : []),
    `  平台CA CA:         ${files.ca}`,
    // A space before the note: scripts read the path up to the first blank (test/bench/separate-platform.ts).
    `  客户端证书 Cert:   ${files.clientCert} （${clientCn}：只能提交机构 ${values.office} 的案件 / only office ${values.office}'s cases）`,
    `  客户端私钥 Key:    ${files.clientKey}`,
    `  示例单元 Sample:   ${SAMPLE_UNITS.jointWithMortgage}`,
    '工作站 config.json 配置 (workstation config.json snippet):',
    JSON.stringify(config, null, 2),
    '按 Ctrl+C 停止 (Ctrl+C to stop)',
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('正在停止 (stopping)…');
    platform.close().then(
      () => {
        console.log('已停止 (stopped)');
        process.exit(0);
      },
      (err: Error) => fail(`停止时出错 (error while stopping): ${err.message}`),
    );
  });
}

function portOption(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) fail(`--${name} 应为 0–65535 的端口号 (must be a port 0–65535): ${text}`);
  return value;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
