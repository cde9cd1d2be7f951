/**
 * Inlines every subroutine call of a Type 2 charstring (Adobe TN #5177), so a subset font needs no
 * subroutines at all.
 *
 * Why: fontkit 2 subsets a CFF font by keeping every subroutine index at full length and blanking
 * the unused entries. Noto Serif/Sans CJK keep ~26 000 local subroutines in their ideograph font
 * dicts, so even a one-word subset carries ~90 KB of empty index entries, which would put every
 * document over the 100 KB budget. Inlined charstrings cost a few hundred bytes per glyph instead.
 */
export interface SubroutineSource {
  count: number;
  /** The raw bytes of subroutine `index` (unbiased), or undefined when it does not exist. */
  get(index: number): Uint8Array | undefined;
}

export class UnsupportedCharstring extends Error {}

/** Returns the charstring with all callsubr/callgsubr replaced by the subroutines' bodies. */
export function desubroutinize(charstring: Uint8Array, local: SubroutineSource, global: SubroutineSource): Uint8Array {
  const state: State = { out: [], operands: [], stems: 0, ended: false };
  run(charstring, state, { local, global, localBias: bias(local.count), globalBias: bias(global.count) }, 0);
  if (!state.ended) state.out.push(ENDCHAR);
  return Uint8Array.from(state.out);
}

const CALLSUBR = 10;
const RETURN = 11;
const ESCAPE = 12;
const ENDCHAR = 14;
const HINTMASK = 19;
const CNTRMASK = 20;
const CALLGSUBR = 29;
const SHORTINT = 28;
/** hstem, vstem, hstemhm, vstemhm: each pair of operands declares one stem hint. */
const STEM_OPERATORS = new Set([1, 3, 18, 23]);
/** Escape operators 12 3…12 30 are arithmetic and storage: they change the stack in ways this pass does not model. */
const ARITHMETIC_ESCAPES = new Set([3, 4, 5, 9, 10, 11, 12, 14, 15, 18, 20, 21, 22, 23, 24, 26, 27, 28, 29, 30]);
/** The Type 2 limit on subroutine nesting. */
const MAX_DEPTH = 10;

interface State {
  out: number[];
  /** Where each operand on the argument stack starts in `out`, and its value. */
  operands: Array<{ start: number; value: number }>;
  stems: number;
  ended: boolean;
}

interface Subroutines {
  local: SubroutineSource;
  global: SubroutineSource;
  localBias: number;
  globalBias: number;
}

function run(code: Uint8Array, state: State, subrs: Subroutines, depth: number): void {
  if (depth > MAX_DEPTH) throw new UnsupportedCharstring('subroutines nested too deeply');
  let i = 0;
  while (i < code.length && !state.ended) {
    const b = code[i];
    if (b >= 32 || b === SHORTINT) {
      const length = b === SHORTINT ? 3 : b <= 246 ? 1 : b <= 254 ? 2 : 5;
      if (i + length > code.length) throw new UnsupportedCharstring('operand runs past the end');
      state.operands.push({ start: state.out.length, value: operandValue(code, i) });
      for (let k = 0; k < length; k++) state.out.push(code[i + k]);
      i += length;
      continue;
    }
    if (b === CALLSUBR || b === CALLGSUBR) {
      const index = state.operands.pop();
      if (!index) throw new UnsupportedCharstring('subroutine call without an index');
      // The index is the operand just written: drop it from the output, inline the body instead.
      state.out.length = index.start;
      const source = b === CALLSUBR ? subrs.local : subrs.global;
      const body = source.get(index.value + (b === CALLSUBR ? subrs.localBias : subrs.globalBias));
      if (!body) throw new UnsupportedCharstring(`subroutine ${index.value} does not exist`);
      run(body, state, subrs, depth + 1);
      i += 1;
      continue;
    }
    if (b === RETURN) return;
    if (b === ENDCHAR) {
      state.out.push(b);
      state.ended = true;
      return;
    }
    if (b === ESCAPE) {
      const op = code[i + 1];
      if (op === undefined || ARITHMETIC_ESCAPES.has(op)) throw new UnsupportedCharstring(`escape operator 12 ${op}`);
      state.out.push(b, op);
      state.operands = [];
      i += 2;
      continue;
    }
    if (STEM_OPERATORS.has(b) || b === HINTMASK || b === CNTRMASK) {
      // Operands left before a hintmask are an implicit vstem; an odd count carries the width first.
      state.stems += state.operands.length >> 1;
      state.operands = [];
      state.out.push(b);
      i += 1;
      if (b === HINTMASK || b === CNTRMASK) {
        const maskBytes = (state.stems + 7) >> 3;
        if (i + maskBytes > code.length) throw new UnsupportedCharstring('hint mask runs past the end');
        for (let k = 0; k < maskBytes; k++) state.out.push(code[i + k]);
        i += maskBytes;
      }
      continue;
    }
    // Every other operator (the path operators) consumes the whole argument stack.
    state.out.push(b);
    state.operands = [];
    i += 1;
  }
}

/** Type 2 operand encodings (TN #5177 §3.2). */
function operandValue(code: Uint8Array, i: number): number {
  const b = code[i];
  if (b === SHORTINT) return (((code[i + 1] << 8) | code[i + 2]) << 16) >> 16;
  if (b <= 246) return b - 139;
  if (b <= 250) return (b - 247) * 256 + code[i + 1] + 108;
  if (b <= 254) return -(b - 251) * 256 - code[i + 1] - 108;
  return ((code[i + 1] << 24) | (code[i + 2] << 16) | (code[i + 3] << 8) | code[i + 4]) / 65536;
}

/** Subroutine numbers are stored biased by an amount that depends on how many there are (TN #5177 §4.7). */
function bias(count: number): number {
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}
