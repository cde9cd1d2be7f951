import { createHash, getHashes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSm3Hex, sm3Hex } from '../../../../electron/core/crypto/sm3';

describe('SM3 (pure JS)', () => {
  it('matches the GB/T 32905 known answer for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('matches the GB/T 32905 known answer for the 64-byte message', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes strings as UTF-8, the same as their bytes', () => {
    expect(sm3Hex('不动产登记')).toBe(sm3Hex(new TextEncoder().encode('不动产登记')));
  });

  it.runIf(getHashes().includes('sm3'))('agrees with OpenSSL on arbitrary input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sm3Hex(bytes)).toBe(createHash('sm3').update(bytes).digest('hex'));
      }),
    );
  });

  it('HMAC-SM3 depends on the key', () => {
    const a = hmacSm3Hex('00112233445566778899aabbccddeeff', 'x');
    const b = hmacSm3Hex('ffeeddccbbaa99887766554433221100', 'x');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).not.toBe(sm3Hex('x'));
  });
});
