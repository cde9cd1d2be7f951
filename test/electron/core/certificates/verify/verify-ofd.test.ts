import { beforeAll, describe, expect, it } from 'vitest';
import { renderCertificateOfd } from '../../../../../electron/core/certificates/layout/render-certificate-ofd';
import { partText, xmlPart, type OfdFiles } from '../../../../../electron/core/certificates/ofd/ofd-files';
import { unzipOfd } from '../../../../../electron/core/certificates/ofd/ofd-unzip';
import { zipOfd } from '../../../../../electron/core/certificates/ofd/ofd-zip';
import { certificateIdentifier, certificateSerial, DEFAULT_TYPE_CODES } from '../../../../../electron/core/certificates/seal/certificate-identifier';
import type { OfficeSeal } from '../../../../../electron/core/certificates/seal/office-seal';
import type { SealAuthority } from '../../../../../electron/core/certificates/seal/seal-maker';
import { decodeSesSignature } from '../../../../../electron/core/certificates/seal/ses-structures';
import { signOfd } from '../../../../../electron/core/certificates/seal/sign-ofd';
import { verifyOfd } from '../../../../../electron/core/certificates/verify/verify-ofd';
import type { VerifyReport } from '../../../../../electron/core/certificates/verify/verify-report';
import { sampleCertificateFacts } from '../../../../fixtures/certificates/sample-certificate-facts';
import { officeSealFor, trainingSealCa } from '../../../../fixtures/certificates/seal-fixtures';

const facts = sampleCertificateFacts();
const identifier = certificateIdentifier({ typeCode: DEFAULT_TYPE_CODES.certificate, authorityCode: facts.office.creditCode, serial: certificateSerial(facts.year, facts.sequence) });
const AT = new Date('2026-12-04T08:00:00Z');

let ca: SealAuthority;
let seal: OfficeSeal;
let unsigned: OfdFiles;
let trust: { rootCertsDer: Uint8Array[] };

