import { afterEach, describe, expect, it } from 'vitest';
import { command, patchBlob, startTestPlatform, submission, testFile, type TestPlatform } from './harness';
import { startPlatform } from './index';

describe('platform restart', () => {
  let t: TestPlatform | null = null;
  afterEach(async () => {
    await t?.dispose();
    t = null;
  });

  it('starts again on the same port and data folder with everything it held', async () => {
    t = await startTestPlatform();
    const file = testFile(50_000);
    const body = JSON.stringify(submission([file]));
    const first = await command(t.client, '/api/v1/cases', body, 'restart-key-0001');
    await patchBlob(t.client, file.hash, 0, file.bytes.subarray(0, 20_000));
    const port = t.platform.port;
    const caPem = t.platform.certs.caPem;

    await t.restart();
    expect(t.platform.port).toBe(port);
    expect(t.platform.certs.caPem).toBe(caPem); // the workstation's pinned CA still fits
    // The idempotency record survived: the retry of a command answered before the restart replays.
    const retry = await command(t.client, '/api/v1/cases', body, 'restart-key-0001');
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.data).toEqual(first.data);
    // The partial upload survived and resumes.
    expect((await t.client.head(`/api/v1/blobs/${file.hash}`)).headers['upload-offset']).toBe('20000');
    expect((await patchBlob(t.client, file.hash, 20_000, file.bytes.subarray(20_000))).headers['upload-complete']).toBe('?1');
    // Sequences continue rather than restart.
    const next = await command(t.client, '/api/v1/cases', submission());
    expect(next.data.platformCaseId).not.toBe(first.data.platformCaseId);
    expect(t.platform.admin.cases()).toHaveLength(2);
  });

  it('releases the port at once even while a request hangs, and a second platform cannot take a port in use', async () => {
    t = await startTestPlatform();
    t.platform.admin.setFaults([{ action: 'hang-after', times: 0 }]);
    const hanging = t.client.get('/api/v1/health').catch((e: Error) => e);
    await expect(startPlatform({ dataDir: `${t.dir}-other`, port: t.platform.port })).rejects.toThrow(/EADDRINUSE/);
    await t.restart();
    expect(await hanging).toBeInstanceOf(Error);
    expect((await t.client.get('/api/v1/health')).status).toBe(200); // faults are not persisted
  });
});
