import { describe, expect, it } from 'vitest';
import { DEFAULT_CERTIFICATES_CONFIG, certificatesConfigSchema, configSchema } from '../../../../electron/contract';
import { certificateFactsFor, certificateKindOf, certificateOfficeOf, type FactsBody, type RegisterAnswer } from '../../../../electron/core/certificates/certificate-facts-builder';

const office = certificateOfficeOf({ certificates: DEFAULT_CERTIFICATES_CONFIG });
const UNIT = '430102001001GB00001F00010001';

function body(over: Partial<FactsBody>): FactsBody {
  return {
    caseNumber: '430102-20261204-A7-0001',
    businessType: 'transfer.stateLandHouse',
    registrationType: 'transfer',
    rightType: 'stateLandHouse',
    coOwnership: 'sole',
    parties: [
      { ordinal: 1, role: 'holder', name: '王小明', idType: 'resident_id', idNumber: '11010519491231002X', share: null },
      { ordinal: 2, role: 'obligor', name: '李卖方', idType: 'resident_id', idNumber: '110105194912310029', share: null },
    ],
    units: [{ unitCode: UNIT, address: '长沙市芙蓉区五一大道1号1栋101室', use: 'residential', areaM2: 89.5, previousCertificateNumber: '湘(2019)长沙市不动产权第0001234号' }],
    materials: [],
    ...over,
  };
}

const answer = (numbers: string[], restrictions: RegisterAnswer['register'] = undefined): RegisterAnswer => ({
  registeredAt: '2026-12-04T17:30:00.000Z',
  certificateNumbers: numbers,
  register: restrictions,
});

