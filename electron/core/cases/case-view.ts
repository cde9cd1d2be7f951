import { maskIdNumber, maskPhone, type BusinessType, type CaseView } from '../../contract';
import { checkAcceptance } from './acceptance-rules';
import type { CaseSyncState } from '../sync/case-sync-state';
import type { CaseRecord } from './case-record';

/**
 * The case as screens see it: ID numbers and phones masked, the acceptance rules evaluated now,
 * and where it is on its way to the platform (`sync`, from its outbox commands).
 */
export function toCaseView(c: CaseRecord, type: BusinessType, sync: CaseSyncState): CaseView {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    officialNumber: c.officialNumber,
    sync,
    certificateNumbers: c.certificateNumbers,
    businessType: c.businessType,
    businessTypeName: type.name,
    status: c.status,
    statusReason: c.statusReason,
    coOwnership: c.coOwnership,
    tracks: c.tracks,
    parties: c.parties.map((p) => ({
      ordinal: p.ordinal,
      role: p.role,
      name: p.name,
      idType: p.idType,
      // An organisation's credit code is public (it is printed on its business licence).
      idNumberMasked: p.idType === 'organization' ? p.idNumber : maskIdNumber(p.idNumber),
      phoneMasked: p.phone ? maskPhone(p.phone) : null,
      share: p.share,
      signed: p.signatureBlob !== null,
    })),
    units: c.units,
    materials: c.materials.map((m) => ({ materialId: m.materialId, name: m.name, required: m.required, received: m.received, copies: m.copies, files: m.files.length })),
    fees: c.fees,
    feeTotalFen: c.feeTotalFen,
    feeOverrideReason: c.feeOverrideReason,
    promisedDate: c.promisedDate,
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    acceptedAt: c.acceptedAt,
    acceptedBy: c.acceptedBy,
    acceptance: c.status === 'draft' || c.status === 'requisitioned' ? checkAcceptance(c, type) : [],
  };
}
