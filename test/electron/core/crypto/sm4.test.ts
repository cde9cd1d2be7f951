import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecryptionError, sm4EncryptBlock, sm4GcmOpen, sm4GcmSeal } from '../../../../electron/core/crypto/sm4';
import { hmacSm3Hex, sm3Hex } from '../../../../electron/core/crypto/sm3';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('SM4 known answers', () => {
  it('GB/T 32907 example 1: key = plaintext = 0123456789abcdeffedcba9876543210', () => {
    const k = hex('0123456789abcdeffedcba9876543210');
    expect(sm4EncryptBlock(k, k).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('RFC 8998 A.1: SM4-GCM ciphertext and tag', () => {
    const key = hex('0123456789abcdeffedcba9876543210');
    const iv = hex('00001234567800000000abcd');
    const pt = hex('AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA');
    const aad = hex('FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2');
    const sealed = sm4GcmSeal(key, pt, aad, iv);
    // Laid out as iv ‖ tag ‖ ciphertext.
    expect(sealed.subarray(0, 12).equals(iv)).toBe(true);
    expect(sealed.subarray(12, 28).toString('hex')).toBe('83de3541e4c2b58177e065a9bf7b62ec');
    expect(sealed.subarray(28).toString('hex')).toBe('17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d');
    expect(sm4GcmOpen(key, sealed, aad).equals(pt)).toBe(true);
  });

  it('SM3 and HMAC-SM3 known answers (UTF-8 strings, not code units)', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(hmacSm3Hex('00'.repeat(32), '张三')).toBe(hmacSm3Hex('00'.repeat(32), Buffer.from('张三', 'utf8')));
  });
});

describe('SM4-GCM seal/open', () => {
  const key = hex('00112233445566778899aabbccddeeff');

  it('round-trips any bytes and refuses another column, another key or a flipped bit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (pt, flip) => {
        const sealed = sm4GcmSeal(key, pt, 'case_parties.id_number');
        expect(sm4GcmOpen(key, sealed, 'case_parties.id_number').equals(Buffer.from(pt))).toBe(true);
        expect(() => sm4GcmOpen(key, sealed, 'case_parties.phone')).toThrow(DecryptionError);
        expect(() => sm4GcmOpen(hex('ffeeddccbbaa99887766554433221100'), sealed, 'case_parties.id_number')).toThrow(DecryptionError);
        const bad = Buffer.from(sealed);
        bad[flip % bad.length] ^= 0x01;
        expect(() => sm4GcmOpen(key, bad, 'case_parties.id_number')).toThrow(DecryptionError);
      }),
      { numRuns: 60 },
    );
  });

  it('uses a fresh IV each time: the same value never seals to the same bytes', () => {
    expect(sm4GcmSeal(key, Buffer.from('430102198603140421'), 'x').equals(sm4GcmSeal(key, Buffer.from('430102198603140421'), 'x'))).toBe(false);
  });
});

