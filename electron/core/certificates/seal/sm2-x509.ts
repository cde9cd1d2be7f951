import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID_EC_PUBLIC_KEY, OID_SM2_CURVE, OID_SM3_WITH_SM2, sm3WithSm2Sign, sm3WithSm2Verify } from './sm2-signing';

/**
 * X.509 v3 certificates with SM2 keys, built as DER with pkijs/asn1js and signed SM3withSM2 with
 * sm-crypto-v2 (WebCrypto has no SM2, so pkijs' own sign/verify cannot be used): the public key is
 * id-ecPublicKey (1.2.840.10045.2.1) on the SM2 curve (1.2.156.10197.1.301), the signature
 * algorithm 1.2.156.10197.1.501 with no parameters, as GM/T 0015 profiles it.
 * Two kinds: the province seal CA (root, CA:TRUE) and an office's seal certificate (CA:FALSE,
 * digitalSignature + nonRepudiation).
 */
export interface Sm2Name {
  commonName: string;
  organisation?: string;
  country?: string;
}

export interface IssueOptions {
  subject: Sm2Name;
  subjectPublicKeyHex: string;
  issuer: Sm2Name;
  issuerPrivateKeyHex: string;
  issuerPublicKeyHex: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
}

const OID_CN = '2.5.4.3';
const OID_O = '2.5.4.10';
const OID_C = '2.5.4.6';

/** One attribute per RDN (C, O, CN), as CAs write names; pkijs alone would put all in one SET. */
function rdn(n: Sm2Name): pkijs.RelativeDistinguishedNames {
  const sets: asn1js.Set[] = [];
  const add = (type: string, value: asn1js.BaseStringBlock) =>
    sets.push(new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), value] })] }));
  if (n.country) add(OID_C, new asn1js.PrintableString({ value: n.country }));
  if (n.organisation) add(OID_O, new asn1js.Utf8String({ value: n.organisation }));
  add(OID_CN, new asn1js.Utf8String({ value: n.commonName }));
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: sets }).toBER(false));
}

function sm2Spki(publicKeyHex: string): pkijs.PublicKeyInfo {
  return new pkijs.PublicKeyInfo({
    algorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_EC_PUBLIC_KEY, algorithmParams: new asn1js.ObjectIdentifier({ value: OID_SM2_CURVE }) }),
    subjectPublicKey: new asn1js.BitString({ valueHex: Buffer.from(publicKeyHex, 'hex') }),
  });
}

export function issueSm2Certificate(o: IssueOptions): Uint8Array {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: Buffer.from(o.serialHex.length % 2 ? '0' + o.serialHex : o.serialHex, 'hex') });
  cert.signature = new pkijs.AlgorithmIdentifier({ algorithmId: OID_SM3_WITH_SM2 });
  cert.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID_SM3_WITH_SM2 });
  cert.issuer = rdn(o.issuer);
  cert.subject = rdn(o.subject);
  cert.notBefore = new pkijs.Time({ type: 0, value: o.notBefore });
  cert.notAfter = new pkijs.Time({ type: 0, value: o.notAfter });
  cert.subjectPublicKeyInfo = sm2Spki(o.subjectPublicKeyHex);
  const basic = new pkijs.BasicConstraints({ cA: o.ca });
  const usage = new asn1js.BitString({ valueHex: new Uint8Array([o.ca ? 0x06 : 0xc0]).buffer, unusedBits: o.ca ? 1 : 6 });
  cert.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: basic.toSchema().toBER(false), parsedValue: basic }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: usage.toBER(false) }),
  ];
  const tbs = new Uint8Array(cert.encodeTBS().toBER(false));
  const signature = sm3WithSm2Sign(tbs, o.issuerPrivateKeyHex, o.issuerPublicKeyHex);
  cert.signatureValue = new asn1js.BitString({ valueHex: signature });
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

