import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../electron/contract';
import type { BusinessTypeInfo } from '../../renderer/src/features/cases/case-labels';
import {
  afterSave,
  carryParty,
  emptyParty,
  emptyUnit,
  formFromCase,
  hasProblems,
  newForm,
  partyIsEmpty,
  partyProblems,
  partySetWarnings,
  toSaveInput,
  unitProblems,
  type IntakeForm,
  type PartyRow,
} from '../../renderer/src/features/intake/intake-form';
import {
  applicationInput,
  applicationProblems,
  emptyApplication,
  emptyPartyExtra,
  emptyUnitExtra,
  isMortgageType,
  mortgageLabels,
  mortgageMethodsOf,
  partyExtraInput,
  partyExtraProblems,
  previousCertificateMessage,
  unitExtraInput,
  unitExtraProblems,
} from '../../renderer/src/features/intake/application-form';

const ID = '43010219860314042X';
const ID_2 = '433124199211080267';
const UNIT = '430102003004GB00123F00010203';
const NO_EXTRA = { address: null, postalCode: null, legalRepresentative: null, actsFor: [], agency: null };

const TRANSFER: BusinessTypeInfo = {
  id: 'transfer',
  name: '二手房转移登记',
  enabled: true,
  coOwnership: true,
  signaturesRequired: true,
  roles: { holder: 'required', obligor: 'required', agent: 'optional' },
  roleLabels: { holder: '权利人（买方）', obligor: '义务人（卖方）', agent: '代理人' },
  materials: [],
  feeRule: 'per-unit',
  promisedWorkingDays: 5,
};
const CANCELLATION: BusinessTypeInfo = { ...TRANSFER, id: 'cancellation', name: '注销登记', coOwnership: false, roles: { holder: 'required', obligor: 'none', agent: 'optional' } };

function party(over: Partial<PartyRow>): PartyRow {
  return { ...emptyParty('holder'), ...over };
}

function filledForm(): IntakeForm {
  const form = newForm(TRANSFER);
  form.parties[0] = { ...form.parties[0]!, name: '周晓岚', idNumber: ID.toLowerCase(), phone: '13800138000' };
  form.parties[1] = { ...form.parties[1]!, name: '李建国', idNumber: ID_2 };
  form.units[0] = { ...form.units[0]!, unitCode: ` ${UNIT.toLowerCase()} `, address: ' 芙蓉区五一大道1号 ', areaM2: 89.5 };
  form.materials = { deed: { received: true, copies: 2 }, tax: { received: false, copies: 0 } };
  return form;
}

describe('a new intake form', () => {
  it('has one row per required role, 单独所有 where co-ownership applies, and one unit', () => {
    const form = newForm(TRANSFER);
    expect(form.parties.map((p) => p.role)).toEqual(['holder', 'obligor']);
    expect(form.coOwnership).toBe('sole');
    expect(form.units).toHaveLength(1);
    expect(new Set([...form.parties, ...form.units].map((r) => r.key)).size).toBe(3);
  });

  it('a type without co-ownership and without 义务人 starts with the holder only', () => {
    const form = newForm(CANCELLATION);
    expect(form.coOwnership).toBeNull();
    expect(form.parties.map((p) => p.role)).toEqual(['holder']);
  });
});

