import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create as createFont } from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateFacts } from '../../../../electron/core/certificates/certificate-facts';
import { certificateFont } from '../../../../electron/core/certificates/layout/certificate-font';
import { MARGIN, PAGE, TABLE } from '../../../../electron/core/certificates/layout/certificate-geometry';
import { renderCertificateOfd } from '../../../../electron/core/certificates/layout/render-certificate-ofd';
import { CUSTOM_TAG_PATH } from '../../../../electron/core/certificates/ofd/custom-tags';
import { isOfdError } from '../../../../electron/core/certificates/ofd/ofd-errors';
import { partText, xmlPart, type OfdFiles } from '../../../../electron/core/certificates/ofd/ofd-files';
import { expandDeltas, readOfd, readTaggedFields, type OfdDocumentRead } from '../../../../electron/core/certificates/ofd/ofd-reader';
import { unzipOfd } from '../../../../electron/core/certificates/ofd/ofd-unzip';
import { zipOfd } from '../../../../electron/core/certificates/ofd/ofd-zip';
import { sampleCertificateFacts, sampleProofFacts, SAMPLE_IDENTIFIER, SAMPLE_QR_TEXT } from '../../../fixtures/certificates/sample-certificate-facts';
import { makeTempDir } from '../../../support/temp-dir';
import { decodeQrCodes } from '../documents/pdf-inspection';

const options = { qrText: SAMPLE_QR_TEXT, identifier: SAMPLE_IDENTIFIER };

async function render(facts: CertificateFacts): Promise<{ files: OfdFiles; read: OfdDocumentRead }> {
  // Through the ZIP and back, as a reader of the file would see it.
  const files = await unzipOfd(await zipOfd(await renderCertificateOfd(facts, options)));
  return { files, read: readOfd(files) };
}

