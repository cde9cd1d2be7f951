import { CERTIFICATE_TITLES, type CertificateFacts, type CertificateParty } from '../certificate-facts';
import { OfdError } from '../ofd/ofd-errors';
import type { CertificateFont } from './certificate-font';
import { FOOTER, MARGIN, NOTES_BOX, NUMBER_LINE, PAGE, QR_BOX, TABLE, TITLE } from './certificate-geometry';
import { baselineIn, fitCell, requireGlyphs, textRun, textWidth, type FittedCell } from './cell-text';
import type { DrawItem, PageDrawing } from './drawing';
import { holderAppendixPages, MAX_HOLDER_LINES } from './holder-appendix';

/**
 * The certificate's (不动产权证书) or proof's (不动产登记证明) page drawn from its facts: title,
 * number, the 2D code, the bordered table of fields, 附记, issuing authority and date, and the
 * 证照标识. Many holders that do not fit their cell are listed on appendix pages (附页).
 * Each value's text runs carry the metadata field they show (KZ_… keys, certificate-metadata.ts).
 */
export interface PageInput {
  facts: CertificateFacts;
  font: CertificateFont;
  identifier: string;
  qrPng: Uint8Array;
}

interface Row {
  caption: string;
  field: string;
  value: string;
  minHeight: number;
  maxLines: number;
  keepWhole?: boolean;
  /** The row that takes the table's remaining height (权利其他状况 / 其他). */
  flex?: boolean;
}

export function certificatePages(input: PageInput): PageDrawing[] {
  const { facts, font } = input;
  checkFacts(facts);
  const holders = holdersText(facts.holders);
  const holdersFit = fitCell(font, holders, valueWidth(), { maxLines: MAX_HOLDER_LINES });
  const appendix = holdersFit.lines.length > MAX_HOLDER_LINES;
  const holderValue = appendix ? holderSummary(facts.holders) : holders;
  const rows = facts.kind === 'certificate' ? certificateRows(facts, holderValue) : proofRows(facts, holderValue);
  for (const row of rows) requireGlyphs(font, row.caption, row.value);
  const texts: Array<[string, string]> = [
    ['登记机构', facts.office.name],
    ['附记', facts.notes.join('\n')],
    ['证号', facts.number],
  ];
  for (const [caption, text] of texts) requireGlyphs(font, caption, text);
  if (appendix) for (const holder of facts.holders) requireGlyphs(font, '权利人', holder.name);

  const items: DrawItem[] = [];
  header(items, input);
  table(items, font, rows);
  notes(items, font, facts.notes);
  footer(items, input);
  const main: PageDrawing = { widthMm: PAGE.width, heightMm: PAGE.height, items };
  return appendix ? [main, ...holderAppendixPages(font, facts)] : [main];
}

function checkFacts(facts: CertificateFacts): void {
  const required: Array<[string, string]> = [
    ['证号', facts.number],
    ['坐落', facts.location],
    ['不动产单元号', facts.unitCode],
    ['登记机构', facts.office.name],
    ['登簿日期', facts.issueDate],
  ];
  for (const [caption, value] of required) {
    if (!value || value.trim() === '') throw new OfdError('OFD_FACTS_INVALID', `证书信息缺少“${caption}”，无法生成证书。请核对登簿结果后重试。`);
  }
  if (facts.holders.length === 0 || facts.holders.some((h) => h.name.trim() === '')) {
    throw new OfdError('OFD_FACTS_INVALID', '证书信息缺少权利人姓名（名称），无法生成证书。请核对登簿结果后重试。');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(facts.issueDate)) {
    throw new OfdError('OFD_FACTS_INVALID', `登簿日期“${facts.issueDate}”格式不正确，应为 YYYY-MM-DD。`);
  }
}

export function holdersText(holders: CertificateParty[]): string {
  return holders.map((h) => (h.share ? `${h.name}（${h.share}）` : h.name)).join('、');
}

function holderSummary(holders: CertificateParty[]): string {
  return `${holders.slice(0, 3).map((h) => h.name).join('、')}等${holders.length}人（详见附页）`;
}

