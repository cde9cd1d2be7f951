import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../electron/core/audit/audit-chain';
import { auditKeyOf } from '../../../../electron/core/audit/audit-key';
import { until } from '../../../support/cases';
import { acceptSeizure } from '../../../support/sync-cases';
import { ADMIN } from '../../../support/workstation';
import { syncWorld, type SyncWorld } from './sync-fixture';

/**
 * Issue #16 "the head anchored outside the workstation": the platform's receipt of the audit trail
 * (the last seq it holds and its hash) is compared by audit.verify when online. An attacker who can
 * write the database file AND open the audit key can cut the tail and re-sign the head so the local
 * chain verifies — but not move the platform's receipt.
 */
describe('audit: the chain anchored by the platform’s receipt', () => {
  let w: SyncWorld;
  afterEach(() => w?.close());

  const db = () => w.t.ws.services.db();
  const lastSeq = () => (db().prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
  /** Whoever writes the file can drop the append-only triggers first. */
  const dropTriggers = () => db().exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  const confirmed = () => Number((db().prepare("SELECT value FROM sync_state WHERE key = 'audit_sent_seq'").get() as { value: string } | undefined)?.value ?? 0);

  async function uploaded(): Promise<number> {
    await acceptSeizure(w.t, 'clerk');
    await acceptSeizure(w.t, 'clerk');
    return until(async () => {
      await w.t.ok('clerk', 'sync.now', {});
      const c = confirmed();
      return c > 0 && c === lastSeq() ? c : undefined;
    }, 'audit records confirmed by the platform', 15_000);
  }

  it('matches the receipt when intact; a tail cut and a head re-signed with the key verify locally but not against the platform', async () => {
    w = await syncWorld();
    const sent = await uploaded();
    await w.t.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const intact = await w.t.ok('admin', 'audit.verify', {});
    expect(intact).toMatchObject({ ok: true, anchor: { state: 'matched' } });
    expect(intact.anchor?.platformSeq).toBeGreaterThanOrEqual(sent);

    // The attacker with the file and the key: the last records go, the head is recomputed and re-MACed.
    const keep = Math.floor(sent / 2);
    const key = auditKeyOf(db());
    expect(key).toBeTruthy();
    const kept = db().prepare('SELECT hash FROM audit_log WHERE seq = ?').get(keep) as { hash: string };
    dropTriggers();
    db().prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
    db().prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(`${keep}:${kept.hash}:${key!.headMac(keep, kept.hash)}`);
    expect(verifyAuditChain(db(), key)).toMatchObject({ ok: true, checked: keep });

    const caught = await w.t.ok('admin', 'audit.verify', {});
    expect(caught.ok).toBe(false);
    expect(caught.anchor).toMatchObject({ state: 'mismatch', platformSeq: intact.anchor?.platformSeq });
    expect(caught.firstBroken?.reason).toMatch(/平台已收到第 \d+ 条审计记录，本机日志只到第 \d+ 条/);
  });

  it('a record the platform holds, altered and re-chained with the key, differs from the receipt', async () => {
    w = await syncWorld();
    const sent = await uploaded();
    const key = auditKeyOf(db())!;
    // Rewrite the platform's last record's hash in place (and its MAC, and the head) as a key holder could.
    const forged = 'f'.repeat(64);
    dropTriggers();
    db().prepare('UPDATE audit_log SET hash = ?, mac = ? WHERE seq = ?').run(forged, key.rowMac(forged), sent);
    await w.t.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const caught = await w.t.ok('admin', 'audit.verify', {});
    expect(caught.ok).toBe(false);
    // The local chain breaks too here (the next record's prev_hash); the anchor names the platform's view.
    expect(caught.anchor).toMatchObject({ state: 'mismatch', platformSeq: sent, reason: expect.stringMatching(/与平台收到的不一致/) });
  });

  it('offline, verify says it did not compare rather than claiming a match', async () => {
    w = await syncWorld();
    await uploaded();
    w.platform.admin.setFaults([{ match: { pathPrefix: '/api/v1' }, action: 'status', status: 503, times: 1000 }]);
    await w.t.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const v = await w.t.ok('admin', 'audit.verify', {});
    expect(v).toMatchObject({ ok: true, anchor: { state: 'offline' } });
  });
});
