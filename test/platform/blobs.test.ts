import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../electron/core/crypto/sm3';
import { command, patchBlob, startTestPlatform, submission, testFile, type TestFile, type TestPlatform } from './harness';

describe('platform files: the missing-blob protocol', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.dispose());

  const expectFiles = async (...files: TestFile[]) => {
    const res = await command(t.client, '/api/v1/cases', submission(files));
    expect(res.status).toBe(201);
    return res.data.missingBlobs as string[];
  };
  const head = async (hash: string) => {
    const res = await t.client.head(`/api/v1/blobs/${hash}`);
    return { status: res.status, offset: res.headers['upload-offset'], length: res.headers['upload-length'], complete: res.headers['upload-complete'] };
  };

  it('reports an expected file by HEAD, takes it in chunks, and verifies its SM3 on the last byte', async () => {
    const file = testFile(10_000);
    await expectFiles(file);
    expect(await head(file.hash)).toEqual({ status: 200, offset: '0', length: '10000', complete: '?0' });
    const part = await patchBlob(t.client, file.hash, 0, file.bytes.subarray(0, 4000));
    expect(part.status).toBe(204);
    expect(part.headers['upload-offset']).toBe('4000');
    expect(part.headers['upload-complete']).toBe('?0');
    const rest = await patchBlob(t.client, file.hash, 4000, file.bytes.subarray(4000));
    expect(rest.status).toBe(204);
    expect(rest.headers['upload-offset']).toBe('10000');
    expect(rest.headers['upload-complete']).toBe('?1');
    expect(await head(file.hash)).toEqual({ status: 200, offset: '10000', length: '10000', complete: '?1' });
    expect(readFileSync(join(t.dir, 'blobs', file.hash))).toEqual(file.bytes);
    // A later case that lists the same file does not ask for it again.
    expect(await expectFiles(file)).toEqual([]);
  });

  it('answers 409 OFFSET_MISMATCH with its own offset when the client resumes from elsewhere', async () => {
    const file = testFile(5000);
    await expectFiles(file);
    await patchBlob(t.client, file.hash, 0, file.bytes.subarray(0, 1000));
    for (const wrong of [0, 1500]) {
      const res = await patchBlob(t.client, file.hash, wrong, file.bytes.subarray(wrong, wrong + 100));
      expect(res.status).toBe(409);
      expect(res.data.error.code).toBe('OFFSET_MISMATCH');
      expect(res.headers['upload-offset']).toBe('1000');
    }
    expect((await head(file.hash)).offset).toBe('1000');
  });

  it('keeps the bytes that arrived before a cut, and the upload resumes from there', async () => {
    const file = testFile(300_000);
    await expectFiles(file);
    t.platform.admin.setFaults([{ match: { method: 'PATCH' }, action: 'cut-after-bytes', bytes: 123_456 }]);
    const cut = await patchBlob(t.client, file.hash, 0, file.bytes).then(() => null, (e: { code?: string }) => e);
    expect(cut).not.toBeNull();
    expect(await head(file.hash)).toMatchObject({ offset: '123456', complete: '?0' });
    expect(statSync(join(t.dir, 'blobs', `${file.hash}.part`)).size).toBe(123_456);
    const resumed = await patchBlob(t.client, file.hash, 123_456, file.bytes.subarray(123_456));
    expect(resumed.status).toBe(204);
    expect(resumed.headers['upload-complete']).toBe('?1');
    expect(t.platform.admin.stats().requests['PATCH /api/v1/blobs/{hash} cut']).toBe(1);
  });

  it('a cut right after the last byte still completes the file: the next HEAD says ?1, nothing is resent', async () => {
    const file = testFile(50_000);
    await expectFiles(file);
    t.platform.admin.setFaults([{ match: { method: 'PATCH' }, action: 'cut-after-bytes', bytes: 50_000 }]);
    const cut = await patchBlob(t.client, file.hash, 0, file.bytes).then(() => null, (e: { code?: string }) => e);
    expect(cut).not.toBeNull();
    expect(await head(file.hash)).toMatchObject({ offset: '50000', complete: '?1' });
  });

  it('discards a complete file whose SM3 differs (422 HASH_MISMATCH, offset back to 0)', async () => {
    const file = testFile(2000);
    await expectFiles(file);
    const wrong = Buffer.from(file.bytes);
    wrong[1999] ^= 0xff;
    await patchBlob(t.client, file.hash, 0, wrong.subarray(0, 1000));
    const res = await patchBlob(t.client, file.hash, 1000, wrong.subarray(1000));
    expect(res.status).toBe(422);
    expect(res.data.error.code).toBe('HASH_MISMATCH');
    expect(res.data.error.message).toContain(sm3Hex(wrong));
    expect(await head(file.hash)).toMatchObject({ offset: '0', complete: '?0' });
    expect(existsSync(join(t.dir, 'blobs', `${file.hash}.part`))).toBe(false);
    expect((await patchBlob(t.client, file.hash, 0, file.bytes)).headers['upload-complete']).toBe('?1');
  });

  it('refuses files no case lists (404 BLOB_NOT_EXPECTED) and bytes past the declared size (400)', async () => {
    const stray = testFile(100);
    expect((await head(stray.hash)).status).toBe(404);
    const patch = await patchBlob(t.client, stray.hash, 0, stray.bytes);
    expect(patch.status).toBe(404);
    expect(patch.data.error.code).toBe('BLOB_NOT_EXPECTED');

    const file = testFile(1000);
    await expectFiles(file);
    const tooLong = await patchBlob(t.client, file.hash, 0, Buffer.concat([file.bytes, Buffer.from('extra')]));
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.error.code).toBe('BAD_REQUEST');
    expect((await head(file.hash)).offset).toBe('0');
    // The connection survived the refusal: the next request on the same client works.
    expect((await patchBlob(t.client, file.hash, 0, file.bytes)).status).toBe(204);
  });

  it('refuses a PATCH without the upload content type or offset, and a malformed hash', async () => {
    const file = testFile(100);
    await expectFiles(file);
    const plain = await t.client.patch(`/api/v1/blobs/${file.hash}`, file.bytes, { headers: { 'Content-Type': 'application/octet-stream', 'Upload-Offset': '0' } });
    expect(plain.status).toBe(400);
    const noOffset = await t.client.patch(`/api/v1/blobs/${file.hash}`, file.bytes, { headers: { 'Content-Type': 'application/offset+octet-stream' } });
    expect(noOffset.status).toBe(400);
    expect((await t.client.head('/api/v1/blobs/NOT-A-HASH')).status).toBe(400);
  });

  it('takes an empty file (size 0) with one empty PATCH', async () => {
    const empty = testFile(0);
    expect(await expectFiles(empty)).toEqual([empty.hash]);
    const res = await patchBlob(t.client, empty.hash, 0, Buffer.alloc(0));
    expect(res.status).toBe(204);
    expect(res.headers['upload-complete']).toBe('?1');
  });

  it('refuses a case that declares a known file with another size', async () => {
    const file = testFile(700);
    await expectFiles(file);
    const body = submission([file]);
    body.blobs = [{ hash: file.hash, size: 701, mediaType: 'application/pdf' }];
    const res = await command(t.client, '/api/v1/cases', body);
    expect(res.status).toBe(400);
    expect(res.data.error.message).toContain('blobs.0.size');
    expect(t.platform.admin.cases().some((c) => c.caseNumber === body.caseNumber)).toBe(false);
  });
});
