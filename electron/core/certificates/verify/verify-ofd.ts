import { readOfd } from '../ofd/ofd-reader';
import { unzipOfd } from '../ofd/ofd-unzip';
import type { OfdFiles } from '../ofd/ofd-files';
import { childElement, childElements, parseXml, textOf, type XmlElement } from '../ofd/ofd-xml';
import { sm3Hex } from '../../crypto/sm3';
import { identifierValid } from '../seal/certificate-identifier';
import { decodeSesSignature, type SesSignature } from '../seal/ses-structures';
import { OID_SM3, OID_SM3_WITH_SM2, sm3WithSm2Verify } from '../seal/sm2-signing';
import { parseSm2Certificate, verifySm2Chain } from '../seal/sm2-x509';
import { isProtectedPart } from '../seal/sign-ofd';
import { report, type VerifyCheck, type VerifyReport, type VerifyTrust } from './verify-report';

/**
 * Verifies a sealed e-certificate OFD: structure, every Reference digest (and that nothing outside
 * Signs/ is left unprotected), the SES_Signature over SM3(Signature.xml), the seal (maker's
 * signature, the signer's certificate in the seal's list, validity at signing time, the seal's
 * name is the issuing authority), the signer's chain to the trust root at signing time, the
 * identifier's check character, and the platform's state when a lookup is given.
 * Each failure is its own check with its own reason; later checks that depend on an earlier
 * failure are skipped, not guessed.
 */
