import { CERTIFICATE_TITLES, type CertificateFacts } from './certificate-facts';

/**
 * The body of `POST /api/v1/e-certificates` (test/platform/API.md "E-certificates") for one produced
 * e-certificate, with its GB/T 36903 metadata. Built once, at production, and stored as the outbox
 * body, so every retry sends the same bytes. Metadata keys follow the names a public vendor
 * implementation uses (DOMAIN.md §5: ZZMC …, registration extension KZ_…).
 */
export interface ECertificateUploadBody {
  identifier: string;
  number: string;
  kind: CertificateFacts['kind'];
  caseNumber: string;
  unitCodes: string[];
  holders: Array<{ name: string; idNumber: string }>;
  issueDate: string;
  metadata: Record<string, string>;
  ofd: { sm3: string; size: number };
  pdf: { sm3: string; size: number };
}

/** 持证主体代码类型 by 证件种类 (GB/T 36903 uses the code's kind: 身份证号码 / 统一社会信用代码 / 其他). */
function codeType(idType: string): string {
  return idType === '统一社会信用代码' ? '统一社会信用代码' : idType === '居民身份证' ? '公民身份号码' : '其他';
}

export function eCertificateMetadata(facts: CertificateFacts, identifier: string, typeCode: string): Record<string, string> {
  const first = facts.holders[0];
  const join = (xs: string[]) => xs.join('；');
  return {
    ZZMC: CERTIFICATE_TITLES[facts.kind],
    ZZLXDM: typeCode,
    ZZBH: facts.number,
    ZZBS: identifier,
    ZZBFJG: facts.office.name,
    ZZBFJGDM: facts.office.creditCode,
    ZZBFRQ: facts.issueDate,
    CZZT: facts.holders.map((h) => h.name).join('、'),
    CZZTDM: first?.idNumber ?? '',
    CZZTDMLX: codeType(first?.idType ?? ''),
    ZZYXQQSRQ: facts.issueDate,
    ZZYXQJZRQ: '长期',
    KZ_BDCQZH: facts.number,
    KZ_ZHLSH: String(facts.sequence).padStart(7, '0'),
    KZ_NF: String(facts.year),
    KZ_SQSJC: facts.office.provinceShort,
    KZ_SZSXQC: facts.office.cityCounty,
    KZ_FZRQ: facts.issueDate,
    KZ_QLR: facts.holders.map((h) => h.name).join('、'),
    KZ_YWR: facts.obligors.map((h) => h.name).join('、'),
    KZ_GYQK: facts.coOwnership,
    KZ_ZL: facts.location,
    KZ_BDCDYH: facts.unitCode,
    KZ_QLLX: facts.rightType,
    KZ_QLXZ: facts.rightNature,
    KZ_YT: facts.use,
    KZ_MJ: facts.area,
    KZ_SYQX: facts.term,
    KZ_QLQTZK: join(facts.otherStatus),
    KZ_ZMQLSX: facts.provedMatter,
    KZ_QT: join(facts.other),
    KZ_FJ: join(facts.notes),
    KZ_YWH: facts.businessNumber,
  };
}

export function eCertificateUploadBody(
  facts: CertificateFacts,
  p: { identifier: string; typeCode: string; unitCodes: string[]; ofd: { sm3: string; size: number }; pdf: { sm3: string; size: number } },
): ECertificateUploadBody {
  return {
    identifier: p.identifier,
    number: facts.number,
    kind: facts.kind,
    caseNumber: facts.caseNumber,
    unitCodes: p.unitCodes,
    holders: facts.holders.map((h) => ({ name: h.name, idNumber: h.idNumber })),
    issueDate: facts.issueDate,
    metadata: eCertificateMetadata(facts, p.identifier, p.typeCode),
    ofd: p.ofd,
    pdf: p.pdf,
  };
}
