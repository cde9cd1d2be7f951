import { CERTIFICATE_TITLES, type CertificateFacts } from '../certificate-facts';
import { holdersText } from './certificate-page';

/**
 * The e-certificate's metadata: GB/T 36903 电子证照元数据 (证照名称, 类型代码, 编号, 标识, 颁发机构 and
 * its code, 颁发日期, 持证主体 with its code and code type, validity) and the registration
 * extension fields (KZ_…). Names are the ones seen in a public vendor implementation (gtmap, see
 * DOMAIN.md §5: ZZMC, ZZLXDM, …, KZ_BDCQZH, …), which is what provincial e-certificate stores
 * exchange. Values are the printed text, so the metadata says what the page says.
 */
export interface MetadataField {
  name: string;
  /** The Chinese caption, for people reading the custom tag part. */
  label: string;
  value: string;
}

export function certificateMetadata(facts: CertificateFacts, o: { identifier: string; qrText: string }): MetadataField[] {
  const holders = facts.holders;
  const field = (name: string, label: string, value: string): MetadataField => ({ name, label, value });
  return [
    field('ZZMC', '证照名称', facts.kind === 'certificate' ? '中华人民共和国不动产权证书' : '不动产登记证明'),
    field('ZZLXDM', '证照类型代码', identifierPart(o.identifier, 5)),
    field('ZZBH', '证照编号', facts.number),
    field('ZZBS', '证照标识', o.identifier),
    field('ZZBFJG', '证照颁发机构', facts.office.name),
    field('ZZBFJGDM', '证照颁发机构代码', facts.office.creditCode),
    field('ZZBFRQ', '证照颁发日期', facts.issueDate),
    field('CZZT', '持证主体', holders.map((h) => h.name).join('、')),
    field('CZZTDM', '持证主体代码', holders.map((h) => h.idNumber).join('、')),
    field('CZZTDMLX', '持证主体代码类型', holders.map((h) => codeType(h.idType)).join('、')),
    field('ZZYXQQSRQ', '证照有效期起始日期', facts.issueDate),
    // A certificate of a right is valid until the register ends it (注销), not until a date.
    field('ZZYXQJZRQ', '证照有效期截止日期', '长期'),
    field('KZ_BDCQZH', facts.kind === 'certificate' ? '不动产权证号' : '不动产登记证明号', facts.number),
    field('KZ_ZHLSH', '证号流水号', String(facts.sequence).padStart(7, '0')),
    field('KZ_NF', '年份', String(facts.year)),
    field('KZ_SQSJC', '省简称', facts.office.provinceShort),
    field('KZ_SZSXQC', '市县全称', facts.office.cityCounty),
    field('KZ_FZRQ', '发证日期', facts.issueDate),
    field('KZ_EWMNR', '二维码内容', o.qrText),
    field('KZ_QLR', facts.kind === 'certificate' ? '权利人' : '权利人（申请人）', holdersText(holders)),
    field('KZ_YWR', '义务人', holdersText(facts.obligors)),
    field('KZ_GYQK', '共有情况', facts.coOwnership),
    field('KZ_ZL', '坐落', facts.location),
    field('KZ_BDCDYH', '不动产单元号', facts.unitCode),
    field('KZ_QLLX', '权利类型', facts.rightType),
    field('KZ_QLXZ', '权利性质', facts.rightNature),
    field('KZ_YT', '用途', facts.use),
    field('KZ_MJ', '面积', facts.area),
    field('KZ_SYQX', '使用期限', facts.term),
    field('KZ_QLQTZK', '权利其他状况', facts.otherStatus.join('\n')),
    field('KZ_ZMQLSX', '证明权利或事项', facts.provedMatter),
    field('KZ_QT', '其他', facts.other.join('\n')),
    field('KZ_FJ', '附记', facts.notes.join('\n')),
    field('KZ_YWH', '业务号', facts.businessNumber),
  ];
}

/** The title the OFD's DocInfo carries. */
export function certificateTitle(facts: CertificateFacts): string {
  return `${CERTIFICATE_TITLES[facts.kind]} ${facts.number}`;
}

/** `1.2.156.3005.2.{类型代码}.{机构代码}.{流水号}.001.{校验位}`: the n-th dot-separated part. */
function identifierPart(identifier: string, index: number): string {
  return identifier.split('.')[index] ?? '';
}

/** 持证主体代码类型 as GB/T 36903 practice names it: 公民身份号码 for a resident ID card, else the 证件种类. */
function codeType(idType: string): string {
  return idType === '居民身份证' ? '公民身份号码' : idType;
}
