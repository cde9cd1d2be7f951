import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { toPng, toSvg, toSvgPathData, type SignatureCapture } from '../../../native/sigpad/strokes';
import { SAMPLE_SIGNATURES, type SampleSignature } from '../../../native/sim/sample-signatures';
import { capture as captureArbitrary } from './arbitraries';

const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DEVICE = { vendor: '仿真设备', model: 'SP-2000', firmware: '1.0.0', maxPressure: 1023, sampleRateHz: 200 };

function captureOf(sample: SampleSignature): SignatureCapture {
  return { strokes: sample.strokes, width: sample.width, height: sample.height, device: DEVICE };
}

const zhangSan = captureOf(SAMPLE_SIGNATURES.zhangSan);

/** Rough XML check: one root, every tag closed in order, no stray angle brackets. */
function tagsBalance(svg: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^<>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0 && svg.replace(/<[^<>]*>/g, '').trim() === '';
}

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const PATH = new RegExp(String.raw`^M ${NUMBER} ${NUMBER}(?: (?:L ${NUMBER} ${NUMBER}|Q ${NUMBER} ${NUMBER} ${NUMBER} ${NUMBER}))+$`);

function coordinates(d: string): number[][] {
  const numbers = d.match(new RegExp(NUMBER, 'g'))!.map(Number);
  return numbers.flatMap((n, i) => (i % 2 === 0 ? [[n, numbers[i + 1]]] : []));
}

function decode(png: Buffer): PNG {
  return PNG.sync.read(png);
}

function pixel(image: PNG, x: number, y: number): { r: number; g: number; b: number; a: number } {
  const at = (Math.floor(y) * image.width + Math.floor(x)) * 4;
  return { r: image.data[at], g: image.data[at + 1], b: image.data[at + 2], a: image.data[at + 3] };
}

const luminance = ({ r, g, b }: { r: number; g: number; b: number }): number => 0.299 * r + 0.587 * g + 0.114 * b;

