import type { PenPoint } from '../sigpad/strokes';

/**
 * Invented signatures for the signature pad simulator, training mode and tests: fictional names
 * written as hand-drawn-looking strokes, built from smooth curves through control points with a
 * pen's speed profile (slow at the ends of a stroke, fast in the middle), pressure that rises as the
 * pen lands and fades as it lifts, a slight slant and tremor. Nobody's real signature.
 * Coordinates are device units of the simulated pad (SAMPLE_PAD_AREA), y down, sampled at 200 Hz.
 */
export interface SampleSignature {
  label: string;
  width: number;
  height: number;
  maxPressure: number;
  strokes: PenPoint[][];
}

export const SAMPLE_PAD_AREA = { width: 2000, height: 1000, maxPressure: 1023, sampleRateHz: 200 } as const;
const SAMPLE_MS = 1000 / SAMPLE_PAD_AREA.sampleRateHz;

type Point = [number, number];

/** A character as strokes of control points in a 1000 × 1000 box, y down. */
interface Glyph {
  strokes: Point[][];
}

/** 张 in a running hand: 弓 written in one movement, then 长. */
const ZHANG: Glyph = {
  strokes: [
    [
      [90, 180], [230, 150], [335, 165], [318, 250], [295, 330], [190, 345], [115, 350], [105, 430],
      [100, 500], [215, 490], [335, 500], [330, 610], [310, 720], [270, 830], [200, 790],
    ],
    [[830, 140], [730, 240], [610, 350]],
    [[420, 475], [660, 455], [940, 440]],
    [[565, 140], [560, 400], [552, 650], [548, 800], [640, 735], [705, 690]],
    [[650, 505], [745, 640], [850, 760], [965, 835]],
  ],
};

/** 三: three rising strokes, the second short, the last long with a lift at its end. */
const SAN: Glyph = {
  strokes: [
    [[160, 240], [450, 205], [760, 200], [800, 225]],
    [[230, 490], [470, 465], [690, 460]],
    [[80, 790], [480, 745], [880, 735], [950, 765]],
  ],
};

/** 李: 木 over 子. */
const LI: Glyph = {
  strokes: [
    [[150, 230], [500, 212], [860, 195]],
    [[500, 60], [506, 250], [500, 430]],
    [[470, 245], [360, 345], [200, 430]],
    [[560, 265], [680, 330], [820, 400]],
    [[280, 500], [520, 490], [720, 478], [610, 560], [520, 625], [530, 780], [520, 930], [440, 875]],
    [[120, 720], [500, 705], [905, 690]],
  ],
};

/** 四: the frame, the two strokes inside, the closing bottom. */
const SI: Glyph = {
  strokes: [
    [[150, 220], [150, 520], [165, 820]],
    [[150, 222], [500, 202], [850, 195], [858, 500], [850, 820]],
    [[420, 225], [405, 420], [300, 600]],
    [[600, 225], [595, 450], [605, 585], [730, 590]],
    [[165, 812], [500, 806], [845, 800]],
  ],
};

// Drawn on first use (a pen simulation of a few thousand points each): not while the app starts.
const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};
const zhangSan = once(() =>
  write('张三', [
    { glyph: ZHANG, x: 170, y: 110, size: 800, slant: 0.14 },
    { glyph: SAN, x: 1080, y: 230, size: 640, slant: 0.14 },
  ], 0x2a5e),
);
const liSi = once(() =>
  write('李四', [
    { glyph: LI, x: 180, y: 120, size: 760, slant: 0.1 },
    { glyph: SI, x: 1060, y: 190, size: 700, slant: 0.1 },
  ], 0x11c4),
);
const loops = once(() => scrawl(0x5eed));

export const SAMPLE_SIGNATURES = {
  /** 张三, the textbook placeholder name. */
  get zhangSan(): SampleSignature {
    return zhangSan();
  },
  /** 李四, the other placeholder name. */
  get liSi(): SampleSignature {
    return liSi();
  },
  /** An illegible looping scrawl with an underline, like many signatures in a hurry. */
  get loops(): SampleSignature {
    return loops();
  },
} satisfies Record<string, SampleSignature>;

export type SampleSignatureName = keyof typeof SAMPLE_SIGNATURES;

// ---- the pen ----

interface Placed {
  glyph: Glyph;
  x: number;
  y: number;
  size: number;
  /** Rightward lean of the upright strokes, as handwriting has. */
  slant: number;
}


function write(label: string, glyphs: Placed[], seed: number): SampleSignature {
  const random = seededRandom(seed);
  const paths = glyphs.flatMap(({ glyph, x, y, size, slant }) =>
    glyph.strokes.map((stroke) =>
      stroke.map(([gx, gy]): Point => [x + (size * (gx + slant * (1000 - gy))) / 1000, y + (size * gy) / 1000]),
    ),
  );
  return { label, ...area(), strokes: penStrokes(paths.map(smoothPath), random) };
}

