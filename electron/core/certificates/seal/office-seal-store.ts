import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KeyProtector } from '../../crypto/data-keys';
import { officeSealFromKey, type OfficeSeal } from './office-seal';
import { decodeSesSeal } from './ses-structures';
import { sm2KeyPair, sm2PublicKeyOf } from './sm2-signing';
import { parseSm2Certificate } from './sm2-x509';

/**
 * The office seal key on disk: `keys/office-seal.json`, owner-only, the SM2 private key passed
 * through the same KeyProtector as the data keys (the Electron host wraps it with the OS keystore;
 * tests and the web host keep it in the owner-only file and say so). Two steps at set-up:
 * `createOfficeSealKey` makes the key pair and returns the public key for the seal CA;
 * `installOfficeSeal` stores the certificate and SES_Seal the CA issued, after checking they are
 * for this key. `officeSeal` loads it for signing.
 */
const fileSchema = z
  .object({
    version: z.literal(1),
    protection: z.enum(['os-keystore', 'owner-only-file']),
    publicKeyHex: z.string().regex(/^04[0-9a-f]{128}$/),
    privateKey: z.string().min(1),
    installed: z.object({ name: z.string().min(1), certificateDer: z.string().min(1), sealDer: z.string().min(1), imagePng: z.string().min(1) }).strict().nullable(),
  })
  .strict();
type SealFile = z.infer<typeof fileSchema>;

export class OfficeSealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfficeSealError';
  }
}

export const officeSealPath = (dataDir: string) => join(dataDir, 'keys', 'office-seal.json');

function read(dataDir: string): SealFile | null {
  const path = officeSealPath(dataDir);
  if (!existsSync(path)) return null;
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new OfficeSealError(`单位电子印章密钥文件格式不正确：${path}`);
  return parsed.data;
}

function write(dataDir: string, file: SealFile): void {
  const path = officeSealPath(dataDir);
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  writeFileSync(path + '.tmp', JSON.stringify(file, null, 2), { mode: 0o600 });
  chmodSync(path + '.tmp', 0o600);
  renameSync(path + '.tmp', path);
}

function privateKeyOf(file: SealFile, protector: KeyProtector): string {
  if (file.protection !== protector.kind) throw new OfficeSealError('单位电子印章密钥由另一种密钥保护方式加密，无法打开');
  const hex = protector.unprotect(Buffer.from(file.privateKey, 'base64')).toString('hex');
  if (sm2PublicKeyOf(hex) !== file.publicKeyHex) throw new OfficeSealError('单位电子印章私钥与公钥不匹配，密钥文件已损坏');
  return hex;
}

/** Makes the key pair once (a second call returns the same public key). */
export function createOfficeSealKey(dataDir: string, protector: KeyProtector): { publicKeyHex: string } {
  const existing = read(dataDir);
  if (existing) return { publicKeyHex: existing.publicKeyHex };
  const k = sm2KeyPair();
  write(dataDir, {
    version: 1,
    protection: protector.kind,
    publicKeyHex: k.publicKeyHex,
    privateKey: protector.protect(Buffer.from(k.privateKeyHex, 'hex')).toString('base64'),
    installed: null,
  });
  return { publicKeyHex: k.publicKeyHex };
}

export function installOfficeSeal(dataDir: string, o: { certificateDer: Uint8Array; sealDer: Uint8Array; imagePng: Uint8Array }): void {
  const file = read(dataDir);
  if (!file) throw new OfficeSealError('尚未生成单位电子印章密钥，请先完成印章申请');
  const cert = parseSm2Certificate(o.certificateDer);
  if (cert.publicKeyHex !== file.publicKeyHex) throw new OfficeSealError('印章证书不是为本单位的印章密钥签发的');
  const seal = decodeSesSeal(o.sealDer);
  if (!seal.info.certs.some((c) => Buffer.compare(Buffer.from(c), Buffer.from(o.certificateDer)) === 0)) throw new OfficeSealError('电子印章未绑定该印章证书');
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  write(dataDir, { ...file, installed: { name: seal.info.name, certificateDer: b64(o.certificateDer), sealDer: b64(o.sealDer), imagePng: b64(o.imagePng) } });
}

export function officeSeal(dataDir: string, protector: KeyProtector): OfficeSeal {
  const file = read(dataDir);
  if (!file?.installed) throw new OfficeSealError('本单位尚未安装电子印章，无法生成电子证照');
  const i = file.installed;
  return officeSealFromKey({
    name: i.name,
    imagePng: Buffer.from(i.imagePng, 'base64'),
    certificateDer: Buffer.from(i.certificateDer, 'base64'),
    sealDer: Buffer.from(i.sealDer, 'base64'),
    publicKeyHex: file.publicKeyHex,
    privateKeyHex: privateKeyOf(file, protector),
  });
}

/** The configured trust root (config: certificates.sealTrustRoot, a DER or PEM file): must be an SM2 CA certificate. */
export function loadSealTrustRoot(path: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new OfficeSealError(`找不到印章信任根证书文件：${path}`);
  }
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(bytes.toString('latin1'));
  const der = pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : bytes;
  let ca: ReturnType<typeof parseSm2Certificate>;
  try {
    ca = parseSm2Certificate(der);
  } catch (e) {
    throw new OfficeSealError(`印章信任根证书无法识别：${(e as Error).message}`);
  }
  if (!ca.isCa) throw new OfficeSealError('印章信任根证书不是 CA 证书');
  return new Uint8Array(der);
}
