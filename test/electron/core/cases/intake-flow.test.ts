import { afterEach, describe, expect, it } from 'vitest';
import { BUYER, SELLER_1, SELLER_2, TRANSFER_RECEIVED, UNIT, until } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';
import { isContractFilingMaterial } from '../../../../electron/contract';
import { caseReads } from '../../../../electron/core/cases/case-repository';


const RECEIVED = TRANSFER_RECEIVED;

/** A second-hand flat transfer (二手房转移) through the contract, as the intake wizard drives it. */
describe('counter intake: the case model behind the contract', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  async function clerkWithDraft(startDevices = false, businessType: 'transfer' | 'mortgageFirst' = 'transfer') {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } }, startDevices });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    return t.ok('clerk', 'cases.createDraft', { businessType });
  }

  it('a saved phone sent back masked (as the screens show it) keeps the stored number: party and mail recipient', async () => {
    const draft = await clerkWithDraft();
    const mail = { method: 'mail' as const, recipient: '龙金花', address: '湖南省长沙市芙蓉区解放西路66号', phone: '13907310002' };
    await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [UNIT], materialsReceived: [], application: { collection: mail } });
    // Resumed: the screen has only the masked numbers and sends them back.
    const view = await t.ok('clerk', 'cases.get', { id: draft.id });
    const parties = view.parties.map((p) => ({ role: p.role, name: p.name, idNumber: p.idNumberMasked, phone: p.phoneMasked }));
    const again = { id: draft.id, coOwnership: 'sole' as const, parties, units: [UNIT], materialsReceived: [] };
    await t.ok('clerk', 'cases.saveDraft', { ...again, application: { collection: { ...mail, phone: view.application.collection.phoneMasked } } });
    expect(await t.ok('clerk', 'cases.revealParty', { id: draft.id, ordinal: 1, field: 'phone' })).toEqual({ value: BUYER.phone });
    expect(caseReads.byId(t.ws.services.db(), t.ws.services.keys, draft.id)?.application.collection.phone).toBe(mail.phone);
    // A masked number that is not the stored one is refused at its field, never stored.
    const wrong = await t.call('clerk', 'cases.saveDraft', { ...again, application: { collection: { ...mail, phone: '139****9999' } } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PHONE_INCOMPLETE', message: '收件人电话需要完整填写。' } });
  });

  it('a new draft lists the checklist and says what stands between it and 受理', async () => {
    const draft = await clerkWithDraft();
    expect(draft).toMatchObject({
      status: 'draft',
      businessType: 'transfer',
      businessTypeName: '国有建设用地使用权及房屋所有权转移登记',
      registrationType: 'transfer',
      rightType: 'stateLandHouse',
      caseNumber: null,
      allowedActions: ['edit', 'sign', 'applySeal', 'accept', 'requisition', 'reject', 'withdraw'],
    });
    expect(draft.materials.map((m) => m.materialId)).toContain('transferContract');
    // 完税凭证 comes from the parallel tax track: not required at acceptance.
    expect(draft.materials.find((m) => m.materialId === 'taxReceipt')).toMatchObject({ required: false });
    const failing = draft.acceptance.filter((r) => !r.passed).map((r) => r.rule);
    expect(failing).toEqual(expect.arrayContaining(['applicants-present-for-their-roles', 'units-present-and-codes-valid', 'required-materials-received']));
    // 一窗受理、并行办理: contract filing (网签备案) is never what stands between a draft and 受理.
    const reasons = draft.acceptance.flatMap((r) => r.reasons).join('；');
    expect(reasons).toContain('缺少材料：转移合同');
    expect(draft.materials.filter((m) => m.required && isContractFilingMaterial(m.name))).toEqual([]);
    expect(reasons).not.toMatch(/备案/);
    // Nobody entered yet: no tick for valid ID numbers or for everyone having signed.
    const failingRules = draft.acceptance.filter((r) => !r.passed).map((r) => r.rule);
    expect(failingRules).toEqual(expect.arrayContaining(['id-numbers-valid', 'each-applicant-signed-sealed-or-represented-by-their-agent']));
    expect(draft.acceptance.find((r) => r.rule === 'each-applicant-signed-sealed-or-represented-by-their-agent')?.reasons).toEqual(['尚未填写申请人，还没有人签名。']);
  });

  it('saving the form validates with reasons: a wrong check digit, a bad unit code position, shares not 100 %', async () => {
    const draft = await clerkWithDraft();
    const saved = await t.ok('clerk', 'cases.saveDraft', {
      id: draft.id,
      coOwnership: 'shares',
      parties: [
        { ...BUYER, share: '60%' },
        { role: 'holder', name: '石秀英', idNumber: '433124199211080268', share: '30%' },
        SELLER_1,
      ],
      units: [{ ...UNIT, unitCode: '430102003004GB00123X00010203' }],
      materialsReceived: RECEIVED,
    });
    const reasons = Object.fromEntries(saved.acceptance.map((r) => [r.rule, r.reasons.join(' ')]));
    expect(reasons['id-numbers-valid']).toMatch(/石秀英.*校验/);
    expect(reasons['units-present-and-codes-valid']).toMatch(/第 ?20 ?位/);
    expect(reasons['co-ownership-and-shares-total-100']).toMatch(/100/);
    expect(JSON.stringify(saved)).not.toContain('433124199211080267');
    expect(saved.parties[0].idNumberMasked).toBe('433124********0267');
  });

  it('accepts a complete, signed transfer: case number, promised date, fees, tracks, search, timeline', async () => {
    const draft = await clerkWithDraft(true);
    await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1, SELLER_2], units: [UNIT], materialsReceived: RECEIVED });
    expect(await t.call('clerk', 'cases.accept', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'CASE_RULES_NOT_MET', message: expect.stringContaining('尚未签名') } });
    await until(async () => ((await t.ok('clerk', 'status.get', {})).devices.find((d) => d.kind === 'sigpad')?.state === 'connected' ? true : undefined), 'pad');
    for (const ordinal of [1, 2, 3]) {
      const signing = t.call('clerk', 'cases.signParty', { id: draft.id, ordinal, timeoutSeconds: 20 });
      await until(async () => ((await t.ok('clerk', 'devices.simulation', {})).sigpad?.signing ? true : undefined), 'pad signing');
      await t.ok('clerk', 'devices.simulateSign', { sample: 'zhangSan' });
      expect(await signing).toMatchObject({ ok: true });
    }
    const accepted = await t.ok('clerk', 'cases.accept', { id: draft.id });
    expect(accepted.status).toBe('accepted');
    expect(accepted.feeNotCharged).toBeNull();
    expect(accepted.caseNumber).toMatch(/^430102-\d{8}-A7-0001$/);
    expect(accepted.promisedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(accepted.feeTotalFen).toBe(8000);
    expect(accepted.tracks).toEqual({ registration: 'pending', transaction: 'pending', tax: 'pending' });
    expect(accepted.parties.every((p) => p.signed)).toBe(true);
    // Accepted cases cannot be edited.
    expect(await t.call('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [], units: [], materialsReceived: [] })).toMatchObject({ ok: false, error: { code: 'CASE_NOT_EDITABLE' } });
    // Search: 3+ characters through the trigram index, 2 characters by scan, unit code, case number.
    for (const text of ['芙蓉区五一', '龙金花', '金花', '00123F0001', accepted.caseNumber as string]) {
      const found = await t.ok('clerk', 'cases.search', { text });
      expect(found.rows.map((r) => r.id), text).toContain(draft.id);
    }
    // A full ID number is looked up exactly through its tag (case-lookup-search.test.ts).
    expect((await t.ok('clerk', 'cases.search', { text: '433124199211080267' })).rows.map((r) => r.id)).toEqual([draft.id]);
    const timeline = await t.ok('clerk', 'cases.timeline', { id: draft.id });
    expect(timeline.map((e) => e.action)).toEqual(['cases.createDraft', 'cases.saveDraft', 'cases.accept', 'cases.signParty', 'cases.signParty', 'cases.signParty', 'cases.accept']);
    expect(timeline.find((e) => e.action === 'cases.accept')?.result).toBe('failure');
  }, 30_000);

  it('a card read fills the party: the full number goes to the case through a token, never to the screen', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { sigpad: 'none', printer: 'none-printer' } }, startDevices: true });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    await until(async () => ((await t.ok('clerk', 'status.get', {})).devices.find((d) => d.kind === 'idcard')?.state === 'connected' ? true : undefined), 'reader');
    await t.ok('clerk', 'devices.simulatePlaceCard', { card: 'miao' });
    const card = await t.ok('clerk', 'devices.readIdCard', { timeoutSeconds: 3 });
    if (!card.supported) throw new Error('expected a resident card');
    expect(JSON.stringify(card)).not.toContain('433124199211080267');
    const saved = await t.ok('clerk', 'cases.saveDraft', {
      id: draft.id,
      coOwnership: 'sole',
      parties: [{ role: 'holder', name: card.name, cardToken: card.cardToken }, SELLER_1],
      units: [UNIT],
      materialsReceived: RECEIVED,
    });
    expect(saved.parties[0]).toMatchObject({ name: '龙金花', idNumberMasked: '433124********0267' });
    expect(saved.acceptance.find((r) => r.rule === 'id-numbers-valid')?.passed).toBe(true);
    // The screen sends back what it shows; the stored number is kept.
    const again = await t.ok('clerk', 'cases.saveDraft', {
      id: draft.id,
      coOwnership: 'sole',
      parties: [{ role: 'holder', name: '龙金花', idNumber: '433124********0267' }, SELLER_1],
      units: [UNIT],
      materialsReceived: RECEIVED,
    });
    expect(again.acceptance.find((r) => r.rule === 'id-numbers-valid')?.passed).toBe(true);
    expect(card.birthDate).toBe('1992-11');
    // A masked phone sent back keeps the stored one.
    const masked = again.parties.find((p) => p.name === '周晓岚')?.phoneMasked as string;
    const third = await t.ok('clerk', 'cases.saveDraft', {
      id: draft.id,
      coOwnership: 'sole',
      parties: [{ role: 'holder', name: '龙金花', idNumber: '433124********0267' }, { ...SELLER_1, idNumber: '430102********042X', phone: masked }],
      units: [UNIT],
      materialsReceived: RECEIVED,
    });
    expect(third.parties[1].phoneMasked).toBe(masked);
    expect(third.acceptance.find((r) => r.rule === 'phones-valid')?.passed).toBe(true);
    expect(await t.call('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [{ role: 'holder', name: '别人', idNumber: '433124********0267' }], units: [], materialsReceived: [] })).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_INCOMPLETE' } });
    expect(await t.call('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [{ role: 'holder', name: '龙金花', cardToken: 'forged' }], units: [], materialsReceived: [] })).toMatchObject({ ok: false, error: { code: 'CARD_TOKEN_EXPIRED' } });
  });

  it('a second acceptance the same day gets the next sequence number', async () => {
    await clerkWithDraft();
    // 查封 needs no applicants' signatures: two court commissions accepted one after the other.
    const numbers: string[] = [];
    for (const unitCode of [UNIT.unitCode, '430102003004GB00123F00010204']) {
      const seizure = await t.ok('clerk', 'cases.createDraft', { businessType: 'seizure' });
      const saved = await t.ok('clerk', 'cases.saveDraft', {
        id: seizure.id,
        coOwnership: null,
        parties: [],
        units: [{ ...UNIT, unitCode }],
        materialsReceived: ['courtAssistanceNotice', 'courtRuling', 'courtOfficerCredentials'].map((materialId) => ({ materialId, copies: 1 })),
      });
      expect(saved.acceptance.filter((r) => !r.passed)).toEqual([]);
      numbers.push((await t.ok('clerk', 'cases.accept', { id: seizure.id })).caseNumber as string);
    }
    expect(numbers[0]).toMatch(/^430102-\d{8}-A7-0001$/);
    expect(numbers[1]).toBe(numbers[0].replace(/0001$/, '0002'));
  });

  it('requisition, rejection and withdrawal record their reasons and follow the state machine', async () => {
    const draft = await clerkWithDraft();
    await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [UNIT], materialsReceived: [] });
    const req = await t.ok('clerk', 'cases.requisition', { id: draft.id, missing: ['转移合同原件'], note: '复印件不清晰' });
    expect(req).toMatchObject({ status: 'requisitioned', statusReason: '需补正：转移合同原件（复印件不清晰）' });
    // A notice before acceptance carries its own number, never a draft id; a second 补正 keeps it.
    expect(req.caseNumber).toBeNull();
    expect(req.noticeNumber).toMatch(/^430102-\d{8}-A7-N001$/);
    const again = await t.ok('clerk', 'cases.requisition', { id: draft.id, missing: ['身份证明'] });
    expect(again.noticeNumber).toBe(req.noticeNumber);
    const notice = await t.ok('clerk', 'cases.document', { id: draft.id, kind: 'requisitionNotice' });
    expect(notice.fileName).toBe(`补正通知书-${req.noticeNumber}.pdf`);
    const withdrawn = await t.ok('clerk', 'cases.withdraw', { id: draft.id, reason: '申请人申请撤回' });
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.tracks).toEqual({ registration: 'cancelled', transaction: 'cancelled', tax: 'cancelled' });
    // Nothing was accepted, so nothing is charged, whatever the draft's quote said.
    expect(withdrawn.feeTotalFen).toBeGreaterThan(0);
    expect(withdrawn).toMatchObject({ feeNotCharged: '受理前已撤回，不收取登记费。' });
    expect(await t.call('clerk', 'cases.reject', { id: draft.id, reasons: ['不属于本机构受理范围'] })).toMatchObject({ ok: false, error: { code: 'CASE_STATE_CONFLICT' } });
    const refused = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    await t.ok('clerk', 'cases.saveDraft', { id: refused.id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [UNIT], materialsReceived: [] });
    expect(await t.ok('clerk', 'cases.reject', { id: refused.id, reasons: ['不属于本机构受理范围'] })).toMatchObject({
      status: 'rejected',
      feeNotCharged: '不予受理，不收取登记费。',
      // The day's second notice of this workstation.
      noticeNumber: expect.stringMatching(/^430102-\d{8}-A7-N002$/),
    });
    expect((await t.ok('clerk', 'cases.get', { id: refused.id })).feeNotCharged).toBe('不予受理，不收取登记费。');
  });


  it('attaches a scan to a material as a content-addressed blob (SM3), checking the content type', async () => {
    const draft = await clerkWithDraft();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201fe5c1b5b0000000049454e44ae426082', 'hex');
    const v = await t.ok('clerk', 'cases.attachFile', { id: draft.id, materialId: 'transferContract', fileName: '买卖合同第1页.png', mediaType: 'image/png', dataBase64: png.toString('base64') });
    expect(v.materials.find((m) => m.materialId === 'transferContract')).toMatchObject({ received: true, files: 1 });
    const { sm3Hex } = await import('../../../../electron/core/crypto/sm3');
    expect(Buffer.from(t.ws.services.blobs.get(sm3Hex(png))).equals(png)).toBe(true);
    // The same file twice is stored once; a file whose content is not what it claims is refused.
    await t.ok('clerk', 'cases.attachFile', { id: draft.id, materialId: 'transferContract', fileName: '买卖合同第1页.png', mediaType: 'image/png', dataBase64: png.toString('base64') });
    expect((t.ws.services.db().prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(1);
    expect(await t.call('clerk', 'cases.attachFile', { id: draft.id, materialId: 'transferContract', fileName: 'x.pdf', mediaType: 'application/pdf', dataBase64: png.toString('base64') })).toMatchObject({ ok: false, error: { code: 'ATTACHMENT_TYPE_MISMATCH' } });
    expect(await t.call('clerk', 'cases.attachFile', { id: draft.id, materialId: 'nope', fileName: 'x.png', mediaType: 'image/png', dataBase64: png.toString('base64') })).toMatchObject({ ok: false, error: { code: 'CASE_MATERIAL_UNKNOWN' } });
  });

  it('knows units from earlier cases: a second intake of the same unit finds its address, use and area', async () => {
    const first = await clerkWithDraft();
    await t.ok('clerk', 'cases.saveDraft', { id: first.id, coOwnership: 'sole', parties: [BUYER], units: [UNIT], materialsReceived: [] });
    expect(await t.ok('clerk', 'cases.lookupUnit', { unitCode: '430102003004GB00123F00019999' })).toBeNull();
    const known = await t.ok('clerk', 'cases.lookupUnit', { unitCode: UNIT.unitCode.toLowerCase() });
    expect(known).toMatchObject({ address: UNIT.address, use: 'residential', areaM2: 89.5, cases: [{ id: first.id, businessType: 'transfer', status: 'draft' }] });
  });

  it('a mortgage (抵押权首次) with a bank as mortgagee: the credit code is checked (GB 32100) and shown in full', async () => {
    const draft = await clerkWithDraft(false, 'mortgageFirst');
    const bank = { role: 'holder' as const, name: '中国工商银行股份有限公司长沙芙蓉支行', idType: 'organization' as const, idNumber: '911100001000044477', phone: '0731-84001111' };
    const bad = await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: null, parties: [{ ...bank, idNumber: '911100001000044478' }, BUYER], units: [UNIT], materialsReceived: [] });
    expect(bad.acceptance.find((r) => r.rule === 'id-numbers-valid')?.reasons.join('')).toMatch(/工商银行.*校验码/);
    const good = await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: null, parties: [bank, BUYER], units: [UNIT], materialsReceived: [] });
    expect(good.acceptance.find((r) => r.rule === 'id-numbers-valid')?.passed).toBe(true);
    expect(good.parties[0].idNumberMasked).toBe('911100001000044477');
    expect(good.parties[1].idNumberMasked).toBe('433124********0267');
    expect(good.tracks).toEqual({ registration: 'pending', transaction: 'not_applicable', tax: 'not_applicable' });
  });

  it('a manual fee change needs a reason and is audited', async () => {
    const draft = await clerkWithDraft();
    await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [UNIT], materialsReceived: RECEIVED });
    expect(await t.call('clerk', 'cases.overrideFees', { id: draft.id, lines: [], reason: '' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const changed = await t.ok('clerk', 'cases.overrideFees', { id: draft.id, lines: [{ code: '1041501', name: '住宅类不动产登记费', amountFen: 4000 }], reason: '小微企业减半（经审批）' });
    expect(changed).toMatchObject({ feeTotalFen: 4000, feeOverrideReason: '小微企业减半（经审批）' });
    const [record] = (await t.ok('admin', 'audit.list', { limit: 1, action: 'cases.overrideFees' })).records;
    expect(record).toMatchObject({ actor: 'clerk', detail: { reason: '小微企业减半（经审批）', before: 8000, after: 4000 } });
  });
});
