import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOfficeSealKey, installOfficeSeal, officeSeal } from '../../electron/core/certificates/seal/office-seal-store';
import { ownerOnlyFileProtector } from '../../electron/core/crypto/data-keys';
import { verifySm2Chain } from '../../electron/core/certificates/seal/sm2-x509';
import { ringPng } from '../fixtures/certificates/seal-fixtures';
import { makeTempDir } from '../support/temp-dir';
import { ensureSealCa, issueTrainingOfficeSeal } from './seal-ca';

const tmp = makeTempDir('bdc-seal-ca-');
afterAll(() => tmp.remove());

describe('stand-in seal CA', () => {
  it('is made once and reused; issues an office seal a workstation installs and signs with', () => {
    const dir = join(tmp.path, 'certs');
    const first = ensureSealCa(dir);
    expect(Buffer.from(ensureSealCa(dir).certificateDer).equals(Buffer.from(first.certificateDer))).toBe(true);
    expect(statSync(join(dir, 'seal-ca.json')).mode & 0o777).toBe(0o600);
    const station = join(tmp.path, 'station');
    const { publicKeyHex } = createOfficeSealKey(station, ownerOnlyFileProtector);
    const issued = issueTrainingOfficeSeal(dir, { officeName: '长沙市芙蓉区不动产登记中心', publicKeyHex, imagePng: ringPng() });
    installOfficeSeal(station, { certificateDer: issued.certificateDer, sealDer: issued.sealDer, imagePng: ringPng() });
    const seal = officeSeal(station, ownerOnlyFileProtector);
    expect(verifySm2Chain(seal.certificateDer, [issued.rootDer], new Date()).ok).toBe(true);
    expect(() => issueTrainingOfficeSeal(dir, { officeName: 'x', publicKeyHex: 'nope', imagePng: ringPng() })).toThrow('印章公钥格式不正确');
  });
});

describe('stand-in seal CA over the admin listener', () => {
  it('GET /admin/seal-ca gives the root; POST /admin/seal-ca/office-seals issues a seal for a public key', async () => {
    const { default: axios } = await import('axios');
    const { startTestPlatform } = await import('./harness');
    const t = await startTestPlatform();
    try {
      const admin = axios.create({ baseURL: t.platform.adminUrl, validateStatus: () => true });
      const root = (await admin.get('/admin/seal-ca')).data as { rootDerBase64: string };
      const station = join(tmp.path, 'station-http');
      const { publicKeyHex } = createOfficeSealKey(station, ownerOnlyFileProtector);
      const res = await admin.post('/admin/seal-ca/office-seals', { officeName: '长沙市芙蓉区不动产登记中心', publicKeyHex, imagePngBase64: Buffer.from(ringPng()).toString('base64') });
      expect(res.status).toBe(201);
      const d = res.data as { certificateDerBase64: string; sealDerBase64: string; rootDerBase64: string };
      expect(d.rootDerBase64).toBe(root.rootDerBase64);
      installOfficeSeal(station, { certificateDer: Buffer.from(d.certificateDerBase64, 'base64'), sealDer: Buffer.from(d.sealDerBase64, 'base64'), imagePng: ringPng() });
      expect(verifySm2Chain(officeSeal(station, ownerOnlyFileProtector).certificateDer, [Buffer.from(root.rootDerBase64, 'base64')], new Date()).ok).toBe(true);
      expect((await admin.post('/admin/seal-ca/office-seals', { officeName: 'x', publicKeyHex: '04zz', imagePngBase64: 'AAAAAAAA' })).status).toBe(400);
    } finally {
      await t.dispose();
    }
  }, 60_000);
});
