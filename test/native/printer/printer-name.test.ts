import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CupsBackend } from '../../../native/printer/cups-backend';
import { isValidPrinterName, PRINTER_NAME_PATTERN } from '../../../native/printer/printer-name';
import type { CommandRunner } from '../../../native/printer/run-command';

const MINIMAL_PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

/** A runner that records what would have been started, and starts nothing. */
function recordingRunner(): { run: CommandRunner; calls: string[][] } {
  const calls: string[][] = [];
  const run: CommandRunner = async (file, args) => {
    calls.push([file, ...args]);
    return { exitCode: 0, stdout: '', stderr: '', timedOut: false };
  };
  return { run, calls };
}

const HOSTILE_NAMES = [
  '',
  '-d',
  '--help',
  '-o media=A3',
  'cert A4',
  'cert;rm -rf /',
  '$(reboot)',
  '`id`',
  'a/b',
  '../etc',
  'cert\nA4',
  'cert\u0000',
  '证书打印机',
  '.hidden',
  '_x',
  'a'.repeat(128),
];

describe('printer names are checked before anything is spawned', () => {
  it.each(HOSTILE_NAMES)('rejects %j with PRINTER_NOT_FOUND and spawns nothing', async (name) => {
    const { run, calls } = recordingRunner();
    const result = await new CupsBackend({ run }).print(MINIMAL_PDF, { printer: name, copies: 1, media: 'A4', title: 't' });
    expect(result).toMatchObject({ ok: false, jobId: null, state: 'not-submitted', error: { code: 'PRINTER_NOT_FOUND' } });
    expect(calls).toEqual([]);
  });

  it('rejects any name outside the pattern without spawning a process (property)', async () => {
    const outside = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE_NAMES)).filter((n) => !PRINTER_NAME_PATTERN.test(n));
    await fc.assert(
      fc.asyncProperty(outside, async (name) => {
        const { run, calls } = recordingRunner();
        const result = await new CupsBackend({ run }).print(MINIMAL_PDF, { printer: name, copies: 1, media: 'A4', title: 't' });
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error.code).toBe('PRINTER_NOT_FOUND');
        expect(calls).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts names made of letters, digits, "_", "." and "-" that start with a letter or digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,126}$/), (name) => {
        expect(isValidPrinterName(name)).toBe(true);
      }),
    );
    expect(isValidPrinterName('HP_LaserJet_1020')).toBe(true);
    expect(isValidPrinterName('cert-A4.2')).toBe(true);
  });

  it('never spawns for a bad media name, copies or title either', async () => {
    const cases = [
      { copies: 0 },
      { copies: 1.5 },
      { copies: 100 },
      { media: 'A4,fit-to-page' },
      { media: 'A4 -o x' },
      { title: '' },
      { title: 'line\nbreak' },
      { offsetMm: { x: 25, y: 0 } },
    ];
    for (const override of cases) {
      const { run, calls } = recordingRunner();
      const result = await new CupsBackend({ run }).print(MINIMAL_PDF, { printer: 'cert-A4', copies: 1, media: 'A4', title: 't', ...override });
      expect(result, JSON.stringify(override)).toMatchObject({ ok: false, state: 'not-submitted', error: { code: 'INVALID_PRINT_OPTIONS' } });
      expect(calls).toEqual([]);
    }
  });

  it('never spawns for input that is not a PDF, and says so in Chinese', async () => {
    const { run, calls } = recordingRunner();
    const result = await new CupsBackend({ run }).print(new TextEncoder().encode('不动产登记收件凭证\n'), {
      printer: 'cert-A4',
      copies: 1,
      media: 'A4',
      title: 't',
    });
    expect(result).toMatchObject({ ok: false, state: 'not-submitted', error: { code: 'INVALID_PDF' } });
    expect(!result.ok && result.error.message).toBe('要打印的文件不是有效的 PDF 文档（文件开头不是 %PDF-），请重新生成文档后再打印。');
    expect(calls).toEqual([]);
  });

  it('never spawns for a job id that is not a positive integer', async () => {
    const { run, calls } = recordingRunner();
    const backend = new CupsBackend({ run });
    for (const id of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) {
      expect(await backend.jobState(id)).toBeNull();
      await backend.cancel(id);
    }
    expect(calls).toEqual([]);
  });
});
