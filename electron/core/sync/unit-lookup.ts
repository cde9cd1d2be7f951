import type { Handler } from '../handler';
import { audit } from '../services';
import type { UnitAnswer } from './platform-answers';
import { unitRegisterCache } from './unit-register-cache';

/**
 * A unit's rights and restrictions from the provincial register. Online, the register answers and
 * the answer is cached; offline (or when the platform fails to answer) the cached answer is shown
 * with its date, so the clerk knows how old it is. Audited: the answer names people.
 */
export const lookupPlatformUnit: Handler<'sync.platformUnit'> = async (ctx, input) => {
  const unitCode = input.unitCode.toUpperCase().replace(/\s+/g, '');
  const engine = ctx.services.sync;
  const asked = engine ? await engine.lookupUnit(unitCode) : 'unreachable';
  const db = ctx.services.db();
  if (asked !== 'unreachable') {
    const fetchedAt = ctx.services.clock();
    if (asked.answer) unitRegisterCache.put(db, unitCode, asked.answer, fetchedAt);
    audit(ctx, { action: 'sync.platformUnit', object: `unit:${unitCode}`, result: 'success', detail: { source: 'platform', found: asked.answer !== null } });
    return asked.answer ? view(asked.answer, 'platform', fetchedAt.toISOString()) : null;
  }
  const cached = unitRegisterCache.get(db, unitCode);
  audit(ctx, { action: 'sync.platformUnit', object: `unit:${unitCode}`, result: 'success', detail: { source: 'cache', found: cached !== null } });
  return cached ? view(cached.data, 'cache', cached.fetchedAt) : null;
};

function view(u: UnitAnswer, source: 'platform' | 'cache', fetchedAt: string) {
  return {
    source,
    fetchedAt,
    unitCode: u.unitCode,
    address: u.address,
    use: u.use,
    areaM2: u.areaM2,
    rights: u.rights.map((r) => ({ kind: r.kind, holders: r.holders, certificateNumber: r.certificateNumber, registeredAt: r.registeredAt })),
    restrictions: u.restrictions.map((r) => ({ kind: r.kind, holder: r.holder, since: r.since, until: r.until, note: r.note })),
  };
}
