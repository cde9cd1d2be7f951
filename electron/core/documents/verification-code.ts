import { sm2 } from 'sm-crypto-v2';
import { DocumentError } from './document-errors';
import { DOCUMENT_KINDS, type DocumentKindCode } from './document-kinds';

/**
 * The text of a document's verification QR code, signed by the office with SM2 (GB/T 32918), so
 * anyone holding the office's public key can tell a genuine receipt from an edited or invented one.
 *
 *   BDC1|SLPZ|430102|430102-20261127-A10001|20261127|20261204|<facts digest>|<signature>
 *
 * fields, separated by `|`:
 *   1. BDC1        format and version
 *   2. SLPZ        document kind (document-kinds.ts; SLPZ = 受理凭证)
 *   3. 430102      office code (GB/T 2260 county code)
 *   4. case number (ASCII letters, digits, hyphens)
 *   5. issued date, YYYYMMDD
 *   6. due date, YYYYMMDD (the receipt's 承诺办结日期)
 *   7. facts digest: the first 32 hex digits (128 bits) of SM3 over the document's facts as printed
 *      (receipt-facts.ts), so a verifier holding the case can check names, units and materials too
 *   8. signature: SM2 with SM3 and the default user ID 1234567812345678 (GB/T 35276), r‖s as 128
 *      lowercase hex digits, over the ASCII text of fields 1–7 joined by `|` (everything before
 *      the last `|`)
 *
 * Everything is ASCII on purpose: the signed bytes are then the same whatever a library does with
 * strings (sm-crypto-v2 reads strings as UTF-8), and every scanner decodes the QR alike (a QR in
 * byte mode carries no charset, and some scanners read Chinese as Shift-JIS).
 */
export const VERIFICATION_CODE_VERSION = 'BDC1';
export const SM2_USER_ID = '1234567812345678';

export interface VerificationFacts {
  kind: DocumentKindCode;
  officeCode: string;
  caseNumber: string;
  /** YYYY-MM-DD */
  issuedDate: string;
  /** YYYY-MM-DD */
  dueDate: string;
  /** 32 lowercase hex digits. */
  factsDigest: string;
}

export type VerificationFailureCode =
  | 'NOT_A_VERIFICATION_CODE'
  | 'UNSUPPORTED_VERSION'
  | 'MALFORMED'
  | 'WRONG_KIND'
  | 'INVALID_PUBLIC_KEY'
  | 'SIGNATURE_MISMATCH';

export type VerificationResult =
  | { ok: true; facts: VerificationFacts }
  | { ok: false; code: VerificationFailureCode; message: string };

export interface OfficeKeyPair {
  /** 64 hex digits. */
  privateKeyHex: string;
  /** Uncompressed point: 04 followed by 128 hex digits. */
  publicKeyHex: string;
}

/** A fresh office key pair (for tests and first set-up; keeping it is the key store's job). */
export function generateOfficeKeyPair(): OfficeKeyPair {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKeyHex: privateKey, publicKeyHex: publicKey };
}

/** The signed QR text for these facts. The public key is derived from the private key if not given. */
export function signVerificationCode(facts: VerificationFacts, key: { privateKeyHex: string; publicKeyHex?: string }): string {
  if (!/^[0-9a-fA-F]{64}$/.test(key.privateKeyHex)) {
    throw new DocumentError('DOCUMENT_SIGNING_KEY_INVALID', '登记机构的签名私钥格式不正确（应为 64 位十六进制），请联系管理员检查密钥配置。');
  }
  const publicKeyHex = key.publicKeyHex ?? sm2.getPublicKeyFromPrivateKey(key.privateKeyHex);
  if (!isPublicKey(publicKeyHex)) {
    throw new DocumentError('DOCUMENT_SIGNING_KEY_INVALID', '登记机构的签名公钥格式不正确，请联系管理员检查密钥配置。');
  }
  const message = signedPart(facts);
  const signature = sm2.doSignature(message, key.privateKeyHex, { hash: true, der: false, publicKey: publicKeyHex, userId: SM2_USER_ID });
  return `${message}|${signature.toLowerCase()}`;
}

