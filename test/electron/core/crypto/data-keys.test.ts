import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DataKeyRing, KeyRingError, ownerOnlyFileProtector, type KeyProtector } from '../../../../electron/core/crypto/data-keys';
import { DecryptionError } from '../../../../electron/core/crypto/sm4';
import { makeTempDir } from '../../../support/temp-dir';

const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));
function dir() {
  const t = makeTempDir('bdc-keys-');
  temps.push(t);
  return t.path;
}

/** A stand-in for the OS keystore: XOR with a secret, enough to prove the file holds no raw key. */
const fakeKeystore: KeyProtector = {
  kind: 'os-keystore',
  protect: (m) => Buffer.from(m.map((b) => b ^ 0x5a)),
  unprotect: (w) => Buffer.from(w.map((b) => b ^ 0x5a)),
};

describe('data key ring', () => {
  it('is made on first open, owner-only, and reopens to the same keys', () => {
    const d = dir();
    const ring = DataKeyRing.open(d, ownerOnlyFileProtector);
    const sealed = ring.seal('case_parties.id_number', '43010219860314042X');
    expect(statSync(DataKeyRing.path(d)).mode & 0o777).toBe(0o600);
    const again = DataKeyRing.open(d, ownerOnlyFileProtector);
    expect(again.openText('case_parties.id_number', sealed)).toBe('43010219860314042X');
    expect(again.lookupTag('id', 'X')).toBe(ring.lookupTag('id', 'X'));
    expect(sealed.includes(Buffer.from('43010219860314042X'))).toBe(false);
  });

  it('rotation seals with the new key and still opens the old values until they are retired', () => {
    const d = dir();
    const ring = DataKeyRing.open(d, ownerOnlyFileProtector);
    const old = ring.seal('p', '13807310001');
    const tagBefore = ring.lookupTag('p', '13807310001');
    expect(ring.rotate()).toBe('k2');
    const fresh = ring.seal('p', '13807310001');
    expect(ring.keyIdOf(old)).toBe('k1');
    expect(ring.keyIdOf(fresh)).toBe('k2');
    expect(ring.lookupTag('p', '13807310001')).not.toBe(tagBefore);
    const reopened = DataKeyRing.open(d, ownerOnlyFileProtector);
    expect(reopened.openText('p', old)).toBe('13807310001');
    reopened.retire([]);
    expect(() => DataKeyRing.open(d, ownerOnlyFileProtector).open('p', old)).toThrow(DecryptionError);
    expect(DataKeyRing.open(d, ownerOnlyFileProtector).openText('p', fresh)).toBe('13807310001');
  });

  it('a keystore-wrapped ring holds no raw key material and will not open without the keystore', () => {
    const d = dir();
    const ring = DataKeyRing.open(d, fakeKeystore);
    const sealed = ring.seal('x', 'secret');
    const file = JSON.parse(readFileSync(DataKeyRing.path(d), 'utf8'));
    expect(file.protection).toBe('os-keystore');
    expect(() => DataKeyRing.open(d, ownerOnlyFileProtector)).toThrow(KeyRingError);
    expect(DataKeyRing.open(d, fakeKeystore).openText('x', sealed)).toBe('secret');
  });

  it('a damaged ring file is a clear error, not a crash', () => {
    const d = dir();
    DataKeyRing.open(d, ownerOnlyFileProtector);
    writeFileSync(DataKeyRing.path(d), JSON.stringify({ version: 1, protection: 'owner-only-file', current: 'k9', keys: [] }));
    expect(() => DataKeyRing.open(d, ownerOnlyFileProtector)).toThrow(/数据密钥文件格式不正确/);
  });
});
