import type { CaseRecord, Party } from './case-record';
import { signingOf } from './signing-status';

/** The pad shows at most this many characters (native/sigpad/prompt.ts). */
const PAD_PROMPT_MAX = 64;

/**
 * What the pad shows while `party` signs: whose turn it is and who signs next, so a signer never
 * writes on the pad before it names them (the pad takes no ink between two signers). The type
 * name comes last: on a long one it is what gets cut, never the names.
 */
export function padPrompt(c: CaseRecord, party: Party, typeName: string): string {
  const next = nextSigner(c, party);
  const turn = `请${party.name}签名${next ? `（下一位：${next.name}）` : ''}`;
  return [...`${turn}：${typeName}申请`].slice(0, PAD_PROMPT_MAX).join('');
}

/**
 * The next person after `party` (by ordinal) still to sign, as 依次签名 goes: not signed, sealed or
 * signed for by their agent; organisations seal instead of signing on the pad.
 */
export function nextSigner(c: CaseRecord, party: Party): Party | null {
  const signing = signingOf(c);
  return c.parties.find((p) => p.ordinal > party.ordinal && (signing.get(p.ordinal) ?? 'none') === 'none' && p.idType !== 'organization') ?? null;
}
