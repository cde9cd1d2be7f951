import { readFileSync } from 'node:fs';
import { verifyOfd } from './verify-ofd';
import { verifyCertificatePdf } from './verify-pdf';
import type { VerifyReport } from './verify-report';

/**
 * `npm run certificate -- verify FILE.ofd|FILE.pdf [--json] [--trust root.der|root.pem]`
 * Exit 0: every check passed; 1: the file was read and a check failed; 2: usage or unreadable input.
 * The trust root is the province seal CA certificate; without --trust, BDC_SEAL_TRUST_ROOT names it.
 */
const USAGE = '用法：npm run certificate -- verify 文件.ofd|文件.pdf [--json] [--trust 根证书.der|.pem]';

export function readCertificateFile(path: string): Uint8Array {
  const bytes = readFileSync(path);
  const text = bytes.toString('latin1');
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
  return pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : bytes;
}

export function formatReport(file: string, r: VerifyReport): string {
  const lines = [`文件：${file}`];
  if (r.identifier) lines.push(`证照标识：${r.identifier}`);
  if (r.number) lines.push(`证号：${r.number}`);
  for (const c of r.checks) lines.push(`${c.ok ? '✓' : '✗'} ${c.name}：${c.reason}`);
  lines.push(r.ok ? '结论：验证通过' : '结论：验证不通过');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'verify') {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  let file: string | null = null;
  let json = false;
  let trustPath = process.env.BDC_SEAL_TRUST_ROOT ?? null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--trust') trustPath = rest[++i] ?? null;
    else if (!a.startsWith('--') && file === null) file = a;
    else {
      process.stderr.write(`不认识的参数：${a}\n${USAGE}\n`);
      return 2;
    }
  }
  if (!file || !trustPath) {
    process.stderr.write(`${!file ? '缺少要验证的文件' : '缺少信任根证书（--trust 或 BDC_SEAL_TRUST_ROOT）'}\n${USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  let root: Uint8Array;
  try {
    bytes = readFileSync(file);
    root = readCertificateFile(trustPath);
  } catch (e) {
    process.stderr.write(`无法读取文件：${(e as Error).message}\n`);
    return 2;
  }
  const isPdf = Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
  const r = isPdf ? await verifyCertificatePdf(bytes, { rootCertsDer: [root] }) : await verifyOfd(bytes, { rootCertsDer: [root] });
  process.stdout.write((json ? JSON.stringify({ file, format: isPdf ? 'pdf' : 'ofd', ...r }, null, 2) : formatReport(file, r)) + '\n');
  return r.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`验证程序出错：${(e as Error).message}\n`);
    process.exit(2);
  },
);
