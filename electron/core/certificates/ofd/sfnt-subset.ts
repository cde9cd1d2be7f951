/**
 * A stand-alone TrueType subset of a font: only the glyphs a document draws, as a complete font
 * file that an OFD reader (and a browser's FontFace) can load on its own.
 *
 * fontkit 2's TrueType subset is written for PDF: it has head, hhea, loca, maxp, cvt, prep, glyf,
 * hmtx and fpgm but no cmap, name, OS/2 or post (fontkit's TTFSubset.encode says as much), because
 * a PDF maps codes to glyphs itself. An OFD TextCode holds Unicode text and readers look the
 * characters up in the embedded font's cmap (GB/T 33190 §11.2; CGTransform is only for the
 * exceptions), and browsers refuse a font without those four tables. So the subset fontkit writes
 * (the same subsetting the receipts use, free of the @pdf-lib/fontkit trap, see TOOLCHAIN.md) is
 * completed here: a cmap for exactly the subset's characters, the face's own name and OS/2, and a
 * post table without glyph names (format 3).
 */

/** The parts of a fontkit 2 TrueType face this file uses. */
export interface TrueTypeFace {
  type?: string;
  postscriptName: string;
  unitsPerEm: number;
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
  glyphForCodePoint(codePoint: number): { id: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
}

export interface SfntSubset {
  bytes: Uint8Array;
  /** Each character's glyph id inside the subset. */
  glyphIds: Map<number, number>;
}

export function isTrueTypeFace(face: TrueTypeFace): boolean {
  return Boolean(face.directory.tables.glyf && face.directory.tables.loca);
}

/** Subsets `face` to `codePoints` (every one must be in the face: callers check for missing glyphs first). */
export function subsetTrueType(face: TrueTypeFace, codePoints: Iterable<number>): SfntSubset {
  const subset = face.createSubset();
  const glyphIds = new Map<number, number>();
  for (const codePoint of [...new Set(codePoints)].sort((a, b) => a - b)) {
    glyphIds.set(codePoint, subset.includeGlyph(face.glyphForCodePoint(codePoint).id));
  }
  const tables = readTables(subset.encode());
  tables.set('cmap', cmapTable(glyphIds));
  tables.set('name', rawTable(face, 'name'));
  tables.set('OS/2', rawTable(face, 'OS/2'));
  tables.set('post', postFormat3(rawTable(face, 'post')));
  return { bytes: writeSfnt(tables), glyphIds };
}

function rawTable(face: TrueTypeFace, tag: string): Uint8Array {
  const entry = face.directory.tables[tag];
  if (!entry) throw new Error(`font ${face.postscriptName} has no ${tag} table`);
  // For a face inside a collection the offsets are into the whole file, which is what stream holds.
  return Uint8Array.from(face.stream.buffer.subarray(entry.offset, entry.offset + entry.length));
}

/** The table directory of an sfnt file, as tag → bytes. */
export function readTables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(font[at], font[at + 1], font[at + 2], font[at + 3]);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    tables.set(tag, font.subarray(offset, offset + length));
  }
  return tables;
}

/**
 * cmap with a format 4 subtable (Windows Unicode BMP, what every reader looks for first) and a
 * format 12 subtable (Windows Unicode full repertoire) when a character lies outside the BMP, e.g.
 * a rare character of a name in CJK Extension B. One segment/group per character: a certificate
 * draws a few hundred distinct characters, so compact ranges would save little.
 */
function cmapTable(glyphIds: Map<number, number>): Uint8Array {
  const entries = [...glyphIds].sort((a, b) => a[0] - b[0]);
  const bmp = entries.filter(([cp]) => cp < 0xffff);
  const format4 = cmapFormat4(bmp);
  const format12 = entries.length > bmp.length ? cmapFormat12(entries) : null;
  const subtables = format12 ? 2 : 1;
  const header = new ByteWriter(4 + 8 * subtables);
  header.u16(0).u16(subtables);
  let offset = 4 + 8 * subtables;
  header.u16(3).u16(1).u32(offset);
  offset += format4.length;
  if (format12) header.u16(3).u16(10).u32(offset);
  return concat([header.bytes, format4, ...(format12 ? [format12] : [])]);
}

function cmapFormat4(entries: Array<[number, number]>): Uint8Array {
  const segments = [...entries.map(([cp, gid]) => ({ start: cp, end: cp, delta: (gid - cp) & 0xffff })), { start: 0xffff, end: 0xffff, delta: 1 }];
  const segCount = segments.length;
  const length = 16 + segCount * 8;
  const searchPower = 2 ** Math.floor(Math.log2(segCount));
  const w = new ByteWriter(length);
  w.u16(4).u16(length).u16(0).u16(segCount * 2).u16(searchPower * 2).u16(Math.log2(searchPower)).u16((segCount - searchPower) * 2);
  for (const s of segments) w.u16(s.end);
  w.u16(0);
  for (const s of segments) w.u16(s.start);
  for (const s of segments) w.u16(s.delta);
  for (let i = 0; i < segCount; i++) w.u16(0);
  return w.bytes;
}

function cmapFormat12(entries: Array<[number, number]>): Uint8Array {
  const length = 16 + entries.length * 12;
  const w = new ByteWriter(length);
  w.u16(12).u16(0).u32(length).u32(0).u32(entries.length);
  for (const [cp, gid] of entries) w.u32(cp).u32(cp).u32(gid);
  return w.bytes;
}

/** post version 3.0: the face's italic angle and underline metrics, no glyph names (they would not match the subset's ids). */
function postFormat3(post: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  out.set(post.subarray(0, 32));
  new DataView(out.buffer).setUint32(0, 0x00030000);
  out.fill(0, 16, 32); // memory usage hints: unknown
  return out;
}

/** Writes tables as an sfnt file (OpenType §5 "Organization of an OpenType font"), checksums included. */
function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const searchPower = 2 ** Math.floor(Math.log2(count));
  let offset = 12 + 16 * count;
  const placed = tags.map((tag) => {
    const data = tables.get(tag) as Uint8Array;
    const at = offset;
    offset += (data.length + 3) & ~3;
    return { tag, data, at };
  });
  const font = new Uint8Array(offset);
  const view = new DataView(font.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, searchPower * 16);
  view.setUint16(8, Math.log2(searchPower));
  view.setUint16(10, count * 16 - searchPower * 16);
  let headAt = -1;
  placed.forEach(({ tag, data, at }, i) => {
    font.set(data, at);
    if (tag === 'head') {
      headAt = at;
      view.setUint32(at + 8, 0); // checkSumAdjustment is computed over the font with this field zero.
    }
    const entry = 12 + i * 16;
    for (let k = 0; k < 4; k++) font[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 4, checksum(font, at, data.length));
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, data.length);
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(font, 0, font.length)) >>> 0);
  return font;
}

function checksum(font: Uint8Array, at: number, length: number): number {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  let sum = 0;
  const end = at + ((length + 3) & ~3);
  for (let i = at; i < end; i += 4) sum = (sum + (i + 4 <= font.length ? view.getUint32(i) : 0)) >>> 0;
  return sum;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

class ByteWriter {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;
  constructor(length: number) {
    this.bytes = new Uint8Array(length);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(value: number): this {
    this.view.setUint16(this.at, value);
    this.at += 2;
    return this;
  }
  u32(value: number): this {
    this.view.setUint32(this.at, value >>> 0);
    this.at += 4;
    return this;
  }
}
