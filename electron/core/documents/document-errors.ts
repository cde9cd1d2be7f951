/**
 * Errors a document renderer throws, with a stable code for the caller (the case store, the print
 * handler) and a Chinese message for the clerk that says what to do next. The codes are local to
 * documents until the contract lists them.
 */
export type DocumentErrorCode =
  /** The data handed to a renderer failed validation; the message names the field. */
  | 'DOCUMENT_DATA_INVALID'
  /** The configured font file cannot be read or has no such face. */
  | 'DOCUMENT_FONT_UNAVAILABLE'
  /** A character to be printed is not in the font: it would print blank. */
  | 'DOCUMENT_FONT_MISSING_GLYPH'
  /** The office's SM2 key for verification codes is malformed. */
  | 'DOCUMENT_SIGNING_KEY_INVALID';

export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

export function isDocumentError(error: unknown): error is DocumentError {
  return error instanceof DocumentError;
}
