/**
 * The six documents the counter issues. `code` is the ASCII kind used in document numbers and in
 * verification codes (a QR payload in plain ASCII decodes the same in every scanner; Chinese in
 * byte mode is read as Shift-JIS or Latin-1 by some). The codes are the initials of the Chinese
 * names, as local registration systems customarily abbreviate them.
 */
export const DOCUMENT_KINDS = {
  applicationForm: { code: 'SQS', title: '不动产登记申请书' },
  acceptanceReceipt: { code: 'SLPZ', title: '不动产登记受理凭证' },
  paymentNotice: { code: 'JFTZ', title: '不动产登记缴费通知书' },
  requisitionNotice: { code: 'BZTZ', title: '不动产登记补正材料通知书' },
  rejectionNotice: { code: 'BYSL', title: '不动产登记不予受理通知书' },
  refusalNotice: { code: 'BYDJ', title: '不予登记告知书' },
  /** 发证 (issue #12): the record the collector signs at the counter. */
  collectionRecord: { code: 'LZD', title: '不动产权证书（证明）领证单' },
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export type DocumentKindCode = (typeof DOCUMENT_KINDS)[DocumentKind]['code'];

/** The number printed in every footer: given by the case store, or the kind and the case number. */
export function documentNumber(kind: DocumentKind, caseNumber: string, given?: string): string {
  return given ?? `${DOCUMENT_KINDS[kind].code}-${caseNumber}`;
}
