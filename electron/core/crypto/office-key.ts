import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOfficeKeyPair, type OfficeKeyPair } from '../documents/verification-code';

/**
 * The SM2 key pair that signs the verification codes on printed receipts, kept in the data folder
 * readable by the owner only, and made on first use. Anyone with the public key can check a
 * printout. (Wrapping the private key with the OS keystore is part of the personal-data work.)
 */
export function officeKeyPair(dataDir: string): OfficeKeyPair {
  const dir = join(dataDir, 'keys');
  const path = join(dir, 'office-sm2.json');
  if (existsSync(path)) {
    const key = JSON.parse(readFileSync(path, 'utf8')) as OfficeKeyPair;
    if (/^[0-9a-f]{64}$/i.test(key.privateKeyHex) && /^04[0-9a-f]{128}$/i.test(key.publicKeyHex)) return key;
    throw new Error(`签名密钥文件格式不正确：${path}`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = generateOfficeKeyPair();
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(key), { mode: 0o600 });
  renameSync(tmp, path);
  chmodSync(path, 0o600);
  return key;
}