function certificateRows(f: CertificateFacts, holders: string): Row[] {
  return [
    { caption: '权利人', field: 'KZ_QLR', value: holders, minHeight: 12, maxLines: MAX_HOLDER_LINES },
    { caption: '共有情况', field: 'KZ_GYQK', value: f.coOwnership, minHeight: 9, maxLines: 2 },
    { caption: '坐落', field: 'KZ_ZL', value: f.location, minHeight: 12, maxLines: 3 },
    { caption: '不动产单元号', field: 'KZ_BDCDYH', value: f.unitCode, minHeight: 9, maxLines: 1, keepWhole: true },
    { caption: '权利类型', field: 'KZ_QLLX', value: f.rightType, minHeight: 9, maxLines: 2 },
    { caption: '权利性质', field: 'KZ_QLXZ', value: f.rightNature, minHeight: 9, maxLines: 2 },
    { caption: '用途', field: 'KZ_YT', value: f.use, minHeight: 9, maxLines: 2 },
    { caption: '面积', field: 'KZ_MJ', value: f.area, minHeight: 9, maxLines: 2 },
    { caption: '使用期限', field: 'KZ_SYQX', value: f.term, minHeight: 9, maxLines: 2 },
    { caption: '权利其他状况', field: 'KZ_QLQTZK', value: f.otherStatus.join('\n'), minHeight: 20, maxLines: 40, flex: true },
  ];
}

function proofRows(f: CertificateFacts, holders: string): Row[] {
  return [
    { caption: '证明权利或事项', field: 'KZ_ZMQLSX', value: f.provedMatter, minHeight: 10, maxLines: 2 },
    { caption: '权利人（申请人）', field: 'KZ_QLR', value: holders, minHeight: 12, maxLines: MAX_HOLDER_LINES },
    { caption: '义务人', field: 'KZ_YWR', value: holdersText(f.obligors), minHeight: 12, maxLines: 4 },
    { caption: '坐落', field: 'KZ_ZL', value: f.location, minHeight: 12, maxLines: 3 },
    { caption: '不动产单元号', field: 'KZ_BDCDYH', value: f.unitCode, minHeight: 9, maxLines: 1, keepWhole: true },
    { caption: '其他', field: 'KZ_QT', value: f.other.join('\n'), minHeight: 30, maxLines: 40, flex: true },
  ];
}

function valueWidth(): number {
  return MARGIN.right - MARGIN.left - TABLE.captionWidth - 2 * TABLE.padding;
}

function header(items: DrawItem[], input: PageInput): void {
  const { font, facts } = input;
  const title = CERTIFICATE_TITLES[facts.kind];
  // Letter-spaced like the printed title: one em between characters.
  const spaced = Array.from(title).join(' ');
  requireGlyphs(font, '标题', title);
  centred(items, font, spaced, TITLE.baseline, TITLE.size);
  const number = fitCell(font, facts.number, 2 * (QR_BOX.x - PAGE.width / 2 - 3), { maxLines: 1, keepWhole: true, sizes: [NUMBER_LINE.size, 3.7, 3.3] });
  centred(items, font, number.lines.join(''), NUMBER_LINE.baseline, number.size, 'KZ_BDCQZH');
  items.push({ kind: 'image', ...QR_BOX, png: input.qrPng });
}

function centred(items: DrawItem[], font: CertificateFont, text: string, baseline: number, size: number, field?: string): void {
  const width = textWidth(font, text, size);
  items.push(textRun(font, text, PAGE.width / 2 - width / 2, baseline, size, field));
}

