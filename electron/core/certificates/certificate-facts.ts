/**
 * What one certificate (不动产权证书) or proof (不动产登记证明) says: the one model that the e-certificate
 * (OFD and its PDF rendition), the paper certificate printed on a pre-printed form and the
 * certificate views all render. Field names follow the certificate's printed captions
 * (《不动产权证书和登记证明监制办法》 sample pages; DOMAIN.md §5); every value is the text as printed,
 * already formatted (areas with units, dates in Chinese), so every rendition says the same thing.
 *
 * Personal data: `holders[].idNumber` is the full ID number (持证主体代码 in the e-certificate's
 * metadata needs it). Stores keep facts sealed like other personal data; screens mask it.
 */
export type CertificateKind = 'certificate' | 'proof';

export interface CertificateParty {
  name: string;
  /** 证件种类 as the case records it, e.g. 居民身份证, 统一社会信用代码. */
  idType: string;
  idNumber: string;
  /** "1/2" for 按份共有, null otherwise. */
  share: string | null;
}

export interface CertificateOffice {
  /** 登记机构 as printed, e.g. 长沙市芙蓉区不动产登记中心. */
  name: string;
  /** 颁发机构代码: the office's 统一社会信用代码 (18 characters). */
  creditCode: string;
  /** Six-digit county-level 行政区划代码 of the office. */
  regionCode: string;
  /** 省简称 and 市县 as they appear in the certificate number, e.g. 湘 and 长沙市. */
  provinceShort: string;
  cityCounty: string;
}

export interface CertificateFacts {
  kind: CertificateKind;
  /** 不动产权证号 / 不动产登记证明号, e.g. 湘(2026)长沙市不动产权第0000123号. */
  number: string;
  /** Year and seven-digit sequence inside the number (证号流水号). */
  year: number;
  sequence: number;
  /** 业务号: the case's 统一受理编号 when the platform gave one, else the case number. */
  businessNumber: string;
  caseNumber: string;
  office: CertificateOffice;
  /** 登簿 time (ISO 8601) and the issue date printed on the certificate (YYYY-MM-DD, Asia/Shanghai). */
  registeredAt: string;
  issueDate: string;
  /** 权利人 (certificate) or 权利人(申请人) (proof). */
  holders: CertificateParty[];
  /** 义务人: proofs only (e.g. the mortgagor); empty on certificates. */
  obligors: CertificateParty[];
  /** 共有情况, e.g. 单独所有 / 共同共有 / 按份共有. */
  coOwnership: string;
  /** 坐落. */
  location: string;
  /** 不动产单元号 (28 characters, GB/T 37346). */
  unitCode: string;
  /** 权利类型, 权利性质, 用途, 面积, 使用期限: certificate fields (empty strings on proofs). */
  rightType: string;
  rightNature: string;
  use: string;
  area: string;
  term: string;
  /** 权利其他状况: one printed line per entry. */
  otherStatus: string[];
  /** 证明权利或事项 (proof only, e.g. 抵押权). */
  provedMatter: string;
  /** 其他 (proof only): one printed line per entry. */
  other: string[];
  /** 附记: one printed line per entry. */
  notes: string[];
}

/** The printed title of each kind. */
export const CERTIFICATE_TITLES: Record<CertificateKind, string> = {
  certificate: '不动产权证书',
  proof: '不动产登记证明',
};
