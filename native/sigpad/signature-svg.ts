import { lineWidthAt, place, type Box, type FitMode } from './signature-box';
import type { SignatureCapture, Stroke } from './strokes';

export interface SvgOptions {
  widthPx: number;
  /** Defaults to the width times the pad's aspect ratio. */
  heightPx?: number;
  fit?: FitMode;
  /** CSS colour of the ink; a dark blue-black like a signing pen's by default. */
  ink?: string;
  /** CSS colour of a background rectangle; none (transparent) by default. */
  background?: string;
  /** Line width at moderate pressure; about 1/180 of the width by default. */
  lineWidthPx?: number;
}

/**
 * The signature as a standalone SVG document for archiving and documents: one <path> per stroke,
 * smooth (quadratic curves through the midpoints), round caps and joins, each stroke as wide as its
 * average pressure.
 */
export function toSvg(capture: SignatureCapture, options: SvgOptions): string {
  const width = positive(options.widthPx, 'widthPx');
  const height = positive(options.heightPx ?? Math.round((width * capture.height) / capture.width), 'heightPx');
  const base = options.lineWidthPx ?? Math.max(1.2, width / 180);
  const ink = attribute(options.ink ?? '#141e3c');
  const paths = toSvgPathData(capture, { width, height, fit: options.fit });
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    ...(options.background
      ? [`  <rect width="${width}" height="${height}" fill="${attribute(options.background)}"/>`]
      : []),
    `  <g fill="none" stroke="${ink}" stroke-linecap="round" stroke-linejoin="round">`,
    ...paths.map((d, i) => {
      const strokeWidth = lineWidthAt(meanPressure(capture.strokes[i]), capture.device.maxPressure, base);
      return `    <path stroke-width="${num(strokeWidth)}" d="${d}"/>`;
    }),
    '  </g>',
    '</svg>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * One SVG path string per stroke, placed in `box` (y-down, origin at the box's top-left corner
 * when x and y are omitted), using only M, L and Q commands with absolute coordinates. This is
 * what pdf-lib's `page.drawSvgPath(d, { x, y, borderWidth, borderColor })` takes: it flips y
 * itself, so pass the PDF point of the box's top-left corner as x, y and these paths draw upright.
 */
export function toSvgPathData(capture: SignatureCapture, box: Box & { fit?: FitMode }): string[] {
  const placement = place(capture, box, box.fit);
  return capture.strokes.map((stroke) => pathData(stroke.map((p) => placement.map(p.x, p.y))));
}

function pathData(points: [number, number][]): string {
  const [first] = points;
  if (!first) return '';
  const at = (p: [number, number]): string => `${num(p[0])} ${num(p[1])}`;
  // A dot: a zero-length line, which round caps draw as a disc.
  if (points.length === 1) return `M ${at(first)} L ${at(first)}`;
  const parts = [`M ${at(first)}`];
  // Quadratic curves with the samples as control points and the midpoints between them as ends:
  // a smooth line through the pad's 200 Hz samples instead of visible corners.
  for (let i = 1; i < points.length - 1; i++) {
    const mid: [number, number] = [(points[i][0] + points[i + 1][0]) / 2, (points[i][1] + points[i + 1][1]) / 2];
    parts.push(`Q ${at(points[i])} ${at(mid)}`);
  }
  parts.push(`L ${at(points[points.length - 1])}`);
  return parts.join(' ');
}

function meanPressure(stroke: Stroke): number {
  return stroke.reduce((sum, p) => sum + p.pressure, 0) / Math.max(1, stroke.length);
}

function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
  return value;
}

/** Colours come from configuration: keep them from breaking out of the attribute. */
function attribute(value: string): string {
  return value.replace(/[<>"'&]/g, '');
}
