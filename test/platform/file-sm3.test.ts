import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../electron/core/crypto/sm3';
import { makeTempDir } from '../support/temp-dir';
import { sm3OfFile } from './file-sm3';

describe('SM3 of an uploaded file', () => {
  const temp = makeTempDir('bdc-sm3-');
  afterAll(() => temp.remove());

  it('gives the known answer for "abc" (GB/T 32905) on both paths', async () => {
    const path = join(temp.path, 'abc');
    writeFileSync(path, 'abc');
    const known = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
    expect(await sm3OfFile(path)).toBe(known);
    expect(await sm3OfFile(path, { native: false })).toBe(known);
  });

  it('streams a multi-chunk file to the same digest as the pure-JS hash of its bytes', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const path = join(temp.path, 'scan');
    writeFileSync(path, bytes);
    expect(await sm3OfFile(path)).toBe(sm3Hex(bytes));
    expect(await sm3OfFile(path, { native: false })).toBe(sm3Hex(bytes));
  });
});
