import { describe, expect, it } from 'vitest';
import { calculateFees, classifyPlannedUse, type FeeUnitInput } from '../../../../electron/contract/validation/fee-calculation';
import { overrideFeeQuote } from '../../../../electron/contract/validation/fee-override';
import { DEFAULT_FEE_SCHEDULE, type FeeSchedule } from '../../../../electron/contract/validation/fee-schedule';
import { DEFAULT_CATALOG, type CatalogEntry } from '../../../../electron/contract/validation/registration-catalog';

/** Units on parcel 320684413219GB00029 (one 宗地) and on a second parcel …GB00030. */
const house = (n: number, plannedUse = '住宅', parcel = '320684413219GB00029'): FeeUnitInput => ({
  unitCode: `${parcel}F0001${String(n).padStart(4, '0')}`,
  plannedUse,
});
const land = (plannedUse: string): FeeUnitInput => ({ unitCode: '320684413219GB00031W00000000', plannedUse });
const homesteadUnit: FeeUnitInput = { unitCode: '320684413219JC00012F00010001', plannedUse: '住宅' };

const type = (id: string): CatalogEntry => {
  const found = DEFAULT_CATALOG.find((e) => e.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

interface Row {
  case: string;
  source: string;
  type: string;
  units: FeeUnitInput[];
  certificates: number;
  exemptionId?: string;
  officeError?: boolean;
  schedule?: FeeSchedule;
  totalFen: number;
  pieces?: number;
}

const S2559 = '发改价格规〔2016〕2559号';
const S79 = '财税〔2016〕79号';
const halfRates = DEFAULT_FEE_SCHEDULE;
const fullRates: FeeSchedule = { ...DEFAULT_FEE_SCHEDULE, rates: { objection: 'full', correction: 'full' } };
const freeRates: FeeSchedule = { ...DEFAULT_FEE_SCHEDULE, rates: { objection: 'free', correction: 'free' } };

const ROWS: Row[] = [
  { case: '住宅转移，一本证书', source: `${S2559} 一(一)2：住宅每件80元`, type: 'transfer.stateLandHouse', units: [house(1)], certificates: 1, totalFen: 8000 },
  { case: '商业用房转移', source: `${S2559} 一(二)：非住宅每件550元`, type: 'transfer.stateLandHouse', units: [house(1, '商业')], certificates: 1, totalFen: 55000 },
  { case: '住宅转移，三位共有人各领一本', source: `${S2559} 一(四)：每增加一本证书加收10元`, type: 'transfer.stateLandHouse', units: [house(1)], certificates: 3, totalFen: 8000 + 2000 },
  { case: '首次登记：住宅与商铺两个单元，按各自规划用途', source: `${S2559}：按件、按各单元规划用途（不按第一个单元）`, type: 'first.stateLandHouse', units: [house(1, '住宅'), house(2, '商业服务')], certificates: 2, totalFen: 8000 + 55000, pieces: 2 },
  { case: '首次登记：商铺在前、住宅在后，结果相同', source: `${S2559}：规划用途逐单元判断`, type: 'first.stateLandHouse', units: [house(2, '商业服务'), house(1, '住宅')], certificates: 2, totalFen: 63000, pieces: 2 },
  { case: '车位单独发证', source: `${S2559} 车库、车位、储藏室单独核发证书的按住宅类每件80元`, type: 'transfer.stateLandHouse', units: [house(3, '车位')], certificates: 1, totalFen: 8000 },
  { case: '储藏室单独发证', source: `${S2559} 同上`, type: 'transfer.stateLandHouse', units: [house(4, '储藏室')], certificates: 1, totalFen: 8000 },
  { case: '住宅随附车库不单独发证', source: `${S2559} 不单独核发证书的不收取登记费`, type: 'transfer.stateLandHouse', units: [house(1), { ...house(5, '车库'), separateCertificate: false }], certificates: 1, totalFen: 8000, pieces: 2 },
  { case: '三个住宅单元抵押在一宗地上', source: `${S2559}：同一宗土地上多个抵押物办理一笔贷款按一件收费`, type: 'mortgageFirst.mortgage', units: [house(1), house(2), house(3)], certificates: 0, totalFen: 8000, pieces: 1 },
  { case: '两宗地上的抵押物', source: `${S2559}：按件，每宗地一件`, type: 'mortgageFirst.mortgage', units: [house(1), house(2, '住宅', '320684413219GB00030')], certificates: 0, totalFen: 16000, pieces: 2 },
  { case: '一宗地上住宅与商铺一并抵押', source: `${S2559}：一件；含非住宅单元按非住宅（2559号：住宅以外的为非住宅）`, type: 'mortgageFirst.mortgage', units: [house(1), house(2, '商业')], certificates: 0, totalFen: 55000, pieces: 1 },
  { case: '抵押权首次登记不收证明工本费', source: `${S2559} 一(四)：登记证明不收工本费`, type: 'mortgageFirst.mortgage', units: [house(1)], certificates: 3, totalFen: 8000 },
  { case: '抵押权变更（住宅）', source: `${S2559} 一(一)4：抵押权变更登记每件80元`, type: 'mortgageChange.mortgage', units: [house(1)], certificates: 0, totalFen: 8000 },
  { case: '抵押权转移（非住宅）', source: `${S2559} 一(二)：每件550元`, type: 'mortgageTransfer.mortgage', units: [house(1, '办公')], certificates: 0, totalFen: 55000 },
  { case: '抵押权注销', source: `${S2559} 二：注销登记不收费`, type: 'mortgageCancellation.mortgage', units: [house(1)], certificates: 0, totalFen: 0 },
  { case: '注销登记', source: `${S2559} 二：注销登记不收费`, type: 'cancellation.stateLandHouse', units: [house(1)], certificates: 0, totalFen: 0 },
  { case: '预购商品房预告登记', source: `${S79}；DOMAIN.md §2：预告登记免费`, type: 'preRegistration.stateLandHouse', units: [house(1)], certificates: 0, totalFen: 0 },
  { case: '预告抵押', source: `${S79}：预告登记免费`, type: 'preRegistration.mortgage', units: [house(1)], certificates: 0, totalFen: 0 },
  { case: '查封登记', source: `${S2559} 二：查封登记不收费`, type: 'seizure.stateLandHouse', units: [house(1)], certificates: 0, totalFen: 0 },
  { case: '解封登记', source: `${S2559} 二：查封（解封）不收费`, type: 'seizureRelease.stateLandHouse', units: [house(1)], certificates: 0, totalFen: 0 },
  { case: '登记机构错误导致的更正', source: `${S2559} 二：因登记机构错误导致的更正登记不收费`, type: 'correction.stateLandHouse', units: [house(1)], certificates: 1, officeError: true, totalFen: 0 },
  { case: '普通更正（默认减半）', source: `${S79}（DOMAIN.md §2 所引：减半），可配置`, type: 'correction.stateLandHouse', units: [house(1)], certificates: 1, schedule: halfRates, totalFen: 4000 },
  { case: '普通更正（本机构配置全额）', source: '机构配置 rates.correction = full', type: 'correction.stateLandHouse', units: [house(1, '商业')], certificates: 1, schedule: fullRates, totalFen: 55000 },
  { case: '异议登记（默认减半）', source: `${S79}（DOMAIN.md §2 所引：减半），可配置`, type: 'objection.stateLandHouse', units: [house(1, '商业')], certificates: 0, totalFen: 27500 },
  { case: '异议登记（本机构配置免收）', source: '机构配置 rates.objection = free', type: 'objection.stateLandHouse', units: [house(1)], certificates: 0, schedule: freeRates, totalFen: 0 },
  { case: '宅基地使用权及房屋所有权首次，一本证书', source: `${S2559} 三：只收取证书工本费每本10元`, type: 'first.homestead', units: [homesteadUnit], certificates: 1, totalFen: 1000 },
  { case: '宅基地首次，两本证书', source: `${S2559} 三：工本费每本10元`, type: 'first.homestead', units: [homesteadUnit], certificates: 2, totalFen: 2000 },
  { case: '补证（遗失）', source: `${S2559} 三：补发证书只收工本费`, type: 'certificateReissue.stateLandHouse', units: [house(1)], certificates: 1, totalFen: 1000 },
  { case: '换证（损坏）', source: `${S2559} 三：换发证书只收工本费`, type: 'certificateReplacement.stateLandHouse', units: [house(1)], certificates: 1, totalFen: 1000 },
  { case: '换发抵押登记证明', source: `${S2559} 一(四)：登记证明不收工本费`, type: 'certificateReplacement.mortgage', units: [house(1)], certificates: 1, totalFen: 0 },
  { case: '夫妻间变更（减免项目）', source: `${S2559} 三：夫妻间权利人变更只收工本费`, type: 'change.stateLandHouse', units: [house(1)], certificates: 2, exemptionId: 'spouseChange', totalFen: 2000 },
  { case: '保障房首次登记', source: `${S79}：廉租住房、公租房等登记收费标准为零`, type: 'first.stateLandHouse', units: [house(1)], certificates: 1, exemptionId: 'affordableHousing', totalFen: 0 },
  { case: '小微企业（商业）', source: '财税〔2019〕45号：小微企业免收登记费，工本费照收', type: 'transfer.stateLandHouse', units: [house(1, '商业')], certificates: 2, exemptionId: 'smallEnterprise', totalFen: 1000 },
  { case: '住宅用地使用权首次（无房屋）', source: `${S2559} 一(一)：住宅及其建设用地按住宅类`, type: 'first.stateLandUse', units: [land('0701')], certificates: 1, totalFen: 8000 },
  { case: '工业用地使用权转移', source: `${S2559} 一(二)：非住宅每件550元`, type: 'transfer.stateLandUse', units: [land('工业用地')], certificates: 1, totalFen: 55000 },
  { case: '居住权首次登记（证明，不收工本费）', source: `${S2559} 按件；居住权发登记证明不收工本费`, type: 'first.residence', units: [house(1)], certificates: 2, totalFen: 8000 },
  { case: '房屋用途代码11（成套住宅）', source: '不动产登记数据库标准 房屋用途代码；2559号 住宅类', type: 'transfer.stateLandHouse', units: [house(1, '11')], certificates: 1, totalFen: 8000 },
  { case: '房屋用途代码31（商业服务）', source: '不动产登记数据库标准 房屋用途代码；2559号 非住宅类', type: 'transfer.stateLandHouse', units: [house(1, '31')], certificates: 1, totalFen: 55000 },
];

describe('fees by 件 (发改价格规〔2016〕2559号, 财税〔2016〕79号)', () => {
  it('has at least 25 rows, each citing its source', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(25);
    for (const row of ROWS) expect(row.source.trim().length).toBeGreaterThan(4);
  });

  it.each(ROWS)('$case — $source', (row) => {
    const result = calculateFees(
      { businessType: type(row.type), units: row.units, certificates: row.certificates, exemptionId: row.exemptionId, officeError: row.officeError },
      row.schedule ?? DEFAULT_FEE_SCHEDULE,
    );
    if (!result.ok) throw new Error(result.reasons.join(' '));
    expect(result.quote.totalFen).toBe(row.totalFen);
    expect(result.quote.totalFen).toBe(result.quote.lines.reduce((s, l) => s + l.amountFen, 0));
    if (row.pieces !== undefined) expect(result.quote.pieces).toHaveLength(row.pieces);
  });

  it('names the payer: the 权利人, for a mortgage the 抵押权人; a court seizure has none', () => {
    const mortgage = calculateFees({ businessType: type('mortgageFirst.mortgage'), units: [house(1)], certificates: 0 });
    expect(mortgage.ok && [mortgage.quote.payerRole, mortgage.quote.payerLabel]).toEqual(['holder', '抵押权人']);
    const transfer = calculateFees({ businessType: type('transfer.stateLandHouse'), units: [house(1)], certificates: 1 });
    expect(transfer.ok && transfer.quote.payerLabel).toBe('权利人（受让方）');
    const seizure = calculateFees({ businessType: type('seizure.stateLandHouse'), units: [house(1)], certificates: 0 });
    expect(seizure.ok && seizure.quote.payerRole).toBeNull();
  });

  it('refuses what it cannot classify or count, with a Chinese reason per problem', () => {
    const result = calculateFees({
      businessType: type('transfer.stateLandHouse'),
      units: [{ unitCode: '320684413219GB00029F00010001', plannedUse: '商住' }, { unitCode: '123', plannedUse: '住宅' }],
      certificates: -1,
      exemptionId: 'noSuchExemption',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('INVALID_FEE_INPUT');
    expect(result.reasons).toHaveLength(4);
    expect(result.reasons.join('')).toMatch(/发证数量/);
    expect(result.reasons.join('')).toMatch(/商住/);
  });

  it('lets the clerk decide the class where the use is mixed (商住)', () => {
    const result = calculateFees({
      businessType: type('transfer.stateLandHouse'),
      units: [{ unitCode: '320684413219GB00029F00010001', plannedUse: '商住', feeClass: 'residential' }],
      certificates: 1,
    });
    expect(result.ok && result.quote.totalFen).toBe(8000);
  });

  it('classifies 规划用途 text and codes', () => {
    expect(classifyPlannedUse('住　宅', { hasHouse: true })).toBe('residential');
    expect(classifyPlannedUse('非住宅', { hasHouse: true })).toBe('nonResidential');
    expect(classifyPlannedUse('地下车库', { hasHouse: true })).toBe('parking');
    expect(classifyPlannedUse('成套住宅', { hasHouse: true })).toBe('residential');
    expect(classifyPlannedUse('111', { hasHouse: true })).toBe('residential');
    expect(classifyPlannedUse('21', { hasHouse: true })).toBe('nonResidential');
    expect(classifyPlannedUse('0702', { hasHouse: false })).toBe('residential');
    expect(classifyPlannedUse('0601', { hasHouse: false })).toBe('nonResidential');
    expect(classifyPlannedUse('', { hasHouse: true })).toBeNull();
    expect(classifyPlannedUse('12345', { hasHouse: true })).toBeNull();
  });

  it('keeps a manual override with its reason and the 件 and payer of the quote', () => {
    const computed = calculateFees({ businessType: type('mortgageFirst.mortgage'), units: [house(1)], certificates: 0 });
    if (!computed.ok) throw new Error('no quote');
    const refused = overrideFeeQuote(computed.quote, { lines: [{ code: '1041501', amountFen: 0 }], reason: '  ' });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_FEE_OVERRIDE' });
    const changed = overrideFeeQuote(computed.quote, { lines: [{ code: '1041501', amountFen: 0 }], reason: '法院裁定免收' });
    expect(changed.ok).toBe(true);
    if (!changed.ok) return;
    expect(changed.quote).toMatchObject({ totalFen: 0, manual: true, overrideReason: '法院裁定免收', payerLabel: '抵押权人' });
    expect(changed.change).toMatchObject({ action: 'fee.override', before: { totalFen: 8000 }, after: { totalFen: 0 } });
  });
});
