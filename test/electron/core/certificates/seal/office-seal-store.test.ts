import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ownerOnlyFileProtector, type KeyProtector } from '../../../../../electron/core/crypto/data-keys';
import { createOfficeSealKey, installOfficeSeal, loadSealTrustRoot, officeSeal, officeSealPath } from '../../../../../electron/core/certificates/seal/office-seal-store';
import { issueOfficeSeal } from '../../../../../electron/core/certificates/seal/seal-maker';
import { sm3WithSm2Verify } from '../../../../../electron/core/certificates/seal/sm2-signing';
import { verifySm2Chain } from '../../../../../electron/core/certificates/seal/sm2-x509';
import { ringPng, trainingSealCa } from '../../../../fixtures/certificates/seal-fixtures';
import { makeTempDir } from '../../../../support/temp-dir';

/** Stands in for the OS keystore: a reversible wrapping, so the file never holds the raw key. */
const xorKeystore: KeyProtector = {
  kind: 'os-keystore',
  protect: (m) => Buffer.from(m.map((b) => b ^ 0x5a)),
  unprotect: (w) => Buffer.from(w.map((b) => b ^ 0x5a)),
};

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
const temp = () => {
  const d = makeTempDir('bdc-seal-');
  dirs.push(d);
  return d.path;
};

describe('office seal store', () => {
  it('set-up: key, CA issues, install, load and sign; the key is wrapped and the file owner-only', () => {
    const dir = temp();
    const ca = trainingSealCa();
    const { publicKeyHex } = createOfficeSealKey(dir, xorKeystore);
    expect(createOfficeSealKey(dir, xorKeystore).publicKeyHex).toBe(publicKeyHex);
    expect(() => officeSeal(dir, xorKeystore)).toThrow('本单位尚未安装电子印章');
    const now = new Date('2026-01-01T00:00:00Z');
    const issued = issueOfficeSeal(ca, { officeName: '长沙市芙蓉区不动产登记中心', officePublicKeyHex: publicKeyHex, imagePng: ringPng(), validStart: now, validEnd: new Date('2030-01-01T00:00:00Z'), now });
    installOfficeSeal(dir, { ...issued, imagePng: ringPng() });
    const seal = officeSeal(dir, xorKeystore);
    expect(seal.name).toBe('长沙市芙蓉区不动产登记中心');
    expect(sm3WithSm2Verify(Buffer.from('abc'), seal.sign(Buffer.from('abc')), seal.publicKeyHex)).toBe(true);
    expect(verifySm2Chain(seal.certificateDer, [ca.certificateDer], new Date('2027-01-01T00:00:00Z')).ok).toBe(true);
    expect(statSync(officeSealPath(dir)).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(officeSealPath(dir), 'utf8')) as { protection: string; privateKey: string };
    expect(file.protection).toBe('os-keystore');
    expect(() => officeSeal(dir, ownerOnlyFileProtector)).toThrow('另一种密钥保护方式');
  });

  it("refuses a certificate issued for another key and a seal that does not bind the certificate", () => {
    const dir = temp();
    const ca = trainingSealCa();
    createOfficeSealKey(dir, ownerOnlyFileProtector);
    const other = createOfficeSealKey(temp(), ownerOnlyFileProtector);
    const now = new Date('2026-01-01T00:00:00Z');
    const foreign = issueOfficeSeal(ca, { officeName: 'X', officePublicKeyHex: other.publicKeyHex, imagePng: ringPng(), validStart: now, validEnd: new Date('2030-01-01T00:00:00Z'), now });
    expect(() => installOfficeSeal(dir, { ...foreign, imagePng: ringPng() })).toThrow('不是为本单位的印章密钥签发的');
  });

  it('the trust root must be a readable SM2 CA certificate', () => {
    const dir = temp();
    const ca = trainingSealCa();
    writeFileSync(join(dir, 'root.der'), ca.certificateDer);
    expect(loadSealTrustRoot(join(dir, 'root.der')).length).toBe(ca.certificateDer.length);
    expect(() => loadSealTrustRoot(join(dir, 'none.der'))).toThrow('找不到印章信任根证书文件');
    writeFileSync(join(dir, 'junk.der'), 'junk');
    expect(() => loadSealTrustRoot(join(dir, 'junk.der'))).toThrow('印章信任根证书无法识别');
  });
});
