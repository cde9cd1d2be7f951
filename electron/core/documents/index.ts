/**
 * Documents the counter prints and archives: each is one function from plain, validated data
 * (document-data.ts) to the bytes of an A4 PDF with an embedded subset Chinese font.
 */
export { renderApplicationForm } from './application-form';
export { renderAcceptanceReceipt } from './acceptance-receipt';
export { renderPaymentNotice } from './payment-notice';
export { renderRequisitionNotice } from './requisition-notice';
export { renderRejectionNotice } from './rejection-notice';
export { renderRefusalNotice } from './refusal-notice';
export { DEFAULT_APPEAL_NOTE } from './remedies';
export * from './document-data';
export { DocumentError, isDocumentError, type DocumentErrorCode } from './document-errors';
export { DOCUMENT_KINDS, documentNumber, type DocumentKind, type DocumentKindCode } from './document-kinds';
export type { DocumentOptions, SignedDocumentOptions } from './document-options';
export { DEBIAN_NOTO_SERIF_CJK } from './fonts/document-font';
/** The one 大写 implementation lives in the contract (the renderer shows it too). */
export { amountInCapitals } from '../../contract/validation/chinese-amount';
export { amountInFigures } from './amount-in-figures';
export { receiptFactsDigest } from './receipt-facts';
export {
  generateOfficeKeyPair,
  signVerificationCode,
  verifyReceiptCode,
  verifyVerificationCode,
  VERIFICATION_CODE_VERSION,
  type OfficeKeyPair,
  type VerificationFacts,
  type VerificationFailureCode,
  type VerificationResult,
} from './verification-code';
