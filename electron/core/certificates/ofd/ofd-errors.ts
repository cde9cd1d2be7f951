/**
 * Errors of the OFD writer and reader, with a stable code for the caller (the e-certificate flow,
 * the verifier CLI) and a Chinese message a clerk or an auditor understands.
 */
export type OfdErrorCode =
  /** The file is not a ZIP, or its ZIP structure is broken or unsupported. */
  | 'OFD_NOT_A_PACKAGE'
  /** The package exceeds a reader limit (entries, sizes, compression ratio) or has an unsafe path. */
  | 'OFD_PACKAGE_REFUSED'
  /** A required part is missing or its XML does not have the structure GB/T 33190 requires. */
  | 'OFD_PART_INVALID'
  /** A character to be drawn is not in the embedded font: it would show as a blank box. */
  | 'OFD_FONT_MISSING_GLYPH'
  /** The facts handed to the layout cannot be drawn (e.g. empty where a value is required). */
  | 'OFD_FACTS_INVALID';

export class OfdError extends Error {
  constructor(
    readonly code: OfdErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OfdError';
  }
}

export function isOfdError(error: unknown): error is OfdError {
  return error instanceof OfdError;
}
