import { createCipheriv, getCiphers, randomBytes } from 'node:crypto';
import { Ghash, ghashKey, type GhashKey } from './ghash';
import { sm4EncryptWords, sm4RoundKeys } from './sm4-block';

/**
 * SM4-GCM (GB/T 32907 block cipher in GCM mode, as RFC 8998 uses it). GCM is CTR encryption plus
 * the GHASH authenticator, and so it is built here: the CTR keystream comes from OpenSSL's
 * `sm4-ctr` where the runtime has it (Node), else from the JS block cipher (Electron's BoringSSL
 * has no SM4); GHASH is JS on both. Both paths produce the same bytes, pinned by known-answer
 * tests (GB/T 32907, RFC 8998 A.1) run on each.
 *
 * A sealed value is `iv (12) ‖ tag (16) ‖ ciphertext`. The associated data binds a ciphertext to
 * where it belongs (e.g. "case_parties.id_number"), so a value moved to another column does not open.
 */
export const SM4_KEY_BYTES = 16;
export const SM4_GCM_IV_BYTES = 12;
export const SM4_GCM_TAG_BYTES = 16;
/** GCM's bound for one message: 2^32 − 2 blocks (the 32-bit counter must not wrap). */
const MAX_GCM_BYTES = (2 ** 32 - 2) * 16;

export class DecryptionError extends Error {
  constructor(message = 'SM4-GCM authentication failed (wrong key, or the data was altered)') {
    super(message);
    this.name = 'DecryptionError';
  }
}

/** A CTR keystream applied to data as it passes (encrypting and decrypting are the same). */
interface CtrStream {
  update(data: Uint8Array): Buffer;
}

export interface Sm4Engine {
  readonly name: 'openssl' | 'js';
  /** CTR from a 16-byte initial counter block (GCM increments its last 32 bits). */
  ctr(key: Uint8Array, counter: Uint8Array): CtrStream;
}

export const jsSm4Engine: Sm4Engine = {
  name: 'js',
  ctr: (key, counter) => new JsCtr(roundKeysOf(key), counter),
};

/** OpenSSL's CTR counts all 128 bits; within GCM's bound the last 32 never wrap, so the blocks agree. */
export const opensslSm4Engine: Sm4Engine = {
  name: 'openssl',
  ctr: (key, counter) => createCipheriv('sm4-ctr', key, counter),
};

let chosen: Sm4Engine | null = null;

/** OpenSSL's SM4 when this runtime has it (checked once, on first use, against the standard's vector). */
export function defaultSm4Engine(): Sm4Engine {
  if (!chosen) chosen = getCiphers().includes('sm4-ctr') && opensslAgrees() ? opensslSm4Engine : jsSm4Engine;
  return chosen;
}

function opensslAgrees(): boolean {
  try {
    const k = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    // CTR from counter = P over zero bytes yields E(P): the GB/T 32907 example.
    return opensslSm4Engine.ctr(k, k).update(Buffer.alloc(16)).toString('hex') === '681edf34d206965e86b3e94f536e4246';
  } catch {
    return false;
  }
}

function keyOf(key: Uint8Array): Uint8Array {
  if (key.length !== SM4_KEY_BYTES) throw new Error(`SM4 key must be ${SM4_KEY_BYTES} bytes`);
  return key;
}

/** Per-key GHASH tables, kept as long as the key object lives (the key ring holds its keys). */
const hashKeys = new WeakMap<Uint8Array, GhashKey>();
function hashKeyOf(key: Uint8Array, engine: Sm4Engine): GhashKey {
  let h = hashKeys.get(key);
  if (!h) {
    h = ghashKey(engine.ctr(key, Buffer.alloc(16)).update(Buffer.alloc(16))); // H = E(K, 0^128)
    hashKeys.set(key, h);
  }
  return h;
}

const roundKeys = new WeakMap<Uint8Array, Uint32Array>();
function roundKeysOf(key: Uint8Array): Uint32Array {
  let rk = roundKeys.get(key);
  if (!rk) {
    rk = sm4RoundKeys(key);
    roundKeys.set(key, rk);
  }
  return rk;
}

function aadBytes(associatedData: string | Uint8Array): Uint8Array {
  return typeof associatedData === 'string' ? Buffer.from(associatedData, 'utf8') : associatedData;
}

/** J0 = IV ‖ 0^31 ‖ 1 for a 96-bit IV. */
function firstCounter(iv: Uint8Array): Buffer {
  const j0 = Buffer.alloc(16);
  j0.set(iv, 0);
  j0[15] = 1;
  return j0;
}

/**
 * One GCM pass: a CTR stream from J0 whose first block is E(J0) (the tag's mask) and whose
 * following blocks (from inc32(J0)) encrypt the data, and the GHASH over AAD and ciphertext.
 */
class GcmPass {
  private readonly ctr: CtrStream;
  private readonly ghash: Ghash;
  private readonly tagMask: Buffer;
  private bytes = 0;

  constructor(key: Uint8Array, iv: Uint8Array, associatedData: string | Uint8Array, engine: Sm4Engine) {
    if (iv.length !== SM4_GCM_IV_BYTES) throw new Error(`SM4-GCM IV must be ${SM4_GCM_IV_BYTES} bytes`);
    keyOf(key);
    this.ghash = new Ghash(hashKeyOf(key, engine));
    this.ghash.aad(aadBytes(associatedData));
    this.ctr = engine.ctr(key, firstCounter(iv));
    this.tagMask = this.ctr.update(Buffer.alloc(16));
  }