function table(items: DrawItem[], font: CertificateFont, rows: Row[]): void {
  const width = valueWidth();
  const fits = rows.map((row) => fitCell(font, row.value, width, { maxLines: row.maxLines, keepWhole: row.keepWhole }));
  const heights = rows.map((row, i) => Math.max(row.minHeight, fits[i].height + 2 * TABLE.padding));
  const fixed = heights.reduce((sum, h, i) => (rows[i].flex ? sum : sum + h), 0);
  const flexIndex = rows.findIndex((r) => r.flex);
  const room = TABLE.bottom - TABLE.top - fixed;
  const flexNeeds = flexIndex >= 0 ? heights[flexIndex] : 0;
  if (room < flexNeeds) {
    // Blame the free-text row when it is what overflows, else the fixed row that grew the most.
    const grown = rows
      .map((row, i) => ({ row, extra: row.flex ? -1 : heights[i] - row.minHeight }))
      .sort((a, b) => b.extra - a.extra)[0];
    const flexOverflows = flexIndex >= 0 && TABLE.bottom - TABLE.top - rows.reduce((s, r, i) => (r.flex ? s : s + r.minHeight), 0) < flexNeeds;
    throw tooLong(flexOverflows ? rows[flexIndex].caption : grown.row.caption);
  }
  if (flexIndex >= 0) heights[flexIndex] = room;

  const captionRight = MARGIN.left + TABLE.captionWidth;
  items.push({ kind: 'rect', x: MARGIN.left, y: TABLE.top, w: MARGIN.right - MARGIN.left, h: TABLE.bottom - TABLE.top, lineWidth: TABLE.lineWidth });
  items.push({ kind: 'line', x1: captionRight, y1: TABLE.top, x2: captionRight, y2: TABLE.bottom, lineWidth: TABLE.lineWidth });
  let top = TABLE.top;
  rows.forEach((row, i) => {
    const height = heights[i];
    if (i > 0) items.push({ kind: 'line', x1: MARGIN.left, y1: top, x2: MARGIN.right, y2: top, lineWidth: TABLE.lineWidth });
    caption(items, font, row.caption, MARGIN.left, top, TABLE.captionWidth, height);
    // Values start at the top of a tall free-text cell and are centred in a one-value row.
    const block = fits[i];
    const blockTop = row.flex ? top + TABLE.padding : top + (height - block.height) / 2;
    lines(items, font, block, captionRight + TABLE.padding, blockTop, row.field);
    top += height;
  });
}

function tooLong(caption: string): OfdError {
  return new OfdError('OFD_FACTS_INVALID', `“${caption}”内容过长，证书页面放不下。请精简登簿信息中的该项内容（或改为“详见附记”）后重新生成。`);
}

function caption(items: DrawItem[], font: CertificateFont, text: string, x: number, top: number, width: number, height: number): void {
  const fit = fitCell(font, text, width - 2 * TABLE.padding, { maxLines: 2, sizes: [3.7, 3.3, 3.0] });
  let lineTop = top + (height - fit.height) / 2;
  for (const line of fit.lines) {
    const w = textWidth(font, line, fit.size);
    items.push(textRun(font, line, x + (width - w) / 2, baselineIn(font, lineTop, fit.size, fit.lineHeight), fit.size));
    lineTop += fit.lineHeight;
  }
}

function lines(items: DrawItem[], font: CertificateFont, block: FittedCell, x: number, top: number, field: string): void {
  let lineTop = top;
  for (const line of block.lines) {
    if (line !== '') items.push(textRun(font, line, x, baselineIn(font, lineTop, block.size, block.lineHeight), block.size, field));
    lineTop += block.lineHeight;
  }
}

function notes(items: DrawItem[], font: CertificateFont, notesLines: string[]): void {
  const height = NOTES_BOX.bottom - NOTES_BOX.top;
  const captionRight = MARGIN.left + TABLE.captionWidth;
  items.push({ kind: 'rect', x: MARGIN.left, y: NOTES_BOX.top, w: MARGIN.right - MARGIN.left, h: height, lineWidth: TABLE.lineWidth });
  items.push({ kind: 'line', x1: captionRight, y1: NOTES_BOX.top, x2: captionRight, y2: NOTES_BOX.bottom, lineWidth: TABLE.lineWidth });
  caption(items, font, '附记', MARGIN.left, NOTES_BOX.top, TABLE.captionWidth, height);
  const block = fitCell(font, notesLines.join('\n'), valueWidth(), { maxLines: 8 });
  if (block.height + 2 * TABLE.padding > height) throw tooLong('附记');
  lines(items, font, block, captionRight + TABLE.padding, NOTES_BOX.top + TABLE.padding, 'KZ_FJ');
}

function footer(items: DrawItem[], input: PageInput): void {
  const { font, facts } = input;
  const right = (text: string, baseline: number, size: number, field?: string) =>
    items.push(textRun(font, text, MARGIN.right - 4 - textWidth(font, text, size), baseline, size, field));
  const authority = fitCell(font, `登记机构：${facts.office.name}`, 110, { maxLines: 1, sizes: [FOOTER.size, 3.3, 3.0, 2.7] });
  right(authority.lines.join(''), FOOTER.authorityBaseline, authority.size, 'ZZBFJG');
  right(chineseDate(facts.issueDate), FOOTER.dateBaseline, FOOTER.size, 'ZZBFRQ');
  items.push(textRun(font, `证照标识：${input.identifier}`, MARGIN.left, FOOTER.identifierBaseline, FOOTER.smallSize, 'ZZBS'));
}

/** 2026-12-04 → 2026年12月4日, as dates are written on certificates. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
