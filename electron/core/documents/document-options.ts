import type { CjkFontSource } from '../../../native/printer/cjk-font';

/** How a document is rendered, as opposed to what it says (document-data.ts). */
export interface DocumentOptions {
  /** The office's Chinese font; when not given, the shipped Noto Serif SC, then system fonts (native/printer/font-resolution.ts). */
  font?: CjkFontSource;
}

export interface SignedDocumentOptions extends DocumentOptions {
  /**
   * The office's SM2 key for the verification code. Only the private key is needed; giving the
   * public key as well saves deriving it for every document.
   */
  signingKey: { privateKeyHex: string; publicKeyHex?: string };
}