describe('field problems, in Chinese, per field', () => {
  it('an empty row asks for a name and a number', () => {
    const problems = partyProblems(emptyParty('holder'), 'sole');
    expect(problems).toEqual({ name: '请填写姓名或读取身份证', idNumber: ['请填写证件号码或读取身份证'] });
  });

  it('a wrong check digit is named at the ID field; a good number passes', () => {
    const bad = partyProblems(party({ name: '周晓岚', idNumber: '430102198603140421' }), 'sole');
    expect(bad.idNumber?.join('')).toMatch(/校验/);
    expect(hasProblems(partyProblems(party({ name: '周晓岚', idNumber: ID }), 'sole'))).toBe(false);
  });

  it('an organisation is checked as a 统一社会信用代码, not as a resident ID', () => {
    const bank = party({ name: '中国工商银行长沙分行', idType: 'organization', idNumber: '911100001000044478' });
    expect(partyProblems(bank, null).idNumber?.length).toBeGreaterThan(0);
    expect(partyProblems({ ...bank, idNumber: '911100001000044477' }, null)).toEqual({});
  });

  it('an ID held as a card token or a stored number is not re-checked', () => {
    expect(partyProblems(party({ name: '周晓岚', idSource: { kind: 'card', token: 't', masked: '4301**' } }), 'sole')).toEqual({});
    expect(partyProblems(party({ name: '周晓岚', idSource: { kind: 'stored', masked: '4301**' } }), 'sole')).toEqual({});
  });

  it('a phone is only checked when given', () => {
    expect(partyProblems(party({ name: 'a', idNumber: ID, phone: '12345' }), 'sole').phone?.length).toBeGreaterThan(0);
    expect(partyProblems(party({ name: 'a', idNumber: ID, phone: '' }), 'sole').phone).toBeUndefined();
  });

  it('按份共有 asks each holder (not the 义务人) for a share', () => {
    const holder = party({ name: 'a', idNumber: ID, share: '' });
    expect(partyProblems(holder, 'shares').share).toMatch(/^份额/);
    expect(partyProblems({ ...holder, share: '1/2' }, 'shares').share).toBeUndefined();
    expect(partyProblems({ ...holder, role: 'obligor' }, 'shares').share).toBeUndefined();
    expect(partyProblems(holder, 'joint').share).toBeUndefined();
  });

  it('a unit needs a valid code, an address and an area', () => {
    expect(unitProblems(emptyUnit())).toEqual({ unitCode: ['请填写不动产单元代码'], address: '请填写坐落', areaM2: '请填写面积' });
    const wrong = unitProblems({ ...emptyUnit(), unitCode: '430102003004GB00123F0001020', address: 'x', areaM2: 1 });
    expect(wrong.unitCode?.length).toBeGreaterThan(0);
    expect(unitProblems({ ...emptyUnit(), unitCode: UNIT, address: 'x', areaM2: 1 })).toEqual({});
  });
});

describe('the applicant set as a whole', () => {
  it('names a missing required role and a role the type does not take', () => {
    const form = newForm(CANCELLATION);
    form.parties = [party({ role: 'obligor', name: '李建国', idNumber: ID_2 })];
    expect(partySetWarnings(form, CANCELLATION)).toEqual(['注销登记须填写权利人（买方）。', '注销登记不适用义务人（卖方），请删除。']);
  });

  it('empty rows do not count; shares that do not total 100% are named', () => {
    const form = filledForm();
    form.parties.push(emptyParty('agent'));
    expect(partySetWarnings(form, TRANSFER)).toEqual([]);
    form.coOwnership = 'shares';
    form.parties.push(party({ name: '王芳', idNumber: ID_2 }));
    form.parties[0]!.share = '1/2';
    form.parties[3]!.share = '1/3';
    expect(partySetWarnings(form, TRANSFER).join('')).toMatch(/份额/);
    form.parties[3]!.share = '1/2';
    expect(partySetWarnings(form, TRANSFER)).toEqual([]);
  });
});

