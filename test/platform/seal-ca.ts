import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { issueOfficeSeal, makeSealAuthority, type IssuedSeal, type SealAuthority } from '../../electron/core/certificates/seal/seal-maker';
import { sm2KeyPair } from '../../electron/core/certificates/seal/sm2-signing';

/**
 * The stand-in's "province seal CA" (省级电子印章签发机构, training only), beside its TLS CA: an SM2
 * root that issues office seal certificates and makes their SES_Seal (seal-maker.ts). Kept in
 * `seal-ca.json` (owner-only) in the stand-in's certificate directory, made on first use and
 * reused, so a workstation's configured trust root stays valid across restarts.
 */
export const SEAL_CA_NAME = { commonName: '湖南省电子印章签发中心（训练环境）', organisation: '不动产登记平台替身', country: 'CN' };
const fileSchema = z.object({ privateKeyHex: z.string().regex(/^[0-9a-f]{64}$/), publicKeyHex: z.string(), certificateDer: z.string() }).strict();

export function ensureSealCa(dir: string, now: Date = new Date()): SealAuthority {
  const path = join(dir, 'seal-ca.json');
  if (existsSync(path)) {
    const f = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    return { name: SEAL_CA_NAME, privateKeyHex: f.privateKeyHex, publicKeyHex: f.publicKeyHex, certificateDer: Buffer.from(f.certificateDer, 'base64') };
  }
  const k = sm2KeyPair();
  const from = new Date(Date.UTC(now.getUTCFullYear() - 1, 0, 1));
  const ca = makeSealAuthority({ name: SEAL_CA_NAME, ...k, notBefore: from, notAfter: new Date(Date.UTC(now.getUTCFullYear() + 20, 0, 1)) });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, JSON.stringify({ privateKeyHex: k.privateKeyHex, publicKeyHex: k.publicKeyHex, certificateDer: Buffer.from(ca.certificateDer).toString('base64') }), { mode: 0o600 });
  chmodSync(path, 0o600);
  return ca;
}

/** Training set-up: the seal CA issues an office's seal certificate and SES_Seal for the office's public key (5 years). */
export function issueTrainingOfficeSeal(dir: string, o: { officeName: string; publicKeyHex: string; imagePng: Uint8Array; now?: Date }): IssuedSeal & { rootDer: Uint8Array } {
  if (!/^04[0-9a-f]{128}$/.test(o.publicKeyHex)) throw new Error('印章公钥格式不正确');
  const ca = ensureSealCa(dir);
  const now = o.now ?? new Date();
  const end = new Date(now);
  end.setUTCFullYear(end.getUTCFullYear() + 5);
  return { ...issueOfficeSeal(ca, { officeName: o.officeName, officePublicKeyHex: o.publicKeyHex, imagePng: o.imagePng, validStart: now, validEnd: end, now }), rootDer: ca.certificateDer };
}
