import { randomBytes } from 'node:crypto';
import { sm4 } from 'sm-crypto-v2';

/**
 * SM4-GCM (GB/T 32907 block cipher in GCM mode, as RFC 8998 uses it) in pure JS: Electron's
 * BoringSSL has no SM4, so core never relies on node:crypto for it. Pinned by known-answer tests
 * (the GB/T 32907 block vector and RFC 8998 A.1).
 *
 * A sealed value is `iv (12) ‖ tag (16) ‖ ciphertext`. The associated data binds a ciphertext to
 * where it belongs (e.g. "case_parties.id_number"), so a value moved to another column does not open.
 */
export const SM4_KEY_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor(message = 'SM4-GCM authentication failed (wrong key, or the data was altered)') {
    super(message);
    this.name = 'DecryptionError';
  }
}

function keyHex(key: Uint8Array): string {
  if (key.length !== SM4_KEY_BYTES) throw new Error(`SM4 key must be ${SM4_KEY_BYTES} bytes`);
  return Buffer.from(key).toString('hex');
}

export function sm4GcmSeal(key: Uint8Array, plaintext: Uint8Array, associatedData: string | Uint8Array, iv: Uint8Array = randomBytes(IV_BYTES)): Buffer {
  const r = sm4.encrypt(plaintext, keyHex(key), {
    mode: 'gcm',
    iv: Buffer.from(iv).toString('hex'),
    associatedData: typeof associatedData === 'string' ? Buffer.from(associatedData, 'utf8') : associatedData,
    output: 'array',
    outputTag: true,
    padding: 'none',
  }) as unknown as { output: Uint8Array; tag: Uint8Array };
  return Buffer.concat([Buffer.from(iv), Buffer.from(r.tag), Buffer.from(r.output)]);
}

export function sm4GcmOpen(key: Uint8Array, sealed: Uint8Array, associatedData: string | Uint8Array): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new DecryptionError('sealed value too short');
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const body = sealed.subarray(IV_BYTES + TAG_BYTES);
  try {
    const out = sm4.decrypt(body, keyHex(key), {
      mode: 'gcm',
      iv: Buffer.from(iv).toString('hex'),
      associatedData: typeof associatedData === 'string' ? Buffer.from(associatedData, 'utf8') : associatedData,
      tag,
      output: 'array',
      padding: 'none',
    }) as unknown as Uint8Array;
    return Buffer.from(out);
  } catch {
    throw new DecryptionError();
  }
}

/** One SM4 block, ECB, no padding: only for the standard's known-answer test. */
export function sm4EncryptBlock(key: Uint8Array, block: Uint8Array): Buffer {
  return Buffer.from(sm4.encrypt(block, keyHex(key), { padding: 'none', output: 'array' }) as unknown as Uint8Array);
}
