import type { CertificateFacts } from '../../../../electron/core/certificates/certificate-facts';

/** A transfer's certificate as cert-flow's builder gives it (fields as printed); numbers vary per call. */
export function certificateFacts(sequence = 123, over: Partial<CertificateFacts> = {}): CertificateFacts {
  const seq = String(sequence).padStart(7, '0');
  return {
    kind: 'certificate',
    number: `湘(2026)长沙市不动产权第${seq}号`,
    year: 2026,
    sequence,
    businessNumber: `430102-20261204-${String(sequence).padStart(4, '0')}`,
    caseNumber: `430102-20261204-${String(sequence).padStart(4, '0')}`,
    office: { name: '长沙市芙蓉区不动产登记中心', creditCode: '11430102MB1234567X', regionCode: '430102', provinceShort: '湘', cityCounty: '长沙市' },
    registeredAt: '2026-12-04T03:15:00.000Z',
    issueDate: '2026-12-04',
    holders: [{ name: '王小明', idType: '居民身份证', idNumber: '430102199001011234', share: null }],
    obligors: [],
    coOwnership: '单独所有',
    location: '长沙市芙蓉区五一大道 100 号 3 栋 1201 室',
    unitCode: '430102001001GB00001F00030012',
    rightType: '国有建设用地使用权/房屋所有权',
    rightNature: '出让/市场化商品房',
    use: '城镇住宅用地/住宅',
    area: '共有宗地面积 5000.00㎡/房屋建筑面积 98.76㎡',
    term: '2010年01月01日起2080年12月31日止',
    otherStatus: ['专有建筑面积：85.20㎡，分摊建筑面积：13.56㎡', '房屋结构：钢筋混凝土结构', '房屋总层数：30层，所在层：12层'],
    provedMatter: '',
    other: [],
    notes: ['业务号：430102-20261204-0123', '原不动产权证号：湘(2020)长沙市不动产权第0004567号'],
    ...over,
  };
}
