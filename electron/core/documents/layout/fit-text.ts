import type { TextMetrics } from './text-metrics';
import { wrapText } from './text-wrap';

export interface FitOptions {
  /** Sizes to try, largest first; the first is the preferred size. */
  sizes: readonly number[];
  /** Wrap into at most this many lines before giving up and letting the box grow. */
  maxLines: number;
  /**
   * A code or number that must not be broken (unit code, ID number, phone): shrink it as far as
   * KEEP_WHOLE_MIN_SIZE to keep it on one line, and only then break it.
   */
  keepWhole?: boolean;
}

export interface FittedText {
  size: number;
  lines: string[];
  lineHeight: number;
  height: number;
}

/** Still legible on a laser print (about 2.3 mm tall): the floor for a code kept on one line. */
export const KEEP_WHOLE_MIN_SIZE = 6.5;

/**
 * Chooses how a value fills a box of `width`. Prose: on one line at the preferred size or one step
 * smaller; else wrapped at the largest size that needs no more than `maxLines` lines; else wrapped
 * at the smallest size, as many lines as it takes (the box grows). So a short name stays at the
 * body size, a long one shrinks a step, and a 70-character address wraps instead of shrinking to
 * nothing. Codes (`keepWhole`) shrink further before they are broken.
 */
export function fitText(text: string, width: number, metrics: TextMetrics, options: FitOptions): FittedText {
  const oneLine = options.keepWhole ? keepWholeSizes(options.sizes) : options.sizes.slice(0, 2);
  for (const size of oneLine) {
    if (!text.includes('\n') && metrics.width(text, size) <= width) return fitted(size, [text], metrics);
  }
  const attempts = options.sizes.map((size) => ({ size, lines: wrapText(text, width, (s) => metrics.width(s, size)) }));
  const choice = attempts.find((a) => a.lines.length <= options.maxLines) ?? attempts[attempts.length - 1];
  return fitted(choice.size, choice.lines, metrics);
}

function keepWholeSizes(sizes: readonly number[]): number[] {
  const all = [...sizes];
  for (let size = Math.min(...sizes) - 0.5; size >= KEEP_WHOLE_MIN_SIZE; size -= 0.5) all.push(size);
  return all;
}

function fitted(size: number, lines: string[], metrics: TextMetrics): FittedText {
  const lineHeight = metrics.lineHeight(size);
  return { size, lines, lineHeight, height: lineHeight * lines.length };
}