function scrawl(seed: number): SampleSignature {
  const random = seededRandom(seed);
  // A prolate cycloid: a point on a wheel rolling right, with a radius larger than the rolling
  // distance per turn, draws the loops of a fast cursive "llll".
  const loops: Point[] = [];
  for (let i = 0; i <= 900; i++) {
    const u = i / 900;
    const turn = 2 * Math.PI * 5.5 * u;
    // Loops of uneven size and a baseline that drifts, as a hurried hand makes them.
    const radius = 130 + 45 * Math.sin(7.3 * u + 0.6);
    const rise = 0.75 + 0.35 * Math.sin(11 * u + 1.1);
    loops.push([250 + 1350 * u + radius * Math.sin(turn), 600 - 90 * u - radius * (1 - Math.cos(turn)) * rise]);
  }
  const underline: Point[] = smoothPath([[180, 800], [700, 770], [1300, 745], [1780, 700]]);
  return { label: '连笔花签', ...area(), strokes: penStrokes([loops, underline], random) };
}

function area(): { width: number; height: number; maxPressure: number } {
  return { width: SAMPLE_PAD_AREA.width, height: SAMPLE_PAD_AREA.height, maxPressure: SAMPLE_PAD_AREA.maxPressure };
}

/**
 * Samples each path as a pen would: 200 Hz, speed following a minimum-jerk profile (zero at both
 * ends, fastest mid-stroke), pressure with a landing, a plateau and a lift, a hair of tremor, and a
 * pause between strokes while the pen travels in the air.
 */
function penStrokes(paths: Point[][], random: () => number): PenPoint[][] {
  const { width, height, maxPressure } = SAMPLE_PAD_AREA;
  let t = 0;
  return paths.map((path) => {
    const length = pathLength(path);
    // About 2.5 device units per millisecond at full speed, and never a stroke under 60 ms.
    const durationMs = Math.max(60, length / 1.6);
    const samples = Math.max(2, Math.round(durationMs / SAMPLE_MS));
    const wobble = random() * 6;
    const stroke: PenPoint[] = [];
    for (let k = 0; k <= samples; k++) {
      const u = k / samples;
      const travelled = length * (u - Math.sin(2 * Math.PI * u) / (2 * Math.PI));
      const [px, py] = pointAt(path, travelled);
      const envelope = smoothstep(0, 0.12, u) * (1 - 0.75 * smoothstep(0.65, 1, u));
      const force = (0.22 + 0.62 * envelope) * (1 + 0.06 * Math.sin(14 * u + wobble)) + (random() - 0.5) * 0.03;
      stroke.push({
        x: clamp(Math.round(px + (random() - 0.5) * 2), 0, width),
        y: clamp(Math.round(py + (random() - 0.5) * 2), 0, height),
        pressure: clamp(Math.round(force * maxPressure), 1, maxPressure),
        t: Math.round(t + k * SAMPLE_MS),
      });
    }
    t += samples * SAMPLE_MS + 90 + random() * 120;
    return stroke;
  });
}

/** A Catmull–Rom spline through the control points, as a dense polyline. */
function smoothPath(control: Point[]): Point[] {
  if (control.length < 2) return control;
  const points: Point[] = [];
  const at = (i: number): Point => control[Math.max(0, Math.min(control.length - 1, i))];
  for (let i = 0; i < control.length - 1; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    for (let s = 0; s < 24; s++) {
      const u = s / 24;
      const u2 = u * u;
      const u3 = u2 * u;
      const c = (a: number, b: number, d: number, e: number): number =>
        0.5 * (2 * b + (d - a) * u + (2 * a - 5 * b + 4 * d - e) * u2 + (3 * b - a - 3 * d + e) * u3);
      points.push([c(p0[0], p1[0], p2[0], p3[0]), c(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  points.push(control[control.length - 1]);
  return points;
}

function pathLength(path: Point[]): number {
  let length = 0;
  for (let i = 1; i < path.length; i++) length += Math.hypot(path[i][0] - path[i - 1][0], path[i][1] - path[i - 1][1]);
  return length;
}

/** The point at arc length `distance` along the polyline. */
function pointAt(path: Point[], distance: number): Point {
  let remaining = distance;
  for (let i = 1; i < path.length; i++) {
    const [ax, ay] = path[i - 1];
    const [bx, by] = path[i];
    const segment = Math.hypot(bx - ax, by - ay);
    if (remaining <= segment && segment > 0) {
      const f = remaining / segment;
      return [ax + f * (bx - ax), ay + f * (by - ay)];
    }
    remaining -= segment;
  }
  return path[path.length - 1];
}

function smoothstep(edge0: number, edge1: number, x: number): number {
  const u = clamp((x - edge0) / (edge1 - edge0), 0, 1);
  return u * u * (3 - 2 * u);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Mulberry32: the same samples on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
