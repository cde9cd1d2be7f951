import { desubroutinize, type SubroutineSource } from './cff-desubroutinize';

/**
 * Makes a fontkit 2 CFF subset write inlined charstrings and no subroutine indexes (see
 * cff-desubroutinize.ts for why). It hooks two methods of fontkit's CFFSubset, which is internal
 * API: when the subset does not look like fontkit 2.0's CFFSubset (a TrueType font, another fontkit
 * version) or a glyph uses a charstring feature the inliner does not model, the subset is left as
 * fontkit builds it — larger, never wrong.
 */
export function compactCffSubset(subset: object): void {
  if (!isCffSubset(subset)) return;
  const originalCharstrings = subset.subsetCharstrings;
  const originalSubrs = subset.subsetSubrs;
  subset.subsetCharstrings = function subsetCharstrings(this: CffSubset): void {
    let charstrings: Uint8Array[];
    try {
      charstrings = this.glyphs.map((gid) => inlinedCharstring(this.cff, gid));
    } catch {
      this.subsetSubrs = originalSubrs;
      originalCharstrings.call(this);
      return;
    }
    this.charstrings = charstrings;
    this.gsubrs = [];
    // With every call inlined, the private dicts need no Subrs entry: fontkit skips null fields.
    this.subsetSubrs = () => null;
  };
}

/** The parts of fontkit 2.0's CFFSubset this file touches. */
interface CffSubset {
  cff: CffTable;
  glyphs: number[];
  charstrings: Uint8Array[];
  gsubrs: Uint8Array[];
  subsetCharstrings(this: CffSubset): void;
  subsetSubrs(subrs: unknown, used: unknown): Uint8Array[] | null;
}

interface IndexEntry {
  offset: number;
  length: number;
}

interface CffTable {
  stream: { pos: number; readBuffer(length: number): Uint8Array };
  globalSubrIndex?: IndexEntry[];
  getCharString(gid: number): Uint8Array;
  privateDictForGlyph(gid: number): { Subrs?: IndexEntry[] } | null;
}

function isCffSubset(subset: object): subset is CffSubset {
  const candidate = subset as Partial<CffSubset>;
  return (
    typeof candidate.subsetCharstrings === 'function' &&
    typeof candidate.subsetSubrs === 'function' &&
    Array.isArray(candidate.glyphs) &&
    typeof candidate.cff?.getCharString === 'function' &&
    typeof candidate.cff.privateDictForGlyph === 'function'
  );
}

function inlinedCharstring(cff: CffTable, gid: number): Uint8Array {
  const charstring = Uint8Array.from(cff.getCharString(gid));
  const local = cff.privateDictForGlyph(gid)?.Subrs ?? [];
  return desubroutinize(charstring, source(cff, local), source(cff, cff.globalSubrIndex ?? []));
}

function source(cff: CffTable, index: IndexEntry[]): SubroutineSource {
  return {
    count: index.length,
    get(i) {
      const entry = index[i];
      if (!entry) return undefined;
      cff.stream.pos = entry.offset;
      // Copied: the stream is shared and moves on the next read.
      return Uint8Array.from(cff.stream.readBuffer(entry.length));
    },
  };
}
