import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { embedCjkFont } from '../../../../native/printer/cjk-font';
import { renderAcceptanceReceipt } from '../../../../electron/core/documents/acceptance-receipt';
import { DEBIAN_NOTO_SERIF_CJK, embedDocumentFont } from '../../../../electron/core/documents/fonts/document-font';
import { sampleReceipt } from '../../../fixtures/documents/sample-documents';
import { generateOfficeKeyPair } from '../../../../electron/core/documents/verification-code';
import { makeTempDir } from '../../../support/temp-dir';
import { pdfFonts, pdfTextCompact, renderWithoutSystemFonts } from './pdf-inspection';

const SPECIMEN = [
  '不动产登记受理凭证缴费通知书补正不予受理',
  '张晓明李雪梅王建国努尔古丽米热·阿卜杜热合曼',
  '湖南省长沙市芙蓉区朝阳街道八一路288号（原车站北路）',
  '430102003004GB00123F00010203 ¥740.50 柒佰肆拾元伍角',
  '壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整零，。、；：？！',
];

async function specimen(embed: (doc: PDFDocument) => Promise<PDFFont>): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await embed(doc);
  const page = doc.addPage([595, 420]);
  SPECIMEN.forEach((line, i) => page.drawText(line, { x: 30, y: 380 - i * 40, size: 18, font }));
  return doc.save();
}

describe('document font', () => {
  const dir = makeTempDir('bdc-doc-font-');
  afterAll(() => dir.remove());

  it('draws exactly the pixels fontkit’s own subset draws, in well under half the bytes', async () => {
    const ours = await specimen(async (doc) => (await embedDocumentFont(doc, 'AAAAAA', DEBIAN_NOTO_SERIF_CJK)).pdf);
    const fontkits = await specimen((doc) => embedCjkFont(doc, DEBIAN_NOTO_SERIF_CJK));
    writeFileSync(join(dir.path, 'ours.pdf'), ours);
    writeFileSync(join(dir.path, 'fontkit.pdf'), fontkits);
    const [ourPng] = await renderWithoutSystemFonts(join(dir.path, 'ours.pdf'), dir.path, 'ours', 100);
    const [theirPng] = await renderWithoutSystemFonts(join(dir.path, 'fontkit.pdf'), dir.path, 'fontkit', 100);
    const a = PNG.sync.read(readFileSync(ourPng));
    const b = PNG.sync.read(readFileSync(theirPng));
    expect(darkPixels(a)).toBeGreaterThan(5000); // the glyphs are there, not blanks
    expect(Buffer.compare(a.data, b.data)).toBe(0);
    expect(ours.length).toBeLessThan(fontkits.length / 2);
  });

  it('names each embedded font as a subset of the shipped face (TAG+NotoSerifSC-Regular)', async () => {
    const bytes = await renderAcceptanceReceipt(sampleReceipt(), { signingKey: generateOfficeKeyPair() });
    const path = join(dir.path, 'receipt.pdf');
    writeFileSync(path, bytes);
    const fonts = await pdfFonts(path);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatchObject({ embedded: true, subset: true });
    expect(fonts[0].name).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    expect(fonts[0].type).toContain('TrueType');
  });

  it('works with a configured single TrueType font, and refuses it for text it cannot print', async () => {
    const droid = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';
    if (!existsSync(droid)) return; // fonts-droid-fallback is not on every machine
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await embedDocumentFont(doc, 'BBBBBB', { path: droid });
    doc.addPage([400, 100]).drawText('不动产登记受理凭证', { x: 20, y: 50, size: 20, font: font.pdf });
    const path = join(dir.path, 'droid.pdf');
    writeFileSync(path, await doc.save());
    const fonts = await pdfFonts(path);
    expect(fonts[0]).toMatchObject({ name: 'BBBBBB+DroidSansFallback', embedded: true, subset: true });
    expect(fonts[0].type).toContain('TrueType');
    expect(await pdfTextCompact(path)).toBe('不动产登记受理凭证');
    // This fallback font has no Latin digits: a receipt set in it would lose every number.
    await expect(
      renderAcceptanceReceipt(sampleReceipt(), { signingKey: generateOfficeKeyPair(), font: { path: droid } }),
    ).rejects.toMatchObject({ code: 'DOCUMENT_FONT_MISSING_GLYPH' });
  });

  it('reports a font file that does not exist, naming the path', async () => {
    const missing = join(dir.path, 'missing.ttc');
    await expect(
      renderAcceptanceReceipt(sampleReceipt(), { signingKey: generateOfficeKeyPair(), font: { path: missing, postscriptName: 'X' } }),
    ).rejects.toMatchObject({ code: 'DOCUMENT_FONT_UNAVAILABLE', message: expect.stringContaining(`找不到字体文件 ${missing}`) });
  });

  it('reports a face the collection does not have, listing the ones it has', async () => {
    await expect(
      renderAcceptanceReceipt(sampleReceipt(), { signingKey: generateOfficeKeyPair(), font: { path: DEBIAN_NOTO_SERIF_CJK.path, postscriptName: 'SimSun' } }),
    ).rejects.toMatchObject({ code: 'DOCUMENT_FONT_UNAVAILABLE', message: expect.stringMatching(/没有名为 SimSun 的字体.*NotoSerifCJKsc-Regular/) });
  });

  it('refuses to print a character the font lacks instead of printing a blank', async () => {
    const data = sampleReceipt();
    data.applicants[0].name = '张\u{F0001}明'; // a private-use character: in no font, like an unencoded rare character
    await expect(renderAcceptanceReceipt(data, { signingKey: generateOfficeKeyPair() })).rejects.toMatchObject({
      code: 'DOCUMENT_FONT_MISSING_GLYPH',
      message: expect.stringContaining('U+F0001'),
    });
  });
});

function darkPixels(image: PNG): number {
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i] < 128) count++;
  return count;
}
