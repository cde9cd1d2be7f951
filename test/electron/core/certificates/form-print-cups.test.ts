import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { degrees, PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftPdf } from '../../../../native/printer/calibration';
import { CupsBackend } from '../../../../native/printer/cups-backend';
import { formFieldTexts } from '../../../../electron/core/certificates/paper/form-fields';
import { CERTIFICATE_FORM_2015, type TextBox } from '../../../../electron/core/certificates/paper/form-layout';
import { renderCalibrationGrid, renderFormPdf } from '../../../../electron/core/certificates/paper/form-pdf';
import { createCupsPdfQueue, type CupsPdfQueue } from '../../../native/printer/cups-pdf-queue';
import { pdfWordBoxes, readBytes, type WordBox } from '../../../native/printer/poppler';
import { certificateFacts } from './facts-fixture';

const run = promisify(execFile);
const PT_PER_MM = 72 / 25.4;
const OFFSET = { x: 3, y: -2 };
const SHOTS = join(process.cwd(), 'test-results/screenshots');

let queue: CupsPdfQueue;
beforeAll(async () => {
  queue = await createCupsPdfQueue({ description: '证书打印机（测试）' });
}, 60_000);
afterAll(async () => queue?.remove());

/**
 * The first word of a box's value as pdftotext reports it: among the words that are a piece of the
 * value and lie within the box's band (±5 mm), the leftmost. Its position is then checked to ±1 mm.
 */
function wordOf(words: WordBox[], text: string, bandMm: { top: number; bottom: number }): WordBox {
  const compact = text.replace(/\s/g, '');
  const inBand = words.filter((w) => {
    const c = (w.yMin + w.yMax) / 2 / PT_PER_MM;
    return c >= bandMm.top - 5 && c <= bandMm.bottom + 5 && w.word.length > 0 && compact.includes(w.word);
  });
  if (inBand.length === 0) throw new Error(`no word of "${text}" near ${bandMm.top}–${bandMm.bottom} mm among ${words.map((x) => x.word).join(' ')}`);
  return inBand.reduce((a, b) => (b.xMin < a.xMin ? b : a));
}

describe('a certificate printed on the pre-printed form through CUPS', () => {
  it('lands every single-line value in its box (±1 mm) with the printer calibration applied, on an A3 landscape sheet, two sides', async () => {
    const facts = certificateFacts(123);
    const pdf = await renderFormPdf(facts, CERTIFICATE_FORM_2015, { qrText: 'BDC-QR-TEST' });
    const asPrinted = await shiftPdf(pdf, OFFSET);
    const result = await new CupsBackend().print(asPrinted, { printer: queue.name, media: CERTIFICATE_FORM_2015.media, title: 'cert-form', copies: 1 });
    expect(result).toMatchObject({ ok: true, state: 'completed' });
    const out = await queue.waitForOutput(result.jobId!);

    const info = (await run('pdfinfo', ['-f', '1', '-l', '2', out])).stdout;
    expect(info).toMatch(/Pages:\s+2/);
    // cups-pdf writes the A3 sheet as the printer takes it, portrait, with the page turned (/Rotate 90):
    // shown, and as text positions come back, it is the landscape sheet.
    const size = /Page\s+1 size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    const rotated = /Page\s+1 rot:\s+(90|270)/.test(info);
    const [w, h] = rotated ? [Number(size[2]), Number(size[1])] : [Number(size[1]), Number(size[2])];
    expect(Math.abs(w / PT_PER_MM - 420)).toBeLessThan(1);
    expect(Math.abs(h / PT_PER_MM - 297)).toBeLessThan(1);

    const texts = formFieldTexts(facts);
    const { stdout } = await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-enc', 'UTF-8', out, '-']);
    const page1 = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      word: m[5].normalize('NFKC'),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    }));
    const checked: string[] = [];
    const check = (box: TextBox, words: WordBox[]) => {
      const text = texts[box.field].normalize('NFKC');
      if (!text || box.vAlign !== 'center' || text.includes('\n')) return;
      const w = wordOf(words, text, { top: box.y + OFFSET.y, bottom: box.y + box.height + OFFSET.y });
      const xMm = w.xMin / PT_PER_MM;
      const yCentreMm = (w.yMin + w.yMax) / 2 / PT_PER_MM;
      expect(Math.abs(xMm - (box.x + OFFSET.x)), `${box.field} x`).toBeLessThanOrEqual(1);
      expect(Math.abs(yCentreMm - (box.y + box.height / 2 + OFFSET.y)), `${box.field} y`).toBeLessThanOrEqual(1);
      checked.push(box.field);
    };
    for (const box of CERTIFICATE_FORM_2015.pages[0].texts) check(box, page1);
    const page2 = (await pdfWordBoxes(out)).filter((w) => w.yMin >= 0); // all pages; the date words are unique
    for (const box of CERTIFICATE_FORM_2015.pages[1].texts) check(box, page2.filter((w) => /^\d+$/.test(w.word)));
    expect(checked).toEqual(expect.arrayContaining(['provinceShort', 'year', 'cityCounty', 'sequence', 'holders', 'location', 'unitCode', 'area', 'term']));
    const all = page1.map((w) => w.word).join('');
    for (const line of facts.otherStatus) expect(all).toContain(line.replace(/\s/g, '').normalize('NFKC').slice(0, 8));
    // No captions: the form prints them.
    expect(all).not.toContain('权利人');

    // The sheet as printed over the calibration grid, to look at.
    mkdirSync(SHOTS, { recursive: true });
    const grid = await PDFDocument.load(await renderCalibrationGrid(CERTIFICATE_FORM_2015));
    const printed = await PDFDocument.load(readBytes(out));
    const overlay = await PDFDocument.create();
    for (let i = 0; i < 2; i++) {
      const page = overlay.addPage([420 * PT_PER_MM, 297 * PT_PER_MM]);
      page.drawPage(await overlay.embedPage(grid.getPage(i)));
      // The output is portrait with /Rotate 90 (shown turned clockwise): draw it turned the same way.
      const out = printed.getPage(i);
      const turned = out.getRotation().angle === 90;
      page.drawPage(await overlay.embedPage(out), turned ? { x: 0, y: out.getWidth(), rotate: degrees(-90) } : {});
    }
    const overlayPath = join(SHOTS, 'certificate-form-over-grid.pdf');
    writeFileSync(overlayPath, await overlay.save());
    await run('pdftoppm', ['-png', '-r', '60', overlayPath, join(SHOTS, 'certificate-form-over-grid')]);
  }, 90_000);
});
