import type { RegisterRecord, RegistrationPreview } from '../../contract';
import type { SubmissionBody } from './office-cache';
import { currentOwnership } from './rules/rule';
import { registrationTypeOf } from './rules';

type Units = RegistrationPreview['units'];

/** Restrictions each type writes or cancels (API.md "What 登簿 writes"). */
const ADDS: Record<string, string> = { mortgageFirst: 'mortgage', seizure: 'seizure', objection: 'objection', preRegistration: 'preRegistration', residence: 'residence' };
const ENDS: Record<string, string[]> = {
  mortgageCancellation: ['mortgage'],
  seizureRelease: ['seizure'],
  objectionCancellation: ['objection'],
  preRegistrationCancellation: ['preRegistration'],
  // A transfer or first registration converts the 预告 (it ends).
  transfer: ['preRegistration'],
  first: ['preRegistration'],
};
const OWNERSHIP = ['first', 'transfer', 'change', 'correction'];
const PROOF = ['mortgageFirst', 'mortgageChange', 'preRegistration', 'objection', 'residence', 'easement'];

/**
 * What 登簿 will write, from the application and the units' records the desk reviewed: the
 * registrar's final look. The platform is authoritative; this is the same table it applies.
 */
export function registrationPreview(
  body: SubmissionBody,
  records: Array<{ unitCode: string; record: RegisterRecord | null }>,
): Omit<RegistrationPreview, 'caseId' | 'blockedBy'> {
  const type = body.registrationType === undefined && (body as { rightType?: string }).rightType === 'residence' ? 'residence' : registrationTypeOf(body);
  const holders = body.parties.filter((p) => p.role === 'holder');
  const units: Units = records.map(({ unitCode, record }) => {
    const inForce = (record?.restrictions ?? []).filter((r) => r.state === 'current' || r.state === 'provisional');
    const ends = ENDS[type] ?? [];
    const restrictionsEnded = inForce.filter((r) => ends.includes(r.kind)).map((r) => ({ id: r.id, kind: r.kind, holder: r.holder ?? null }));
    const restrictionsKept = inForce.filter((r) => !ends.includes(r.kind)).map((r) => ({ id: r.id, kind: r.kind, holder: r.holder ?? null }));
    const owner = currentOwnership(record);
    const endsOwnership = OWNERSHIP.includes(type) || type === 'cancellation';
    return {
      unitCode,
      registerVersion: record?.registerVersion ?? null,
      newRights: OWNERSHIP.includes(type)
        ? [{ kind: 'ownership', holders: holders.map((h) => ({ name: h.name, share: h.share ?? null })), coOwnership: body.coOwnership ?? null }]
        : type === 'easement'
          ? [{ kind: 'easement', holders: holders.map((h) => ({ name: h.name, share: null })), coOwnership: null }]
          : [],
      becomesHistoric: endsOwnership && owner ? [{ id: owner.id, kind: owner.kind, holders: owner.holders, certificateNumber: owner.certificateNumber ?? null }] : [],
      restrictionsAdded: ADDS[type] ? [{ kind: ADDS[type], holder: holders[0]?.name ?? null }] : [],
      restrictionsEnded,
      restrictionsKept,
    };
  });
  const issues = OWNERSHIP.includes(type) ? 'certificate' : PROOF.includes(type) ? 'proof' : 'none';
  const numbersToIssue = issues === 'none' ? 0 : issues === 'certificate' && body.coOwnership === 'shares' ? Math.max(1, holders.length) : 1;
  return { units, issues, numbersToIssue };
}
