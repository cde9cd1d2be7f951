import { caseFeePieces } from './case-fee-quote';
import {
  AppError,
  configuredDocumentFont,
  CO_OWNERSHIP_LABELS,
  maskIdNumber,
  shanghaiDate,
  maskPhone,
  REAL_ESTATE_TYPE_LABELS,
  UNIT_USE_LABELS,
  type CatalogEntry,
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
import { applicationDigest } from './application-digest';
import { noticeGroundsOf } from './decision-grounds';
import { signingOf } from './signing-status';

export { CASE_DOCUMENT_KINDS, CASE_DOCUMENT_TITLES, carriesFullIdentifiers, type CaseDocumentKind } from './case-document-kinds';
import { CASE_DOCUMENT_TITLES, carriesFullIdentifiers, type CaseDocumentKind } from './case-document-kinds';

export interface DocumentContext {
  config: WorkstationConfig;
  type: CatalogEntry;
  clerkName: string;
  /** A stored blob's bytes (seal images). */
  blobOf: (blobHash: string) => Uint8Array;
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
      // 补正 at the counter (requisitioned), or asked by the office's review after acceptance.
      return c.status === 'requisitioned' || c.status === 'supplementing';
    case 'rejectionNotice':
      return c.status === 'rejected';
  }
}


/**
 * Maps a case onto the data of one document and renders it. The application form carries the
 * full ID numbers (it is the legal application the parties signed); the other documents show
 * them masked.
 */
export async function renderCaseDocument(c: CaseRecord, kind: CaseDocumentKind, d: DocumentContext): Promise<Uint8Array> {
  if (!documentAllowed(c, kind)) throw new AppError('CASE_STATE_CONFLICT', `该业务当前状态不能出具${CASE_DOCUMENT_TITLES[kind]}。`);
  const issued = shanghaiDate(d.today);
  // A notice before acceptance carries its own number (notice-number.ts); every other document needs the case number.
  const number = c.caseNumber ?? c.noticeNumber;
  if (number === null) throw new AppError('CASE_STATE_CONFLICT', `该业务尚无编号，不能出具${CASE_DOCUMENT_TITLES[kind]}。`);
  const header = {
    office: { name: d.config.officeName ?? '不动产登记机构', code: d.config.officeCode ?? '000000' },
    caseNumber: number,
    businessTypeName: d.type.name,
    issuedDate: issued,
    clerkName: d.clerkName,
  };
  const options = { font: configuredDocumentFont(d.config.documents) };
  const acceptedOn = c.acceptedAt ? shanghaiDate(new Date(c.acceptedAt)) : shanghaiDate(new Date(c.createdAt));
  const signing = signingOf(c, applicationDigest(c));
  const applicants = (full: boolean): Applicant[] => c.parties.map((p) => applicant(c, p, full, d, signing));
  const units = c.units.map((u) => ({
    unitCode: u.unitCode,
    address: u.address,
    use: UNIT_USE_LABELS[u.use],
    ...(u.area ? { area: { value: u.area.value, unit: AREA_LABEL[u.area.unit] } } : { areaM2: u.areaM2 ?? Number.NaN }),
    ...(u.plannedUse ? { plannedUse: u.plannedUse } : {}),
    ...(u.realEstateType ? { realEstateType: REAL_ESTATE_TYPE_LABELS[u.realEstateType] } : {}),
    ...(u.previousCertificateNumber ? { originalCertificateNumber: u.previousCertificateNumber } : {}),
  }));
  const a = c.application;
  const collection = (full: boolean) => {
    const k = a.collection;
    if (k.method !== 'mail') return { method: COLLECTION_LABEL[k.method] };
    const phone = k.phone ? (full ? k.phone : maskPhone(k.phone)) : null;
    return { method: COLLECTION_LABEL.mail, address: [k.recipient, k.address, phone].filter(Boolean).join(' ') || '（未填写）' };
  };
  try {
    switch (kind) {
      case 'applicationForm':
        return await renderApplicationForm({
          ...header,
          issuedDate: acceptedOn,
          applicants: applicants(carriesFullIdentifiers(kind)),
          units,
          rightType: d.type.rightTypeName,
          registrationType: d.type.registrationTypeName,
          ...(a.reason ? { reason: a.reason.slice(0, 60) } : {}),
          ...(a.reasonDocuments ? { reasonDocuments: a.reasonDocuments.split(/[、，,；;]/).map((x) => x.trim()).filter(Boolean).slice(0, 20) } : {}),
          ...(a.note ? { remarks: a.note.slice(0, 300) } : {}),
          ...(a.mortgage
            ? {
                mortgage: {
                  maximum: a.mortgage.method === 'maximum',
                  ...(a.mortgage.amountFen !== null ? { amountFen: a.mortgage.amountFen } : {}),
                  ...(a.mortgage.termFrom ? { periodFrom: a.mortgage.termFrom } : {}),
                  ...(a.mortgage.termTo ? { periodTo: a.mortgage.termTo } : {}),
                  ...(a.mortgage.rank !== null ? { rank: a.mortgage.rank } : {}),
                  ...(a.mortgage.scope ? { scope: a.mortgage.scope.slice(0, 200) } : {}),
                  ...(a.mortgage.constructionScope ? { underConstructionScope: a.mortgage.constructionScope.slice(0, 200) } : {}),
                  ...(a.mortgage.transferRestricted !== null ? { transferForbidden: a.mortgage.transferRestricted } : {}),
                },
              }
            : {}),
          ...(a.dominantUnit ? { dominantLand: { address: a.dominantUnit.address, unitCode: a.dominantUnit.unitCode } } : {}),
          certificateLayout: a.certificateFormat === 'integrated' ? '集成版' : '单一版',
          separateCertificates: a.separateCertificates,
          collection: collection(true),
          channel: CHANNEL_LABEL[a.channel],
        }, options);
      case 'acceptanceReceipt':
        return await renderAcceptanceReceipt(
          {
            ...header,
            issuedDate: acceptedOn,
            applicants: applicants(false),
            units,
            materials: c.materials
              .filter((m) => m.received)
              .map((m) => ({
                name: m.name,
                copies: Math.max(1, m.copies),
                status: 'received' as const,
                ...(m.form ? { note: m.form === 'original' ? '原件' : '复印件' } : {}),
                ...(m.pages ? { pages: m.pages } : {}),
              })),
            promisedDate: c.promisedDate ?? acceptedOn,
            feeTotalFen: c.feeTotalFen,
            collection: collection(false),
            ...(c.officialNumber ? { unifiedNumber: c.officialNumber } : {}),
          },
          { ...options, signingKey: d.signingKey },
        );
      case 'paymentNotice':
        return await renderPaymentNotice(
          {
            ...header,
            applicants: applicants(false),
            fees: c.fees,
            // A fee changed by hand no longer follows the 件 count: the notice then lists the fees only.
            pieces: (c.feeOverrideReason ? [] : caseFeePieces(d.type, c.units, d.config.fees)).map((p) => ({ unitCodes: p.unitCodes, feeClass: UNIT_USE_LABELS[p.feeClass], amountFen: p.amountFen })),
            ...(c.feePayer ? { payer: { name: c.feePayer.slice(0, 60) } } : {}),
          },
          options,
        );
      case 'requisitionNotice':
        return await renderRequisitionNotice({
          ...header,
          applicants: applicants(false),
          units,
          applicationDate: shanghaiDate(new Date(c.createdAt)),
          materials: d.requisitioned.map((name) => ({ name, copies: 1, status: 'missing' as const })),
          ...(c.requisitionDeadline ? { deadline: c.requisitionDeadline } : {}),
        }, options);
      case 'rejectionNotice':
        return await renderRejectionNotice({
          ...header,
          applicants: applicants(false),
          units,
          applicationDate: shanghaiDate(new Date(c.createdAt)),
          reasons: d.rejectionReasons.map((text) => ({ text })),
          grounds: noticeGroundsOf(c.decisionGroundIds).map((g) => ({ id: g.id, label: g.label, citation: g.citation, text: g.text })),
        }, options);
    }
  } catch (err) {
    if (isDocumentError(err)) throw new AppError('BAD_REQUEST', err.message, { documentCode: err.code });
    throw err;
  }
}

