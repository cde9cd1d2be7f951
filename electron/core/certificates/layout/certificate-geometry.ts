/**
 * Where things are on the e-certificate page (A4 portrait, millimetres from the top-left corner).
 * The 不动产权证书 booklet's register page is a bordered table of captions and values with the
 * number above it and the 附记 below; the e-certificate keeps that order on one A4 page (the size
 * GB/T 36905 practice and every office printer uses), with the 2D code at the top right and the
 * issuing authority, date and seal at the bottom right.
 */
export const PAGE = { width: 210, height: 297 } as const;
export const MARGIN = { left: 20, right: 190 } as const;
export const TITLE = { baseline: 30, size: 9 } as const;
export const NUMBER_LINE = { baseline: 42, size: 4.2 } as const;
/** The 2D code, with a quiet zone of more than four modules kept clear around it. */
export const QR_BOX = { x: 160, y: 8, w: 30, h: 30 } as const;
export const TABLE = { top: 50, bottom: 222, captionWidth: 32, padding: 1.5, lineWidth: 0.35 } as const;
export const NOTES_BOX = { top: 226, bottom: 262 } as const;
export const FOOTER = { authorityBaseline: 271, dateBaseline: 279, identifierBaseline: 287, size: 3.7, smallSize: 2.4 } as const;
/**
 * Where the seal (cert-seal's StampAnnot) goes: over the issuing authority's name and the date,
 * as a stamp sits on a paper certificate. A 42 mm square fits the common 40–42 mm round seal.
 */
export const SEAL_BOX = { x: 143, y: 248, w: 42, h: 42 } as const;
