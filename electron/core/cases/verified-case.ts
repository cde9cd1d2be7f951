import type { MethodOutput } from '../../contract';
import { maskIdNumber } from '../../contract/validation/id-number';
import { DOCUMENT_KINDS, type DocumentKind } from '../documents/document-kinds';
import type { CallContext } from '../services';
import { caseReads } from './case-repository';
import { businessTypeOf } from './handlers/case-context';

type VerifiedCase = NonNullable<MethodOutput<'documents.verify'>['case']>;

/** The title of a document kind code (SLPZ → 不动产登记受理凭证), or null for a code we do not issue. */
export function documentKindTitle(code: string): string | null {
  return Object.values(DOCUMENT_KINDS).find((k) => k.code === code)?.title ?? null;
}

/**
 * The case a genuine verification code names, as this workstation holds it: what the clerk
 * compares with the paper in front of them (parties with masked numbers, units, when the document
 * was produced here). Null when the caller is not logged in, the code is another office's, or the
 * case is not on this workstation (then the signature alone speaks for the paper).
 */
export function verifiedCase(ctx: CallContext, facts: { kind: string; officeCode: string; caseNumber: string }): VerifiedCase | null {
  if (!ctx.session) return null;
  if (facts.officeCode !== ctx.services.config.value.officeCode) return null;
  const db = ctx.services.db();
  const c = caseReads.byNumber(db, ctx.services.keys, facts.caseNumber);
  if (!c) return null;
  const kind = (Object.keys(DOCUMENT_KINDS) as DocumentKind[]).find((k) => DOCUMENT_KINDS[k].code === facts.kind);
  const produced = kind
    ? (db.prepare('SELECT created_at FROM case_documents WHERE case_id = ? AND kind = ? ORDER BY created_at DESC, id DESC LIMIT 10').all(c.id, kind) as Array<{ created_at: string }>)
    : [];
  return {
    id: c.id,
    status: c.status,
    businessTypeName: businessTypeOf(ctx, c.businessType).name,
    // Names shown, numbers masked: the masking policy (contract/validation/masking.ts) for screens.
    parties: c.parties.map((p) => ({ role: p.role, name: p.name, idNumberMasked: p.idType === 'organization' ? p.idNumber : maskIdNumber(p.idNumber) })),
    unitCodes: c.units.map((u) => u.unitCode),
    producedAt: produced.map((r) => r.created_at),
  };
}
