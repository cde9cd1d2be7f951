import type { CertificateFacts } from '../certificate-facts';
import type { CertificateFont } from './certificate-font';
import { MARGIN, NUMBER_LINE, PAGE, TABLE } from './certificate-geometry';
import { baselineIn, fitCell, textRun, textWidth } from './cell-text';
import type { DrawItem, PageDrawing } from './drawing';

/**
 * Holders beyond what the 权利人 cell holds at its smallest size are listed on appendix pages
 * (附页), the way registers print "张三等100人（详见附页）": every holder stays on the
 * certificate, none is cut off, and the main page keeps its layout.
 */
export const MAX_HOLDER_LINES = 6;

const ROW_HEIGHT = 7;
const TOP = 52;
const BOTTOM = 280;
const COLUMNS = [
  { caption: '序号', width: 20 },
  { caption: '权利人', width: 110 },
  { caption: '份额', width: 40 },
] as const;

export function holderAppendixPages(font: CertificateFont, facts: CertificateFacts): PageDrawing[] {
  const perPage = Math.floor((BOTTOM - TOP) / ROW_HEIGHT) - 1;
  const pageCount = Math.ceil(facts.holders.length / perPage);
  const pages: PageDrawing[] = [];
  for (let p = 0; p < pageCount; p++) {
    const items: DrawItem[] = [];
    const title = `附页　权利人清单（共${facts.holders.length}人，第${p + 1}页/共${pageCount}页）`;
    const centred = (text: string, baseline: number, size: number) =>
      items.push(textRun(font, text, PAGE.width / 2 - textWidth(font, text, size) / 2, baseline, size));
    centred(title, 30, 5);
    centred(facts.number, NUMBER_LINE.baseline, NUMBER_LINE.size);
    const holders = facts.holders.slice(p * perPage, (p + 1) * perPage);
    const rows: string[][] = [COLUMNS.map((c) => c.caption), ...holders.map((h, i) => [String(p * perPage + i + 1), h.name, h.share ?? ''])];
    const height = rows.length * ROW_HEIGHT;
    items.push({ kind: 'rect', x: MARGIN.left, y: TOP, w: MARGIN.right - MARGIN.left, h: height, lineWidth: TABLE.lineWidth });
    let x = MARGIN.left;
    for (const column of COLUMNS.slice(0, -1)) {
      x += column.width;
      items.push({ kind: 'line', x1: x, y1: TOP, x2: x, y2: TOP + height, lineWidth: TABLE.lineWidth });
    }
    rows.forEach((cells, r) => {
      const top = TOP + r * ROW_HEIGHT;
      if (r > 0) items.push({ kind: 'line', x1: MARGIN.left, y1: top, x2: MARGIN.right, y2: top, lineWidth: TABLE.lineWidth });
      let left = MARGIN.left;
      cells.forEach((cell, c) => {
        const width = COLUMNS[c].width - 2 * TABLE.padding;
        const fit = fitCell(font, cell, width, { maxLines: 1, keepWhole: true, sizes: [3.3, 3.0, 2.7, 2.5] });
        const text = fit.lines.join('');
        items.push(textRun(font, text, left + TABLE.padding, baselineIn(font, top, fit.size, ROW_HEIGHT), fit.size, r > 0 && c === 1 ? 'KZ_QLR' : undefined));
        left += COLUMNS[c].width;
      });
    });
    pages.push({ widthMm: PAGE.width, heightMm: PAGE.height, items });
  }
  return pages;
}
