import {
  AppError,
  CO_OWNERSHIP_LABELS,
  maskIdNumber,
  shanghaiDate,
  UNIT_USE_LABELS,
  type BusinessType,
  type WorkstationConfig,
} from '../../contract';
import {
  isDocumentError,
  renderAcceptanceReceipt,
  renderApplicationForm,
  renderPaymentNotice,
  renderRejectionNotice,
  renderRequisitionNotice,
  type Applicant,
} from '../documents';
import type { SignatureCapture } from '../../../native/sigpad/strokes';
import type { CaseRecord, Party } from './case-record';

export const CASE_DOCUMENT_KINDS = ['applicationForm', 'acceptanceReceipt', 'paymentNotice', 'requisitionNotice', 'rejectionNotice'] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

export const CASE_DOCUMENT_TITLES: Record<CaseDocumentKind, string> = {
  applicationForm: '不动产登记申请书',
  acceptanceReceipt: '不动产登记受理凭证',
  paymentNotice: '缴费通知书',
  requisitionNotice: '补正通知书',
  rejectionNotice: '不予受理通知书',
};

export interface DocumentContext {
  config: WorkstationConfig;
  type: BusinessType;
  clerkName: string;
  today: Date;
  signatureOf: (blobHash: string) => SignatureCapture;
  signingKey: { privateKeyHex: string; publicKeyHex: string };
  /** What the last requisition asked for / the last rejection's reasons (from the audit log). */
  requisitioned: string[];
  rejectionReasons: string[];
}

const ROLE = { holder: '权利人', obligor: '义务人', agent: '代理人' } as const;

/** Which documents a case in its current state can have. */
export function documentAllowed(c: CaseRecord, kind: CaseDocumentKind): boolean {
  switch (kind) {
    case 'applicationForm':
    case 'acceptanceReceipt':
      return c.caseNumber !== null && c.status !== 'rejected';
    case 'paymentNotice':
      return c.caseNumber !== null && c.feeTotalFen > 0;
    case 'requisitionNotice':
      return c.status === 'requisitioned';
    case 'rejectionNotice':
      return c.status === 'rejected';
  }
}

/** The documents that print full ID numbers and phones (the others print them masked). */
export function carriesFullIdentifiers(kind: CaseDocumentKind): boolean {
  return kind === 'applicationForm';
}

/**
 * Maps a case onto the data of one document and renders it. The application form carries the
 * full ID numbers (it is the legal application the parties signed); the other documents show
 * them masked.
 */
export async function renderCaseDocument(c: CaseRecord, kind: CaseDocumentKind, d: DocumentContext): Promise<Uint8Array> {
  if (!documentAllowed(c, kind)) throw new AppError('CASE_STATE_CONFLICT', `该业务当前状态不能出具${CASE_DOCUMENT_TITLES[kind]}。`);
  const issued = shanghaiDate(d.today);
  const header = {
    office: { name: d.config.officeName ?? '不动产登记机构', code: d.config.officeCode ?? '000000' },
    caseNumber: c.caseNumber ?? `DRAFT-${c.id}`,
    businessTypeName: d.type.name,
    issuedDate: issued,
    clerkName: d.clerkName,
  };
  const acceptedOn = c.acceptedAt ? shanghaiDate(new Date(c.acceptedAt)) : shanghaiDate(new Date(c.createdAt));
  const applicants = (full: boolean): Applicant[] => c.parties.map((p) => applicant(c, p, full, d));
  const units = c.units.map((u) => ({
    unitCode: u.unitCode,
    address: u.address,
    use: UNIT_USE_LABELS[u.use],
    areaM2: u.areaM2 ?? Number.NaN,
  }));
  try {
    switch (kind) {
      case 'applicationForm':
        return await renderApplicationForm({ ...header, issuedDate: acceptedOn, applicants: applicants(carriesFullIdentifiers(kind)), units });
      case 'acceptanceReceipt':
        return await renderAcceptanceReceipt(
          {
            ...header,
            issuedDate: acceptedOn,
            applicants: applicants(false),
            units,
            materials: c.materials.filter((m) => m.received).map((m) => ({ name: m.name, copies: Math.max(1, m.copies), status: 'received' as const })),
            promisedDate: c.promisedDate ?? acceptedOn,
          },
          { signingKey: d.signingKey },
        );
      case 'paymentNotice':
        return await renderPaymentNotice({ ...header, applicants: applicants(false), fees: c.fees });
      case 'requisitionNotice':
        return await renderRequisitionNotice({
          ...header,
          applicants: applicants(false),
          units,
          applicationDate: shanghaiDate(new Date(c.createdAt)),
          materials: d.requisitioned.map((name) => ({ name, copies: 1, status: 'missing' as const })),
        });
      case 'rejectionNotice':
        return await renderRejectionNotice({
          ...header,
          applicants: applicants(false),
          units,
          applicationDate: shanghaiDate(new Date(c.createdAt)),
          reasons: d.rejectionReasons.map((text) => ({ text })),
        });
    }
  } catch (err) {
    if (isDocumentError(err)) throw new AppError('BAD_REQUEST', err.message, { documentCode: err.code });
    throw err;
  }
}

function applicant(c: CaseRecord, p: Party, full: boolean, d: DocumentContext): Applicant {
  const share =
    p.role === 'holder' && c.coOwnership ? `${CO_OWNERSHIP_LABELS[c.coOwnership]}${c.coOwnership === 'shares' && p.share ? ` ${p.share}` : ''}` : undefined;
  return {
    role: ROLE[p.role],
    name: p.name,
    idType: p.idType === 'resident_id' ? '居民身份证' : p.idType === 'organization' ? '统一社会信用代码' : '其他证件',
    idNumber: full || p.idType === 'organization' ? p.idNumber : maskIdNumber(p.idNumber),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(share ? { share } : {}),
    ...(p.signatureBlob ? { signature: d.signatureOf(p.signatureBlob) } : {}),
  };
}
