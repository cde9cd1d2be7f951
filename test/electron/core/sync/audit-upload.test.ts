import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../../support/cases';
import { acceptSeizure } from '../../../support/sync-cases';
import { syncWorld, type SyncWorld } from './sync-fixture';

/**
 * The audit trail goes upward (issue: "Retention: at least 6 months locally and synced upward"):
 * every local record reaches the platform once, in order, and a lost answer does not duplicate.
 */
describe('sync: the audit log is sent to the platform', () => {
  let w: SyncWorld;
  afterEach(() => w?.close());

  const localSeqs = () => (w.t.ws.services.db().prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all() as Array<{ seq: number; hash: string }>);

  it('sends every record once, in order, with its hash; a lost answer is replayed, not stored twice', async () => {
    w = await syncWorld();
    await acceptSeizure(w.t, 'clerk');
    // The answer to the next batch is lost after the platform stored it.
    w.platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/audit-records' }, action: 'drop-after', times: 1 }]);
    await acceptSeizure(w.t, 'clerk');
    // Confirmed means the platform answered: after the lost answer, the same batch was sent again.
    const confirmed = () => Number((w.t.ws.services.db().prepare("SELECT value FROM sync_state WHERE key = 'audit_sent_seq'").get() as { value: string } | undefined)?.value ?? 0);
    await until(async () => {
      await w.t.ok('clerk', 'sync.now', {});
      return confirmed() === localSeqs().at(-1)!.seq ? true : undefined;
    }, 'audit records confirmed by the platform', 15_000);
    const remote = w.platform.admin.auditRecords();
    const local = localSeqs();
    // Records written while the last batch was on its way may follow in the next read.
    expect(remote.map((r) => r.seq)).toEqual(local.slice(0, remote.length).map((r) => r.seq));
    expect(remote.map((r) => r.hash)).toEqual(local.slice(0, remote.length).map((r) => r.hash));
    expect(new Set(remote.map((r) => r.seq)).size).toBe(remote.length);
    expect(remote.some((r) => r.action === 'cases.accept')).toBe(true);
    const requests = w.platform.admin.stats().requests;
    expect(requests['POST /api/v1/audit-records dropped']).toBe(1);
    expect(requests['POST /api/v1/audit-records 200']).toBeGreaterThanOrEqual(1);
  });
});
