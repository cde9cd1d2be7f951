import type { OfdFiles } from '../ofd/ofd-files';
import { partText, xmlPart } from '../ofd/ofd-files';
import { escapeXml, mm } from '../ofd/ofd-xml';
import { SEAL_BOX } from '../layout/certificate-geometry';
import { sm3Hex } from '../../crypto/sm3';
import type { OfficeSeal } from './office-seal';
import { encodeSesSignature, tbsSign } from './ses-structures';
import { OID_SM3, OID_SM3_WITH_SM2 } from './sm2-signing';

/**
 * Seals an OFD package the way GM/T 0099 practice (ofdrw) does: Signature.xml lists an SM3 digest
 * (base64) of every protected part, the seal's StampAnnot on the first page, and points at
 * SignedValue.dat, a GB/T 38540 SES_Signature whose dataHash is SM3(Signature.xml bytes) and whose
 * TBS_Sign the office seal key signs. Protected: every part except Doc_0/Signs/** (Signatures.xml
 * grows when a later signature is added); OFD.xml is protected after the Signatures element is in.
 */
export const SIGNS_DIR = 'Doc_0/Signs';
export const SIGNATURES_PATH = `${SIGNS_DIR}/Signatures.xml`;
export const SIGN_DIR = `${SIGNS_DIR}/Sign_0`;
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';

/** GM/T 0099 SignatureDateTime: UTC, yyyyMMddHHmmss'Z' (as ofdrw writes it). */
export function signatureDateTime(at: Date): string {
  return at.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

export function isProtectedPart(path: string): boolean {
  return !path.startsWith(SIGNS_DIR + '/');
}

export async function signOfd(files: OfdFiles, seal: OfficeSeal, at: Date): Promise<OfdFiles> {
  if (files.has(SIGNATURES_PATH)) throw new Error('OFD package is already signed');
  const out: OfdFiles = new Map(files);
  const ofdXml = partText(files, 'OFD.xml');
  if (!ofdXml.includes('</ofd:DocBody>') || ofdXml.includes('<ofd:Signatures>')) throw new Error('OFD.xml has no DocBody or already names Signatures');
  out.set('OFD.xml', xmlPart(ofdXml.replace('</ofd:DocBody>', `<ofd:Signatures>${SIGNATURES_PATH}</ofd:Signatures></ofd:DocBody>`)));

  const pageId = /<ofd:Page ID="(\d+)"/.exec(partText(files, 'Doc_0/Document.xml'))?.[1];
  if (!pageId) throw new Error('Document.xml names no page');
  const references = [...out.keys()]
    .filter(isProtectedPart)
    .sort()
    .map((path) => `<ofd:Reference FileRef="/${escapeXml(path)}"><ofd:CheckValue>${Buffer.from(sm3Hex(out.get(path)!), 'hex').toString('base64')}</ofd:CheckValue></ofd:Reference>`);
  const boundary = [SEAL_BOX.x, SEAL_BOX.y, SEAL_BOX.w, SEAL_BOX.h].map(mm).join(' ');
  const signatureXml = xmlPart(
    `${DECL}<ofd:Signature ${NS}><ofd:SignedInfo>` +
      `<ofd:Provider ProviderName="不动产登记窗口工作站" Version="1.0" Company="${escapeXml(seal.name)}"/>` +
      `<ofd:SignatureMethod>${OID_SM3_WITH_SM2}</ofd:SignatureMethod>` +
      `<ofd:SignatureDateTime>${signatureDateTime(at)}</ofd:SignatureDateTime>` +
      `<ofd:References CheckMethod="${OID_SM3}">${references.join('')}</ofd:References>` +
      `<ofd:StampAnnot ID="1" PageRef="${pageId}" Boundary="${boundary}"/>` +
      `<ofd:Seal><ofd:BaseLoc>/${SIGN_DIR}/Seal.esl</ofd:BaseLoc></ofd:Seal>` +
      `</ofd:SignedInfo><ofd:SignedValue>/${SIGN_DIR}/SignedValue.dat</ofd:SignedValue></ofd:Signature>\n`,
  );
  const tbs = tbsSign({ sealDer: seal.sealDer, timeInfo: at, dataHash: Buffer.from(sm3Hex(signatureXml), 'hex'), propertyInfo: `/${SIGN_DIR}/Signature.xml` });
  const signedValue = encodeSesSignature(tbs, seal.certificateDer, seal.sign(tbs));
  out.set(`${SIGN_DIR}/Signature.xml`, signatureXml);
  out.set(`${SIGN_DIR}/SignedValue.dat`, signedValue);
  out.set(`${SIGN_DIR}/Seal.esl`, seal.sealDer);
  out.set(
    SIGNATURES_PATH,
    xmlPart(`${DECL}<ofd:Signatures ${NS}><ofd:MaxSignId>1</ofd:MaxSignId><ofd:Signature ID="1" Type="Seal" BaseLoc="/${SIGN_DIR}/Signature.xml"/></ofd:Signatures>\n`),
  );
  return out;
}
