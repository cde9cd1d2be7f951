import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CupsBackend } from '../../../native/printer/cups-backend';
import { createTestPage, TEST_PAGE_TITLE } from '../../../native/printer/test-page';
import { PT_PER_MM } from '../../../native/printer/units';
import { createCupsPdfQueue, cupsAdmin, type CupsPdfQueue } from './cups-pdf-queue';
import { pdfPageCount, pdfText, pdfWordBoxes, readBytes } from './poppler';

/**
 * Printing through the real CUPS on this machine, into cups-pdf queues created per test.
 * A job takes about a second; every wait polls with a deadline.
 */
describe('CupsBackend through a real CUPS', () => {
  const backend = new CupsBackend({ jobTimeoutMs: 20_000 });
  const queues: CupsPdfQueue[] = [];
  let testPage: Uint8Array;

  async function queue(description?: string): Promise<CupsPdfQueue> {
    const q = await createCupsPdfQueue({ description });
    queues.push(q);
    return q;
  }

  beforeAll(async () => {
    testPage = await createTestPage({ printerName: 'cups-pdf', printedAt: new Date(2026, 10, 27, 9, 30) });
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.remove()));
  });

  it('lists the test queue with its description and state, and follows it when disabled and rejecting', async () => {
    const q = await queue('证书打印机（测试）');
    expect((await backend.list()).find((p) => p.name === q.name)).toEqual({
      name: q.name,
      description: '证书打印机（测试）',
      state: 'idle',
      acceptingJobs: true,
      isDefault: false,
      reasons: [],
      message: '',
    });

    await cupsAdmin('cupsdisable', ['-r', 'out of paper', q.name]);
    await cupsAdmin('cupsreject', ['-r', 'maintenance', q.name]);
    const stopped = (await backend.list()).find((p) => p.name === q.name);
    expect(stopped).toMatchObject({ state: 'stopped', acceptingJobs: false });
    expect(stopped?.reasons).toContain('paused');
    // CUPS keeps one state message per printer: the last one given wins.
    expect(stopped?.message).toBe('maintenance');
  });

  it('prints the test page: the job completes and the PDF in the queue folder says 打印测试页', async () => {
    const q = await queue();
    const started = Date.now();
    const result = await backend.print(testPage, { printer: q.name, copies: 1, media: 'A4', title: 'bdc-test-page' });
    expect(result).toMatchObject({ ok: true, state: 'completed' });
    expect(Date.now() - started).toBeLessThan(10_000);
    if (!result.ok) return;
    expect(result.status).toMatchObject({ state: 'completed', printer: q.name, copies: 1 });

    const output = await q.waitForOutput(result.jobId);
    // TitlePref=1: cups-pdf names the file after `lp -t` (TOOLCHAIN.md).
    expect(output).toBe(join(q.outDir, `bdc-test-page-job_${result.jobId}.pdf`));
    expect(await pdfText(output)).toContain(TEST_PAGE_TITLE);
    expect(await pdfPageCount(output)).toBe(1);
    expect(await backend.jobState(result.jobId)).toMatchObject({ state: 'completed' });
  });

  it('copies=2: CUPS records two copies and two impressions, but cups-pdf writes one single-page file', async () => {
    // Checked on CUPS 2.4.2 + cups-pdf 3.0.1: the copies reach the PostScript as a request that
    // Ghostscript's pdfwrite ignores, so a PDF "printer" produces one copy. A real printer prints two.
    const q = await queue();
    const result = await backend.print(testPage, { printer: q.name, copies: 2, media: 'A4', title: 'two-copies' });
    expect(result).toMatchObject({ ok: true, state: 'completed', status: { copies: 2, impressionsCompleted: 2 } });
    if (!result.ok) return;
    const output = await q.waitForOutput(result.jobId);
    expect(q.outputFiles()).toEqual([`two-copies-job_${result.jobId}.pdf`]);
    expect(await pdfPageCount(output)).toBe(1);
  });

  it('prints a certificate on custom media (Custom.240x170mm) at its own size, unscaled and unmoved', async () => {
    const q = await queue();
    const doc = await PDFDocument.create();
    const page = doc.addPage([240 * PT_PER_MM, 170 * PT_PER_MM]);
    page.drawText('CERTIFICATE', { x: 100, y: 300, size: 20, font: await doc.embedFont(StandardFonts.Helvetica) });
    const certificate = await doc.save();
    const result = await backend.print(certificate, { printer: q.name, copies: 1, media: 'Custom.240x170mm', title: 'certificate' });
    expect(result).toMatchObject({ ok: true, state: 'completed' });
    if (!result.ok) return;
    const output = await q.waitForOutput(result.jobId);
    // CUPS stores the custom size portrait (170 x 240 mm) and marks the page /Rotate 90, so it
    // shows — and prints — as the 240 x 170 mm landscape sheet it was drawn on.
    const printed = (await PDFDocument.load(readBytes(output))).getPage(0);
    const turned = printed.getRotation().angle % 180 !== 0;
    const printedHeight = turned ? printed.getWidth() : printed.getHeight();
    expect((turned ? printed.getHeight() : printed.getWidth()) / PT_PER_MM).toBeCloseTo(240, 0);
    expect(printedHeight / PT_PER_MM).toBeCloseTo(170, 0);
    const source = join(q.outDir, '..', 'source.pdf');
    writeFileSync(source, certificate);
    const before = (await pdfWordBoxes(source)).find((w) => w.word === 'CERTIFICATE');
    const after = (await pdfWordBoxes(output)).find((w) => w.word === 'CERTIFICATE');
    if (!before || !after) throw new Error('CERTIFICATE not found in the source or the printed PDF');
    // Within half a point (0.18 mm): Ghostscript's re-encoded font reports a slightly different box.
    expect(after.xMin).toBeCloseTo(before.xMin, 0);
    // CUPS rounds the custom size down to whole points (170 mm = 481.89 pt becomes 481 pt), taking
    // the 0.3 mm off the top edge: measured from the bottom edge, the text has not moved.
    expect(printedHeight).toBe(481);
    expect(printedHeight - after.yMin).toBeCloseTo(170 * PT_PER_MM - before.yMin, 0);
  });

  it('applies the calibration offset: the printed title lands 10 mm right and 5 mm lower', async () => {
    const q = await queue();
    const plain = await backend.print(testPage, { printer: q.name, copies: 1, media: 'A4', title: 'plain' });
    const shifted = await backend.print(testPage, {
      printer: q.name,
      copies: 1,
      media: 'A4',
      title: 'shifted',
      offsetMm: { x: 10, y: 5 },
    });
    expect(plain.ok && shifted.ok).toBe(true);
    if (!plain.ok || !shifted.ok) return;
    const title = async (jobId: number) => {
      const words = await pdfWordBoxes(await q.waitForOutput(jobId));
      const found = words.find((w) => w.word === TEST_PAGE_TITLE);
      if (!found) throw new Error(`title not found in job ${jobId}: ${words.map((w) => w.word).join(' ')}`);
      return found;
    };
    const before = await title(plain.jobId);
    const after = await title(shifted.jobId);
    // Through pdftops, Ghostscript and back the positions survive to a hundredth of a millimetre.
    expect((after.xMin - before.xMin) / PT_PER_MM).toBeCloseTo(10, 1);
    expect((after.yMin - before.yMin) / PT_PER_MM).toBeCloseTo(5, 1);
  });
});
