import type { CaseRecord, Party } from './case-record';
import { applicationDigest } from './application-digest';
import { verifySealSignature } from './e-seal';

export type PartySigning = 'none' | 'handwritten' | 'byAgent' | 'seal';

/** The material an agent's authority rests on (business-types.ts requires it where agents may act). */
export const POWER_OF_ATTORNEY_ID = 'powerOfAttorney';

/**
 * How each party's will to apply is on the case, as offices accept it:
 *   - seal: an organisation's e-seal whose SM2 signature verifies over the application as it is;
 *   - handwritten: signed on the pad;
 *   - byAgent: an agent the party appointed (listed in the agent's `actsFor`) signed (or sealed)
 *     and the 授权委托书 is received — the principal need not sign (实施细则 第12条);
 *   - none.
 */
export function signingOf(c: CaseRecord, digest: string = applicationDigest(c)): Map<number, PartySigning> {
  const attorney = c.materials.some((m) => m.materialId === POWER_OF_ATTORNEY_ID && m.received);
  const own = new Map<number, PartySigning>();
  for (const p of c.parties) own.set(p.ordinal, ownSigning(p, digest));
  const result = new Map<number, PartySigning>();
  for (const p of c.parties) {
    const mine = own.get(p.ordinal) ?? 'none';
    if (mine !== 'none') {
      result.set(p.ordinal, mine);
      continue;
    }
    const agent = attorney && c.parties.find((a) => a.role === 'agent' && a.actsFor.includes(p.ordinal) && own.get(a.ordinal) !== 'none');
    result.set(p.ordinal, agent ? 'byAgent' : 'none');
  }
  return result;
}

function ownSigning(p: Party, digest: string): PartySigning {
  if (p.seal && verifySealSignature(p.seal, digest)) return 'seal';
  if (p.signatureBlob) return 'handwritten';
  return 'none';
}

/** Whether the seal on a party (if any) verifies over the application as it is now. */
export function sealIsValid(p: Party, digest: string): boolean {
  return p.seal !== null && verifySealSignature(p.seal, digest);
}
