/**
 * The documents a case produces and which of them carry full identifiers. Kept apart from
 * case-documents.ts so the handlers can check access without loading pdf-lib and the fonts.
 */
export const CASE_DOCUMENT_KINDS = ['applicationForm', 'acceptanceReceipt', 'paymentNotice', 'requisitionNotice', 'rejectionNotice'] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

export const CASE_DOCUMENT_TITLES: Record<CaseDocumentKind, string> = {
  applicationForm: '不动产登记申请书',
  acceptanceReceipt: '不动产登记受理凭证',
  paymentNotice: '缴费通知书',
  requisitionNotice: '补正通知书',
  rejectionNotice: '不予受理通知书',
};

/** The documents that print full ID numbers and phones (the others print them masked). */
export function carriesFullIdentifiers(kind: CaseDocumentKind): boolean {
  return kind === 'applicationForm';
}
