import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { desubroutinize, UnsupportedCharstring, type SubroutineSource } from '../../../../electron/core/documents/fonts/cff-desubroutinize';

// Type 2 charstring bytes (Adobe TN #5177): 32–246 encode the integers −107…107 (value + 139).
const n = (value: number) => value + 139;
const RMOVETO = 21;
const RLINETO = 5;
const HSTEMHM = 18;
const HINTMASK = 19;
const CALLSUBR = 10;
const CALLGSUBR = 29;
const RETURN = 11;
const ENDCHAR = 14;

function subrs(...bodies: number[][]): SubroutineSource {
  return { count: bodies.length, get: (i) => (bodies[i] ? Uint8Array.from(bodies[i]) : undefined) };
}

const none = subrs();

describe('inlining CFF subroutines', () => {
  it('replaces a local subroutine call (index biased by 107) with the body, without its return', () => {
    const local = subrs([n(10), n(20), RMOVETO, RETURN]);
    const glyph = Uint8Array.from([n(-107), CALLSUBR, n(5), n(5), RLINETO, ENDCHAR]);
    expect([...desubroutinize(glyph, local, none)]).toEqual([n(10), n(20), RMOVETO, n(5), n(5), RLINETO, ENDCHAR]);
  });

  it('inlines global subroutines and nested calls', () => {
    const global = subrs([n(1), n(-107), CALLSUBR, RETURN]);
    const local = subrs([n(2), RMOVETO, RETURN]);
    const glyph = Uint8Array.from([n(-107), CALLGSUBR, ENDCHAR]);
    expect([...desubroutinize(glyph, local, global)]).toEqual([n(1), n(2), RMOVETO, ENDCHAR]);
  });

  it('keeps operands pushed before a call that the subroutine finishes (arguments split across a call)', () => {
    const local = subrs([n(20), RMOVETO, RETURN]);
    const glyph = Uint8Array.from([n(10), n(-107), CALLSUBR, ENDCHAR]);
    expect([...desubroutinize(glyph, local, none)]).toEqual([n(10), n(20), RMOVETO, ENDCHAR]);
  });

  it('copies hint mask bytes verbatim, sized by the stems declared so far (including an implicit vstem)', () => {
    // One hstemhm pair, then one implicit vstem pair before hintmask: 2 stems → 1 mask byte. The
    // mask byte 0x0a would read as callsubr if it were interpreted.
    const glyph = Uint8Array.from([n(0), n(50), HSTEMHM, n(0), n(40), HINTMASK, 0x0a, n(1), n(1), RMOVETO, ENDCHAR]);
    expect([...desubroutinize(glyph, none, none)]).toEqual([...glyph]);
  });

  it('stops at an endchar inside a subroutine, as a renderer does', () => {
    const local = subrs([n(1), n(1), RMOVETO, ENDCHAR]);
    const glyph = Uint8Array.from([n(-107), CALLSUBR, n(9), n(9), RLINETO]);
    expect([...desubroutinize(glyph, local, none)]).toEqual([n(1), n(1), RMOVETO, ENDCHAR]);
  });

  it('uses the bias for larger subroutine indexes (1131 from 1240 subroutines)', () => {
    const bodies = Array.from({ length: 1240 }, (_, i) => [n(i % 100), RMOVETO, RETURN]);
    // Index 1131 − 1131 = 0 → body 0; index 1136 → body 5. 28 = shortint (two bytes, big-endian).
    const glyph = Uint8Array.from([28, 0, 5, CALLSUBR, ENDCHAR]);
    expect([...desubroutinize(glyph, subrs(...bodies), none)]).toEqual([n(1136 % 100), RMOVETO, ENDCHAR]);
  });

  it('refuses what it does not model instead of writing a wrong glyph', () => {
    const self = subrs([n(-107), CALLSUBR, RETURN]);
    expect(() => desubroutinize(Uint8Array.from([n(-107), CALLSUBR]), self, none)).toThrow(UnsupportedCharstring);
    expect(() => desubroutinize(Uint8Array.from([n(1), n(2), 12, 10, ENDCHAR]), none, none)).toThrow(UnsupportedCharstring);
    expect(() => desubroutinize(Uint8Array.from([n(5), CALLSUBR]), none, none)).toThrow(UnsupportedCharstring);
    expect(() => desubroutinize(Uint8Array.from([CALLSUBR]), none, none)).toThrow(UnsupportedCharstring);
  });

  it('never hangs and only ever throws UnsupportedCharstring on arbitrary bytes (property)', () => {
    const bytes = fc.uint8Array({ maxLength: 64 });
    fc.assert(
      fc.property(bytes, fc.array(bytes, { maxLength: 8 }), fc.array(bytes, { maxLength: 8 }), (glyph, local, global) => {
        try {
          const out = desubroutinize(glyph, subrs(...local.map((b) => [...b])), subrs(...global.map((b) => [...b])));
          expect(out).toBeInstanceOf(Uint8Array);
          // Always a complete glyph program: it ends with endchar.
          expect(out[out.length - 1]).toBe(ENDCHAR);
        } catch (error) {
          expect(error).toBeInstanceOf(UnsupportedCharstring);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
