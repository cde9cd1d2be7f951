// `npm run device -- …`: diagnostics a technician runs at a counter. `npm run device -- help`.
import { parseArgs } from 'node:util';
import { idcardRead, idcardSam } from './cli/idcard-commands';
import { listPorts } from './cli/list-command';
import { CliFailure, EXIT, makeOutput } from './cli/output';
import { simIdcard, simSigpad } from './cli/sim-command';
import { sigpadCapture } from './cli/sigpad-commands';
import { printerList, printerPrint } from './cli/printer-commands';

const USAGE = `用法：npm run device -- <命令> [选项]
  list                                       列出串口及其 USB 编号
  idcard read --port P [--json] [--unmasked] [--timeout 秒]   读一次身份证（默认 5 秒，号码打码显示）
  idcard sam --port P [--json]               读取 SAM 模块状态与编号
  sigpad capture --port P --out 文件.svg|png [--timeout 秒]   采集一次签名（默认 60 秒）
  printer list [--json]                      列出打印机及状态（* 为系统默认）
  printer print --printer 名称 文件.pdf [--copies N] [--media A4]   打印 PDF 并等待完成
  sim idcard [--link 路径] [--card 样例]      在伪终端上启动模拟身份证阅读器
  sim sigpad [--link 路径]                   在伪终端上启动模拟签名板
端口 P：串口路径（/dev/ttyUSB0、COM3）或 usb:厂商编号:产品编号[:序列号]
退出码：0 成功，1 失败，2 未放置证件，3 设备错误，64 用法错误`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      json: { type: 'boolean', default: false },
      unmasked: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      link: { type: 'string' },
      card: { type: 'string' },
      out: { type: 'string' },
      printer: { type: 'string' },
      copies: { type: 'string' },
      media: { type: 'string' },
    },
  });
  const out = makeOutput(values.json ?? false);
  const command = positionals.slice(0, 2).join(' ');
  const defaultTimeoutS = command === 'sigpad capture' ? 60 : 5;
  const timeoutS = values.timeout === undefined ? defaultTimeoutS : Number(values.timeout);
  try {
    if (!Number.isFinite(timeoutS) || timeoutS <= 0 || timeoutS > 600) throw new CliFailure('USAGE', '--timeout 应为 0–600 之间的秒数', EXIT.usage);
    switch (command) {
      case 'list':
        return await listPorts(out);
      case 'idcard read':
        return await idcardRead(out, { port: values.port, unmasked: values.unmasked ?? false, timeoutS });
      case 'idcard sam':
        return await idcardSam(out, { port: values.port, timeoutS });
      case 'sigpad capture':
        return await sigpadCapture(out, { port: values.port, out: values.out, timeoutS });
      case 'printer list':
        return await printerList(out);
      case 'printer print':
        return await printerPrint(out, { printer: values.printer, file: positionals[2], copies: values.copies, media: values.media });
      case 'sim sigpad':
        return await simSigpad(out, { link: values.link });
      case 'sim idcard':
        return await simIdcard(out, { link: values.link, card: values.card });
      case 'help':
      case '':
        process.stdout.write(`${USAGE}\n`);
        return command === 'help' ? EXIT.ok : EXIT.usage;
      default:
        throw new CliFailure('USAGE', `未知命令：${command}\n${USAGE}`, EXIT.usage);
    }
  } catch (err) {
    if (err instanceof CliFailure) return out.failure(err);
    return out.failure(new CliFailure('INTERNAL', (err as Error).message, EXIT.failure));
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(EXIT.failure);
  },
);
