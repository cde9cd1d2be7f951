import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/contract';
import { matchCollector } from '../../../../electron/core/issuance/collector-match';
import { blockedBy, blockedByAll, paperNeeded, type IssuanceFacts } from '../../../../electron/core/issuance/issuance-rules';

const BUYER = { ordinal: 1, role: 'holder' as const, name: '王五', idNumber: '43010219900101001x' };
const SELLER = { ordinal: 2, role: 'obligor' as const, name: '李四', idNumber: '430102198505050022' };
const AGENT = { ordinal: 3, role: 'agent' as const, name: '赵六', idNumber: '430102197001010035' };
const body = { parties: [BUYER, SELLER, AGENT] };

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'none';
}

describe('who may collect (matchCollector)', () => {
  it('the 权利人 in person: matched by the full number, compared normalised (lower-case x), shown masked', () => {
    const m = matchCollector(body, { name: '王五', idNumber: '43010219900101001X' }, false);
    expect(m).toEqual({ role: 'holder', name: '王五', idNumberMasked: '430102********001X', holderOrdinal: 1 });
  });

  it('the seller or the intake agent is not a 权利人: COLLECTOR_NOT_HOLDER, with no full number in the message', () => {
    for (const p of [SELLER, AGENT]) {
      try {
        matchCollector(body, { name: p.name, idNumber: p.idNumber }, false);
        throw new Error('not refused');
      } catch (err) {
        expect((err as AppError).code).toBe('COLLECTOR_NOT_HOLDER');
        expect((err as AppError).message).not.toContain(p.idNumber);
      }
    }
  });

  it('an agent is anyone but a holder; a holder who is picked as agent is told so (COLLECTOR_IS_HOLDER)', () => {
    expect(matchCollector(body, { name: '赵六', idNumber: AGENT.idNumber }, true)).toMatchObject({ role: 'agent', holderOrdinal: null });
    expect(code(() => matchCollector(body, { name: '王五', idNumber: BUYER.idNumber }, true))).toBe('COLLECTOR_IS_HOLDER');
  });
});

const FACTS: IssuanceFacts = { stage: 'registered', certificateNumbers: ['湘(2026)长沙市不动产权第0200001号'], printed: null, issued: false, paperRequired: true };

describe('which methods are open (blockedBy)', () => {
  it('paper (counter, courier) waits for the print; a case whose office.case has no printed list counts as not printed', () => {
    expect(blockedBy(FACTS, 'counter')?.code).toBe('CERTIFICATE_NOT_PRINTED');
    expect(blockedBy(FACTS, 'courier')?.code).toBe('CERTIFICATE_NOT_PRINTED');
    expect(blockedBy({ ...FACTS, printed: [] }, 'counter')?.code).toBe('CERTIFICATE_NOT_PRINTED');
    expect(blockedBy({ ...FACTS, printed: [...FACTS.certificateNumbers] }, 'counter')).toBeNull();
  });

  it('仅电子证照 never needs paper; an office without paper is not held up', () => {
    expect(blockedBy(FACTS, 'electronic')).toBeNull();
    expect(paperNeeded(FACTS, 'electronic')).toBe(false);
    expect(blockedBy({ ...FACTS, paperRequired: false }, 'counter')).toBeNull();
    // No certificate numbers (a cancellation): nothing on paper to wait for.
    expect(blockedBy({ ...FACTS, certificateNumbers: [] }, 'counter')).toBeNull();
  });

  it('only a registered case, and only once', () => {
    expect(blockedBy({ ...FACTS, stage: 'registration' }, 'electronic')?.code).toBe('CASE_NOT_REGISTERED');
    expect(blockedBy({ ...FACTS, stage: 'issued' }, 'electronic')?.code).toBe('ALREADY_ISSUED');
    expect(blockedBy({ ...FACTS, issued: true }, 'electronic')?.code).toBe('ALREADY_ISSUED');
    expect(blockedByAll(FACTS)).toEqual({ counter: expect.stringContaining('尚未缮证'), courier: expect.stringContaining('尚未缮证'), electronic: null });
  });
});
