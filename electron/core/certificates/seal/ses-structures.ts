import * as asn1js from 'asn1js';
import { OID_SM3_WITH_SM2 } from './sm2-signing';

/**
 * GB/T 38540-2020 electronic seal structures (version 4), DER with asn1js. Field order checked
 * against ofdrw's org.ofdrw.gm.ses.v4 (SESeal, SES_SealInfo, SES_ESPropertyInfo, TBS_Sign,
 * SES_Signature):
 *
 * SES_Seal      ::= SEQUENCE { esealInfo SES_SealInfo, cert OCTET STRING (制章人 certificate),
 *                              signAlgID OBJECT IDENTIFIER, signedValue BIT STRING }
 * SES_SealInfo  ::= SEQUENCE { header SES_Header, esID IA5String, property SES_ESPropertyInfo,
 *                              picture SES_ESPictrueInfo, extDatas ExtensionDatas OPTIONAL }
 * SES_Header    ::= SEQUENCE { ID IA5String "ES", version INTEGER 4, Vid IA5String }
 * SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER (1 = certs),
 *                              certList SEQUENCE OF OCTET STRING, createDate, validStart,
 *                              validEnd GeneralizedTime }
 * SES_ESPictrueInfo ::= SEQUENCE { type IA5String, data OCTET STRING, width INTEGER, height INTEGER }
 * TBS_Sign      ::= SEQUENCE { version INTEGER 4, eseal SES_Seal, timeInfo GeneralizedTime,
 *                              dataHash BIT STRING, propertyInfo IA5String,
 *                              extDatas [0] EXPLICIT ExtensionDatas OPTIONAL }
 * SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING (signer), signatureAlgID OID,
 *                              signature BIT STRING, timeStamp [0] EXPLICIT BIT STRING OPTIONAL }
 *
 * The seal maker signs DER(SEQUENCE { esealInfo, cert, signAlgID }); the signer signs DER(TBS_Sign).
 * Widths/heights are in millimetres (the standard's unit for the picture's display size).
 */
export const SES_VERSION = 4;
/** 印章类型 1 = 单位印章 (official seal of an organisation). */
export const SEAL_TYPE_OFFICIAL = 1;

export interface SealInfo {
  vid: string;
  esId: string;
  type: number;
  name: string;
  certs: Uint8Array[];
  createDate: Date;
  validStart: Date;
  validEnd: Date;
  picture: { type: string; data: Uint8Array; widthMm: number; heightMm: number };
}

export interface SesSeal {
  info: SealInfo;
  makerCert: Uint8Array;
  signAlgId: string;
  signedValue: Uint8Array;
  /** DER of the whole SES_Seal as read (verification re-checks these exact bytes). */
  der: Uint8Array;
  /** DER of SEQUENCE { esealInfo, cert, signAlgID }: what the maker signed. */
  makerTbs: Uint8Array;
}

export interface SesSignature {
  version: number;
  seal: SesSeal;
  timeInfo: Date;
  dataHash: Uint8Array;
  propertyInfo: string;
  signerCert: Uint8Array;
  signatureAlgId: string;
  signature: Uint8Array;
  /** DER of TBS_Sign as read: what the signer signed. */
  tbs: Uint8Array;
}

export class SesFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SesFormatError';
  }
}

const gt = (d: Date) => new asn1js.GeneralizedTime({ valueDate: new Date(Math.floor(d.getTime() / 1000) * 1000) });
const bytes = (b: ArrayBuffer) => new Uint8Array(b);

