// fontkit 2 ships no type declarations. This declares only what cjk-font.ts uses; pdf-lib's own
// `Fontkit` type describes the object we hand to pdf-lib.
declare module 'fontkit' {
  /** A single face (TTF/OTF) or a collection (TTC/OTC, DFont), depending on the file. */
  export interface FontkitFontOrCollection {
    /** 'TTF', 'WOFF', 'WOFF2', 'TTC', 'DFont'. */
    readonly type: string;
    readonly postscriptName?: string | null;
    /** Collections only: the face with this PostScript name, or null. */
    getFont?(postscriptName: string): unknown;
    /** Collections only. */
    readonly fonts?: ReadonlyArray<{ postscriptName?: string | null }>;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFontOrCollection;
}