async function sealed(files: OfdFiles = unsigned, s: OfficeSeal = seal, at = AT): Promise<OfdFiles> {
  return unzipOfd(await zipOfd(await signOfd(files, s, at)));
}
const verify = async (files: OfdFiles, t = trust) => verifyOfd(await zipOfd(files), t);
const failed = (r: VerifyReport) => r.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.reason}`);

beforeAll(async () => {
  ca = trainingSealCa();
  seal = officeSealFor(ca, facts.office.name);
  trust = { rootCertsDer: [ca.certificateDer] };
  unsigned = await renderCertificateOfd(facts, { qrText: 'QR', identifier });
});

describe('signOfd', () => {
  it('adds the signature parts, the Signatures element and a StampAnnot, and the SES_Signature hashes Signature.xml', async () => {
    const files = await sealed();
    expect(partText(files, 'OFD.xml')).toContain('<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody>');
    const sig = partText(files, 'Doc_0/Signs/Sign_0/Signature.xml');
    expect(sig).toMatch(/<ofd:StampAnnot ID="1" PageRef="\d+" Boundary="143 248 42 42"\/>/);
    expect(sig).toContain('<ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod>');
    expect(sig).toContain('FileRef="/Doc_0/Pages/Page_0/Content.xml"');
    const ses = decodeSesSignature(files.get('Doc_0/Signs/Sign_0/SignedValue.dat')!);
    expect(ses.version).toBe(4);
    expect(ses.seal.info.name).toBe(facts.office.name);
    expect(ses.seal.info.picture.type).toBe('PNG');
    expect(ses.propertyInfo).toBe('/Doc_0/Signs/Sign_0/Signature.xml');
    expect(Buffer.from(files.get('Doc_0/Signs/Sign_0/Seal.esl')!).equals(Buffer.from(ses.seal.der))).toBe(true);
  });
});

describe('verifyOfd', () => {
  it('accepts a sealed certificate: every check passes', async () => {
    const r = await verify(await sealed());
    expect(failed(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.identifier).toBe(identifier);
    expect(r.checks.map((c) => c.name)).toEqual(['文件结构', '文件摘要', '签章值', '电子印章', '证书链', '证照标识']);
  });

  it('one flipped byte in the page fails the digests', async () => {
    const files = await sealed();
    const page = Buffer.from(files.get('Doc_0/Pages/Page_0/Content.xml')!);
    const at = page.indexOf('TextCode');
    page[at + 20] = page[at + 20]! ^ 0x01;
    files.set('Doc_0/Pages/Page_0/Content.xml', page);
    const r = await verify(files);
    expect(r.ok).toBe(false);
    expect(failed(r)).toEqual(['文件摘要: 文件 Doc_0/Pages/Page_0/Content.xml 在签章后被修改']);
  });

  it("a swapped seal (another office's Seal.esl) fails the seal", async () => {
    const other = officeSealFor(ca, '长沙市岳麓区不动产登记中心');
    const files = await sealed();
    files.set('Doc_0/Signs/Sign_0/Seal.esl', other.sealDer);
    const r = await verify(files);
    expect(failed(r)).toEqual(['电子印章: 印章文件（Seal.esl）与签章中的印章不一致']);
  });

  it("another office's seal signing this office's certificate fails the seal", async () => {
    const other = officeSealFor(ca, '长沙市岳麓区不动产登记中心');
    const r = await verify(await sealed(unsigned, other));
    expect(failed(r)).toEqual([`电子印章: 印章“长沙市岳麓区不动产登记中心”不是颁发机构“${facts.office.name}”的印章`]);
  });

  it('a wrong check character fails the identifier', async () => {
    const wrong = identifier.slice(0, -1) + (identifier.endsWith('A') ? 'B' : 'A');
    const files = await sealed(await renderCertificateOfd(facts, { qrText: 'QR', identifier: wrong }));
    const r = await verify(files);
    expect(failed(r)).toEqual([`证照标识: 证照标识 ${wrong} 的校验位不正确`]);
  });

  it('a Reference removed leaves a part unprotected and breaks the signature', async () => {
    const files = await sealed();
    const sig = partText(files, 'Doc_0/Signs/Sign_0/Signature.xml');
    files.set('Doc_0/Signs/Sign_0/Signature.xml', xmlPart(sig.replace(/<ofd:Reference FileRef="\/Doc_0\/Pages\/Page_0\/Content.xml">.*?<\/ofd:Reference>/, '')));
    const r = await verify(files);
    expect(failed(r)).toEqual(['文件摘要: 文件 Doc_0/Pages/Page_0/Content.xml 不受签章保护', '签章值: 签名描述文件（Signature.xml）在签章后被修改']);
  });

  it('a seal certificate expired at signing time fails the chain and the seal', async () => {
    const old = officeSealFor(ca, facts.office.name, { start: new Date('2020-01-01T00:00:00Z'), end: new Date('2022-01-01T00:00:00Z') });
    const r = await verify(await sealed(unsigned, old));
    expect(failed(r)).toEqual(['电子印章: 签章时印章不在有效期内', '证书链: 印章证书已过期（有效期至 2022-01-01）']);
  });

  it('an untrusted root fails the chain (and the seal maker)', async () => {
    const stranger = trainingSealCa('某自建印章中心');
    const r = await verify(await sealed(), { rootCertsDer: [stranger.certificateDer] });
    expect(failed(r)).toEqual([
      '电子印章: 制章人不是受信任的印章签发机构',
      `证书链: 印章证书不是由受信任的根证书签发的（签发者：${ca.name.commonName}）`,
    ]);
  });

  it('asks the platform when a lookup is given: 注销 fails, 现势 passes', async () => {
    const files = await sealed();
    const cancelled = await verify(files, { ...trust, platformState: async () => '注销' } as never);
    expect(failed(cancelled)).toEqual(['平台状态: 省级平台登记为注销，该证照已失效']);
    const current = await verify(files, { ...trust, platformState: async () => '现势' } as never);
    expect(current.ok).toBe(true);
  });

  it('an unsigned package and a non-OFD file fail the structure', async () => {
    expect(failed(await verify(unsigned))).toEqual(['文件结构: 文件结构不完整：文件没有电子签章']);
    expect((await verifyOfd(Buffer.from('not a zip'), trust)).checks[0]!.name).toBe('文件结构');
  });
});
