import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { z } from 'zod';
import { AppError, shanghaiDate } from '../../contract';
import { sm4GcmOpen, sm4GcmSeal } from '../crypto/sm4';

/**
 * An organisation's electronic seal (电子印章), as its agent brings it to the counter: a file the
 * organisation's seal administrator issued, holding
 *   - the organisation's name and 统一社会信用代码, and the seal's validity dates;
 *   - the seal image (PNG) printed on the application form;
 *   - the seal's SM2 public key (GB/T 32918), which verifies what the seal signed;
 *   - the SM2 private key, SM4-GCM sealed under a key derived from the seal PIN
 *     (PBKDF2-HMAC-SM3, salt and iteration count in the file; the associated data is the credit
 *     code, so a key moved into another organisation's file does not open).
 * At signing the PIN opens the private key for the one call: it signs the SM3 digest of the
 * application's content (application-digest.ts) with SM2 (SM3, user ID 1234567812345678, r‖s hex)
 * and is dropped. The case keeps the public key, the digest and the signature, so anyone can
 * verify the seal later without the file.
 */
export const E_SEAL_FORMAT = 'BDC-ESEAL-1';
export const SEAL_USER_ID = '1234567812345678';
const KEY_AAD_PREFIX = 'bdc-eseal-key:';

export const eSealFileSchema = z
  .object({
    format: z.literal(E_SEAL_FORMAT),
    organisationName: z.string().min(1).max(100),
    creditCode: z.string().length(18),
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sealImagePngBase64: z.string().min(8).max(1_400_000),
    publicKeyHex: z.string().regex(/^04[0-9a-f]{128}$/i),
    privateKey: z
      .object({
        kdf: z.literal('pbkdf2-hmac-sm3'),
        iterations: z.number().int().min(10_000).max(1_000_000),
        saltHex: z.string().regex(/^[0-9a-f]{32,128}$/i),
        sealedHex: z.string().regex(/^[0-9a-f]+$/i),
      })
      .strict(),
  })
  .strict();
export type ESealFile = z.infer<typeof eSealFileSchema>;

function pinKey(pin: string, saltHex: string, iterations: number): Buffer {
  return pbkdf2Sync(Buffer.from(pin, 'utf8'), Buffer.from(saltHex, 'hex'), iterations, 16, 'sm3');
}

/** Makes an e-seal file (the seal administrator's tool, and tests). */
export function createESealFile(o: {
  organisationName: string;
  creditCode: string;
  validFrom: string;
  validTo: string;
  sealImagePng: Buffer;
  pin: string;
  iterations?: number;
  keyPair?: { privateKey: string; publicKey: string };
}): ESealFile {
  const pair = o.keyPair ?? sm2.generateKeyPairHex();
  const saltHex = randomBytes(16).toString('hex');
  const iterations = o.iterations ?? 50_000;
  const sealed = sm4GcmSeal(pinKey(o.pin, saltHex, iterations), Buffer.from(pair.privateKey, 'hex'), KEY_AAD_PREFIX + o.creditCode);
  return {
    format: E_SEAL_FORMAT,
    organisationName: o.organisationName,
    creditCode: o.creditCode,
    validFrom: o.validFrom,
    validTo: o.validTo,
    sealImagePngBase64: o.sealImagePng.toString('base64'),
    publicKeyHex: pair.publicKey,
    privateKey: { kdf: 'pbkdf2-hmac-sm3', iterations, saltHex, sealedHex: sealed.toString('hex') },
  };
}

/** Reads an e-seal file as presented (base64 of its JSON); refuses what is not one. */
export function readESealFile(base64: string): ESealFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    throw new AppError('SEAL_FILE_INVALID');
  }
  const file = eSealFileSchema.safeParse(parsed);
  if (!file.success) throw new AppError('SEAL_FILE_INVALID', undefined, { field: file.error.issues[0]?.path.join('.') });
  const png = Buffer.from(file.data.sealImagePngBase64, 'base64');
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new AppError('SEAL_FILE_INVALID', '电子印章文件中的印章图像不是 PNG 图片。');
  if (!sm2.verifyPublicKey(file.data.publicKeyHex)) throw new AppError('SEAL_FILE_INVALID', '电子印章文件中的公钥无效。');
  return file.data;
}

/**
 * Signs a digest with the seal: the PIN opens the private key, which must belong to the file's
 * public key; the key lives in this function's scope only. The seal must be valid today.
 */
export function signWithESeal(file: ESealFile, pin: string, digestHex: string, now: Date): string {
  const today = shanghaiDate(now);
  if (today < file.validFrom || today > file.validTo) throw new AppError('SEAL_EXPIRED', `电子印章有效期为 ${file.validFrom} 至 ${file.validTo}，今天不在有效期内。`);
  let privateKeyHex: string;
  try {
    privateKeyHex = sm4GcmOpen(pinKey(pin, file.privateKey.saltHex, file.privateKey.iterations), Buffer.from(file.privateKey.sealedHex, 'hex'), KEY_AAD_PREFIX + file.creditCode).toString('hex');
  } catch {
    throw new AppError('SEAL_PIN_WRONG');
  }
  if (sm2.getPublicKeyFromPrivateKey(privateKeyHex).toLowerCase() !== file.publicKeyHex.toLowerCase()) {
    throw new AppError('SEAL_FILE_INVALID', '电子印章文件中的私钥与公钥不匹配。');
  }
  return sm2.doSignature(digestHex, privateKeyHex, { hash: true, der: false, publicKey: file.publicKeyHex, userId: SEAL_USER_ID });
}

/** Whether a seal's signature verifies over this digest (the application as it is now). */
export function verifySealSignature(seal: { publicKeyHex: string; signatureHex: string }, digestHex: string): boolean {
  try {
    return sm2.doVerifySignature(digestHex, seal.signatureHex, seal.publicKeyHex, { hash: true, der: false, userId: SEAL_USER_ID });
  } catch {
    return false;
  }
}