export async function verifyOfd(bytes: Uint8Array, trust: VerifyTrust): Promise<VerifyReport> {
  let files: OfdFiles;
  try {
    files = await unzipOfd(bytes);
  } catch (e) {
    return report(null, null, [{ name: '文件结构', ok: false, reason: `不是有效的 OFD 文件：${(e as Error).message}` }]);
  }
  return verifyOfdFiles(files, trust);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const strip = (p: string) => p.replace(/^\//, '');

export async function verifyOfdFiles(files: OfdFiles, trust: VerifyTrust): Promise<VerifyReport> {
  const checks: VerifyCheck[] = [];
  const fail = (name: string, reason: string) => checks.push({ name, ok: false, reason });
  const pass = (name: string, reason: string) => checks.push({ name, ok: true, reason });

  // 1. Structure.
  let identifier: string | null = null;
  let number: string | null = null;
  let authority: string | null = null;
  let signatureXml: XmlElement;
  let signatureXmlBytes: Uint8Array;
  let signedValue: Uint8Array;
  let sealEsl: Uint8Array | undefined;
  try {
    const doc = readOfd(files);
    identifier = doc.docInfo.customData.get('ZZBS') ?? null;
    number = doc.docInfo.customData.get('ZZBH') ?? null;
    authority = doc.docInfo.customData.get('ZZBFJG') ?? null;
    if (!doc.signatures) throw new Error('文件没有电子签章');
    const sigs = parseXml(utf8.decode(need(files, doc.signatures)));
    const entry = childElement(sigs, 'ofd:Signature');
    if (!entry?.attributes.BaseLoc) throw new Error('签章列表为空');
    const sigPath = strip(entry.attributes.BaseLoc);
    signatureXmlBytes = need(files, sigPath);
    signatureXml = parseXml(utf8.decode(signatureXmlBytes));
    signedValue = need(files, strip(textOf(childElement(signatureXml, 'ofd:SignedValue') ?? el()).trim()));
    const sealLoc = childElement(childElement(childElement(signatureXml, 'ofd:SignedInfo') ?? el(), 'ofd:Seal') ?? el(), 'ofd:BaseLoc');
    sealEsl = sealLoc ? files.get(strip(textOf(sealLoc).trim())) : undefined;
    pass('文件结构', `OFD 结构完整，共 ${doc.pages.length} 页，含 1 个电子签章`);
  } catch (e) {
    fail('文件结构', `文件结构不完整：${(e as Error).message}`);
    return report(identifier, number, checks);
  }

  // 2. Reference digests.
  const info = childElement(signatureXml, 'ofd:SignedInfo') ?? el();
  const refs = childElement(info, 'ofd:References') ?? el();
  const refList = childElements(refs, 'ofd:Reference');
  const problems: string[] = [];
  if (refs.attributes.CheckMethod !== OID_SM3) problems.push('摘要算法不是 SM3');
  const referenced = new Set<string>();
  for (const ref of refList) {
    const path = strip(ref.attributes.FileRef ?? '');
    referenced.add(path);
    const part = files.get(path);
    if (!part) problems.push(`受保护的文件 ${path} 缺失`);
    else if (Buffer.from(sm3Hex(part), 'hex').toString('base64') !== textOf(childElement(ref, 'ofd:CheckValue') ?? el()).trim()) problems.push(`文件 ${path} 在签章后被修改`);
  }
  for (const path of files.keys()) if (isProtectedPart(path) && !referenced.has(path)) problems.push(`文件 ${path} 不受签章保护`);
  if (problems.length) fail('文件摘要', problems.join('；'));
  else pass('文件摘要', `${refList.length} 个受保护文件的 SM3 摘要一致`);

  // 3. The signature over Signature.xml.
  let ses: SesSignature;
  try {
    ses = decodeSesSignature(signedValue);
  } catch (e) {
    fail('签章值', `签章数据无法解析：${(e as Error).message}`);
    return report(identifier, number, checks);
  }
  let signer: ReturnType<typeof parseSm2Certificate> | null = null;
  try {
    signer = parseSm2Certificate(ses.signerCert);
  } catch (e) {
    fail('签章值', (e as Error).message);
  }
  if (signer) {
    if (textOf(childElement(info, 'ofd:SignatureMethod') ?? el()).trim() !== OID_SM3_WITH_SM2 || ses.signatureAlgId !== OID_SM3_WITH_SM2) fail('签章值', '签章算法不是 SM3withSM2');
    else if (Buffer.compare(Buffer.from(ses.dataHash), Buffer.from(sm3Hex(signatureXmlBytes), 'hex')) !== 0) fail('签章值', '签名描述文件（Signature.xml）在签章后被修改');
    else if (!sm3WithSm2Verify(ses.tbs, ses.signature, signer.publicKeyHex)) fail('签章值', '签章的 SM2 签名不正确');
    else pass('签章值', `SM2 签名正确（签章人：${signer.subjectCommonName}，签章时间 ${ses.timeInfo.toISOString()}）`);
  }

  // 4. The seal.
  const seal = ses.seal;
  const sealProblems: string[] = [];
  if (sealEsl && Buffer.compare(Buffer.from(sealEsl), Buffer.from(seal.der)) !== 0) sealProblems.push('印章文件（Seal.esl）与签章中的印章不一致');
  if (!seal.info.certs.some((c) => Buffer.compare(Buffer.from(c), Buffer.from(ses.signerCert)) === 0)) sealProblems.push('签章人证书不是该印章绑定的证书');
  let makerKey = '';
  try {
    makerKey = parseSm2Certificate(seal.makerCert).publicKeyHex;
  } catch {
    sealProblems.push('制章人证书无法解析');
  }
  if (makerKey && !sm3WithSm2Verify(seal.makerTbs, seal.signedValue, makerKey)) sealProblems.push('印章的制章签名不正确（印章数据被篡改）');
  const makerChain = verifySm2ChainAllowRoot(seal.makerCert, trust.rootCertsDer, ses.timeInfo);
  if (makerKey && !makerChain) sealProblems.push('制章人不是受信任的印章签发机构');
  if (ses.timeInfo < seal.info.validStart || ses.timeInfo > seal.info.validEnd) sealProblems.push('签章时印章不在有效期内');
  if (authority !== null && seal.info.name !== authority) sealProblems.push(`印章“${seal.info.name}”不是颁发机构“${authority}”的印章`);
  if (sealProblems.length) fail('电子印章', sealProblems.join('；'));
  else pass('电子印章', `印章“${seal.info.name}”有效`);

  // 5. Chain to the trust root, at signing time.
  const chain = verifySm2Chain(ses.signerCert, trust.rootCertsDer, ses.timeInfo);
  if (chain.ok) pass('证书链', `印章证书由“${chain.root.subjectCommonName}”签发，签章时在有效期内`);
  else fail('证书链', chain.reason);

  // 6. Identifier.
  if (!identifier) fail('证照标识', '文件未载明证照标识');
  else if (!identifierValid(identifier)) fail('证照标识', `证照标识 ${identifier} 的校验位不正确`);
  else pass('证照标识', `证照标识 ${identifier} 校验位正确`);

  // 7. Platform state (online only).
  if (trust.platformState && identifier) {
    try {
      const state = await trust.platformState(identifier);
      if (state === '现势') pass('平台状态', '省级平台登记为现势');
      else if (state === null) fail('平台状态', '省级平台查无此电子证照');
      else fail('平台状态', `省级平台登记为${state}，该证照已失效`);
    } catch (e) {
      fail('平台状态', `无法查询省级平台：${(e as Error).message}`);
    }
  }
  return report(identifier, number, checks);
}

/** The maker is the trust root itself (the province seal CA makes seals) or chains to it. */
function verifySm2ChainAllowRoot(der: Uint8Array, roots: Uint8Array[], at: Date): boolean {
  if (roots.some((r) => Buffer.compare(Buffer.from(r), Buffer.from(der)) === 0)) return true;
  return verifySm2Chain(der, roots, at).ok;
}

function need(files: OfdFiles, path: string): Uint8Array {
  const b = files.get(path);
  if (!b) throw new Error(`缺少 ${path}`);
  return b;
}
function el(): XmlElement {
  return { name: '', attributes: {}, children: [] };
}
