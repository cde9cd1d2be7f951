import { sm3 } from 'sm-crypto-v2';

/**
 * SM3 (GB/T 32905) in pure JS: Electron's BoringSSL has no SM algorithms, so core never relies on
 * node:crypto for them. Strings are hashed as UTF-8 (pinned by a known-answer test).
 */
export function sm3Hex(data: string | Uint8Array): string {
  return sm3(data);
}

/** HMAC-SM3 (key as hex) for keyed lookups and tamper-evident tags. */
export function hmacSm3Hex(keyHex: string, data: string | Uint8Array): string {
  return sm3(data, { key: keyHex });
}
