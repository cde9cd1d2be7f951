import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCertificateOfd } from '../../../../../electron/core/certificates/layout/render-certificate-ofd';
import { renderCertificatePdf } from '../../../../../electron/core/certificates/layout/render-certificate-pdf';
import { zipOfd } from '../../../../../electron/core/certificates/ofd/ofd-zip';
import { unzipOfd } from '../../../../../electron/core/certificates/ofd/ofd-unzip';
import { certificateIdentifier, certificateSerial, DEFAULT_TYPE_CODES } from '../../../../../electron/core/certificates/seal/certificate-identifier';
import { certificateQrText, factsDigest, parseQrText } from '../../../../../electron/core/certificates/seal/certificate-qr-text';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { INFO_QR_TEXT, infoDict, infoText, sealCertificatePdf } from '../../../../../electron/core/certificates/seal/seal-pdf';
import { signOfd } from '../../../../../electron/core/certificates/seal/sign-ofd';
import { verifyCertificatePdf } from '../../../../../electron/core/certificates/verify/verify-pdf';
import { sampleCertificateFacts } from '../../../../fixtures/certificates/sample-certificate-facts';
import { officeSealFor, trainingSealCa } from '../../../../fixtures/certificates/seal-fixtures';
import { makeTempDir } from '../../../../support/temp-dir';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const facts = sampleCertificateFacts();
const identifier = certificateIdentifier({ typeCode: DEFAULT_TYPE_CODES.certificate, authorityCode: facts.office.creditCode, serial: certificateSerial(facts.year, facts.sequence) });
const tmp = makeTempDir('bdc-cert-verify-');
const ca = trainingSealCa();
const seal = officeSealFor(ca, facts.office.name);
const paths = { ofd: join(tmp.path, 'c.ofd'), pdf: join(tmp.path, 'c.pdf'), bad: join(tmp.path, 'bad.ofd'), root: join(tmp.path, 'root.der'), stranger: join(tmp.path, 'stranger.pem') };
let pdf: Uint8Array;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(ROOT, 'node_modules/.bin/tsx'), ['electron/core/certificates/verify/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, BDC_SEAL_TRUST_ROOT: '' } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  const qrText = certificateQrText(facts, identifier, seal);
  const ofd = await zipOfd(await signOfd(await renderCertificateOfd(facts, { qrText, identifier }), seal, new Date('2026-12-04T08:00:00Z')));
  writeFileSync(paths.ofd, ofd);
  pdf = await sealCertificatePdf(await renderCertificatePdf(facts, { qrText, identifier }), { qrText, seal });
  writeFileSync(paths.pdf, pdf);
  const files = await unzipOfd(ofd);
  const page = Buffer.from(files.get('Doc_0/Pages/Page_0/Content.xml')!);
  page[page.indexOf('TextCode') + 20] ^= 1;
  files.set('Doc_0/Pages/Page_0/Content.xml', page);
  writeFileSync(paths.bad, await zipOfd(files));
  writeFileSync(paths.root, ca.certificateDer);
  writeFileSync(paths.stranger, `-----BEGIN CERTIFICATE-----\n${Buffer.from(trainingSealCa('别处').certificateDer).toString('base64')}\n-----END CERTIFICATE-----\n`);
}, 60_000);
afterAll(() => tmp.remove());

describe('the signed QR text and the PDF rendition', () => {
  it('the QR text carries identifier, number, date and the facts digest', () => {
    const q = parseQrText(certificateQrText(facts, identifier, seal))!;
    expect(q).toMatchObject({ identifier, number: facts.number, issueDate: facts.issueDate, factsSm3: factsDigest(facts) });
    expect(factsDigest({ ...facts, location: facts.location + '1' })).not.toBe(q.factsSm3);
  });
  it('verifies, and fails on an edited QR text or an untrusted root', async () => {
    expect((await verifyCertificatePdf(pdf, { rootCertsDer: [ca.certificateDer] })).checks.filter((c) => !c.ok)).toEqual([]);
    // The QR text with one digit of the number changed, everything else (signature too) kept.
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const original = infoText(doc, INFO_QR_TEXT)!;
    infoDict(doc).set(PDFName.of(INFO_QR_TEXT), PDFHexString.fromText(original.replace(facts.number, facts.number.replace(/\d(?=号)/, '9'))));
    const edited = await doc.save({ useObjectStreams: false });
    const r = await verifyCertificatePdf(edited, { rootCertsDer: [ca.certificateDer] });
    expect(r.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['二维码签名']);
    const s = await verifyCertificatePdf(pdf, { rootCertsDer: [trainingSealCa('别处').certificateDer] });
    expect(s.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['证书链']);
  });
});

describe('npm run certificate -- verify', () => {
  it('exit 0 and a Chinese verdict for a sealed OFD', async () => {
    const r = await cli(['verify', paths.ofd, '--trust', paths.root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结论：验证通过');
    expect(r.stdout).toContain(`证照标识：${identifier}`);
  }, 60_000);
  it('exit 0 for the PDF, JSON on request', async () => {
    const r = await cli(['verify', paths.pdf, '--trust', paths.root, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { ok: boolean; format: string; identifier: string };
    expect(j).toMatchObject({ ok: true, format: 'pdf', identifier });
  }, 60_000);
  it('exit 1 with the reason for a tampered OFD and for an untrusted root (PEM)', async () => {
    const bad = await cli(['verify', paths.bad, '--trust', paths.root]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✗ 文件摘要：文件 Doc_0/Pages/Page_0/Content.xml 在签章后被修改');
    expect(bad.stdout).toContain('结论：验证不通过');
    const stranger = await cli(['verify', paths.ofd, '--trust', paths.stranger]);
    expect(stranger.code).toBe(1);
    expect(stranger.stdout).toContain('✗ 证书链');
  }, 60_000);
  it('exit 2 for usage errors', async () => {
    expect((await cli(['verify', paths.ofd])).code).toBe(2);
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['verify', join(tmp.path, 'missing.ofd'), '--trust', paths.root])).code).toBe(2);
  }, 60_000);
});
