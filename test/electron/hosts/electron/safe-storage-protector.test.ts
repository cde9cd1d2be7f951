import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DataKeyRing, KeyRingError, ownerOnlyFileProtector } from '../../../../electron/core/crypto/data-keys';
import { KeystoreRefusedError, safeStorageProtector, type SafeStorageLike } from '../../../../electron/hosts/electron/safe-storage-protector';
import { configSchema } from '../../../../electron/contract/config';
import { makeTempDir } from '../../../support/temp-dir';

/** A stand-in for Electron's safeStorage: XOR with a per-instance byte and a prefix, so wrapping is visible. */
function fakeSafeStorage(o: { available?: boolean; backend?: string; tag?: number } = {}): SafeStorageLike & { calls: string[] } {
  const tag = o.tag ?? 0x5a;
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => o.available ?? true,
    getSelectedStorageBackend: () => o.backend ?? 'gnome_libsecret',
    encryptString(plain) {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from('v11'), Buffer.from(plain, 'utf8').map((b) => b ^ tag)]);
    },
    decryptString(enc) {
      calls.push('decrypt');
      if (enc.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(enc.subarray(3).map((b) => b ^ tag)).toString('utf8');
    },
  };
}

describe('safeStorage key protector (Electron host)', () => {
  const dirs: Array<{ path: string; remove(): void }> = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) d.remove();
  });
  const dir = () => {
    const d = makeTempDir('bdc-keystore-');
    dirs.push(d);
    return d.path;
  };
  const logs: string[] = [];
  const opts = (platform: NodeJS.Platform, allowPlaintextKeystore = false) => ({ platform, allowPlaintextKeystore, log: (m: string) => logs.push(m) });

  it('wraps the key material through encryptString/decryptString as base64 text; the ring file holds no raw key', () => {
    const store = fakeSafeStorage();
    const protector = safeStorageProtector(store, opts('win32'));
    expect(protector.kind).toBe('os-keystore');
    const material = Buffer.from(Array.from({ length: 48 }, (_, i) => i));
    const wrapped = protector.protect(material);
    expect(wrapped.subarray(0, 3).toString()).toBe('v11');
    expect(protector.unprotect(wrapped).equals(material)).toBe(true);

    const d = dir();
    const ring = DataKeyRing.open(d, protector);
    const sealed = ring.seal('case_parties.id_number', '433124199211080267');
    const file = JSON.parse(readFileSync(DataKeyRing.path(d), 'utf8')) as { protection: string; keys: Array<{ material: string }> };
    expect(file.protection).toBe('os-keystore');
    expect(Buffer.from(file.keys[0].material, 'base64').subarray(0, 3).toString()).toBe('v11');
    expect(DataKeyRing.open(d, safeStorageProtector(fakeSafeStorage(), opts('win32'))).openText('case_parties.id_number', sealed)).toBe('433124199211080267');
    // Another user's keystore (another key) cannot open the ring; the web host's file protector is refused.
    expect(() => DataKeyRing.open(d, safeStorageProtector(fakeSafeStorage({ tag: 0x33 }), opts('win32')))).toThrow(KeyRingError);
    expect(() => DataKeyRing.open(d, ownerOnlyFileProtector)).toThrow(/只能在桌面版中打开/);
  });

  it('refuses when no keystore is available', () => {
    expect(() => safeStorageProtector(fakeSafeStorage({ available: false }), opts('linux'))).toThrow(KeystoreRefusedError);
  });

  it("refuses Linux's basic_text store unless security.allowPlaintextKeystore, then starts with a warning", () => {
    expect(() => safeStorageProtector(fakeSafeStorage({ backend: 'basic_text' }), opts('linux'))).toThrow(/security\.allowPlaintextKeystore/);
    logs.length = 0;
    expect(safeStorageProtector(fakeSafeStorage({ backend: 'basic_text' }), opts('linux', true)).kind).toBe('os-keystore');
    expect(logs.some((l) => l.includes('basic_text'))).toBe(true);
    // Real keystores on Linux, and other systems (no such backend), are fine without the setting.
    for (const backend of ['gnome_libsecret', 'kwallet5', 'kwallet6']) expect(() => safeStorageProtector(fakeSafeStorage({ backend }), opts('linux'))).not.toThrow();
    expect(() => safeStorageProtector(fakeSafeStorage({ backend: 'basic_text' }), opts('darwin'))).not.toThrow();
  });

  it('the config key defaults to false and is validated', () => {
    expect(configSchema.parse({}).security.allowPlaintextKeystore).toBe(false);
    expect(configSchema.parse({ security: { allowPlaintextKeystore: true } }).security.allowPlaintextKeystore).toBe(true);
    expect(configSchema.safeParse({ security: { allowPlaintextKeystore: 'yes' } }).success).toBe(false);
  });

  it('a ring the web host wrote (owner-only file) is re-wrapped once by the desktop app, keeping every key', () => {
    const d = dir();
    const plain = DataKeyRing.open(d, ownerOnlyFileProtector);
    const sealed = plain.seal('outbox.body', '{"idNumber":"433124199211080267"}');
    const protector = safeStorageProtector(fakeSafeStorage(), opts('linux'));
    expect(DataKeyRing.wrapWith(d, protector)).toBe(true);
    expect(DataKeyRing.wrapWith(d, protector)).toBe(false); // already wrapped
    expect(DataKeyRing.open(d, protector).openText('outbox.body', sealed)).toBe('{"idNumber":"433124199211080267"}');
    expect(readFileSync(DataKeyRing.path(d), 'utf8')).toContain('"protection": "os-keystore"');
  });
});