/** Checks a scanned code against the office's public key and returns its facts, or why not. */
export function verifyVerificationCode(text: string, publicKeyHex: string): VerificationResult {
  const parsed = parseCode(text.trim());
  if (!parsed.ok) return parsed;
  if (!isPublicKey(publicKeyHex)) return failure('INVALID_PUBLIC_KEY', '核验用的公钥格式不正确，请检查登记机构公钥的配置。');
  let valid = false;
  try {
    valid = sm2.doVerifySignature(parsed.message, parsed.signature, publicKeyHex, { hash: true, der: false, userId: SM2_USER_ID });
  } catch {
    valid = false;
  }
  if (!valid) {
    return failure('SIGNATURE_MISMATCH', '签名核验未通过：二维码的内容被改动过，或不是本登记机构出具的。请以登记系统中的记录为准。');
  }
  return { ok: true, facts: parsed.facts };
}

/** verifyVerificationCode for an acceptance receipt (受理凭证) only. */
export function verifyReceiptCode(text: string, publicKeyHex: string): VerificationResult {
  const result = verifyVerificationCode(text, publicKeyHex);
  if (result.ok && result.facts.kind !== DOCUMENT_KINDS.acceptanceReceipt.code) {
    return failure('WRONG_KIND', `这是${titleOf(result.facts.kind)}的核验码，不是受理凭证的。`);
  }
  return result;
}

type Parsed = { ok: true; facts: VerificationFacts; message: string; signature: string } | { ok: false; code: VerificationFailureCode; message: string };

function parseCode(text: string): Parsed {
  const fields = text.split('|');
  if (!fields[0]?.startsWith('BDC')) return failure('NOT_A_VERIFICATION_CODE', '这不是不动产登记文书的核验码。');
  if (fields[0] !== VERIFICATION_CODE_VERSION) return failure('UNSUPPORTED_VERSION', `核验码版本 ${fields[0]} 不受支持，请升级工作站软件。`);
  if (fields.length !== 8) return malformed(`应有 8 段，实际 ${fields.length} 段`);
  const [, kind, officeCode, caseNumber, issued, due, factsDigest, signature] = fields;
  if (!isKindCode(kind)) return malformed(`未知的文书类别 ${kind.slice(0, 8)}`);
  if (!/^\d{6}$/.test(officeCode)) return malformed('机构代码应为 6 位数字');
  if (!/^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/.test(caseNumber)) return malformed('受理编号格式不正确');
  const issuedDate = isoDate(issued);
  const dueDate = isoDate(due);
  if (!issuedDate || !dueDate) return malformed('日期格式不正确');
  if (!/^[0-9a-f]{32}$/.test(factsDigest)) return malformed('摘要格式不正确');
  if (!/^[0-9a-f]{128}$/.test(signature)) return malformed('签名格式不正确');
  return {
    ok: true,
    facts: { kind, officeCode, caseNumber, issuedDate, dueDate, factsDigest },
    message: fields.slice(0, 7).join('|'),
    signature,
  };
}

function signedPart(facts: VerificationFacts): string {
  if (!/^[0-9a-f]{32}$/.test(facts.factsDigest)) throw new Error('facts digest must be 32 lowercase hex digits');
  return [
    VERIFICATION_CODE_VERSION,
    facts.kind,
    facts.officeCode,
    facts.caseNumber,
    facts.issuedDate.replaceAll('-', ''),
    facts.dueDate.replaceAll('-', ''),
    facts.factsDigest,
  ].join('|');
}

function isKindCode(value: string): value is DocumentKindCode {
  return Object.values(DOCUMENT_KINDS).some((k) => k.code === value);
}

function titleOf(code: DocumentKindCode): string {
  return Object.values(DOCUMENT_KINDS).find((k) => k.code === code)?.title ?? code;
}

function isPublicKey(hex: string): boolean {
  if (!/^(04[0-9a-fA-F]{128}|0[23][0-9a-fA-F]{64})$/.test(hex)) return false;
  try {
    return sm2.verifyPublicKey(hex);
  } catch {
    return false;
  }
}

/** YYYYMMDD → YYYY-MM-DD when it is a real date. */
function isoDate(compact: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(compact);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function malformed(detail: string): { ok: false; code: 'MALFORMED'; message: string } {
  return failure('MALFORMED', `核验码内容不完整或格式不正确（${detail}），请重新扫描。`);
}

function failure<C extends VerificationFailureCode>(code: C, message: string): { ok: false; code: C; message: string } {
  return { ok: false, code, message };
}
