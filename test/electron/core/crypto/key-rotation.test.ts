import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseReads } from '../../../../electron/core/cases/case-repository';
import { DataKeyRing } from '../../../../electron/core/crypto/data-keys';
import { openBody, outboxReads } from '../../../../electron/core/sync/outbox-repository';
import { BUYER, SELLER_1 } from '../../../support/cases';
import { makeTempDir } from '../../../support/temp-dir';
import { PROJECT_ROOT } from '../../../support/web-host-process';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';
import { fakeScan } from '../../../support/sync-cases';
import { acceptSignedTransfer } from '../sync/sync-fixture';

function keysCli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/core/crypto/key-cli.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run keys: status and rotation of the data keys', () => {
  let t: TestWorkstation | undefined;
  let dir: { path: string; remove(): void } | undefined;
  afterEach(async () => {
    await t?.ws.close();
    t = undefined;
    dir?.remove();
  });

  it('rotate re-seals every column, recomputes lookup tags, re-encrypts blob files, retires the old key; everything reads back the same', async () => {
    dir = makeTempDir('bdc-keys-');
    t = makeWorkstation({ dataDir: dir.path, platform: null });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const c = await acceptSignedTransfer(t, 'clerk', [fakeScan(30_000)]);
    const services = () => t!.ws.services;
    const before = caseReads.byId(services().db(), services().keys, c.id);
    const [cmd] = outboxReads.dueHeads(services().db(), '2100-01-01T00:00:00Z', [], 10);
    const body = openBody(services().keys, cmd);
    const blobHashes = [...(before?.parties.map((p) => p.signatureBlob as string) ?? []), ...(before?.materials.flatMap((m) => m.files.map((f) => f.blobHash)) ?? [])];
    const blobBytes = blobHashes.map((h) => Buffer.from(services().blobs.get(h)));
    expect(blobHashes).toHaveLength(4);

    // Refused while the workstation has the database open (its key ring would go stale).
    const busy = keysCli('rotate', '--data-dir', dir.path);
    expect(busy.code).toBe(2);
    expect(busy.err).toContain('工作站正在运行');

    await t.ws.close();
    const status = keysCli('status', '--data-dir', dir.path, '--json');
    expect(status.code, status.err).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ current: 'k1', keys: ['k1'], protection: 'owner-only-file', usedBy: { database: ['k1'], blobs: ['k1'] } });

    const rotated = keysCli('rotate', '--data-dir', dir.path, '--json');
    expect(rotated.code, rotated.err).toBe(0);
    expect(JSON.parse(rotated.out)).toMatchObject({ from: 'k1', to: 'k2', parties: 3, outbox: 1, blobs: 4, retired: ['k1'] });
    const ring = JSON.parse(readFileSync(DataKeyRing.path(dir.path), 'utf8')) as { current: string; keys: Array<{ id: string }> };
    expect(ring.current).toBe('k2');
    expect(ring.keys.map((k) => k.id)).toEqual(['k2']);
    expect(statSync(DataKeyRing.path(dir.path)).mode & 0o777).toBe(0o600);

    t.restart();
    const db = services().db();
    expect(caseReads.byId(db, services().keys, c.id)).toEqual(before);
    // The platform gets the same bytes after a rotation as before it.
    const [again] = outboxReads.dueHeads(db, '2100-01-01T00:00:00Z', [], 10);
    expect(openBody(services().keys, again)).toBe(body);
    blobHashes.forEach((h, i) => expect(Buffer.from(services().blobs.get(h)).equals(blobBytes[i])).toBe(true));
    // Lookup tags follow the new MAC key.
    expect(caseReads.idsByIdNumber(db, services().keys, BUYER.idNumber)).toEqual([c.id]);
    expect(caseReads.idsByIdNumber(db, services().keys, SELLER_1.idNumber.toLowerCase())).toEqual([c.id]);
    const audit = db.prepare("SELECT actor, actor_id, object, result, detail FROM audit_log WHERE action = 'keys.rotate'").all() as Array<{ actor: null; detail: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: null, actor_id: null, object: 'data-keys', result: 'success' });
    expect(JSON.parse(audit[0].detail)).toMatchObject({ from: 'k1', to: 'k2' });
    // Even `status` waits for the workstation to be closed (it takes the database exclusively).
    expect(keysCli('status', '--data-dir', dir.path).code).toBe(2);
  }, 120_000);

  it('bad arguments and a folder without keys are refused with exit code 2', () => {
    expect(keysCli('destroy').code).toBe(2);
    const empty = makeTempDir('bdc-keys-empty-');
    try {
      const r = keysCli('status', '--data-dir', empty.path);
      expect(r.code).toBe(2);
      expect(r.err).toContain('找不到数据库或数据密钥');
    } finally {
      empty.remove();
    }
  });
});
