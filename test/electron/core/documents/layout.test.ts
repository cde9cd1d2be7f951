import { afterAll, describe, expect, it } from 'vitest';
import { fitText, KEEP_WHOLE_MIN_SIZE } from '../../../../electron/core/documents/layout/fit-text';
import { DocumentWriter } from '../../../../electron/core/documents/layout/document-writer';
import { columnsOf, drawTable } from '../../../../electron/core/documents/layout/table';
import type { TextMetrics } from '../../../../electron/core/documents/layout/text-metrics';
import { makeTempDir } from '../../../support/temp-dir';
import { layoutProblems, pdfPageWords, pdfText, writePdf } from './pdf-inspection';

/** Every character 1 em wide, lines 1.5 em: enough to reason about sizes. */
const metrics = {
  width: (text: string, size: number) => Array.from(text).length * size,
  lineHeight: (size: number) => 1.5 * size,
} as unknown as TextMetrics;

describe('fitting text into a box', () => {
  const sizes = [10.5, 9.5, 8.5];

  it('keeps the preferred size when the text fits', () => {
    expect(fitText('张晓明', 100, metrics, { sizes, maxLines: 3 })).toMatchObject({ size: 10.5, lines: ['张晓明'] });
  });

  it('steps down one size to stay on one line, but wraps rather than shrink further', () => {
    expect(fitText('一二三四五六七八九十', 96, metrics, { sizes, maxLines: 3 })).toMatchObject({ size: 9.5, lines: ['一二三四五六七八九十'] });
    const wrapped = fitText('一二三四五六七八九十一二', 96, metrics, { sizes, maxLines: 3 });
    expect(wrapped.size).toBe(10.5);
    expect(wrapped.lines).toEqual(['一二三四五六七八九', '十一二']);
  });

  it('shrinks a code down to the legible minimum before breaking it', () => {
    const code = '430102003004GB00123F00010203';
    expect(fitText(code, 28 * 7, metrics, { sizes, maxLines: 3, keepWhole: true })).toMatchObject({ size: 7, lines: [code] });
    const broken = fitText(code, 28 * (KEEP_WHOLE_MIN_SIZE - 0.5), metrics, { sizes, maxLines: 3, keepWhole: true });
    expect(broken.lines.length).toBeGreaterThan(1);
    expect(broken.lines.join('')).toBe(code);
  });

  it('lets the box grow at the smallest size when even that needs more lines', () => {
    const long = '湖'.repeat(100);
    const fitted = fitText(long, 85, metrics, { sizes, maxLines: 3 });
    expect(fitted.size).toBe(8.5);
    expect(fitted.lines.length).toBe(10);
    expect(fitted.height).toBeCloseTo(10 * 1.5 * 8.5);
  });
});

describe('tables across pages', () => {
  const dir = makeTempDir('bdc-layout-');
  afterAll(() => dir.remove());

  it('breaks between rows, repeats the header row on each new page and numbers the pages', async () => {
    const writer = await DocumentWriter.open({
      title: '分页测试',
      documentNumber: 'TEST-1',
      officeName: '长沙市不动产登记中心芙蓉区分中心',
      issuedDate: '2026-11-27',
      subject: 'TEST-1',
    });
    drawTable(writer, {
      caption: '材料清单',
      columns: columnsOf(10, 70, 20),
      header: [
        { text: '序号', kind: 'header' },
        { text: '材料名称', kind: 'header' },
        { text: '份数', kind: 'header' },
      ],
      rows: Array.from({ length: 80 }, (_, i) => [{ text: String(i + 1) }, { text: `第${i + 1}份材料` }, { text: '1' }]),
    });
    const path = writePdf(dir.path, 'pages', await writer.save());
    const pages = (await pdfText(path)).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain('序号');
      expect(page.replace(/\s+/g, '')).toContain(`第${i + 1}页共${pages.length}页`);
    });
    const all = pages.join('');
    for (let i = 1; i <= 80; i++) expect(all).toContain(`第${i}份材料`);
    expect(layoutProblems(await pdfPageWords(path))).toEqual([]);
  });
});
