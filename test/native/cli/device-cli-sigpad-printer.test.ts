import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestPage } from '../../../native/printer/test-page';
import { SAMPLE_SIGNATURES } from '../../../native/sim/sample-signatures';
import { SigpadSimulator } from '../../../native/sim/sigpad-simulator';
import { makeTempDir } from '../../support/temp-dir';
import { PROJECT_ROOT } from '../../support/web-host-process';
import { createCupsPdfQueue, type CupsPdfQueue } from '../printer/cups-pdf-queue';

function device(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'device', '--', ...args], { cwd: PROJECT_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run device -- sigpad capture (over a real pty)', () => {
  const dir = makeTempDir('bdc-cli-sig-');
  let sim: SigpadSimulator;
  afterEach(async () => {
    await sim?.close();
  });

  it('writes the signature the signer confirms as SVG, and as PNG', async () => {
    sim = new SigpadSimulator();
    const port = await sim.start();
    // The 'command' event comes before the pad acts on START: sign once it shows the prompt.
    sim.on('command', (c) => {
      if (c.type !== 'start') return;
      const deadline = Date.now() + 2000;
      const trySign = () => {
        if (sim.state === 'signing') void sim.sign(SAMPLE_SIGNATURES.liSi, { pointsPerMs: 5 });
        else if (Date.now() < deadline) setTimeout(trySign, 10);
      };
      trySign();
    });
    const svgPath = join(dir.path, 'sig.svg');
    const r = await device(['sigpad', 'capture', '--port', port, '--out', svgPath, '--json', '--timeout', '10']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: svgPath, strokes: expect.any(Number) });
    expect(readFileSync(svgPath, 'utf8')).toMatch(/^<svg[\s\S]*<path /);
    const pngPath = join(dir.path, 'sig.png');
    expect((await device(['sigpad', 'capture', '--port', port, '--out', pngPath, '--timeout', '10'])).code).toBe(0);
    expect(readFileSync(pngPath).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses an output file that is neither .svg nor .png', async () => {
    const r = await device(['sigpad', 'capture', '--port', '/dev/null', '--out', 'x.jpg', '--json']);
    expect(r.code).toBe(64);
  });
});

describe('npm run device -- printer … (through the real CUPS)', () => {
  let queue: CupsPdfQueue | undefined;
  const dir = makeTempDir('bdc-cli-print-');
  afterEach(async () => {
    await queue?.remove();
    queue = undefined;
  });

  it('printer list shows the queue; printer print prints a PDF and waits for the job', async () => {
    queue = await createCupsPdfQueue({ description: '命令行测试打印机' });
    const list = await device(['printer', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ name: queue.name, description: '命令行测试打印机' })]));
    const pdf = join(dir.path, 'page.pdf');
    writeFileSync(pdf, await createTestPage({ printerName: queue.name }));
    const printed = await device(['printer', 'print', '--printer', queue.name, pdf, '--json']);
    expect(printed.code).toBe(0);
    const { jobId } = JSON.parse(printed.stdout) as { jobId: number };
    const out = await queue.waitForOutput(jobId);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).normalize('NFKC')).toContain('打印测试页');
  });

  it('a printer that does not exist: exit 3 and PRINTER_NOT_FOUND', async () => {
    const pdf = join(dir.path, 'p.pdf');
    writeFileSync(pdf, await createTestPage());
    const r = await device(['printer', 'print', '--printer', 'no-such-printer', pdf, '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stderr).code).toBe('PRINTER_NOT_FOUND');
  });
});
