import { signatureError } from './signature-errors';

/**
 * Captured signatures as plain data. Coordinates are the pad's device units with the origin at the
 * top-left and y growing downwards (the pad's own convention, and SVG's); `t` is milliseconds since
 * the capture started; pressure runs from 1 to device.maxPressure inside a stroke (0 = pen up on the
 * wire, never stored in a stroke).
 */
export interface PenPoint {
  x: number;
  y: number;
  pressure: number;
  t: number;
}

export type Stroke = PenPoint[];

export interface SignatureDevice {
  vendor: string;
  model: string;
  firmware: string;
  /** Pressure reported at full force (Wacom STU: 1023). */
  maxPressure: number;
  sampleRateHz: number;
}

export interface SignatureCapture {
  strokes: Stroke[];
  /** Size of the writing area in device units. */
  width: number;
  height: number;
  device: SignatureDevice;
  /**
   * Pen points the pad sent that never arrived intact (corrupted on the line): the pad reports how
   * many it sent with 确认. Absent or 0 when the capture is complete; a few lost points leave a
   * straight gap inside a stroke, which the clerk may accept or have the signer sign again.
   */
  lostPoints?: number;
}

/**
 * Turns the points of a capture, in the order they arrived, into strokes: a stroke ends where the
 * pen is lifted (pressure 0); a point at the same place as the one before it adds nothing and is
 * dropped; points outside the writing area (which a sound pad never sends) are dropped.
 */
export function splitStrokes(points: Iterable<PenPoint>, area: { width: number; height: number }): Stroke[] {
  const strokes: Stroke[] = [];
  let current: Stroke = [];
  for (const point of points) {
    if (point.pressure <= 0) {
      if (current.length > 0) strokes.push(current);
      current = [];
      continue;
    }
    if (!insideArea(point, area)) continue;
    const last = current[current.length - 1];
    if (last && last.x === point.x && last.y === point.y) continue;
    current.push({ x: point.x, y: point.y, pressure: point.pressure, t: point.t });
  }
  if (current.length > 0) strokes.push(current);
  return strokes;
}

/**
 * The capture with its strokes normalised (see splitStrokes). Throws SIGNATURE_EMPTY when no ink is
 * left: a signer who pressed 确认 without writing must be asked to sign.
 */
export function normaliseCapture(capture: SignatureCapture): SignatureCapture {
  const strokes = capture.strokes.flatMap((stroke) => splitStrokes(withPenUp(stroke), capture));
  if (strokes.length === 0) throw signatureError('SIGNATURE_EMPTY');
  return { ...capture, strokes };
}

export function pointCount(strokes: readonly Stroke[]): number {
  return strokes.reduce((sum, stroke) => sum + stroke.length, 0);
}

function insideArea(point: PenPoint, area: { width: number; height: number }): boolean {
  return (
    Number.isFinite(point.x) &&
    Number.isFinite(point.y) &&
    point.x >= 0 &&
    point.y >= 0 &&
    point.x <= area.width &&
    point.y <= area.height
  );
}

function* withPenUp(stroke: Stroke): Iterable<PenPoint> {
  yield* stroke;
  const last = stroke[stroke.length - 1];
  if (last) yield { ...last, pressure: 0 };
}

export { toSvg, toSvgPathData } from './signature-svg';
export { toPng } from './signature-png';