describe('certificateFactsFor', () => {
  it('a transfer issues a certificate naming the buyer, with the labels of the catalogue and the date in Shanghai', () => {
    const n = '湘(2026)长沙市不动产权第1000123号';
    const facts = certificateFactsFor(body({ reason: '买卖' }), answer([n]), n, office);
    expect(facts.kind).toBe('certificate');
    expect(facts.number).toBe(n);
    expect(facts.year).toBe(2026);
    expect(facts.sequence).toBe(1000123);
    // 17:30 UTC is 01:30 the next day in China: the printed date is that day.
    expect(facts.issueDate).toBe('2026-12-05');
    expect(facts.holders).toEqual([{ name: '王小明', idType: '居民身份证', idNumber: '11010519491231002X', share: null }]);
    expect(facts.obligors).toEqual([]);
    expect(facts.coOwnership).toBe('单独所有');
    expect(facts.rightType).toBe('国有建设用地使用权/房屋所有权');
    expect(facts.rightNature).toBe('出让/市场化商品房');
    expect(facts.use).toBe('城镇住宅用地/住宅');
    expect(facts.area).toBe('房屋建筑面积89.50平方米');
    expect(facts.unitCode).toBe(UNIT);
    expect(facts.provedMatter).toBe('');
    expect(facts.notes).toEqual(['业务号：430102-20261204-A7-0001', '登记原因：买卖', '原证号：湘(2019)长沙市不动产权第0001234号']);
    expect(facts.office).toEqual({ name: '长沙市芙蓉区不动产登记中心', creditCode: '12430102MB0000001A', regionCode: '430102', provinceShort: '湘', cityCounty: '长沙市' });
  });

  it('a mortgage kept on the unit is stated under 权利其他状况', () => {
    const n = '湘(2026)长沙市不动产权第1000124号';
    const register = [{ unitCode: UNIT, registerVersion: 3, rights: [], history: [], restrictions: [{ id: 9, kind: 'mortgage', holder: '中国建设银行长沙分行', since: '2025-03-01', until: null, note: null, state: 'current' }] }];
    const facts = certificateFactsFor(body({}), answer([n], register), n, office);
    expect(facts.otherStatus).toEqual(['该不动产存在抵押登记，抵押权人：中国建设银行长沙分行（2025年3月1日）']);
  });

  it('按份共有 with one number per holder: each certificate names its holder, all shares are stated', () => {
    const numbers = ['湘(2026)长沙市不动产权第1000125号', '湘(2026)长沙市不动产权第1000126号'];
    const b = body({
      coOwnership: 'shares',
      parties: [
        { ordinal: 1, role: 'holder', name: '张甲', idType: 'resident_id', idNumber: '11010519491231002X', share: '1/3' },
        { ordinal: 2, role: 'holder', name: '张乙', idType: 'resident_id', idNumber: '110105194912310029', share: '2/3' },
      ],
    });
    const second = certificateFactsFor(b, answer(numbers), numbers[1], office);
    expect(second.holders.map((h) => [h.name, h.share])).toEqual([['张乙', '2/3']]);
    expect(second.coOwnership).toBe('按份共有');
    expect(second.otherStatus).toEqual(['张甲占1/3份额', '张乙占2/3份额']);
    expect(second.notes).toContain('按份共有，分别持证（共2本）');
  });

  it('共同共有 names every holder on one certificate', () => {
    const n = '湘(2026)长沙市不动产权第1000127号';
    const b = body({
      coOwnership: 'joint',
      parties: [
        { ordinal: 1, role: 'holder', name: '赵夫', idType: 'resident_id', idNumber: '11010519491231002X', share: null },
        { ordinal: 2, role: 'holder', name: '钱妻', idType: 'resident_id', idNumber: '110105194912310029', share: null },
      ],
    });
    const facts = certificateFactsFor(b, answer([n]), n, office);
    expect(facts.holders.map((h) => h.name)).toEqual(['赵夫', '钱妻']);
    expect(facts.otherStatus).toEqual(['共有人：赵夫、钱妻']);
  });

  it('a mortgage issues a proof: 抵押权, the bank as 权利人, the mortgagor as 义务人, the loan under 其他', () => {
    const n = '湘(2026)长沙市不动产证明第1000031号';
    const b = body({
      businessType: 'mortgageFirst.mortgage',
      registrationType: 'mortgageFirst',
      rightType: 'mortgage',
      parties: [
        { ordinal: 1, role: 'holder', name: '中国工商银行长沙芙蓉支行', idType: 'organization', idNumber: '91430102MA4L0000XX', share: null },
        { ordinal: 2, role: 'obligor', name: '王小明', idType: 'resident_id', idNumber: '11010519491231002X', share: null },
      ],
      mortgage: { method: 'general', amountFen: 80_000_000, termFrom: '2026-12-04', termTo: '2046-12-03', rank: 1 },
    });
    expect(certificateKindOf(b)).toBe('proof');
    const facts = certificateFactsFor(b, answer([n]), n, office);
    expect(facts.kind).toBe('proof');
    expect(facts.provedMatter).toBe('抵押权');
    expect(facts.holders.map((h) => [h.name, h.idType])).toEqual([['中国工商银行长沙芙蓉支行', '统一社会信用代码']]);
    expect(facts.obligors.map((h) => h.name)).toEqual(['王小明']);
    expect(facts.rightType + facts.rightNature + facts.use + facts.area + facts.term).toBe('');
    expect(facts.other).toEqual(['抵押方式：一般抵押', '被担保主债权数额：80万元', '债务履行期限：2026年12月4日起2046年12月3日止', '抵押顺位：1', '不动产面积：89.50平方米']);
  });

  it('refuses what the 登簿 did not issue: a number of the wrong kind, a number not in the answer, a type without certificate', () => {
    const n = '湘(2026)长沙市不动产权第1000128号';
    expect(() => certificateFactsFor(body({}), answer([n]), '湘(2026)长沙市不动产证明第1000128号', office)).toThrow(/proof number/);
    expect(() => certificateFactsFor(body({}), answer([n]), '湘(2026)长沙市不动产权第1000129号', office)).toThrow(/not among/);
    const cancel = body({ businessType: 'cancellation.stateLandHouse', registrationType: 'cancellation' });
    expect(certificateKindOf(cancel)).toBeNull();
    expect(() => certificateFactsFor(cancel, answer([n]), n, office)).toThrow(/issues no certificate/);
  });
});

describe('certificates config', () => {
  it('defaults to a well-formed training office; a wrong check character or a foreign region is refused', () => {
    expect(configSchema.parse({}).certificates).toEqual(DEFAULT_CERTIFICATES_CONFIG);
    const badCheck = certificatesConfigSchema.safeParse({ creditCode: '12430102MB0000001B' });
    expect(badCheck.success).toBe(false);
    expect(JSON.stringify(badCheck.error?.issues)).toContain('校验码');
    const otherRegion = certificatesConfigSchema.safeParse({ regionCode: '430103' });
    expect(otherRegion.success).toBe(false);
    expect(certificatesConfigSchema.safeParse({ provinceShort: '港' }).success).toBe(false);
  });
});
