/**
 * A page as drawn: what the certificate layout produces and what both the OFD writer and the PDF
 * renderer draw, so the two renditions put the same text at the same places. Millimetres, origin
 * at the top-left corner, y downwards (OFD's page space, GB/T 33190 §8.1); the PDF renderer flips.
 */
export interface PageDrawing {
  widthMm: number;
  heightMm: number;
  items: DrawItem[];
}

export type DrawItem = TextRun | LineItem | RectItem | ImageItem;

/**
 * One line of text in one size. `advances` holds each character's advance (mm) from the font's
 * own metrics, in the order of `Array.from(text)`: OFD places each glyph by them (DeltaX), and the
 * PDF draws the same font, whose advances are the same numbers.
 */
export interface TextRun {
  kind: 'text';
  x: number;
  baseline: number;
  /** Em size in millimetres. */
  size: number;
  text: string;
  advances: number[];
  /** The metadata field this run shows (e.g. ZL 坐落), so the OFD's custom tags can point at it. */
  field?: string;
}

export interface LineItem {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth: number;
}

export interface RectItem {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  lineWidth: number;
}

export interface ImageItem {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  png: Uint8Array;
}
