import { PNG } from 'pngjs';
import { lineWidthAt, place, type FitMode } from './signature-box';
import type { SignatureCapture } from './strokes';

export interface PngOptions {
  width: number;
  height: number;
  /** 'white' (default) for screens, 'transparent' to lay the signature over a form. */
  background?: 'white' | 'transparent';
  fit?: FitMode;
  /** RGB of the ink; a dark blue-black like a signing pen's by default. */
  ink?: [number, number, number];
  /** Line width at moderate pressure; about 1/180 of the width by default. */
  lineWidthPx?: number;
}

/**
 * Rasterises the strokes into a PNG for screens. Each segment between two samples is a thick line
 * whose width follows the pressure from one end to the other; a pixel's ink is how far its centre
 * lies inside that line (distance to the segment), which gives anti-aliased edges for free.
 */
export function toPng(capture: SignatureCapture, options: PngOptions): Buffer {
  const { width, height } = options;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width * height > 1 << 24) {
    throw new RangeError('width and height must be positive integers, at most 16 megapixels in all');
  }
  const coverage = new Float32Array(width * height);
  const placement = place(capture, { width, height }, options.fit);
  const base = options.lineWidthPx ?? Math.max(1.2, width / 180);
  const { maxPressure } = capture.device;
  for (const stroke of capture.strokes) {
    const points = stroke.map((p) => {
      const [x, y] = placement.map(p.x, p.y);
      // Never thinner than 1.5 px: a hairline would come out as faint grey dust on a screen.
      return { x, y, r: Math.max(0.75, lineWidthAt(p.pressure, maxPressure, base) / 2) };
    });
    if (points.length === 1) drawSegment(coverage, width, height, points[0], points[0]);
    for (let i = 1; i < points.length; i++) drawSegment(coverage, width, height, points[i - 1], points[i]);
  }
  return encode(coverage, width, height, options.ink ?? [0x14, 0x1e, 0x3c], options.background ?? 'white');
}

interface Disc {
  x: number;
  y: number;
  r: number;
}

function drawSegment(coverage: Float32Array, width: number, height: number, a: Disc, b: Disc): void {
  const reach = Math.max(a.r, b.r) + 1;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - reach));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - reach));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + reach));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  for (let py = y0; py <= y1; py++) {
    for (let px = x0; px <= x1; px++) {
      // Pixel centres sit at half-integers.
      const cx = px + 0.5 - a.x;
      const cy = py + 0.5 - a.y;
      const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, (cx * dx + cy * dy) / lengthSquared));
      const distance = Math.hypot(cx - t * dx, cy - t * dy);
      const radius = a.r + t * (b.r - a.r);
      const ink = Math.min(1, radius + 0.5 - distance);
      if (ink <= 0) continue;
      const index = py * width + px;
      if (ink > coverage[index]) coverage[index] = ink;
    }
  }
}

function encode(
  coverage: Float32Array,
  width: number,
  height: number,
  ink: [number, number, number],
  background: 'white' | 'transparent',
): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < coverage.length; i++) {
    const c = coverage[i];
    const at = i * 4;
    if (background === 'white') {
      png.data[at] = Math.round(255 + (ink[0] - 255) * c);
      png.data[at + 1] = Math.round(255 + (ink[1] - 255) * c);
      png.data[at + 2] = Math.round(255 + (ink[2] - 255) * c);
      png.data[at + 3] = 255;
    } else {
      png.data[at] = ink[0];
      png.data[at + 1] = ink[1];
      png.data[at + 2] = ink[2];
      png.data[at + 3] = Math.round(255 * c);
    }
  }
  return PNG.sync.write(png);
}