describe('the saveDraft call', () => {
  it('sends trimmed, normalised values; numbers upper-cased; empty rows and unreceived materials left out', () => {
    const form = filledForm();
    form.parties.push(emptyParty('agent'));
    form.units.push(emptyUnit());
    const call = toSaveInput(5, TRANSFER, form);
    expect(call?.input).toEqual({
      id: 5,
      coOwnership: 'sole',
      parties: [
        { role: 'holder', name: '周晓岚', idType: 'resident_id', idNumber: ID, phone: '13800138000', share: null, ...NO_EXTRA },
        { role: 'obligor', name: '李建国', idType: 'resident_id', idNumber: ID_2, phone: null, share: null, ...NO_EXTRA },
      ],
      units: [
        { unitCode: UNIT, address: '芙蓉区五一大道1号', use: 'residential', areaM2: 89.5, area: { value: 89.5, unit: 'm2' }, realEstateType: null, plannedUse: null, previousCertificateNumber: null },
      ],
      materialsReceived: [{ materialId: 'deed', copies: 2, form: null, pages: null }],
      certificates: 1,
      application: {
        reason: null,
        reasonDocuments: null,
        mortgage: null,
        dominantUnit: null,
        certificateFormat: 'single',
        separateCertificates: false,
        collection: { method: 'window', recipient: null, address: null, phone: null },
        channel: 'window',
        note: null,
      },
    });
    expect(call?.partyKeys).toEqual([form.parties[0]!.key, form.parties[1]!.key]);
  });

  it('a row without a name or number cannot be saved: the draft keeps its last state (null)', () => {
    const noName = filledForm();
    noName.parties[0]!.name = ' ';
    expect(toSaveInput(5, TRANSFER, noName)).toBeNull();
    const noAddress = filledForm();
    noAddress.units[0]!.address = '';
    expect(toSaveInput(5, TRANSFER, noAddress)).toBeNull();
  });

  it('a card sends its token, a stored number its mask (core keeps the stored one)', () => {
    const form = filledForm();
    form.parties[0]!.idSource = { kind: 'card', token: 'tok-1', masked: '430102********042X' };
    form.parties[1]!.idSource = { kind: 'stored', masked: '433124********0267' };
    const parties = toSaveInput(5, TRANSFER, form)!.input.parties;
    expect(parties[0]).toMatchObject({ idNumber: '', cardToken: 'tok-1' });
    expect(parties[1]).toMatchObject({ idNumber: '433124********0267' });
    expect(parties[1]).not.toHaveProperty('cardToken');
  });

  it('shares are sent for holders under 按份共有 only; a type without co-ownership sends none', () => {
    const form = filledForm();
    form.coOwnership = 'shares';
    form.parties[0]!.share = ' 100% ';
    form.parties[1]!.share = '50%';
    const parties = toSaveInput(5, TRANSFER, form)!.input.parties;
    expect(parties.map((p) => p.share)).toEqual(['100%', null]);
    expect(toSaveInput(5, CANCELLATION, { ...form, parties: [form.parties[0]!] })!.input.coOwnership).toBeNull();
  });
});

describe('after a save and on resume', () => {
  const savedView = (masks: string[]) =>
    ({
      coOwnership: 'sole',
      parties: masks.map((m, i) => ({ ordinal: i + 1, role: i === 0 ? 'holder' : 'obligor', name: `n${i}`, idType: 'resident_id', idNumberMasked: m, phoneMasked: '138****8000', share: null, signed: false })),
      units: [{ ordinal: 1, unitCode: UNIT, address: '芙蓉区五一大道1号', use: 'parking', areaM2: 12 }],
      materials: [
        { materialId: 'deed', name: '不动产权证书', required: true, received: true, copies: 1, files: 0 },
        { materialId: 'tax', name: '完税凭证', required: true, received: false, copies: 0, files: 0 },
      ],
    }) as unknown as CaseView;

  it('a number read from a card becomes "stored" (the token expires), keeping the token for a new draft', () => {
    const form = filledForm();
    form.parties[0]!.idSource = { kind: 'card', token: 'tok-1', masked: '430102********042X' };
    form.parties.push(emptyParty('agent'));
    const sent = toSaveInput(5, TRANSFER, form)!;
    const next = afterSave(form, sent, savedView(['430102********042X', '433124********0267']));
    expect(next.parties).toHaveLength(2);
    expect(next.parties[0]!.idSource).toEqual({ kind: 'stored', masked: '430102********042X', token: 'tok-1' });
    expect(next.parties[1]!.idSource).toEqual({ kind: 'typed' });
  });

  it('a card read again while the save was on its way is not overwritten', () => {
    const form = filledForm();
    form.parties[0]!.idSource = { kind: 'card', token: 'tok-1', masked: 'a' };
    const sent = toSaveInput(5, TRANSFER, form)!;
    const meanwhile: IntakeForm = { ...form, parties: [{ ...form.parties[0]!, idSource: { kind: 'card', token: 'tok-2', masked: 'b' } }, form.parties[1]!] };
    expect(afterSave(meanwhile, sent, savedView(['a', 'c'])).parties[0]!.idSource).toEqual({ kind: 'card', token: 'tok-2', masked: 'b' });
  });

  it('a form without units after the save keeps one empty unit row', () => {
    const form = filledForm();
    form.units = [emptyUnit()];
    const sent = toSaveInput(5, TRANSFER, form)!;
    expect(afterSave(form, sent, savedView(['a', 'b'])).units).toHaveLength(1);
  });

  it('a saved draft resumes with masked numbers as stored, received materials ticked', () => {
    const form = formFromCase(savedView(['430102********042X', '433124********0267']));
    expect(form.parties.map((p) => [p.role, p.idSource.kind, p.phoneMasked])).toEqual([
      ['holder', 'stored', '138****8000'],
      ['obligor', 'stored', '138****8000'],
    ]);
    expect(form.units[0]).toMatchObject({ use: 'parking', areaM2: 12 });
    expect(form.materials).toEqual({ deed: { received: true, copies: 1 } });
    expect(partyIsEmpty(form.parties[0]!)).toBe(false);
  });

  it('a row carried into a new draft goes back to its card token, or must be typed again', () => {
    const allowed = (role: string) => role !== 'obligor';
    const fromCard = carryParty(party({ role: 'obligor', idSource: { kind: 'stored', masked: 'm', token: 't' } }), allowed);
    expect(fromCard).toMatchObject({ role: 'holder', idSource: { kind: 'card', token: 't', masked: 'm' } });
    const typed = carryParty(party({ idSource: { kind: 'stored', masked: 'm' }, idNumber: 'x' }), allowed);
    expect(typed).toMatchObject({ role: 'holder', idSource: { kind: 'typed' }, idNumber: '' });
    const card = party({ idSource: { kind: 'card', token: 't', masked: 'm' } });
    expect(carryParty(card, allowed)).toEqual(card);
  });
});

