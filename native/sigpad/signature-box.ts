import type { SignatureCapture } from './strokes';

/** A target rectangle, y-down, in whatever unit the output uses (px for SVG/PNG, pt for PDF). */
export interface Box {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/**
 * What is scaled into the box: the pad's whole writing area (the signature sits where the signer
 * put it, as on the pad's screen), or the ink's bounding box with a small margin (the signature
 * fills a document's signature field).
 */
export type FitMode = 'pad' | 'ink';

export interface Placement {
  /** Output units per device unit, the same on both axes so the handwriting keeps its shape. */
  scale: number;
  map(x: number, y: number): [number, number];
}

/** Scales uniformly and centres; y stays downwards (device and SVG alike). */
export function place(capture: SignatureCapture, box: Box, fit: FitMode = 'pad'): Placement {
  const source = fit === 'ink' ? inkBounds(capture) : { x: 0, y: 0, width: capture.width, height: capture.height };
  const scale = Math.min(box.width / source.width, box.height / source.height);
  const offsetX = (box.x ?? 0) + (box.width - source.width * scale) / 2 - source.x * scale;
  const offsetY = (box.y ?? 0) + (box.height - source.height * scale) / 2 - source.y * scale;
  return { scale, map: (x, y) => [offsetX + x * scale, offsetY + y * scale] };
}

/** Width of the line at a pressure: a light touch a third of the base, full force 1.3× the base. */
export function lineWidthAt(pressure: number, maxPressure: number, baseWidth: number): number {
  const force = Math.min(1, Math.max(0, pressure / maxPressure));
  return baseWidth * (0.3 + force);
}

function inkBounds(capture: SignatureCapture): { x: number; y: number; width: number; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const stroke of capture.strokes) {
    for (const { x, y } of stroke) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  if (minX > maxX) return { x: 0, y: 0, width: capture.width, height: capture.height };
  // A margin of 4 % of the ink's larger span keeps the thick line ends inside the box; the 1 % of
  // the pad's larger side keeps a single dot from being scaled up to fill the box.
  const margin = Math.max(0.04 * Math.max(maxX - minX, maxY - minY), 0.01 * Math.max(capture.width, capture.height));
  return { x: minX - margin, y: minY - margin, width: maxX - minX + 2 * margin, height: maxY - minY + 2 * margin };
}
