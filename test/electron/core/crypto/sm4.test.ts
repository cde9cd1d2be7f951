import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCiphers, getHashes } from 'node:crypto';
import { sm4 as referenceSm4 } from 'sm-crypto-v2';
import { jsSm3, opensslSm3, hmacSm3Hex, sm3Hex } from '../../../../electron/core/crypto/sm3';
import {
  DecryptionError,
  jsSm4Engine,
  opensslSm4Engine,
  Sm4GcmOpening,
  sm4EncryptBlock,
  sm4GcmOpen,
  sm4GcmSeal,
  type Sm4Engine,
} from '../../../../electron/core/crypto/sm4';

const hex = (s: string) => Buffer.from(s, 'hex');

// Node's OpenSSL has SM4 and SM3; Electron's BoringSSL has neither, so the JS path is what the
// desktop app runs: every known answer is checked on both.
const HAS_OPENSSL_SM4 = getCiphers().includes('sm4-ctr');
const HAS_OPENSSL_SM3 = getHashes().includes('sm3');
const ENGINES: Sm4Engine[] = HAS_OPENSSL_SM4 ? [jsSm4Engine, opensslSm4Engine] : [jsSm4Engine];

it('this Node has OpenSSL SM4 and SM3 (else only the JS path is tested here)', () => {
  expect(HAS_OPENSSL_SM4 && HAS_OPENSSL_SM3).toBe(true);
});

describe.each(ENGINES)('SM4 known answers ($name)', (engine) => {
  it('GB/T 32907 example 1: key = plaintext = 0123456789abcdeffedcba9876543210', () => {
    const k = hex('0123456789abcdeffedcba9876543210');
    expect(sm4EncryptBlock(k, k, engine).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('agrees with the reference library on 2,000 chained blocks (each output the next input)', () => {
    const k = hex('0123456789abcdeffedcba9876543210');
    let b: Buffer = Buffer.from(k);
    let r: Buffer = Buffer.from(k);
    for (let i = 0; i < 2000; i++) {
      b = sm4EncryptBlock(k, b, engine);
      r = Buffer.from(referenceSm4.encrypt(r, k.toString('hex'), { padding: 'none', output: 'array' }) as unknown as Uint8Array);
    }
    expect(b.equals(r)).toBe(true);
  });

  it('RFC 8998 A.1: SM4-GCM ciphertext and tag', () => {
    const key = hex('0123456789abcdeffedcba9876543210');
    const iv = hex('00001234567800000000abcd');
    const pt = hex('AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA');
    const aad = hex('FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2');
    const sealed = sm4GcmSeal(key, pt, aad, iv, engine);
    // Laid out as iv ‖ tag ‖ ciphertext.
    expect(sealed.subarray(0, 12).equals(iv)).toBe(true);
    expect(sealed.subarray(12, 28).toString('hex')).toBe('83de3541e4c2b58177e065a9bf7b62ec');
    expect(sealed.subarray(28).toString('hex')).toBe('17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d');
    expect(sm4GcmOpen(key, sealed, aad, engine).equals(pt)).toBe(true);
  });

  it('seals byte-identically to the JS library the format was first written with (old files still open)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ minLength: 12, maxLength: 12 }), fc.string(), (pt, key, iv, where) => {
        const r = referenceSm4.encrypt(pt, Buffer.from(key).toString('hex'), {
          mode: 'gcm',
          iv: Buffer.from(iv).toString('hex'),
          associatedData: Buffer.from(where, 'utf8'),
          output: 'array',
          outputTag: true,
          padding: 'none',
        }) as unknown as { output: Uint8Array; tag: Uint8Array };
        const reference = Buffer.concat([Buffer.from(iv), Buffer.from(r.tag), Buffer.from(r.output)]);
        expect(sm4GcmSeal(key, pt, where, iv, engine).equals(reference)).toBe(true);
        expect(sm4GcmOpen(key, reference, where, engine).equals(Buffer.from(pt))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('opens piece by piece as it opens whole, and refuses an altered last piece only at the end', () => {
    const key = hex('00112233445566778899aabbccddeeff');
    const pt = Buffer.alloc(100_003, 7);
    const sealed = sm4GcmSeal(key, pt, 'blob:x', undefined, engine);
    const pieces = (s: Buffer) => {
      const o = new Sm4GcmOpening(key, s.subarray(0, 28), 'blob:x', engine);
      const out: Buffer[] = [];
      for (let at = 28; at < s.length; at += 4099) out.push(o.update(s.subarray(at, Math.min(s.length, at + 4099))));
      return { out: Buffer.concat(out), final: () => o.final() };
    };
    const good = pieces(sealed);
    expect(good.out.equals(pt)).toBe(true);
    expect(() => good.final()).not.toThrow();
    const bad = Buffer.from(sealed);
    bad[bad.length - 1]! ^= 1;
    expect(() => pieces(bad).final()).toThrow(DecryptionError);
  });
});

describe.each(HAS_OPENSSL_SM3 ? [jsSm3, opensslSm3] : [jsSm3])('SM3 ($name)', (impl) => {
  it('known answers (UTF-8 strings, not code units), HMAC-SM3 and the incremental hash agree', () => {
    expect(impl.hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(impl.hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    expect(impl.hmacHex('00'.repeat(32), '张三')).toBe(impl.hmacHex('00'.repeat(32), Buffer.from('张三', 'utf8')));
    expect(impl.hmacHex('ab'.repeat(32), 'x')).toBe(jsSm3.hmacHex('ab'.repeat(32), 'x'));
    const h = impl.hasher();
    h.update(Buffer.from('ab'));
    h.update(Buffer.from('c'));
    expect(h.digestHex()).toBe(impl.hex('abc'));
  });
});

it('the default SM3 and SM4 agree with the known answers', () => {
  expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  expect(hmacSm3Hex('00'.repeat(32), '张三')).toBe(jsSm3.hmacHex('00'.repeat(32), '张三'));
  const k = hex('0123456789abcdeffedcba9876543210');
  expect(sm4EncryptBlock(k, k).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
});

describe.each(ENGINES)('SM4-GCM seal/open ($name)', (engine) => {
  const key = hex('00112233445566778899aabbccddeeff');

  it('round-trips any bytes and refuses another column, another key or a flipped bit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (pt, flip) => {
        const sealed = sm4GcmSeal(key, pt, 'case_parties.id_number', undefined, engine);
        expect(sm4GcmOpen(key, sealed, 'case_parties.id_number', engine).equals(Buffer.from(pt))).toBe(true);
        expect(() => sm4GcmOpen(key, sealed, 'case_parties.phone', engine)).toThrow(DecryptionError);
        expect(() => sm4GcmOpen(hex('ffeeddccbbaa99887766554433221100'), sealed, 'case_parties.id_number', engine)).toThrow(DecryptionError);
        const bad = Buffer.from(sealed);
        bad[flip % bad.length] ^= 0x01;
        expect(() => sm4GcmOpen(key, bad, 'case_parties.id_number', engine)).toThrow(DecryptionError);
      }),
      { numRuns: 60 },
    );
  });

  it('uses a fresh IV each time: the same value never seals to the same bytes', () => {
    expect(sm4GcmSeal(key, Buffer.from('430102198603140421'), 'x').equals(sm4GcmSeal(key, Buffer.from('430102198603140421'), 'x'))).toBe(false);
  });
});