async function refusal(facts: CertificateFacts): Promise<{ code: string; message: string }> {
  try {
    await renderCertificateOfd(facts, options);
  } catch (error) {
    if (isOfdError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the certificate was rendered');
}

/** The text a metadata field's tagged objects show, lines joined, whitespace removed. */
function taggedText(read: OfdDocumentRead, field: string): string {
  const fields = readTaggedFields(read.customTags[0].root);
  const refs = fields.get(field)?.objectRefs ?? [];
  const byId = new Map(read.pages.flatMap((p) => p.texts.map((t) => [`${p.id}/${t.id}`, t.text] as const)));
  return refs.map((r) => byId.get(`${r.pageRef}/${r.id}`) ?? `<missing ${r.pageRef}/${r.id}>`).join('').replace(/\s+/g, '');
}

const compact = (s: string) => s.replace(/\s+/g, '');

describe('renderCertificateOfd', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    temp = makeTempDir('cert-ofd-');
  });
  afterAll(() => temp.remove());

  it('writes every part of an unsigned OFD package, with the ofd: prefix and no Signatures element', async () => {
    const { files, read } = await render(sampleCertificateFacts());
    expect([...files.keys()].map((path) => path.replace(/image_\d+\.png$/, 'image_N.png')).sort()).toEqual(
      [
        'Doc_0/Document.xml',
        'Doc_0/DocumentRes.xml',
        'Doc_0/Pages/Page_0/Content.xml',
        'Doc_0/PublicRes.xml',
        'Doc_0/Res/font_1.ttf',
        'Doc_0/Res/image_N.png',
        'Doc_0/Tags/CustomTag.xml',
        'Doc_0/Tags/CustomTags.xml',
        'OFD.xml',
      ].sort(),
    );
    const ofd = partText(files, 'OFD.xml');
    expect(ofd).toContain('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"');
    expect(ofd).toContain('<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>');
    expect(ofd).not.toContain('Signatures');
    expect(read.signatures).toBeNull();
    expect(read.docInfo).toMatchObject({ title: '不动产权证书 湘(2026)长沙市不动产权第0000123号', creationDate: '2026-12-04', author: '长沙市芙蓉区不动产登记中心' });
    expect(read.docInfo.docId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('carries the GB/T 36903 metadata in DocInfo and every field, with its value, in the custom tag part', async () => {
    const facts = sampleCertificateFacts();
    const { read } = await render(facts);
    const data = read.docInfo.customData;
    expect(data.get('ZZMC')).toBe('中华人民共和国不动产权证书');
    expect(data.get('ZZLXDM')).toBe('11100000MB03271699001');
    expect(data.get('ZZBH')).toBe(facts.number);
    expect(data.get('ZZBS')).toBe(SAMPLE_IDENTIFIER);
    expect(data.get('ZZBFJGDM')).toBe('11430102MB1234567X');
    expect(data.get('CZZT')).toBe('李明、王芳');
    expect(data.get('CZZTDM')).toBe('430102198503150017、430104198707220026');
    expect(data.get('CZZTDMLX')).toBe('公民身份号码、公民身份号码');
    expect(read.customTags).toHaveLength(1);
    expect(read.customTags[0].path).toBe(CUSTOM_TAG_PATH);
    const fields = readTaggedFields(read.customTags[0].root);
    expect(fields.get('KZ_ZL')?.value).toBe(facts.location);
    expect(fields.get('KZ_QLQTZK')?.value).toBe(facts.otherStatus.join('\n'));
    expect(fields.get('KZ_EWMNR')?.value).toBe(SAMPLE_QR_TEXT);
    expect(fields.get('KZ_YWH')?.value).toBe(facts.businessNumber);
  });

  it('draws each field so that the text read back from the page equals the facts', async () => {
    const facts = sampleCertificateFacts();
    const { read } = await render(facts);
    expect(taggedText(read, 'KZ_BDCQZH')).toBe(facts.number);
    expect(taggedText(read, 'KZ_QLR')).toBe('李明、王芳');
    expect(taggedText(read, 'KZ_GYQK')).toBe(facts.coOwnership);
    expect(taggedText(read, 'KZ_ZL')).toBe(compact(facts.location));
    expect(taggedText(read, 'KZ_BDCDYH')).toBe(facts.unitCode);
    expect(taggedText(read, 'KZ_QLLX')).toBe(facts.rightType);
    expect(taggedText(read, 'KZ_QLXZ')).toBe(facts.rightNature);
    expect(taggedText(read, 'KZ_YT')).toBe(facts.use);
    expect(taggedText(read, 'KZ_MJ')).toBe(facts.area);
    expect(taggedText(read, 'KZ_SYQX')).toBe(compact(facts.term));
    expect(taggedText(read, 'KZ_QLQTZK')).toBe(compact(facts.otherStatus.join('')));
    expect(taggedText(read, 'KZ_FJ')).toBe(compact(facts.notes.join('')));
    expect(taggedText(read, 'ZZBFJG')).toBe(`登记机构：${facts.office.name}`);
    expect(taggedText(read, 'ZZBFRQ')).toBe('2026年12月4日');
    expect(taggedText(read, 'ZZBS')).toBe(`证照标识：${SAMPLE_IDENTIFIER}`);
    const all = read.pages[0].texts.map((t) => t.text).join('|');
    for (const caption of ['权利人', '共有情况', '坐落', '不动产单元号', '权利类型', '权利性质', '用途', '面积', '使用期限', '权利其他状况', '附记']) {
      expect(all.split('|')).toContain(caption);
    }
  });

  it('draws the proof page with its own fields', async () => {
    const facts = sampleProofFacts();
    const { read } = await render(facts);
    expect(read.docInfo.customData.get('ZZMC')).toBe('不动产登记证明');
    expect(taggedText(read, 'KZ_ZMQLSX')).toBe('抵押权');
    expect(taggedText(read, 'KZ_QLR')).toBe('中国建设银行股份有限公司长沙芙蓉支行');
    expect(taggedText(read, 'KZ_YWR')).toBe('李明、王芳');
    expect(taggedText(read, 'KZ_QT')).toBe(compact(facts.other.join('')));
    const captions = read.pages[0].texts.map((t) => t.text);
    for (const caption of ['证明权利或事项', '义务人', '坐落', '不动产单元号', '其他', '附记']) expect(captions).toContain(caption);
    expect(captions.some((c) => c.startsWith('权利人'))).toBe(true);
  });

  it('embeds a valid font subset that has every drawn character as a real glyph, and places glyphs by its advances', async () => {
    const { read } = await render(sampleCertificateFacts());
    const [font] = [...read.fonts.values()];
    expect(font.familyName).toBe('Noto Serif SC');
    const face = createFont(Buffer.from(font.file)) as unknown as {
      numGlyphs: number;
      unitsPerEm: number;
      hasGlyphForCodePoint(cp: number): boolean;
      glyphForCodePoint(cp: number): { id: number; advanceWidth: number; path: { commands: unknown[] } };
    };
    expect(face.numGlyphs).toBeLessThan(400);
    const full = await certificateFont();
    for (const text of read.pages[0].texts) {
      const chars = Array.from(text.text);
      for (const char of chars) {
        const cp = char.codePointAt(0) as number;
        expect(face.hasGlyphForCodePoint(cp), char).toBe(true);
        // Not blank: every non-space character has an outline (the @pdf-lib/fontkit trap printed blanks).
        if (char.trim() !== '') expect(face.glyphForCodePoint(cp).path.commands.length, char).toBeGreaterThan(0);
      }
      // DeltaX equals the subset font's own advance times the size.
      for (let i = 1; i < chars.length; i++) {
        const expected = (face.glyphForCodePoint(chars[i - 1].codePointAt(0) as number).advanceWidth / face.unitsPerEm) * text.size;
        expect(text.positions[i].x - text.positions[i - 1].x).toBeCloseTo(expected, 2);
        expect(expected).toBeCloseTo(full.advance(chars[i - 1]) * text.size, 6);
      }
    }
  });

  it('resolves every Font and ResourceID, and its 2D code image decodes to the QR text', async () => {
    const { read } = await render(sampleCertificateFacts());
    const page = read.pages[0];
    expect(page.images).toHaveLength(1);
    const image = read.images.get(page.images[0].resourceId);
    expect(image?.format).toBe('PNG');
    const png = join(temp.path, 'qr.png');
    writeFileSync(png, image?.file as Uint8Array);
    expect(await decodeQrCodes(png)).toEqual([SAMPLE_QR_TEXT]);
    expect(page.paths.length).toBeGreaterThan(10);
  });

  it('refuses a package whose references name nothing', async () => {
    const files = await renderCertificateOfd(sampleCertificateFacts(), options);
    const noFont = new Map(files);
    noFont.delete('Doc_0/Res/font_1.ttf');
    expect(() => readOfd(noFont)).toThrow(expect.objectContaining({ code: 'OFD_PART_INVALID' }));
    const badRef = new Map(files);
    badRef.set('Doc_0/Pages/Page_0/Content.xml', xmlPart(partText(files, 'Doc_0/Pages/Page_0/Content.xml').replace(/Font="1"/, 'Font="999"')));
    expect(() => readOfd(badRef)).toThrow(expect.objectContaining({ code: 'OFD_PART_INVALID' }));
    const doctype = new Map(files);
    doctype.set('OFD.xml', xmlPart('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><ofd:OFD/>'));
    expect(() => readOfd(doctype)).toThrow(expect.objectContaining({ code: 'OFD_PART_INVALID' }));
  });

  it('gives the same bytes for the same facts', async () => {
    const a = await zipOfd(await renderCertificateOfd(sampleCertificateFacts(), options));
    const b = await zipOfd(await renderCertificateOfd(sampleCertificateFacts(), options));
    expect(a.equals(b)).toBe(true);
  });

  it('escapes markup characters in values and reads them back unchanged', async () => {
    const facts = sampleCertificateFacts({ holders: [{ name: 'A&B<置业>"有限"公司', idType: '统一社会信用代码', idNumber: '91430100MA4L12345N', share: null }] });
    const { read } = await render(facts);
    expect(taggedText(read, 'KZ_QLR')).toBe('A&B<置业>"有限"公司');
    expect(read.docInfo.customData.get('CZZT')).toBe('A&B<置业>"有限"公司');
  });

  it('wraps a very long 坐落 inside its cell and keeps every text on the page', async () => {
    const location = '芙蓉区五一大道与芙蓉中路交汇处东北角锦绣华庭小区（二期）三栋二单元一千五百零二室及地下一层B2-117号车位、B2-118号车位和储藏室'.repeat(2);
    const { read } = await render(sampleCertificateFacts({ location }));
    expect(taggedText(read, 'KZ_ZL')).toBe(compact(location));
    const fields = readTaggedFields(read.customTags[0].root);
    const ids = new Set(fields.get('KZ_ZL')?.objectRefs.map((r) => r.id));
    const runs = read.pages[0].texts.filter((t) => ids.has(t.id));
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) {
      const last = run.positions[run.positions.length - 1];
      expect(run.positions[0].x).toBeGreaterThanOrEqual(MARGIN.left + TABLE.captionWidth);
      expect(last.x + run.size).toBeLessThanOrEqual(MARGIN.right + 0.01);
    }
    for (const text of read.pages[0].texts) {
      for (const p of text.positions) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThan(PAGE.width);
        expect(p.y).toBeLessThan(PAGE.height);
      }
    }
  });

  it('refuses a 坐落 too long for any page, naming the field', async () => {
    const refused = await refusal(sampleCertificateFacts({ location: '很长的坐落'.repeat(400) }));
    expect(refused.code).toBe('OFD_FACTS_INVALID');
    expect(refused.message).toContain('坐落');
  });

  it('lists 100 holders on appendix pages, every one of them, and summarises them on the main page', async () => {
    const holders = Array.from({ length: 100 }, (_, i) => ({ name: `权利人${String(i + 1).padStart(3, '0')}号`, idType: '居民身份证', idNumber: '430102198503150017', share: '1/100' }));
    const { read } = await render(sampleCertificateFacts({ holders, coOwnership: '按份共有' }));
    expect(read.pages.length).toBeGreaterThan(2);
    expect(taggedText(read, 'KZ_QLR').startsWith('权利人001号、权利人002号、权利人003号等100人（详见附页）')).toBe(true);
    const appendixText = read.pages.slice(1).flatMap((p) => p.texts.map((t) => t.text));
    for (const holder of holders) expect(appendixText).toContain(holder.name);
    expect(read.docInfo.customData.get('CZZT')?.split('、')).toHaveLength(100);
  });

  it('draws a rare character the font has (龘) and refuses one it lacks (𠀀) with a clear code, never a blank box', async () => {
    const { read } = await render(sampleCertificateFacts({ holders: [{ name: '龘明', idType: '居民身份证', idNumber: '430102198503150017', share: null }] }));
    expect(taggedText(read, 'KZ_QLR')).toBe('龘明');
    const refused = await refusal(sampleCertificateFacts({ holders: [{ name: '张𠀀', idType: '居民身份证', idNumber: '430102198503150017', share: null }] }));
    expect(refused.code).toBe('OFD_FONT_MISSING_GLYPH');
    expect(refused.message).toContain('𠀀');
    expect(refused.message).toContain('U+20000');
    expect(refused.message).toContain('权利人');
  });

  it('refuses empty facts with a message naming what is missing', async () => {
    expect(await refusal(sampleCertificateFacts({ holders: [] }))).toMatchObject({ code: 'OFD_FACTS_INVALID', message: expect.stringContaining('权利人') });
    expect(await refusal(sampleCertificateFacts({ number: '' }))).toMatchObject({ code: 'OFD_FACTS_INVALID', message: expect.stringContaining('证号') });
    expect(await refusal(sampleCertificateFacts({ location: '  ' }))).toMatchObject({ code: 'OFD_FACTS_INVALID', message: expect.stringContaining('坐落') });
    expect(await refusal(sampleCertificateFacts({ issueDate: '2026/12/04' }))).toMatchObject({ code: 'OFD_FACTS_INVALID' });
  });
});

describe('expandDeltas', () => {
  it('expands g-groups as GB/T 33190 writes them', () => {
    expect(expandDeltas('g 3 3.7 1.85 g 2 1')).toEqual([3.7, 3.7, 3.7, 1.85, 1, 1]);
    expect(expandDeltas('')).toEqual([]);
  });
});
