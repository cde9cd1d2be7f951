import type { Align, Box, DocumentWriter } from './document-writer';
import { INK, LABEL_FILL } from './colors';
import { fitText, type FittedText } from './fit-text';
import { CONTENT } from './page-geometry';

/**
 * Bordered tables, the shape of every form at the counter: label/value grids (labels shaded and
 * centred) and lists with a header row (materials, fees, applicants). Every cell fits its text by
 * stepping the size down or wrapping (fit-text.ts); a row is as tall as its tallest cell; a row
 * that does not fit starts a new page, where the header row is repeated.
 */
export interface TextCell {
  text: string;
  /** label: shaded, centred; header: shaded, centred, column heading; value: plain. */
  kind?: 'label' | 'header' | 'value';
  /** How many columns the cell spans (1 by default). */
  span?: number;
  align?: Align;
  /** A code or number (unit code, ID number, phone): shrink to keep it on one line (fit-text.ts). */
  keepWhole?: boolean;
}

/** A cell drawn by the caller (a signature box): it asks for a height and draws into its box. */
export interface CustomCell {
  span?: number;
  height: number;
  draw(writer: DocumentWriter, box: Box): void;
}

export type Cell = TextCell | CustomCell;

export interface TableSpec {
  /** Column widths in points; they should add up to the content width. */
  columns: readonly number[];
  header?: readonly TextCell[];
  rows: ReadonlyArray<readonly Cell[]>;
  /** A heading above the table, kept on the same page as the first row. */
  caption?: string;
  /** Rows are at least this tall (MIN_ROW_HEIGHT by default): a one-page document may set it tighter. */
  minRowHeight?: number;
}

const PAD_X = 4;
const PAD_Y = 3.5;
const MIN_ROW_HEIGHT = 22;
const BORDER = 0.6;
const SIZES: Record<NonNullable<TextCell['kind']>, readonly number[]> = {
  label: [10.5, 9.5, 9],
  header: [10, 9, 8.5],
  value: [10.5, 9.5, 8.5],
};
const MAX_LINES = 3;
const CAPTION_SIZE = 11.5;

export function drawTable(writer: DocumentWriter, spec: TableSpec): void {
  const header = spec.header ? layoutRow(writer, spec.columns, spec.header, spec.minRowHeight) : undefined;
  const rows = spec.rows.map((row) => layoutRow(writer, spec.columns, row, spec.minRowHeight));
  const captionHeight = spec.caption ? writer.metrics.lineHeight(CAPTION_SIZE) + 2 : 0;
  writer.ensureSpace(captionHeight + (header?.height ?? 0) + (rows[0]?.height ?? 0));
  if (spec.caption) {
    writer.textLine(spec.caption, { x: CONTENT.left, top: writer.y, size: CAPTION_SIZE });
    writer.y += captionHeight;
  }
  if (header) drawRow(writer, header);
  for (const row of rows) {
    if (writer.ensureSpace(row.height) && header) drawRow(writer, header);
    drawRow(writer, row);
  }
}

/** The height a table will take (without page breaks), for keeping things together. */
export function tableHeight(writer: DocumentWriter, spec: TableSpec): number {
  const rows = [...(spec.header ? [spec.header] : []), ...spec.rows];
  const captionHeight = spec.caption ? writer.metrics.lineHeight(CAPTION_SIZE) + 2 : 0;
  return captionHeight + rows.reduce((sum, row) => sum + layoutRow(writer, spec.columns, row, spec.minRowHeight).height, 0);
}

interface PlacedCell {
  cell: Cell;
  x: number;
  width: number;
  fitted?: FittedText;
}

interface RowLayout {
  cells: PlacedCell[];
  height: number;
}

function layoutRow(writer: DocumentWriter, columns: readonly number[], row: readonly Cell[], minHeight = MIN_ROW_HEIGHT): RowLayout {
  let column = 0;
  let x = CONTENT.left;
  let height = minHeight;
  const cells: PlacedCell[] = row.map((cell) => {
    const span = cell.span ?? 1;
    const width = columns.slice(column, column + span).reduce((a, b) => a + b, 0);
    column += span;
    const placed: PlacedCell = { cell, x, width };
    x += width;
    if (isCustom(cell)) {
      height = Math.max(height, cell.height);
    } else {
      placed.fitted = fitText(cell.text, width - 2 * PAD_X, writer.metrics, {
        sizes: SIZES[cell.kind ?? 'value'],
        maxLines: MAX_LINES,
        keepWhole: cell.keepWhole,
      });
      height = Math.max(height, placed.fitted.height + 2 * PAD_Y);
    }
    return placed;
  });
  if (column !== columns.length) throw new Error(`table row spans ${column} of ${columns.length} columns`);
  return { cells, height };
}

function drawRow(writer: DocumentWriter, row: RowLayout): void {
  const top = writer.y;
  for (const { cell, x, width, fitted } of row.cells) {
    const box = { x, top, width, height: row.height };
    const shaded = !isCustom(cell) && (cell.kind === 'label' || cell.kind === 'header');
    writer.rect(box, { fill: shaded ? LABEL_FILL : undefined, border: INK, borderWidth: BORDER });
    if (isCustom(cell)) {
      cell.draw(writer, box);
      continue;
    }
    if (!fitted) continue;
    const align = cell.align ?? (shaded ? 'center' : 'left');
    let lineTop = top + (row.height - fitted.height) / 2;
    for (const line of fitted.lines) {
      writer.textLine(line, { x: x + PAD_X, top: lineTop, width: width - 2 * PAD_X, size: fitted.size, align, lineHeight: fitted.lineHeight });
      lineTop += fitted.lineHeight;
    }
  }
  writer.y += row.height;
}

function isCustom(cell: Cell): cell is CustomCell {
  return 'draw' in cell;
}

/** Column widths in points from proportions (they need not add up to 1). */
export function columnsOf(...proportions: number[]): number[] {
  const total = proportions.reduce((a, b) => a + b, 0);
  return proportions.map((p) => (p / total) * CONTENT.width);
}
