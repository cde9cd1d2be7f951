import { maskIdNumber, maskPhone, type CatalogEntry, type CaseView, type Role } from '../../contract';
import type { CaseSyncState } from '../sync/case-sync-state';
import { checkAcceptance } from './acceptance-rules';
import { applicationDigest } from './application-digest';
import type { CaseFeePiece } from './case-fee-quote';
import type { CaseRecord } from './case-record';
import { legalGroundsOf } from './decision-grounds';
import { counterCaseActions, isEditable } from './lifecycle';
import { signingOf } from './signing-status';

/**
 * The case as screens see it: ID numbers and phones masked, the acceptance rules evaluated now,
 * what the viewer's role may do now (from the lifecycle table), and where it is on its way to the
 * platform (`sync`, from its outbox commands).
 */
export function toCaseView(c: CaseRecord, type: CatalogEntry, sync: CaseSyncState, role: Role, feePieces: CaseFeePiece[] = []): Omit<CaseView, 'acceptedByName' | 'promisedDateIfAcceptedNow'> {
  const digest = applicationDigest(c);
  const signing = signingOf(c, digest);
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    noticeNumber: c.noticeNumber,
    officialNumber: c.officialNumber,
    sync,
    certificateNumbers: c.certificateNumbers,
    businessType: c.businessType,
    businessTypeName: type.name,
    registrationType: c.registrationType,
    rightType: c.rightType,
    status: c.status,
    statusReason: c.statusReason,
    allowedActions: counterCaseActions(c.status, role),
    coOwnership: c.coOwnership,
    tracks: c.tracks,
    parties: c.parties.map((p) => {
      const how = signing.get(p.ordinal) ?? 'none';
      return {
        ordinal: p.ordinal,
        role: p.role,
        name: p.name,
        idType: p.idType,
        // An organisation's credit code is public (it is printed on its business licence).
        idNumberMasked: p.idType === 'organization' ? p.idNumber : maskIdNumber(p.idNumber),
        phoneMasked: p.phone ? maskPhone(p.phone) : null,
        share: p.share,
        signed: how === 'handwritten' || how === 'seal',
        signing: how,
        address: p.address,
        postalCode: p.postalCode,
        legalRepresentative: p.legalRepresentative
          ? { title: p.legalRepresentative.title, name: p.legalRepresentative.name, idNumberMasked: p.legalRepresentative.idNumber ? maskIdNumber(p.legalRepresentative.idNumber) : '' }
          : null,
        actsFor: p.actsFor,
        agency: p.agency,
        seal: p.seal
          ? { organisationName: p.seal.organisationName, creditCode: p.seal.creditCode, sealedAt: p.seal.sealedAt, valid: how === 'seal', sealImageBlob: p.seal.sealImageBlob }
          : null,
      };
    }),
    units: c.units,
    materials: c.materials.map((m) => ({
      materialId: m.materialId,
      name: m.name,
      required: m.required,
      received: m.received,
      copies: m.copies,
      files: m.files.length,
      form: m.form,
      pages: m.pages,
    })),
    application: {
      ...c.application,
      collection: {
        method: c.application.collection.method,
        recipient: c.application.collection.recipient,
        address: c.application.collection.address,
        phoneMasked: c.application.collection.phone ? maskPhone(c.application.collection.phone) : null,
      },
    },
    fees: c.fees,
    feeTotalFen: c.feeTotalFen,
    feeNotCharged: feeNotCharged(c),
    feePieces,
    feeOverrideReason: c.feeOverrideReason,
    feePayer: c.feePayer,
    requisitionDeadline: c.requisitionDeadline,
    decisionGrounds: legalGroundsOf(c.decisionGroundIds),
    promisedDate: c.promisedDate,
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    acceptedAt: c.acceptedAt,
    acceptedBy: c.acceptedBy,
    acceptance: isEditable(c.status) ? checkAcceptance(c, type) : [],
  };
}

/**
 * Fees are charged for what the office accepted: a case refused at the counter (不予受理) or
 * withdrawn before acceptance owes nothing, whatever was quoted while it was a draft.
 */
function feeNotCharged(c: CaseRecord): string | null {
  if (c.status === 'rejected') return '不予受理，不收取登记费。';
  if (c.status === 'withdrawn' && c.acceptedAt === null) return '受理前已撤回，不收取登记费。';
  return null;
}