function sealInfoAsn(i: SealInfo): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.IA5String({ value: 'ES' }), new asn1js.Integer({ value: SES_VERSION }), new asn1js.IA5String({ value: i.vid })] }),
      new asn1js.IA5String({ value: i.esId }),
      new asn1js.Sequence({
        value: [
          new asn1js.Integer({ value: i.type }),
          new asn1js.Utf8String({ value: i.name }),
          new asn1js.Integer({ value: 1 }),
          new asn1js.Sequence({ value: i.certs.map((c) => new asn1js.OctetString({ valueHex: c })) }),
          gt(i.createDate),
          gt(i.validStart),
          gt(i.validEnd),
        ],
      }),
      new asn1js.Sequence({
        value: [
          new asn1js.IA5String({ value: i.picture.type }),
          new asn1js.OctetString({ valueHex: i.picture.data }),
          new asn1js.Integer({ value: i.picture.widthMm }),
          new asn1js.Integer({ value: i.picture.heightMm }),
        ],
      }),
    ],
  });
}

/** The bytes the seal maker signs. */
export function sealMakerTbs(info: SealInfo, makerCert: Uint8Array): Uint8Array {
  return bytes(
    new asn1js.Sequence({ value: [sealInfoAsn(info), new asn1js.OctetString({ valueHex: makerCert }), new asn1js.ObjectIdentifier({ value: OID_SM3_WITH_SM2 })] }).toBER(false),
  );
}

export function encodeSesSeal(info: SealInfo, makerCert: Uint8Array, signedValue: Uint8Array): Uint8Array {
  return bytes(
    new asn1js.Sequence({
      value: [
        sealInfoAsn(info),
        new asn1js.OctetString({ valueHex: makerCert }),
        new asn1js.ObjectIdentifier({ value: OID_SM3_WITH_SM2 }),
        new asn1js.BitString({ valueHex: signedValue }),
      ],
    }).toBER(false),
  );
}

/** TBS_Sign DER; `sealDer` is embedded as read (a SES_Seal is never re-encoded). */
export function tbsSign(o: { sealDer: Uint8Array; timeInfo: Date; dataHash: Uint8Array; propertyInfo: string }): Uint8Array {
  const seal = asn1js.fromBER(new Uint8Array(o.sealDer));
  if (seal.offset === -1) throw new SesFormatError('电子印章数据无法解析');
  return bytes(
    new asn1js.Sequence({
      value: [
        new asn1js.Integer({ value: SES_VERSION }),
        seal.result,
        gt(o.timeInfo),
        new asn1js.BitString({ valueHex: o.dataHash }),
        new asn1js.IA5String({ value: o.propertyInfo }),
      ],
    }).toBER(false),
  );
}

export function encodeSesSignature(tbs: Uint8Array, signerCert: Uint8Array, signature: Uint8Array): Uint8Array {
  const t = asn1js.fromBER(new Uint8Array(tbs));
  if (t.offset === -1) throw new SesFormatError('签章数据无法解析');
  return bytes(
    new asn1js.Sequence({
      value: [t.result, new asn1js.OctetString({ valueHex: signerCert }), new asn1js.ObjectIdentifier({ value: OID_SM3_WITH_SM2 }), new asn1js.BitString({ valueHex: signature })],
    }).toBER(false),
  );
}

// ---- decoding (strict: wrong types or counts are a format error, never a crash) ----

function seq(b: asn1js.AsnType | undefined, what: string, min: number): asn1js.AsnType[] {
  if (!(b instanceof asn1js.Sequence)) throw new SesFormatError(`${what}不是 SEQUENCE`);
  const v = b.valueBlock.value;
  if (v.length < min) throw new SesFormatError(`${what}缺少字段`);
  return v;
}
function str(b: asn1js.AsnType | undefined, what: string): string {
  if (!(b instanceof asn1js.IA5String) && !(b instanceof asn1js.Utf8String)) throw new SesFormatError(`${what}不是字符串`);
  return b.valueBlock.value;
}
function int(b: asn1js.AsnType | undefined, what: string): number {
  if (!(b instanceof asn1js.Integer)) throw new SesFormatError(`${what}不是整数`);
  return b.valueBlock.valueDec;
}
function octets(b: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(b instanceof asn1js.OctetString)) throw new SesFormatError(`${what}不是 OCTET STRING`);
  return new Uint8Array(b.valueBlock.valueHexView);
}
function bits(b: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(b instanceof asn1js.BitString)) throw new SesFormatError(`${what}不是 BIT STRING`);
  return new Uint8Array(b.valueBlock.valueHexView);
}
function oid(b: asn1js.AsnType | undefined, what: string): string {
  if (!(b instanceof asn1js.ObjectIdentifier)) throw new SesFormatError(`${what}不是算法标识`);
  return b.valueBlock.toString();
}
function time(b: asn1js.AsnType | undefined, what: string): Date {
  if (!(b instanceof asn1js.GeneralizedTime)) throw new SesFormatError(`${what}不是时间`);
  return b.toDate();
}
function parseDer(der: Uint8Array, what: string): asn1js.AsnType {
  const r = asn1js.fromBER(new Uint8Array(der));
  if (r.offset === -1 || r.offset !== der.byteLength) throw new SesFormatError(`${what}无法解析`);
  return r.result;
}
/** The exact bytes a node was decoded from (signatures are checked over what was read). */
const derOf = (b: asn1js.AsnType) => new Uint8Array(b.valueBeforeDecodeView);

