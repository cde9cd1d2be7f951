import { createHash, createHmac, getHashes } from 'node:crypto';
import { createRequire } from 'node:module';

type Sm3Js = (data: string | Uint8Array, options?: { key: string }) => string;
let sm3JsFn: Sm3Js | null = null;
/**
 * The JS SM3 is loaded on first use: the library also sets up the SM2 curve when it loads, which a
 * Node start (OpenSSL has SM3) never needs and Electron needs only when it first hashes.
 */
function sm3(data: string | Uint8Array, options?: { key: string }): string {
  sm3JsFn ??= (createRequire(import.meta.url)('sm-crypto-v2') as { sm3: Sm3Js }).sm3;
  return sm3JsFn(data, options);
}

/**
 * SM3 (GB/T 32905): OpenSSL's where the runtime has it (Node), else pure JS (Electron's BoringSSL
 * has no SM algorithms). Strings are hashed as UTF-8; both paths are pinned by the same
 * known-answer tests.
 */
export interface Sm3Implementation {
  readonly name: 'openssl' | 'js';
  hex(data: string | Uint8Array): string;
  hmacHex(keyHex: string, data: string | Uint8Array): string;
  /** An incremental hash (the JS path keeps the pieces and hashes them at the end). */
  hasher(): { update(data: Uint8Array): void; digestHex(): string };
}

export const jsSm3: Sm3Implementation = {
  name: 'js',
  hex: (data) => sm3(data),
  hmacHex: (keyHex, data) => sm3(data, { key: keyHex }),
  hasher() {
    const parts: Uint8Array[] = [];
    return {
      update: (data) => void parts.push(Buffer.from(data)),
      digestHex: () => sm3(Buffer.concat(parts)),
    };
  },
};

export const opensslSm3: Sm3Implementation = {
  name: 'openssl',
  hex: (data) => createHash('sm3').update(data).digest('hex'),
  hmacHex: (keyHex, data) => createHmac('sm3', Buffer.from(keyHex, 'hex')).update(data).digest('hex'),
  hasher() {
    const h = createHash('sm3');
    return { update: (data) => void h.update(data), digestHex: () => h.digest('hex') };
  },
};

let chosen: Sm3Implementation | null = null;

/** Checked once, on first use, against the standard's "abc" vector. */
export function defaultSm3(): Sm3Implementation {
  if (!chosen) chosen = getHashes().includes('sm3') && opensslAgrees() ? opensslSm3 : jsSm3;
  return chosen;
}

function opensslAgrees(): boolean {
  try {
    return opensslSm3.hex('abc') === '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
  } catch {
    return false;
  }
}

export function sm3Hex(data: string | Uint8Array): string {
  return defaultSm3().hex(data);
}

/** HMAC-SM3 (key as hex) for keyed lookups and tamper-evident tags. */
export function hmacSm3Hex(keyHex: string, data: string | Uint8Array): string {
  return defaultSm3().hmacHex(keyHex, data);
}

export function sm3Hasher(): { update(data: Uint8Array): void; digestHex(): string } {
  return defaultSm3().hasher();
}