const AREA_LABEL = { m2: '平方米', mu: '亩', hectare: '公顷' } as const;
const COLLECTION_LABEL = { window: '窗口领取', mail: '邮寄', electronic: '仅电子证照' } as const;
const CHANNEL_LABEL = { window: '窗口', online: '网上', bank: '银行网点', developer: '开发企业' } as const;

/**
 * One applicant as the documents print them: address, 邮编, 法定代表人; the agent who acts for
 * them (授权委托书) and signs in their name (代理人 X 代); an organisation's verified e-seal.
 */
function applicant(c: CaseRecord, p: Party, full: boolean, d: DocumentContext, signing: Map<number, string>): Applicant {
  const share =
    p.role === 'holder' && c.coOwnership ? `${CO_OWNERSHIP_LABELS[c.coOwnership]}${c.coOwnership === 'shares' && p.share ? ` ${p.share}` : ''}` : undefined;
  const agent = c.parties.find((a) => a.role === 'agent' && a.actsFor.includes(p.ordinal));
  const how = signing.get(p.ordinal);
  return {
    role: ROLE[p.role],
    name: p.name,
    idType: p.idType === 'resident_id' ? '居民身份证' : p.idType === 'organization' ? '统一社会信用代码' : '其他证件',
    idNumber: full || p.idType === 'organization' ? p.idNumber : maskIdNumber(p.idNumber),
    ...(p.phone ? { phone: full ? p.phone : maskPhone(p.phone) } : {}),
    ...(share ? { share } : {}),
    ...(p.address ? { address: p.address.slice(0, 120) } : {}),
    ...(p.postalCode ? { postcode: p.postalCode } : {}),
    ...(p.legalRepresentative ? { legalRepresentative: p.legalRepresentative.name } : {}),
    ...(agent ? { agentName: agent.name, ...(agent.phone ? { agentPhone: full ? agent.phone : maskPhone(agent.phone) } : {}), ...(agent.agency ? { agentOrganization: agent.agency.name.slice(0, 60) } : {}) } : {}),
    ...(p.signatureBlob ? { signature: d.signatureOf(p.signatureBlob) } : {}),
    ...(how === 'byAgent' && agent ? { signedByAgent: agent.name, ...(agent.signatureBlob ? { signature: d.signatureOf(agent.signatureBlob) } : {}) } : {}),
    ...(p.seal
      ? { seal: { imagePngBase64: Buffer.from(d.blobOf(p.seal.sealImageBlob)).toString('base64'), signerName: (agent?.name ?? p.name).slice(0, 60), verified: how === 'seal' } }
      : {}),
  };
}