export interface ParsedSm2Certificate {
  der: Uint8Array;
  subjectCommonName: string;
  subjectOrganisation: string | null;
  issuerCommonName: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  publicKeyHex: string;
  isCa: boolean;
  signatureAlgorithm: string;
  tbs: Uint8Array;
  signature: Uint8Array;
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
}

export class CertificateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateParseError';
  }
}

function nameValue(n: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const t = n.typesAndValues.find((x) => x.type === oid);
  return t ? String((t.value as asn1js.BaseStringBlock).valueBlock.value) : null;
}

export function parseSm2Certificate(der: Uint8Array): ParsedSm2Certificate {
  let cert: pkijs.Certificate;
  try {
    cert = pkijs.Certificate.fromBER(new Uint8Array(der));
  } catch (e) {
    throw new CertificateParseError(`证书无法解析：${(e as Error).message}`);
  }
  const spki = cert.subjectPublicKeyInfo;
  const curve = spki.algorithm.algorithmParams instanceof asn1js.ObjectIdentifier ? spki.algorithm.algorithmParams.valueBlock.toString() : '';
  if (spki.algorithm.algorithmId !== OID_EC_PUBLIC_KEY || curve !== OID_SM2_CURVE) throw new CertificateParseError('证书的公钥不是 SM2 公钥');
  const basic = cert.extensions?.find((e) => e.extnID === '2.5.29.19')?.parsedValue as pkijs.BasicConstraints | undefined;
  return {
    der: new Uint8Array(der),
    subjectCommonName: nameValue(cert.subject, OID_CN) ?? '',
    subjectOrganisation: nameValue(cert.subject, OID_O),
    issuerCommonName: nameValue(cert.issuer, OID_CN) ?? '',
    serialHex: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    publicKeyHex: Buffer.from(spki.subjectPublicKey.valueBlock.valueHexView).toString('hex'),
    isCa: basic?.cA === true,
    signatureAlgorithm: cert.signatureAlgorithm.algorithmId,
    tbs: new Uint8Array(cert.tbsView),
    signature: new Uint8Array(cert.signatureValue.valueBlock.valueHexView),
    issuerDer: new Uint8Array(cert.issuer.toSchema().toBER(false)),
    subjectDer: new Uint8Array(cert.subject.toSchema().toBER(false)),
  };
}

export type ChainResult = { ok: true; root: ParsedSm2Certificate } | { ok: false; reason: string };

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The leaf is valid at `at`, was signed by one of the roots (self-signed CA certificates, each
 * valid at `at`), and the signature algorithm is SM3withSM2. One level: the province seal CA
 * issues office seal certificates directly.
 */
export function verifySm2Chain(leafDer: Uint8Array, rootsDer: Uint8Array[], at: Date): ChainResult {
  let leaf: ParsedSm2Certificate;
  try {
    leaf = parseSm2Certificate(leafDer);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  if (leaf.signatureAlgorithm !== OID_SM3_WITH_SM2) return { ok: false, reason: '印章证书的签名算法不是 SM3withSM2' };
  if (at < leaf.notBefore) return { ok: false, reason: `印章证书尚未生效（生效日期 ${day(leaf.notBefore)}）` };
  if (at > leaf.notAfter) return { ok: false, reason: `印章证书已过期（有效期至 ${day(leaf.notAfter)}）` };
  for (const rootDer of rootsDer) {
    let root: ParsedSm2Certificate;
    try {
      root = parseSm2Certificate(rootDer);
    } catch {
      continue;
    }
    if (!root.isCa || Buffer.compare(Buffer.from(root.subjectDer), Buffer.from(leaf.issuerDer)) !== 0) continue;
    if (!sm3WithSm2Verify(leaf.tbs, leaf.signature, root.publicKeyHex)) continue;
    if (at < root.notBefore || at > root.notAfter) return { ok: false, reason: `信任根证书“${root.subjectCommonName}”不在有效期内` };
    return { ok: true, root };
  }
  return { ok: false, reason: `印章证书不是由受信任的根证书签发的（签发者：${leaf.issuerCommonName}）` };
}
