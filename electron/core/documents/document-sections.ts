import type { Office, Unit } from './document-data';
import { CONTENT } from './layout/page-geometry';
import type { DocumentWriter } from './layout/document-writer';
import type { TextCell } from './layout/table';
import { columnsOf } from './layout/table';
import { chineseDate, unitArea, unitUse } from './text-format';

/** Pieces several documents share: the heading, the issuing office's block, unit rows. */

/** A four-column label/value grid: label, value, label, value. */
export const GRID_COLUMNS = columnsOf(16, 34, 16, 34);

export function label(text: string, span = 1): TextCell {
  return { text, kind: 'label', span };
}

/** A column heading of a list. */
export function header(text: string): TextCell {
  return { text, kind: 'header' };
}

export function value(text: string, span = 1): TextCell {
  return { text, kind: 'value', span };
}

/** A value that must stay on one line: a case number, a unit code, an ID number. */
export function code(text: string, span = 1): TextCell {
  return { text, kind: 'value', span, keepWhole: true };
}

/** The title, and under it at the right the number the document is filed under. */
export function drawHeading(writer: DocumentWriter, title: string, numberLine: string): void {
  writer.gap(4);
  writer.title(title, 20);
  writer.gap(2);
  const size = 10.5;
  writer.textLine(numberLine, { x: CONTENT.left, top: writer.y, width: CONTENT.width, size, align: 'right' });
  writer.gap(writer.metrics.lineHeight(size) + 4);
}

/**
 * The closing block: the clerk at the left; the office and the date at the right, with room above
 * them for the office's seal (印章), which is stamped on the paper over the office's name.
 */
export function drawIssuer(writer: DocumentWriter, issuer: { office: Office; issuedDate: string; clerkName: string; clerkTitle?: string }): void {
  const lineHeight = writer.metrics.lineHeight(ISSUER_SIZE);
  writer.ensureSpace(issuerHeight(writer));
  writer.gap(SEAL_ROOM);
  const right = { x: CONTENT.left + CONTENT.width * 0.45, width: CONTENT.width * 0.55, size: ISSUER_SIZE, align: 'right' as const };
  writer.textLine(`${issuer.clerkTitle ?? '经办人'}：${issuer.clerkName}`, { x: CONTENT.left, top: writer.y, size: ISSUER_SIZE });
  writer.textLine(`${issuer.office.name}（印章）`, { ...right, top: writer.y });
  writer.gap(lineHeight);
  writer.textLine(chineseDate(issuer.issuedDate), { ...right, top: writer.y });
  writer.gap(lineHeight);
}

const ISSUER_SIZE = 11;
const SEAL_ROOM = 24;

/** The height of drawIssuer's block, to keep the text before it on the same page. */
export function issuerHeight(writer: DocumentWriter): number {
  return SEAL_ROOM + 2 * writer.metrics.lineHeight(ISSUER_SIZE);
}

function areaText(unit: Unit): string {
  const a = unitArea(unit);
  return `${a.value}${a.unit}`;
}

/** Two grid rows per unit: its code with use and area, then its location across the row. */
export function unitGridRows(units: readonly Unit[]): TextCell[][] {
  return units.flatMap((unit, i) => {
    const suffix = units.length > 1 ? `（${i + 1}）` : '';
    return [
      [label(`不动产单元号${suffix}`), code(unit.unitCode), label('用途/面积'), value(`${unitUse(unit)}／${areaText(unit)}`)],
      [label(`坐落${suffix}`), value(unit.address, 3)],
    ];
  });
}

/**
 * Notes under a document, numbered, in a smaller size. They stay together on one page, and with
 * `keepWithNext` points of whatever follows (the issuer's block: a seal alone on a page is avoided).
 */
export function drawNotes(writer: DocumentWriter, heading: string, notes: readonly string[], options: { keepWithNext?: number } = {}): void {
  const size = 9.5;
  const item = { size, x: CONTENT.left + size, width: CONTENT.width - size };
  const lines = notes.map((note, i) => `${i + 1}. ${note}`);
  const height = writer.paragraphHeight(heading, { size }) + lines.reduce((sum, line) => sum + writer.paragraphHeight(line, item), 0);
  writer.gap(6);
  writer.ensureSpace(height + (options.keepWithNext ?? 0));
  writer.paragraph(heading, { size });
  for (const line of lines) writer.paragraph(line, item);
}