  encrypt(plaintext: Uint8Array): Buffer {
    this.count(plaintext.length);
    const out = this.ctr.update(plaintext);
    this.ghash.data(out);
    return out;
  }

  decrypt(ciphertext: Uint8Array): Buffer {
    this.count(ciphertext.length);
    this.ghash.data(ciphertext);
    return this.ctr.update(ciphertext);
  }

  tag(): Buffer {
    const t = this.ghash.digest();
    for (let i = 0; i < 16; i++) t[i]! ^= this.tagMask[i]!;
    return t;
  }

  private count(n: number): void {
    this.bytes += n;
    if (this.bytes > MAX_GCM_BYTES) throw new Error('SM4-GCM: message too long');
  }
}

export function sm4GcmSeal(
  key: Uint8Array,
  plaintext: Uint8Array,
  associatedData: string | Uint8Array,
  iv: Uint8Array = randomBytes(SM4_GCM_IV_BYTES),
  engine: Sm4Engine = defaultSm4Engine(),
): Buffer {
  const pass = new GcmPass(key, iv, associatedData, engine);
  const body = pass.encrypt(plaintext);
  return Buffer.concat([Buffer.from(iv), pass.tag(), body]);
}

export function sm4GcmOpen(key: Uint8Array, sealed: Uint8Array, associatedData: string | Uint8Array, engine: Sm4Engine = defaultSm4Engine()): Buffer {
  if (sealed.length < SM4_GCM_IV_BYTES + SM4_GCM_TAG_BYTES) throw new DecryptionError('sealed value too short');
  const opening = new Sm4GcmOpening(key, sealed.subarray(0, SM4_GCM_IV_BYTES + SM4_GCM_TAG_BYTES), associatedData, engine);
  const out = opening.update(sealed.subarray(SM4_GCM_IV_BYTES + SM4_GCM_TAG_BYTES));
  opening.final();
  return out;
}

/**
 * Opens a sealed value piece by piece (a large file read in chunks): `update` returns plaintext
 * that is NOT yet authenticated; `final` throws DecryptionError unless the tag matches. A caller
 * must not let unauthenticated bytes take effect before `final` (the blob upload holds back the
 * last chunk until then).
 */
export class Sm4GcmOpening {
  private readonly pass: GcmPass;
  private readonly expected: Buffer;

  /** `header` is the sealed value's first 28 bytes: iv ‖ tag. */
  constructor(key: Uint8Array, header: Uint8Array, associatedData: string | Uint8Array, engine: Sm4Engine = defaultSm4Engine()) {
    if (header.length !== SM4_GCM_IV_BYTES + SM4_GCM_TAG_BYTES) throw new DecryptionError('sealed value too short');
    this.pass = new GcmPass(key, header.subarray(0, SM4_GCM_IV_BYTES), associatedData, engine);
    this.expected = Buffer.from(header.subarray(SM4_GCM_IV_BYTES));
  }

  update(ciphertext: Uint8Array): Buffer {
    return this.pass.decrypt(ciphertext);
  }

  final(): void {
    const tag = this.pass.tag();
    let diff = 0;
    for (let i = 0; i < 16; i++) diff |= tag[i]! ^ this.expected[i]!;
    if (diff !== 0) throw new DecryptionError();
  }
}

/** One SM4 block, ECB, no padding: only for the standard's known-answer test. */
export function sm4EncryptBlock(key: Uint8Array, block: Uint8Array, engine: Sm4Engine = defaultSm4Engine()): Buffer {
  // CTR over zero bytes from counter = block yields E(block).
  return engine.ctr(keyOf(key), block).update(Buffer.alloc(16));
}

/** JS CTR with GCM's inc32. */
class JsCtr implements CtrStream {
  private readonly counter = new Uint32Array(4);
  private readonly block = new Uint32Array(4);
  private readonly keystream = Buffer.alloc(16);
  private used = 16;

  constructor(
    private readonly rk: Uint32Array,
    counter: Uint8Array,
  ) {
    const v = new DataView(counter.buffer, counter.byteOffset, 16);
    for (let i = 0; i < 4; i++) this.counter[i] = v.getUint32(i * 4);
  }

  update(data: Uint8Array): Buffer {
    const out = Buffer.allocUnsafe(data.length);
    const n = data.length;
    let i = 0;
    while (i < n && this.used < 16) out[i] = data[i++]! ^ this.keystream[this.used++]!;
    const c = this.counter;
    const b = this.block;
    // Whole blocks straight from the words.
    for (; i + 16 <= n; i += 16) {
      sm4EncryptWords(this.rk, c[0]!, c[1]!, c[2]!, c[3]!, b);
      c[3] = (c[3]! + 1) >>> 0;
      for (let w = 0; w < 4; w++) {
        const k = b[w]!;
        const at = i + w * 4;
        out[at] = data[at]! ^ (k >>> 24);
        out[at + 1] = data[at + 1]! ^ ((k >>> 16) & 0xff);
        out[at + 2] = data[at + 2]! ^ ((k >>> 8) & 0xff);
        out[at + 3] = data[at + 3]! ^ (k & 0xff);
      }
    }
    if (i < n) {
      sm4EncryptWords(this.rk, c[0]!, c[1]!, c[2]!, c[3]!, b);
      c[3] = (c[3]! + 1) >>> 0;
      for (let w = 0; w < 4; w++) this.keystream.writeUInt32BE(b[w]!, w * 4);
      this.used = 0;
      while (i < n) out[i++] = data[i - 1]! ^ this.keystream[this.used++]!;
    }
    return out;
  }
}