/** DER SEQUENCE around already-encoded children. */
function derSequence(children: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(children);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return new Uint8Array(Buffer.concat([Buffer.from([0x30, ...len]), body]));
}

function readSeal(node: asn1js.AsnType): SesSeal {
  const [infoNode, certNode, algNode, valueNode] = seq(node, '电子印章', 4);
  const [header, esId, property, picture] = seq(infoNode, '印章信息', 4);
  const [id, version, vid] = seq(header, '印章头', 3);
  if (str(id, '印章头标识') !== 'ES') throw new SesFormatError('印章头标识不是 ES');
  if (int(version, '印章版本') !== SES_VERSION) throw new SesFormatError('印章版本不是 4');
  const [type, name, certListType, certList, createDate, validStart, validEnd] = seq(property, '印章属性', 7);
  if (int(certListType, '证书列表类型') !== 1) throw new SesFormatError('只支持证书列表类型 1（数字证书）');
  const [pType, pData, pWidth, pHeight] = seq(picture, '印章图像', 4);
  const makerCert = octets(certNode, '制章人证书');
  const info: SealInfo = {
    vid: str(vid, '厂商标识'),
    esId: str(esId, '印章编码'),
    type: int(type, '印章类型'),
    name: str(name, '印章名称'),
    certs: seq(certList, '证书列表', 1).map((c) => octets(c, '签章人证书')),
    createDate: time(createDate, '制作日期'),
    validStart: time(validStart, '有效起始日期'),
    validEnd: time(validEnd, '有效终止日期'),
    picture: { type: str(pType, '图像类型'), data: octets(pData, '图像数据'), widthMm: int(pWidth, '图像宽度'), heightMm: int(pHeight, '图像高度') },
  };
  const signAlgId = oid(algNode, '制章签名算法');
  const makerTbs = derSequence([derOf(infoNode!), derOf(certNode!), derOf(algNode!)]);
  return { info, makerCert, signAlgId, signedValue: bits(valueNode, '制章签名值'), der: derOf(node), makerTbs };
}

export function decodeSesSeal(der: Uint8Array): SesSeal {
  const seal = readSeal(parseDer(der, '电子印章'));
  return { ...seal, der: new Uint8Array(der) };
}

export function decodeSesSignature(der: Uint8Array): SesSignature {
  const [tbsNode, certNode, algNode, sigNode] = seq(parseDer(der, '签章数据'), '签章数据', 4);
  const [version, eseal, timeInfo, dataHash, propertyInfo] = seq(tbsNode, '待签章数据', 5);
  return {
    version: int(version, '签章版本'),
    seal: readSeal(eseal!),
    timeInfo: time(timeInfo, '签章时间'),
    dataHash: bits(dataHash, '原文杂凑值'),
    propertyInfo: str(propertyInfo, '原文属性'),
    signerCert: octets(certNode, '签章人证书'),
    signatureAlgId: oid(algNode, '签章算法'),
    signature: bits(sigNode, '签章值'),
    tbs: derOf(tbsNode!),
  };
}