describe('signature as SVG', () => {
  it('is a well-formed SVG with one path per stroke, inside its viewBox', () => {
    const svg = toSvg(zhangSan, { widthPx: 600 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300">')).toBe(true);
    expect(tagsBalance(svg)).toBe(true);
    const paths = [...svg.matchAll(/<path stroke-width="([\d.]+)" d="([^"]*)"\/>/g)];
    expect(paths).toHaveLength(zhangSan.strokes.length);
    expect(svg.match(/<path/g)).toHaveLength(zhangSan.strokes.length);
    for (const [, width, d] of paths) {
      expect(d).toMatch(PATH);
      expect(Number(width)).toBeGreaterThan(0);
      for (const [x, y] of coordinates(d)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(600);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(300);
      }
    }
  });

  it('draws a firmer stroke wider than a light one', () => {
    const light = [{ x: 100, y: 100, pressure: 150, t: 0 }, { x: 900, y: 100, pressure: 150, t: 5 }];
    const firm = [{ x: 100, y: 500, pressure: 1000, t: 10 }, { x: 900, y: 500, pressure: 1000, t: 15 }];
    const svg = toSvg({ ...zhangSan, strokes: [light, firm] }, { widthPx: 400 });
    const widths = [...svg.matchAll(/stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBeGreaterThan(2 * widths[0]);
  });

  it('puts an optional background behind the ink and keeps colours from breaking the markup', () => {
    const svg = toSvg(zhangSan, { widthPx: 200, background: '#fff', ink: 'navy"/><script>' });
    expect(svg).toContain('<rect width="200" height="100" fill="#fff"/>');
    expect(svg).not.toContain('<script');
    expect(tagsBalance(svg)).toBe(true);
  });

  it('gives path data in a target box, y down, with M, L and Q only', () => {
    const box = { x: 50, y: 700, width: 200, height: 60 };
    const paths = toSvgPathData(zhangSan, box);
    expect(paths).toHaveLength(zhangSan.strokes.length);
    // The pad's 2:1 area in a 10:3 box: 120 wide, centred, full height.
    for (const d of paths) {
      expect(d).toMatch(PATH);
      for (const [x, y] of coordinates(d)) {
        expect(x).toBeGreaterThanOrEqual(50 + 40 - 0.01);
        expect(x).toBeLessThanOrEqual(50 + 160 + 0.01);
        expect(y).toBeGreaterThanOrEqual(700);
        expect(y).toBeLessThanOrEqual(760);
      }
    }
    // y grows downwards: the first stroke of 张 starts near the top, the last stroke of 三 near the bottom.
    const firstY = coordinates(paths[0])[0][1];
    const lastY = coordinates(paths[paths.length - 1])[0][1];
    expect(firstY).toBeLessThan(lastY);
  });

  it("fits the ink's bounding box to the box when asked, for a document's signature field", () => {
    const ink = toSvgPathData(zhangSan, { width: 300, height: 100, fit: 'ink' }).flatMap(coordinates);
    const xs = ink.map(([x]) => x);
    const ys = ink.map(([, y]) => y);
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    // One dimension nearly fills the box (less the 4 % margin on each side).
    expect(Math.max(spanX / 300, spanY / 100)).toBeGreaterThan(0.8);
  });

  it('draws a single touch as a zero-length line that round caps show as a dot', () => {
    const paths = toSvgPathData({ ...zhangSan, strokes: [[{ x: 1000, y: 500, pressure: 500, t: 0 }]] }, { width: 200, height: 100 });
    expect(paths).toEqual(['M 100 50 L 100 50']);
  });

  it('is accepted by pdf-lib drawSvgPath, which documents will use', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([595, 842]);
    for (const d of toSvgPathData(zhangSan, { width: 180, height: 60, fit: 'ink' })) {
      page.drawSvgPath(d, { x: 360, y: 160, borderWidth: 1.2 });
    }
    const bytes = await pdf.save({ useObjectStreams: false });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });
});

describe('signature as PNG', () => {
  it('has the requested size, ink on every sampled point and a white background far from the strokes', () => {
    const image = decode(toPng(zhangSan, { width: 800, height: 400 }));
    expect([image.width, image.height]).toEqual([800, 400]);
    // 2000×1000 device units into 800×400 pixels: 0.4 px per unit, no offset.
    for (const stroke of zhangSan.strokes) {
      for (const point of stroke) expect(luminance(pixel(image, point.x * 0.4, point.y * 0.4))).toBeLessThan(128);
    }
    expect(pixel(image, 5, 5)).toEqual({ r: 255, g: 255, b: 255, a: 255 });
    expect(pixel(image, 795, 395)).toEqual({ r: 255, g: 255, b: 255, a: 255 });
  });

  it('puts ink only near the strokes', () => {
    const width = 400;
    const image = decode(toPng(zhangSan, { width, height: 200 }));
    const points = zhangSan.strokes.map((stroke) => stroke.map((p) => [p.x * 0.2, p.y * 0.2] as const));
    // The widest line is 1.3 × the base width of 400/180 px, so ink ends within ~2 px of a segment.
    const reach = 1.3 * Math.max(1.2, width / 180) + 1;
    let inked = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        if (luminance(pixel(image, x, y)) > 250) continue;
        inked += 1;
        const near = points.some((stroke) =>
          stroke.some((a, i) => distanceToSegment(x + 0.5, y + 0.5, a, stroke[Math.min(i + 1, stroke.length - 1)]) <= reach),
        );
        expect(near, `ink at ${x},${y} is far from every stroke`).toBe(true);
      }
    }
    // Enough ink to be a signature, far too little to be a smear.
    expect(inked).toBeGreaterThan(1500);
    expect(inked).toBeLessThan(0.2 * width * 200);
  });

  it('leaves the background transparent when asked, with opaque ink', () => {
    const image = decode(toPng(zhangSan, { width: 400, height: 200, background: 'transparent' }));
    expect(pixel(image, 2, 2).a).toBe(0);
    const [first] = zhangSan.strokes[0].slice(10);
    expect(pixel(image, first.x * 0.2, first.y * 0.2).a).toBeGreaterThan(200);
  });

  it('centres the pad area in an image of another shape', () => {
    const image = decode(toPng(zhangSan, { width: 400, height: 400 }));
    // 2:1 area in a square: 400×200 band from y = 100; nothing above or below it.
    for (let x = 0; x < 400; x += 7) {
      expect(pixel(image, x, 99).r).toBe(255);
      expect(pixel(image, x, 301).r).toBe(255);
    }
    const point = zhangSan.strokes[0][20];
    expect(luminance(pixel(image, point.x * 0.2, 100 + point.y * 0.2))).toBeLessThan(128);
  });

  it('inks the pixel under every point of any capture, without throwing', () => {
    fc.assert(
      fc.property(captureArbitrary, (c) => {
        const width = 120;
        const height = 90;
        const image = decode(toPng(c, { width, height }));
        const scale = Math.min(width / c.width, height / c.height);
        const dx = (width - c.width * scale) / 2;
        const dy = (height - c.height * scale) / 2;
        for (const point of c.strokes.flat()) {
          // Clamped: a point on the far edge maps to the image's border (or -1e-15 by rounding).
          const x = Math.max(0, Math.min(width - 1, dx + point.x * scale));
          const y = Math.max(0, Math.min(height - 1, dy + point.y * scale));
          expect(luminance(pixel(image, x, y))).toBeLessThan(200);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses an impossible size', () => {
    expect(() => toPng(zhangSan, { width: 0, height: 10 })).toThrow(RangeError);
    expect(() => toPng(zhangSan, { width: 10.5, height: 10 })).toThrow(RangeError);
  });
});

describe('rendered samples for people to look at', () => {
  it('writes PNG and SVG of the sample signatures to test-results/sigpad', () => {
    const dir = join(PROJECT_ROOT, 'test-results', 'sigpad');
    mkdirSync(dir, { recursive: true });
    for (const [name, sample] of Object.entries(SAMPLE_SIGNATURES)) {
      const capture = captureOf(sample);
      const png = toPng(capture, { width: 800, height: 400 });
      writeFileSync(join(dir, `${name}.png`), png);
      writeFileSync(join(dir, `${name}.svg`), toSvg(capture, { widthPx: 800, background: '#ffffff' }));
      expect(decode(png).width).toBe(800);
    }
  });
});

function distanceToSegment(px: number, py: number, a: readonly [number, number], b: readonly [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / lengthSquared));
  return Math.hypot(px - a[0] - t * dx, py - a[1] - t * dy);
}

