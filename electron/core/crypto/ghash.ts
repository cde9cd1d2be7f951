/**
 * GHASH (NIST SP 800-38D), the authenticator of GCM, in JS: no runtime exposes it on its own, and
 * SM4-GCM is SM4-CTR plus GHASH, so with OpenSSL's `sm4-ctr` this is the only part left in JS.
 * Shoup's 8-bit tables: per hash key H, M[b] = b·H for every byte b (256 × 128 bits), and one
 * shared table for the reduction of the byte shifted out, so a block costs 16 look-ups.
 * Blocks are four big-endian 32-bit words (GCM's bit order: bit 0 is the MSB of byte 0).
 */
export interface GhashKey {
  m0: Int32Array;
  m1: Int32Array;
  m2: Int32Array;
  m3: Int32Array;
}

/** RED[e]: (e in the last byte) · x^8 mod P, which lands in the top 16 bits. */
const RED = new Uint32Array(256);
for (let e = 0; e < 256; e++) {
  let z0 = 0;
  let z3 = e;
  let z1 = 0;
  let z2 = 0;
  for (let i = 0; i < 8; i++) {
    const carry = z3 & 1;
    z3 = (z3 >>> 1) | ((z2 & 1) << 31);
    z2 = (z2 >>> 1) | ((z1 & 1) << 31);
    z1 = (z1 >>> 1) | ((z0 & 1) << 31);
    z0 = z0 >>> 1;
    if (carry) z0 ^= 0xe1000000;
  }
  RED[e] = z0 >>> 16;
}
/** RED shifted into place, as signed words (the arithmetic above stays in 32-bit integers). */
const RED16 = Int32Array.from(RED, (r) => r << 16);

export function ghashKey(h: Uint8Array): GhashKey {
  const m0 = new Int32Array(256);
  const m1 = new Int32Array(256);
  const m2 = new Int32Array(256);
  const m3 = new Int32Array(256);
  const v = new DataView(h.buffer, h.byteOffset, 16);
  // 0x80 is x^0: H itself; each lower bit is one more multiplication by x (a right shift).
  let a = v.getUint32(0);
  let b = v.getUint32(4);
  let c = v.getUint32(8);
  let d = v.getUint32(12);
  for (let bit = 0x80; bit > 0; bit >>>= 1) {
    m0[bit] = a;
    m1[bit] = b;
    m2[bit] = c;
    m3[bit] = d;
    const carry = d & 1;
    d = ((d >>> 1) | ((c & 1) << 31)) >>> 0;
    c = ((c >>> 1) | ((b & 1) << 31)) >>> 0;
    b = ((b >>> 1) | ((a & 1) << 31)) >>> 0;
    a = (a >>> 1) ^ (carry ? 0xe1000000 : 0);
    a >>>= 0;
  }
  for (let i = 2; i < 256; i <<= 1) {
    for (let j = 1; j < i; j++) {
      m0[i + j] = m0[i]! ^ m0[j]!;
      m1[i + j] = m1[i]! ^ m1[j]!;
      m2[i + j] = m2[i]! ^ m2[j]!;
      m3[i + j] = m3[i]! ^ m3[j]!;
    }
  }
  return { m0, m1, m2, m3 };
}

/** An incremental GHASH over AAD ‖ pad ‖ ciphertext ‖ pad ‖ lengths. */
export class Ghash {
  private readonly y = new Int32Array(4);
  private readonly x = new Int32Array(4);
  private readonly partial = Buffer.alloc(16);
  private partialLength = 0;
  private aadBytes = 0;
  private dataBytes = 0;
  private inData = false;

  constructor(private readonly key: GhashKey) {}

  aad(bytes: Uint8Array): void {
    if (this.inData) throw new Error('GHASH: associated data after the ciphertext');
    this.absorb(bytes);
    this.aadBytes += bytes.length;
  }

  data(bytes: Uint8Array): void {
    if (!this.inData) {
      this.flushPartial();
      this.inData = true;
    }
    this.absorb(bytes);
    this.dataBytes += bytes.length;
  }

  digest(): Buffer {
    this.flushPartial();
    const len = Buffer.alloc(16);
    // Lengths in bits, 64-bit big-endian each (exact up to 2^53 bits).
    len.writeUIntBE(this.aadBytes * 8, 2, 6);
    len.writeUIntBE(this.dataBytes * 8, 10, 6);
    this.block(len, 0);
    const out = Buffer.alloc(16);
    for (let i = 0; i < 4; i++) out.writeInt32BE(this.y[i]!, i * 4);
    return out;
  }

  private absorb(bytes: Uint8Array): void {
    let i = 0;
    if (this.partialLength > 0) {
      const take = Math.min(16 - this.partialLength, bytes.length);
      this.partial.set(bytes.subarray(0, take), this.partialLength);
      this.partialLength += take;
      i = take;
      if (this.partialLength < 16) return;
      this.block(this.partial, 0);
      this.partialLength = 0;
    }
    for (; i + 16 <= bytes.length; i += 16) this.block(bytes, i);
    if (i < bytes.length) {
      this.partial.set(bytes.subarray(i), 0);
      this.partialLength = bytes.length - i;
    }
  }

  private flushPartial(): void {
    if (this.partialLength === 0) return;
    this.partial.fill(0, this.partialLength);
    this.block(this.partial, 0);
    this.partialLength = 0;
  }

  /** Y = (Y ⊕ X) · H, by Horner over the bytes of Y ⊕ X from the last. */
  private block(src: Uint8Array, at: number): void {
    const { m0, m1, m2, m3 } = this.key;
    const y = this.y;
    const xb = this.x;
    xb[0] = y[0]! ^ ((src[at]! << 24) | (src[at + 1]! << 16) | (src[at + 2]! << 8) | src[at + 3]!);
    xb[1] = y[1]! ^ ((src[at + 4]! << 24) | (src[at + 5]! << 16) | (src[at + 6]! << 8) | src[at + 7]!);
    xb[2] = y[2]! ^ ((src[at + 8]! << 24) | (src[at + 9]! << 16) | (src[at + 10]! << 8) | src[at + 11]!);
    xb[3] = y[3]! ^ ((src[at + 12]! << 24) | (src[at + 13]! << 16) | (src[at + 14]! << 8) | src[at + 15]!);
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    for (let w = 3; w >= 0; w--) {
      const word = xb[w]!;
      for (let s = 0; s < 32; s += 8) {
        const byte = (word >>> s) & 0xff;
        const e = z3 & 0xff;
        z3 = (z3 >>> 8) | (z2 << 24);
        z2 = (z2 >>> 8) | (z1 << 24);
        z1 = (z1 >>> 8) | (z0 << 24);
        z0 = ((z0 >>> 8) ^ RED16[e]!) ^ m0[byte]!;
        z1 ^= m1[byte]!;
        z2 ^= m2[byte]!;
        z3 ^= m3[byte]!;
      }
    }
    y[0] = z0;
    y[1] = z1;
    y[2] = z2;
    y[3] = z3;
  }
}
