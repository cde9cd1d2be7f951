import { PDFDocument } from 'pdf-lib';
import { identifierValid } from '../seal/certificate-identifier';
import { parseQrText, qrSignatureValid } from '../seal/certificate-qr-text';
import { INFO_QR_TEXT, INFO_SEAL_CERTIFICATE, infoText } from '../seal/seal-pdf';
import { parseSm2Certificate, verifySm2Chain } from '../seal/sm2-x509';
import { report, type VerifyCheck, type VerifyReport, type VerifyTrust } from './verify-report';

/**
 * Verifies the PDF rendition by its signed 2D-code text (seal-pdf.ts stores it, and the seal
 * certificate, in the information dictionary): the SM2 signature by the seal certificate, the
 * certificate's chain to the trust root at the issue date, the identifier's check character, the
 * subject/number the PDF states match the signed text, and the platform state when online.
 * What it does not prove: that the page's drawn text was not edited — the signed text binds the
 * identifier, number, date and the SM3 of the facts; the OFD (whole-package digests) is the
 * authoritative file, and the platform serves the facts to compare.
 */
export async function verifyCertificatePdf(bytes: Uint8Array, trust: VerifyTrust): Promise<VerifyReport> {
  const checks: VerifyCheck[] = [];
  const fail = (name: string, reason: string) => checks.push({ name, ok: false, reason });
  const pass = (name: string, reason: string) => checks.push({ name, ok: true, reason });
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (e) {
    fail('文件结构', `不是有效的 PDF 文件：${(e as Error).message}`);
    return report(null, null, checks);
  }
  const text = infoText(doc, INFO_QR_TEXT);
  const q = text ? parseQrText(text) : null;
  const certB64 = infoText(doc, INFO_SEAL_CERTIFICATE);
  if (!q || !certB64) {
    fail('文件结构', '文件不含签名的二维码内容或印章证书，不是本系统出具的电子证照 PDF');
    return report(null, null, checks);
  }
  pass('文件结构', 'PDF 含签名的二维码内容和印章证书');
  const certDer = Buffer.from(certB64, 'base64');
  let key = '';
  try {
    key = parseSm2Certificate(certDer).publicKeyHex;
  } catch (e) {
    fail('二维码签名', (e as Error).message);
  }
  if (key) {
    if (qrSignatureValid(q, key)) pass('二维码签名', '二维码内容的 SM2 签名正确');
    else fail('二维码签名', '二维码内容的 SM2 签名不正确（内容被篡改或不是该印章签发）');
  }
  const subject = doc.getSubject();
  if (subject !== q.identifier) fail('文件信息', `PDF 载明的证照标识（${subject ?? '无'}）与签名内容不一致`);
  else pass('文件信息', 'PDF 载明的证照标识与签名内容一致');
  const at = new Date(`${q.issueDate}T12:00:00+08:00`);
  const chain = verifySm2Chain(certDer, trust.rootCertsDer, Number.isNaN(at.getTime()) ? new Date() : at);
  if (chain.ok) pass('证书链', `印章证书由“${chain.root.subjectCommonName}”签发，颁发日在有效期内`);
  else fail('证书链', chain.reason);
  if (identifierValid(q.identifier)) pass('证照标识', `证照标识 ${q.identifier} 校验位正确`);
  else fail('证照标识', `证照标识 ${q.identifier} 的校验位不正确`);
  if (trust.platformState) {
    try {
      const state = await trust.platformState(q.identifier);
      if (state === '现势') pass('平台状态', '省级平台登记为现势');
      else if (state === null) fail('平台状态', '省级平台查无此电子证照');
      else fail('平台状态', `省级平台登记为${state}，该证照已失效`);
    } catch (e) {
      fail('平台状态', `无法查询省级平台：${(e as Error).message}`);
    }
  }
  return report(q.identifier, q.number, checks);
}
