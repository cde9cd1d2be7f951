/**
 * The SM4 block cipher (GB/T 32907) in JS, table-driven: the fallback for runtimes whose crypto
 * library has no SM4 (Electron's BoringSSL). The S-box and the linear transform L are folded into
 * four 256-entry tables, so a round is four look-ups and XORs (the same technique as AES T-tables);
 * several times faster than a byte-wise implementation. Pinned by the GB/T 32907 known answer and
 * by agreement with OpenSSL's SM4 where Node has it (test/electron/core/crypto/sm4.test.ts).
 */
const SBOX = Buffer.from(
  'd690e9fecce13db716b614c228fb2c052b679a762abe04c3aa441326498606999c4250f491ef987a33540b43edcfac62e4b31ca9c908e89580df94fa758f3fa64707a7fcf37317ba83593c19e6854fa8686b81b27164da8bf8eb0f4b70569d351e240e5e6358d1a225227c3b01217887d40046579fd327524c3602e7a0c4c89eeabf8ad240c738b5a3f7f2cef96115a1e0ae5da49b341a55ad933230f58cb1e31df6e22e8266ca60c02923ab0d534e6fd5db3745defd8e2f03ff6a726d6c5b518d1baf92bbddbc7f11d95c411f105ad80ac13188a5cd7bbd2d74d012b8e5b4b08969974a0c96777e65b9f109c56ec68418f07dec3adc4d2079ee5f3ed7cb3948',
  'hex',
);
const FK = [0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc];

const rotl = (x: number, n: number) => ((x << n) | (x >>> (32 - n))) >>> 0;

/** T0[a] = L(S(a) << 24); T1..T3 are T0 rotated, for the other three bytes of the word. */
const T0 = new Uint32Array(256);
const T1 = new Uint32Array(256);
const T2 = new Uint32Array(256);
const T3 = new Uint32Array(256);
for (let a = 0; a < 256; a++) {
  const b = (SBOX[a]! << 24) >>> 0;
  const t = (b ^ rotl(b, 2) ^ rotl(b, 10) ^ rotl(b, 18) ^ rotl(b, 24)) >>> 0;
  T0[a] = t;
  T1[a] = rotl(t, 24);
  T2[a] = rotl(t, 16);
  T3[a] = rotl(t, 8);
}

function tauWord(x: number): number {
  return ((SBOX[x >>> 24]! << 24) | (SBOX[(x >>> 16) & 0xff]! << 16) | (SBOX[(x >>> 8) & 0xff]! << 8) | SBOX[x & 0xff]!) >>> 0;
}

/** The 32 round keys of a 16-byte key. */
export function sm4RoundKeys(key: Uint8Array): Uint32Array {
  if (key.length !== 16) throw new Error('SM4 key must be 16 bytes');
  const view = new DataView(key.buffer, key.byteOffset, 16);
  const k = [view.getUint32(0) ^ FK[0]!, view.getUint32(4) ^ FK[1]!, view.getUint32(8) ^ FK[2]!, view.getUint32(12) ^ FK[3]!];
  const rk = new Uint32Array(32);
  for (let i = 0; i < 32; i++) {
    // CK: byte j of word i is (4i + j) · 7 mod 256.
    const ck = ((((4 * i) * 7) & 0xff) << 24) | ((((4 * i + 1) * 7) & 0xff) << 16) | ((((4 * i + 2) * 7) & 0xff) << 8) | (((4 * i + 3) * 7) & 0xff);
    const b = tauWord((k[1]! ^ k[2]! ^ k[3]! ^ ck) >>> 0);
    const next = (k[0]! ^ b ^ rotl(b, 13) ^ rotl(b, 23)) >>> 0;
    rk[i] = next;
    k[0] = k[1]!;
    k[1] = k[2]!;
    k[2] = k[3]!;
    k[3] = next;
  }
  return rk;
}

/** Encrypts one block given as four big-endian words; writes the result words into `out`. */
export function sm4EncryptWords(rk: Uint32Array, x0: number, x1: number, x2: number, x3: number, out: Uint32Array): void {
  for (let i = 0; i < 32; i += 4) {
    let x = x1 ^ x2 ^ x3 ^ rk[i]!;
    x0 ^= T0[x >>> 24]! ^ T1[(x >>> 16) & 0xff]! ^ T2[(x >>> 8) & 0xff]! ^ T3[x & 0xff]!;
    x = x2 ^ x3 ^ x0 ^ rk[i + 1]!;
    x1 ^= T0[x >>> 24]! ^ T1[(x >>> 16) & 0xff]! ^ T2[(x >>> 8) & 0xff]! ^ T3[x & 0xff]!;
    x = x3 ^ x0 ^ x1 ^ rk[i + 2]!;
    x2 ^= T0[x >>> 24]! ^ T1[(x >>> 16) & 0xff]! ^ T2[(x >>> 8) & 0xff]! ^ T3[x & 0xff]!;
    x = x0 ^ x1 ^ x2 ^ rk[i + 3]!;
    x3 ^= T0[x >>> 24]! ^ T1[(x >>> 16) & 0xff]! ^ T2[(x >>> 8) & 0xff]! ^ T3[x & 0xff]!;
  }
  out[0] = x3 >>> 0;
  out[1] = x2 >>> 0;
  out[2] = x1 >>> 0;
  out[3] = x0 >>> 0;
}

/** One block, for known-answer tests. */
export function sm4EncryptBlockJs(key: Uint8Array, block: Uint8Array): Buffer {
  const rk = sm4RoundKeys(key);
  const v = new DataView(block.buffer, block.byteOffset, 16);
  const out = new Uint32Array(4);
  sm4EncryptWords(rk, v.getUint32(0), v.getUint32(4), v.getUint32(8), v.getUint32(12), out);
  const r = Buffer.alloc(16);
  for (let i = 0; i < 4; i++) r.writeUInt32BE(out[i]!, i * 4);
  return r;
}
