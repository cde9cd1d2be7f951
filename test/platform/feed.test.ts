import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { clientFor, command, customCertificates, startTestPlatform, submission, type TestPlatform } from './harness';
import { startPlatform } from './index';

interface Change {
  cursor: string;
  caseNumber: string;
  kind: string;
}

describe('platform change feed', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const platform = async (): Promise<TestPlatform> => {
    // Automatic decisions on with a step longer than the test: no office review (office.case) changes.
    const t = await startTestPlatform({ auto: { enabled: true, stepMs: 3_600_000 } });
    cleanups.push(() => t.dispose());
    return t;
  };
  const readAll = async (t: TestPlatform, after: string | undefined, limit: number): Promise<{ changes: Change[]; cursor: string; pages: number }> => {
    const changes: Change[] = [];
    let cursor = after;
    let pages = 0;
    for (;;) {
      const res = await t.client.get('/api/v1/changes', { params: { after: cursor, limit } });
      expect(res.status).toBe(200);
      pages += 1;
      changes.push(...res.data.changes);
      if (res.data.changes.length > 0) expect(res.data.cursor).toBe(res.data.changes.at(-1).cursor);
      else expect(res.data.cursor).toBe(cursor ?? '0');
      cursor = res.data.cursor;
      if (res.data.changes.length < limit) return { changes, cursor: res.data.cursor, pages };
    }
  };

  it('starts with an empty feed and a cursor to keep', async () => {
    const t = await platform();
    const res = await t.client.get('/api/v1/changes');
    expect(res.data).toEqual({ changes: [], cursor: '0' });
  });

  it('pages through the changes in commit order with the cursors it issued, ending where the last page ended', async () => {
    const t = await platform();
    const numbers: string[] = [];
    for (let i = 0; i < 7; i++) {
      const body = submission();
      numbers.push(body.caseNumber as string);
      await command(t.client, '/api/v1/cases', body);
      t.platform.admin.appendChange(body.caseNumber as string, 'review.decision', { decision: 'requisition', reasons: ['缺少完税凭证'] });
    }
    const { changes, cursor, pages } = await readAll(t, undefined, 3);
    expect(pages).toBe(5); // 14 changes in pages of 3, then an empty page
    expect(changes.map((c) => c.caseNumber)).toEqual(numbers.flatMap((n) => [n, n]));
    expect(changes.map((c) => c.kind)).toEqual(numbers.flatMap(() => ['case.received', 'review.decision']));
    expect(new Set(changes.map((c) => c.cursor)).size).toBe(14);
    // Nothing new after the stored cursor, until something happens.
    expect((await t.client.get('/api/v1/changes', { params: { after: cursor } })).data).toEqual({ changes: [], cursor });
    t.platform.admin.appendChange(numbers[0], 'registered', { registeredAt: '2026-11-28T00:00:00.000Z', certificateNumbers: ['湘(2026)长沙市不动产权第0200001号'] });
    const next = await t.client.get('/api/v1/changes', { params: { after: cursor } });
    expect(next.data.changes).toMatchObject([{ caseNumber: numbers[0], kind: 'registered', data: { certificateNumbers: ['湘(2026)长沙市不动产权第0200001号'] } }]);
    expect(t.platform.admin.cases()[0].status).toBe('registered');
  });

  it('refuses a cursor it did not issue and a limit outside 1–500', async () => {
    const t = await platform();
    for (const params of [{ after: '2026-11-27T08:00:00Z' }, { limit: 0 }, { limit: 501 }, { limit: 'ten' }]) {
      const res = await t.client.get('/api/v1/changes', { params });
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.data.error.code).toBe('BAD_REQUEST');
    }
  });

  it('keeps the feed and its cursors across a restart on the same port', async () => {
    const t = await platform();
    const first = submission();
    await command(t.client, '/api/v1/cases', first);
    const before = await t.client.get('/api/v1/changes');
    const port = t.platform.port;
    await t.restart();
    expect(t.platform.port).toBe(port);
    expect((await t.client.get('/api/v1/changes')).data).toEqual(before.data);
    const second = submission();
    await command(t.client, '/api/v1/cases', second);
    const after = await t.client.get('/api/v1/changes', { params: { after: before.data.cursor } });
    expect(after.data.changes.map((c: Change) => c.caseNumber)).toEqual([second.caseNumber]);
  });

  it("shows each office only its own cases' changes", async () => {
    const temp = makeTempDir('bdc-platform-');
    cleanups.push(() => temp.remove());
    const certs = await customCertificates(`${temp.path}/certs`, '430102-A7', '430103-C5');
    const running = await startPlatform({ dataDir: `${temp.path}/data`, certificates: certs, auto: { enabled: true, stepMs: 3_600_000 } });
    cleanups.push(() => running.close());
    const furong = clientFor(running, certs);
    const tianxin = clientFor(running, { caPem: certs.caPem, clientCertPem: certs.second.certPem, clientKeyPem: certs.second.keyPem });
    const furongCase = submission();
    const tianxinCase = submission([], { officeCode: '430103', caseNumber: '430103-20261127-C5-0001', workstationId: 'C5' });
    expect((await command(furong, '/api/v1/cases', furongCase)).status).toBe(201);
    expect((await command(tianxin, '/api/v1/cases', tianxinCase)).status).toBe(201);
    const seen = async (client: typeof furong) => (await client.get('/api/v1/changes')).data.changes.map((c: Change) => c.caseNumber);
    expect(await seen(furong)).toEqual([furongCase.caseNumber]);
    expect(await seen(tianxin)).toEqual([tianxinCase.caseNumber]);
    // Nor can one office withdraw the other's case.
    const foreign = await command(tianxin, `/api/v1/cases/${furongCase.caseNumber}/withdrawal`, { reason: '误操作', at: '2026-11-27T09:00:00.000Z' });
    expect(foreign.status).toBe(404);
  });
});