describe('case model v2 on the form (application-form.ts)', () => {
  const MORTGAGE: BusinessTypeInfo = { ...TRANSFER, id: 'mortgageFirst', name: '抵押权首次登记', coOwnership: false };
  const EASEMENT: BusinessTypeInfo = { ...TRANSFER, id: 'easement', name: '地役权首次登记', coOwnership: false };
  const CATALOGUE_MORTGAGE = { ...MORTGAGE, id: 'mortgageFirst.mortgage', mortgageKinds: ['general', 'maximum', 'construction'] } as BusinessTypeInfo;

  it('an agent acts for the principals chosen by row: sent as their ordinals in this save, and back to rows on resume', () => {
    const form = filledForm();
    form.parties.splice(1, 0, emptyParty('holder')); // an empty row before the seller is left out: ordinals follow the save
    form.parties.push({ ...emptyParty('agent'), name: '刘代办', idNumber: ID_2, extra: { ...emptyPartyExtra(), actsFor: [form.parties[2]!.key], agencyName: ' 安居代理 ' } });
    const input = toSaveInput(5, TRANSFER, form)!.input;
    expect(input.parties[2]).toMatchObject({ role: 'agent', actsFor: [2], agency: { name: '安居代理', creditCode: null } });
    expect(input.parties[0]).toMatchObject({ actsFor: [], agency: null });
    expect(partyExtraProblems(emptyPartyExtra(), 'agent', 'resident_id')).toEqual({ actsFor: '请选择该代理人代理的申请人' });
  });

  it('an organisation sends its 法定代表人; a person never does; a bad 邮编 is named and not sent', () => {
    const extra = { ...emptyPartyExtra(), representativeName: '王建设', representativeIdNumber: '43010219860314042x', postalCode: '41000' };
    expect(partyExtraInput(extra, 'holder', 'organization', () => null)).toMatchObject({
      legalRepresentative: { title: 'legalRepresentative', name: '王建设', idNumber: ID },
      postalCode: null,
    });
    expect(partyExtraInput(extra, 'holder', 'resident_id', () => null).legalRepresentative).toBeNull();
    expect(partyExtraProblems(extra, 'holder', 'organization')).toEqual({ postalCode: '邮政编码应为 6 位数字' });
  });

  it('an area in 亩 or 公顷 goes with its unit and in square metres', () => {
    expect(unitExtraInput({ ...emptyUnitExtra(), areaUnit: 'mu' }, 3)).toMatchObject({ area: { value: 3, unit: 'mu' }, areaM2: 2000 });
    expect(unitExtraInput({ ...emptyUnitExtra(), areaUnit: 'hectare' }, 150)).toMatchObject({ area: { value: 150, unit: 'hectare' }, areaM2: null });
  });

  it('the previous certificate number is read live, never rewritten', () => {
    expect(previousCertificateMessage('')).toBeNull();
    expect(previousCertificateMessage('湘（2019）长沙市不动产权第0012345号')).toEqual({ ok: true, text: '不动产权证书：湘（2019）长沙市 第 0012345 号' });
    const bad = unitExtraProblems({ ...emptyUnitExtra(), previousCertificateNumber: '(2019)长沙市不动产权第0012345号' });
    expect(bad.previousCertificateNumber?.join('')).toMatch(/简称/);
    const form = filledForm();
    form.units[0]!.extra.previousCertificateNumber = ' 湘(2019)长沙市不动产权第0012345号 ';
    expect(toSaveInput(5, TRANSFER, form)!.input.units[0]!.previousCertificateNumber).toBe('湘(2019)长沙市不动产权第0012345号');
  });

  it('the mortgage block is sent for mortgage types only; 最高额 names the amount and term differently; dates are checked', () => {
    expect(isMortgageType(MORTGAGE)).toBe(true);
    expect(isMortgageType(CATALOGUE_MORTGAGE)).toBe(true);
    expect(isMortgageType(TRANSFER)).toBe(false);
    expect(mortgageMethodsOf(CATALOGUE_MORTGAGE)).toEqual(['general', 'maximum', 'construction']);
    expect(mortgageLabels('general')).toEqual({ amount: '被担保主债权数额', term: '债务履行期限' });
    expect(mortgageLabels('maximum')).toEqual({ amount: '最高债权额', term: '债权确定期间' });
    const a = emptyApplication(MORTGAGE);
    a.mortgage = { ...a.mortgage, method: 'maximum', amountYuan: 1500000.5, termFrom: '2026-12-03', termTo: '2025-12-02', rank: 1 };
    expect(applicationProblems(a, MORTGAGE)).toEqual({ term: '债权确定期间的起始日期不能晚于截止日期' });
    a.mortgage.termTo = '2036-12-02';
    expect(applicationProblems(a, MORTGAGE)).toEqual({});
    expect(applicationInput(a, MORTGAGE).mortgage).toMatchObject({ method: 'maximum', amountFen: 150000050, termFrom: '2026-12-03', termTo: '2036-12-02', rank: 1, constructionScope: null });
    expect(applicationInput(a, TRANSFER).mortgage).toBeNull();
  });

  it('邮寄 asks for recipient, address and phone at their fields; other ways send none of them', () => {
    const a = emptyApplication(TRANSFER);
    a.collection = { method: 'mail', recipient: '', address: '', phone: '', phoneMasked: null };
    expect(applicationProblems(a, TRANSFER)).toEqual({
      recipient: '邮寄领证请填写收件人',
      collectionAddress: '邮寄领证请填写邮寄地址',
      collectionPhone: ['邮寄领证请填写收件人电话'],
    });
    a.collection = { method: 'mail', recipient: '周晓岚', address: '长沙市', phone: '13807310001', phoneMasked: null };
    expect(applicationProblems(a, TRANSFER)).toEqual({});
    expect(applicationInput(a, TRANSFER).collection).toEqual({ method: 'mail', recipient: '周晓岚', address: '长沙市', phone: '13807310001' });
    a.collection.method = 'window';
    expect(applicationInput(a, TRANSFER).collection).toEqual({ method: 'window', recipient: null, address: null, phone: null });
  });

  it('需役地 is for 地役权 and must be a valid unit code with its 坐落', () => {
    const a = emptyApplication(EASEMENT);
    a.dominantUnitCode = '430102003004GB00123F0001020';
    expect(applicationProblems(a, EASEMENT).dominantUnitCode?.length).toBeGreaterThan(0);
    expect(applicationProblems(a, EASEMENT).dominantAddress).toBe('请填写需役地坐落');
    a.dominantUnitCode = UNIT.toLowerCase();
    a.dominantAddress = '芙蓉区五一大道2号';
    expect(applicationProblems(a, EASEMENT)).toEqual({});
    expect(applicationInput(a, EASEMENT).dominantUnit).toEqual({ unitCode: UNIT, address: '芙蓉区五一大道2号' });
    expect(applicationInput(a, TRANSFER).dominantUnit).toBeNull();
  });

  it('申请分别持证 asks one certificate per 权利人; materials carry 原件/复印件 and 页数', () => {
    const form = filledForm();
    form.parties.push(party({ name: '王芳', idNumber: ID_2 }));
    form.application.separateCertificates = true;
    form.materials.deed = { received: true, copies: 1, form: 'original', pages: 3 };
    const input = toSaveInput(5, TRANSFER, form)!.input;
    expect(input.certificates).toBe(2);
    expect(input.materialsReceived).toEqual([{ materialId: 'deed', copies: 1, form: 'original', pages: 3 }]);
  });

  it('saved phones (shown masked) are sent back masked, so the stored numbers are kept; the mail phone then needs no retyping', () => {
    const form = filledForm();
    form.parties[0] = { ...form.parties[0]!, phone: '', phoneMasked: '138****8000' };
    form.application.collection = { method: 'mail', recipient: '周晓岚', address: '长沙市芙蓉区', phone: '', phoneMasked: '139****0002' };
    expect(applicationProblems(form.application, TRANSFER).collectionPhone).toBeUndefined();
    const input = toSaveInput(5, TRANSFER, form)!.input;
    expect(input.parties[0]?.phone).toBe('138****8000');
    expect(input.application?.collection?.phone).toBe('139****0002');
    // Typed again, the new number wins; emptied without a saved one, the field says what is missing.
    form.application.collection.phone = '13907310003';
    expect(toSaveInput(5, TRANSFER, form)?.input.application?.collection?.phone).toBe('13907310003');
    form.application.collection = { ...form.application.collection, phone: '', phoneMasked: null };
    expect(applicationProblems(form.application, TRANSFER).collectionPhone).toEqual(['邮寄领证请填写收件人电话']);
  });

  it('a saved v2 case resumes with every field, and saves back the same', () => {
    const form = filledForm();
    form.parties.push({ ...emptyParty('agent'), name: '刘代办', idNumber: ID_2, extra: { ...emptyPartyExtra(), actsFor: [form.parties[0]!.key], address: '长沙市', postalCode: '410011' } });
    form.units[0]!.extra = { realEstateType: 'house', plannedUse: '成套住宅', areaUnit: 'm2', previousCertificateNumber: '湘(2019)长沙市不动产权第0012345号' };
    form.application.reason = '买卖';
    form.application.channel = 'bank';
    const input = toSaveInput(5, TRANSFER, form)!.input;
    const view = {
      coOwnership: 'sole',
      parties: input.parties.map((p, i) => ({
        ordinal: i + 1, role: p.role, name: p.name, idType: p.idType, idNumberMasked: 'm', phoneMasked: null, share: null, signed: false, signing: 'none',
        address: p.address, postalCode: p.postalCode, legalRepresentative: null, actsFor: p.actsFor, agency: p.agency, seal: null,
      })),
      units: input.units.map((u, i) => ({ ordinal: i + 1, unitCode: u.unitCode, address: u.address, use: u.use, areaM2: u.areaM2, area: u.area, realEstateType: u.realEstateType, plannedUse: u.plannedUse, previousCertificateNumber: u.previousCertificateNumber, previousCertificateCheck: 'notChecked' })),
      materials: [{ materialId: 'deed', name: '不动产权证书', required: true, received: true, copies: 2, files: 0, form: null, pages: null }],
      application: { ...input.application!, collection: { method: 'window', recipient: null, address: null, phoneMasked: null }, mortgage: null },
    } as unknown as CaseView;
    const resumed = formFromCase(view, TRANSFER);
    expect(resumed.parties[2]!.extra.actsFor).toEqual([resumed.parties[0]!.key]);
    const again = toSaveInput(5, TRANSFER, resumed)!.input;
    expect(again.parties.map((p) => [p.actsFor, p.address, p.postalCode])).toEqual(input.parties.map((p) => [p.actsFor, p.address, p.postalCode]));
    expect(again.units).toEqual(input.units);
    expect(again.application).toEqual(input.application);
  });
});
