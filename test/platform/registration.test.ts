import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, submission } from './harness';
import { SAMPLE_UNITS } from './register-seed';
import { casePath, claim, decide, REGISTRAR, register, REVIEWER, startOffice, submitAt, SUPERVISOR, toRegistration, unitRecord, type OfficeTest } from './review-harness';

interface Change {
  caseNumber: string;
  kind: string;
  data: Record<string, unknown>;
}

const CERTIFICATE = /^湘\(\d{4}\)长沙市不动产权第(\d{7})号$/;
const PROOF = /^湘\(\d{4}\)长沙市不动产证明第(\d{7})号$/;

/** The sample units as a submission lists them. */
const UNITS = {
  jointWithMortgage: { unitCode: SAMPLE_UNITS.jointWithMortgage, address: '湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元203室', use: 'residential', areaM2: 89.5 },
  seized: { unitCode: SAMPLE_UNITS.seized, address: '湖南省长沙市天心区书院路五十六号2栋1单元501室', use: 'residential', areaM2: 112.3 },
  objected: { unitCode: SAMPLE_UNITS.objected, address: '湖南省长沙市天心区劳动西路八十八号3栋3单元302室', use: 'residential', areaM2: 76.2 },
  clear: { unitCode: SAMPLE_UNITS.clear, address: '湖南省长沙市芙蓉区解放西路三十一号4栋1单元601室', use: 'residential', areaM2: 95.8 },
};
const NO_TAX = { registration: 'pending', transaction: 'not_applicable', tax: 'not_applicable' };
const party = (ordinal: number, role: string, name: string, idNumber: string, share: string | null = null) => ({
  ordinal,
  role,
  name,
  idType: 'resident_id',
  idNumber,
  phone: null,
  share,
  signatureHash: null,
});

/** API.md "登簿" and "登簿退回", over mTLS against the real stand-in. */
describe('登簿 and 登簿退回 on the platform', () => {
  let t: OfficeTest;
  beforeEach(async () => {
    t = await startOffice();
  });
  afterEach(async () => t.dispose());

  const feed = async (client = t.desk, caseNumber?: string): Promise<Change[]> => {
    const res = await client.get('/api/v1/changes', { params: { limit: 500 } });
    return (res.data.changes as Change[]).filter((c) => !caseNumber || c.caseNumber === caseNumber);
  };

  it('登簿 on a transfer: the buyer is 现势, the seller 历史, the mortgage stays; the answer, the feed and the unit agree; a replay issues nothing', async () => {
    const code = SAMPLE_UNITS.jointWithMortgage;
    const before = await unitRecord(t.desk, code);
    const n = await submitAt(t);
    await toRegistration(t, n);
    const key = randomUUID();
    const body = { actor: REGISTRAR, basis: [{ unitCode: code, registerVersion: before.registerVersion }] };
    const done = await command(t.desk, casePath(n, 'registration'), body, key);
    expect(done.status).toBe(200);
    const [number] = done.data.certificateNumbers as string[];
    expect(done.data.certificateNumbers).toHaveLength(1);
    expect(Number(CERTIFICATE.exec(number)?.[1])).toBeGreaterThan(200_000);

    const after = await unitRecord(t.desk, code);
    expect(after.registerVersion).toBe(before.registerVersion + 1);
    expect(after.rights).toEqual([
      expect.objectContaining({ kind: 'ownership', holders: ['龙金花'], state: 'current', certificateNumber: number, caseNumber: n, holderShares: [{ name: '龙金花', idTail: '0267', share: null }] }),
    ]);
    expect(after.history).toEqual([expect.objectContaining({ entry: 'right', kind: 'ownership', state: 'historic', holders: ['周晓岚', '刘德顺'], endedBy: n })]);
    expect(after.restrictions.map((r) => r.kind)).toEqual(['mortgage']);
    expect(t.platform.admin.registerRights(code).map((r) => r.state)).toEqual(['historic', 'current']);
    const { asOf: _asOf, ...answered } = done.data.register[0];
    const { asOf: _asOf2, ...queried } = after as unknown as { asOf: string };
    expect(answered).toEqual(queried);

    // The counter that accepted hears `registered`; every desk of the office hears the stage.
    expect((await feed(t.counter, n)).find((c) => c.kind === 'registered')?.data).toEqual({ registeredAt: done.data.registeredAt, certificateNumbers: [number] });
    expect((await feed(t.desk, n)).filter((c) => c.kind === 'office.case').at(-1)?.data).toMatchObject({ stage: 'registered', claim: null });
    expect(t.platform.admin.review(n)?.stage).toBe('registered');
    expect(t.platform.admin.cases().find((c) => c.caseNumber === n)?.status).toBe('registered');

    const replay = await command(t.desk, casePath(n, 'registration'), body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.data).toEqual(done.data);
    expect((await command(t.desk, casePath(n, 'registration'), { ...body, basis: [] }, key)).status).toBe(422);
    const again = await command(t.desk, casePath(n, 'registration'), body);
    expect(again.status).toBe(409);
    expect(again.data.error).toMatchObject({ code: 'STAGE_MISMATCH', stage: 'registered' });
    expect(t.platform.admin.certificateNumbers().filter((c) => c.caseNumber === n)).toEqual([{ number, status: 'issued', caseNumber: n }]);
    expect((await unitRecord(t.desk, code)).registerVersion).toBe(after.registerVersion);
  });

  it('按份共有: one certificate per holder, each right with its share and ID tail', async () => {
    const n = await submitAt(t, [], {
      units: [UNITS.clear],
      coOwnership: 'shares',
      parties: [party(1, 'holder', '龙金花', '433124199211080267', '1/2'), party(2, 'holder', '彭春生', '430102198001010035', '1/2'), party(3, 'obligor', '李秀英', '430102196504150028')],
    });
    await toRegistration(t, n);
    const done = await register(t.desk, n, [SAMPLE_UNITS.clear]);
    expect(done.status).toBe(200);
    const numbers = done.data.certificateNumbers as string[];
    expect(numbers).toHaveLength(2);
    expect(new Set(numbers).size).toBe(2);
    const after = await unitRecord(t.desk, SAMPLE_UNITS.clear);
    expect(after.rights.map((r) => ({ holders: r.holders, certificateNumber: r.certificateNumber, holderShares: r.holderShares }))).toEqual([
      { holders: ['龙金花'], certificateNumber: numbers[0], holderShares: [{ name: '龙金花', idTail: '0267', share: '1/2' }] },
      { holders: ['彭春生'], certificateNumber: numbers[1], holderShares: [{ name: '彭春生', idTail: '0035', share: '1/2' }] },
    ]);
    expect(after.history.map((h) => h.holders)).toEqual([['李秀英']]);
  });

  it('抵押注销 removes the mortgage (终止, in history) and issues no number; the ownership is untouched', async () => {
    const code = SAMPLE_UNITS.jointWithMortgage;
    const n = await submitAt(t, [], {
      businessType: 'mortgageCancellation',
      tracks: NO_TAX,
      parties: [party(1, 'holder', '周晓岚', '430102198503150025'), party(2, 'obligor', '中国建设银行股份有限公司长沙芙蓉支行', '91430100MA4L0XXX1K')],
    });
    await toRegistration(t, n);
    const done = await register(t.desk, n, [code]);
    expect(done.status).toBe(200);
    expect(done.data.certificateNumbers).toEqual([]);
    const after = await unitRecord(t.desk, code);
    expect(after.restrictions).toEqual([]);
    expect(after.history).toEqual([expect.objectContaining({ entry: 'restriction', kind: 'mortgage', state: 'terminated', endedBy: n })]);
    expect(after.rights.map((r) => r.holders)).toEqual([['周晓岚', '刘德顺']]);
  });

  it('抵押权首次登记 writes a mortgage with a 不动产登记证明 number', async () => {
    const n = await submitAt(t, [], {
      businessType: 'mortgageFirst',
      units: [UNITS.clear],
      tracks: NO_TAX,
      parties: [party(1, 'holder', '招商银行股份有限公司长沙分行', '91430100MA4L0YYY2K'), party(2, 'obligor', '李秀英', '430102196504150028')],
    });
    await toRegistration(t, n);
    const done = await register(t.desk, n, [SAMPLE_UNITS.clear]);
    expect(done.data.certificateNumbers).toEqual([expect.stringMatching(PROOF)]);
    const after = await unitRecord(t.desk, SAMPLE_UNITS.clear);
    expect(after.restrictions).toEqual([expect.objectContaining({ kind: 'mortgage', holder: '招商银行股份有限公司长沙分行', state: 'current', caseNumber: n })]);
  });

  it('解封 removes the 查封 and leaves the mortgage; 异议注销 removes the 异议', async () => {
    const release = await submitAt(t, [], {
      businessType: 'seizure',
      registrationType: 'seizureRelease',
      units: [UNITS.seized],
      tracks: NO_TAX,
      parties: [party(1, 'holder', '陈志强', '430103197706060011')],
    });
    await toRegistration(t, release);
    expect((await register(t.desk, release, [SAMPLE_UNITS.seized])).data.certificateNumbers).toEqual([]);
    const seized = await unitRecord(t.desk, SAMPLE_UNITS.seized);
    expect(seized.restrictions.map((r) => r.kind)).toEqual(['mortgage']);
    expect(seized.history).toEqual([expect.objectContaining({ kind: 'seizure', state: 'terminated', endedBy: release })]);

    const cancel = await submitAt(t, [], {
      businessType: 'objection',
      registrationType: 'objectionCancellation',
      units: [UNITS.objected],
      tracks: NO_TAX,
      parties: [party(1, 'holder', '黄建国', '430103196001010013')],
    });
    await toRegistration(t, cancel);
    expect((await register(t.desk, cancel, [SAMPLE_UNITS.objected])).data.certificateNumbers).toEqual([]);
    const objected = await unitRecord(t.desk, SAMPLE_UNITS.objected);
    expect(objected.restrictions).toEqual([]);
    expect(objected.history).toEqual([expect.objectContaining({ kind: 'objection', state: 'terminated', endedBy: cancel })]);
    expect(objected.rights.map((r) => r.holders)).toEqual([['黄丽华']]);
  });

  it('a transfer of a pre-registered flat converts the 预告 (终止); 居住权 is written with a 证明 number', async () => {
    const code = SAMPLE_UNITS.preRegistered;
    const n = await submitAt(t, [], {
      units: [{ unitCode: code, address: '湖南省长沙市芙蓉区远大一路二百一十号15栋8单元802室', use: 'residential', areaM2: 128.6 }],
      parties: [party(1, 'holder', '王海燕', '430102199001010044'), party(2, 'obligor', '长沙芙蓉华庭置业有限公司', '91430100MA4L0ZZZ3K')],
    });
    await toRegistration(t, n);
    expect((await register(t.desk, n, [code])).status).toBe(200);
    const after = await unitRecord(t.desk, code);
    expect(after.rights.map((r) => r.holders)).toEqual([['王海燕']]);
    expect(after.restrictions).toEqual([]);
    expect(after.history.map((h) => `${h.entry}:${h.kind}:${h.state}`).sort()).toEqual(['restriction:preRegistration:terminated', 'right:ownership:historic']);

    const residence = await submitAt(t, [], {
      businessType: 'first',
      rightType: 'residence',
      units: [UNITS.clear],
      tracks: NO_TAX,
      parties: [party(1, 'holder', '李满秀', '430102194801010026'), party(2, 'obligor', '李秀英', '430102196504150028')],
    });
    await toRegistration(t, residence);
    const done = await register(t.desk, residence, [SAMPLE_UNITS.clear]);
    expect(done.data.certificateNumbers).toEqual([expect.stringMatching(PROOF)]);
    const clear = await unitRecord(t.desk, SAMPLE_UNITS.clear);
    expect(clear.restrictions).toEqual([expect.objectContaining({ kind: 'residence', holder: '李满秀', state: 'current', caseNumber: residence })]);
    expect(clear.rights.map((r) => r.holders)).toEqual([['李秀英']]);
  });

  it('a catalogue key (登记类型.权利类型) is accepted as the business type and decides what 登簿 writes', async () => {
    // The workstation's catalogue types (宅基地, 居住权, 换证 …) arrive as keys; a 居住权 首次 by its key alone.
    const residence = await submitAt(t, [], {
      businessType: 'first.residence',
      units: [UNITS.clear],
      tracks: NO_TAX,
      parties: [party(1, 'holder', '李满秀', '430102194801010026'), party(2, 'obligor', '李秀英', '430102196504150028')],
    });
    await toRegistration(t, residence);
    const done = await register(t.desk, residence, [SAMPLE_UNITS.clear]);
    expect(done.data.certificateNumbers).toEqual([expect.stringMatching(PROOF)]);
    expect((await unitRecord(t.desk, SAMPLE_UNITS.clear)).restrictions).toEqual([expect.objectContaining({ kind: 'residence', state: 'current' })]);
    // A key that is not 登记类型.权利类型 is refused at the edge.
    const bad = await command(t.counter, '/api/v1/cases', submission([], { businessType: 'first residence' }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).toContain('businessType');
  });

  it('首次登记 of a unit the register does not hold: no basis needed, the unit enters the register', async () => {
    const code = '430102009009GB99999F99999999';
    expect((await t.desk.get(`/api/v1/units/${code}`)).status).toBe(404);
    const n = await submitAt(t, [], {
      businessType: 'first',
      units: [{ unitCode: code, address: '湖南省长沙市芙蓉区八一路九号9栋1单元999室', use: 'residential', areaM2: 100.5 }],
      parties: [party(1, 'holder', '长沙天心湘江置业有限公司', '91430100MA4L0AAA4K')],
    });
    await toRegistration(t, n);
    const done = await command(t.desk, casePath(n, 'registration'), { actor: REGISTRAR, basis: [] });
    expect(done.status).toBe(200);
    const unit = await unitRecord(t.desk, code);
    expect(unit.rights).toEqual([expect.objectContaining({ holders: ['长沙天心湘江置业有限公司'], certificateNumber: done.data.certificateNumbers[0], state: 'current' })]);
    expect(unit.history).toEqual([]);
    expect(done.data.register[0].registerVersion).toBe(unit.registerVersion);
  });

  it('a register change after review: 409 REGISTER_CONFLICT naming the unit, nothing written, the case back in 初审 unclaimed', async () => {
    const code = SAMPLE_UNITS.jointWithMortgage;
    const n = await submitAt(t);
    await toRegistration(t, n);
    const reviewed = (await unitRecord(t.desk, code)).registerVersion;
    t.platform.admin.addRestriction(code, { kind: 'seizure', holder: '长沙市芙蓉区人民法院', since: '2026-12-04', until: '2029-12-03', note: '（2026）湘0102执88号' });
    const key = randomUUID();
    const body = { actor: REGISTRAR, basis: [{ unitCode: code, registerVersion: reviewed }] };
    const conflict = await command(t.desk, casePath(n, 'registration'), body, key);
    expect(conflict.status).toBe(409);
    expect(conflict.data.error).toMatchObject({ code: 'REGISTER_CONFLICT', units: [{ unitCode: code, reviewed, now: reviewed + 1 }] });
    expect(conflict.data.error.message).toContain('退回初审');
    expect(t.platform.admin.review(n)).toMatchObject({ stage: 'firstReview', claim: null });
    expect(t.platform.admin.certificateNumbers().filter((c) => c.caseNumber === n)).toEqual([]);
    const after = await unitRecord(t.desk, code);
    expect(after.registerVersion).toBe(reviewed + 1);
    expect(after.rights.map((r) => r.holders)).toEqual([['周晓岚', '刘德顺']]);
    expect((await feed(t.desk, n)).filter((c) => c.kind === 'office.case').at(-1)?.data).toMatchObject({ stage: 'firstReview', claim: null });
    expect((await feed(t.counter, n)).some((c) => c.kind === 'registered')).toBe(false);
    // The stored answer is replayed; the case does not move again.
    const replay = await command(t.desk, casePath(n, 'registration'), body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.data).toEqual(conflict.data);

    // A basis that does not name the unit is a conflict too.
    await toRegistration(t, n);
    const unnamed = await command(t.desk, casePath(n, 'registration'), { actor: REGISTRAR, basis: [] });
    expect(unnamed.data.error).toMatchObject({ code: 'REGISTER_CONFLICT', units: [{ unitCode: code, reviewed: null }] });

    // Reviewed again against the new register, 登簿 goes through.
    await toRegistration(t, n);
    expect((await register(t.desk, n, [code])).status).toBe(200);
    expect(t.platform.admin.review(n)?.history.map((h) => (h as { action: string }).action).filter((a) => a !== 'pass')).toEqual(['registerConflict', 'registerConflict', 'register']);
  });

  it('登簿退回 restores the register, voids the numbers for good; the next 登簿 gets a fresh number', async () => {
    const code = SAMPLE_UNITS.jointWithMortgage;
    const before = await unitRecord(t.desk, code);
    const n = await submitAt(t);
    await toRegistration(t, n);
    const first = await register(t.desk, n, [code]);
    const [voided] = first.data.certificateNumbers as string[];

    const undoBody = { actor: REGISTRAR, reason: '权利人姓名录入有误' };
    const key = randomUUID();
    const undone = await command(t.desk, casePath(n, 'registration/undo'), undoBody, key);
    expect(undone.status).toBe(200);
    expect(undone.data).toEqual({ stage: 'registration', voidedNumbers: [voided] });
    expect((await command(t.desk, casePath(n, 'registration/undo'), undoBody, key)).data).toEqual(undone.data);
    const restored = await unitRecord(t.desk, code);
    expect(restored.registerVersion).toBe(before.registerVersion + 2);
    expect({ rights: restored.rights, restrictions: restored.restrictions, history: restored.history }).toEqual({
      rights: before.rights,
      restrictions: before.restrictions,
      history: before.history,
    });
    expect(t.platform.admin.certificateNumbers().find((c) => c.number === voided)?.status).toBe('voided');
    expect(t.platform.admin.review(n)).toMatchObject({ stage: 'registration', claim: null });
    expect(t.platform.admin.cases().find((c) => c.caseNumber === n)?.status).toBe('approved');
    expect((await feed(t.counter, n)).find((c) => c.kind === 'registration.undone')?.data).toEqual({ reason: '权利人姓名录入有误', voidedNumbers: [voided] });
    expect((await feed(t.desk, n)).filter((c) => c.kind === 'office.case').at(-1)?.data).toMatchObject({ stage: 'registration', claim: null });
    const twice = await command(t.desk, casePath(n, 'registration/undo'), undoBody);
    expect(twice.data.error).toMatchObject({ code: 'STAGE_MISMATCH', stage: 'registration' });

    await claim(t.desk, n, 'registration', REGISTRAR);
    const second = await register(t.desk, n, [code]);
    expect(second.status).toBe(200);
    const [fresh] = second.data.certificateNumbers as string[];
    expect(fresh).not.toBe(voided);
    expect(Number(CERTIFICATE.exec(fresh)?.[1])).toBeGreaterThan(Number(CERTIFICATE.exec(voided)?.[1]));
    const after = await unitRecord(t.desk, code);
    expect(after.rights).toEqual([expect.objectContaining({ holders: ['龙金花'], certificateNumber: fresh })]);
    expect(after.history.map((h) => h.holders)).toEqual([['周晓岚', '刘德顺']]);
    expect(t.platform.admin.certificateNumbers().filter((c) => c.caseNumber === n)).toEqual([
      { number: voided, status: 'voided', caseNumber: n },
      { number: fresh, status: 'issued', caseNumber: n },
    ]);

    // Once the certificate is printed, 登簿退回 is refused.
    t.platform.admin.setCertificatePrinted(n, true);
    const printed = await command(t.desk, casePath(n, 'registration/undo'), undoBody);
    expect(printed.status).toBe(409);
    expect(printed.data.error.code).toBe('CERTIFICATE_PRINTED');
    expect((await unitRecord(t.desk, code)).rights[0].certificateNumber).toBe(fresh);
  });

  it('登簿退回 is refused once the unit was registered again after it (REGISTER_CHANGED_SINCE); undoing the later one first allows it', async () => {
    const code = SAMPLE_UNITS.clear;
    const a = await submitAt(t, [], { units: [UNITS.clear] });
    await toRegistration(t, a);
    await register(t.desk, a, [code]);
    const b = await submitAt(t, [], { units: [UNITS.clear], parties: [party(1, 'holder', '彭春生', '430102198001010035'), party(2, 'obligor', '龙金花', '433124199211080267')] });
    await toRegistration(t, b);
    await register(t.desk, b, [code]);
    const between = await unitRecord(t.desk, code);

    const refused = await command(t.desk, casePath(a, 'registration/undo'), { actor: REGISTRAR, reason: '录入有误' });
    expect(refused.status).toBe(409);
    expect(refused.data.error).toMatchObject({ code: 'REGISTER_CHANGED_SINCE', units: [{ unitCode: code, registered: between.registerVersion - 1, now: between.registerVersion }] });
    expect(refused.data.error.message).toContain('更正登记');
    expect(await unitRecord(t.desk, code)).toEqual({ ...between, asOf: expect.any(String) });
    expect(t.platform.admin.review(a)?.stage).toBe('registered');

    expect((await command(t.desk, casePath(b, 'registration/undo'), { actor: REGISTRAR, reason: '录入有误' })).status).toBe(200);
    expect((await command(t.desk, casePath(a, 'registration/undo'), { actor: REGISTRAR, reason: '录入有误' })).status).toBe(200);
    const restored = await unitRecord(t.desk, code);
    expect(restored.rights.map((r) => r.holders)).toEqual([['李秀英']]);
    expect(restored.history).toEqual([]);

    // A restriction written after the 登簿 (a court's 查封) blocks the undo too.
    await claim(t.desk, a, 'registration', REGISTRAR);
    await register(t.desk, a, [code]);
    t.platform.admin.addRestriction(code, { kind: 'seizure', holder: '长沙市芙蓉区人民法院', since: '2026-12-04', until: '2029-12-03', note: '（2026）湘0102执89号' });
    expect((await command(t.desk, casePath(a, 'registration/undo'), { actor: REGISTRAR, reason: '录入有误' })).data.error.code).toBe('REGISTER_CHANGED_SINCE');
  });

  it('reserved numbers are skipped', async () => {
    const n1 = await submitAt(t, [], { units: [UNITS.clear] });
    await toRegistration(t, n1);
    const [first] = (await register(t.desk, n1, [SAMPLE_UNITS.clear])).data.certificateNumbers as string[];
    const serial = Number(CERTIFICATE.exec(first)![1]);
    const year = Number(/\((\d{4})\)/.exec(first)![1]);
    const reserved = t.platform.admin.reserveNumbers('430102', year, 'certificate', [serial + 1, serial + 2]);
    const n2 = await submitAt(t);
    await toRegistration(t, n2);
    const [next] = (await register(t.desk, n2, [SAMPLE_UNITS.jointWithMortgage])).data.certificateNumbers as string[];
    expect(reserved).not.toContain(next);
    expect(Number(CERTIFICATE.exec(next)![1])).toBe(serial + 3);
  });

  it('refusals: no claim, someone else’s claim, wrong stage, wrong role, another office, unknown case', async () => {
    const code = SAMPLE_UNITS.jointWithMortgage;
    const n = await submitAt(t);
    // Wrong stage: still in 初审.
    const early = await register(t.desk, n, [code]);
    expect(early.status).toBe(409);
    expect(early.data.error).toMatchObject({ code: 'STAGE_MISMATCH', stage: 'firstReview' });
    expect(early.data.error.message).toContain('待登簿');

    await toRegistration(t, n);
    await command(t.desk, casePath(n, 'claim/release'), { actor: REGISTRAR });
    const noClaim = await register(t.desk, n, [code]);
    expect(noClaim.status).toBe(409);
    expect(noClaim.data.error).toMatchObject({ code: 'CLAIM_REQUIRED', holder: null });
    await claim(t.desk, n, 'registration', REGISTRAR);
    const otherRegistrar = { userId: 'u-reg2', name: '孙登簿', role: 'registrar' };
    const notHolder = await register(t.desk, n, [code], undefined, otherRegistrar);
    expect(notHolder.data.error).toMatchObject({ code: 'CLAIM_REQUIRED', holder: { userId: REGISTRAR.userId } });
    expect(notHolder.data.error.message).toContain(REGISTRAR.name);

    // Wrong role: refused before execution, not stored (the same key may be used again).
    const key = randomUUID();
    const byReviewer = await register(t.desk, n, [code], key, REVIEWER);
    expect(byReviewer.status).toBe(403);
    expect(byReviewer.data.error.code).toBe('ROLE_REFUSED');
    expect(byReviewer.data.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await command(t.desk, casePath(n, 'registration/undo'), { actor: REVIEWER, reason: '误登' })).data.error.code).toBe('ROLE_REFUSED');

    // Another office's workstation: the case does not exist for it.
    const foreign = await register(t.otherOffice, n, [code]);
    expect(foreign.status).toBe(404);
    expect(foreign.data.error.code).toBe('CASE_NOT_FOUND');
    expect((await command(t.otherOffice, casePath(n, 'registration/undo'), { actor: REGISTRAR, reason: '误登' })).data.error.code).toBe('CASE_NOT_FOUND');
    expect((await register(t.desk, '430102-20261127-A7-9999', [code])).data.error.code).toBe('CASE_NOT_FOUND');

    // Undo before 登簿, and a malformed body.
    expect((await command(t.desk, casePath(n, 'registration/undo'), { actor: REGISTRAR, reason: '误登' })).data.error.code).toBe('STAGE_MISMATCH');
    expect((await command(t.desk, casePath(n, 'registration/undo'), { actor: REGISTRAR, reason: ' ' })).status).toBe(400);
    expect((await command(t.desk, casePath(n, 'registration'), { actor: REGISTRAR, basis: [{ unitCode: code, registerVersion: -1 }] })).status).toBe(400);

    // None of that changed anything: the supervisor may register with a claim, and the refused key now works.
    expect(t.platform.admin.certificateNumbers().filter((c) => c.caseNumber === n)).toEqual([]);
    await command(t.desk, casePath(n, 'claim/reassign'), { actor: SUPERVISOR, to: { userId: REGISTRAR.userId, name: REGISTRAR.name } });
    expect((await register(t.desk, n, [code], key)).status).toBe(200);
  });

  it('a 待登簿 case may be returned instead of registered', async () => {
    const n = await submitAt(t, [], { businessType: 'change' });
    await toRegistration(t, n);
    expect((await decide(t.desk, n, { stage: 'registration', decision: 'return', opinion: '请核对地址', actor: REGISTRAR })).data).toEqual({ stage: 'firstReview' });
    expect((await register(t.desk, n, [SAMPLE_UNITS.jointWithMortgage])).data.error.code).toBe('STAGE_MISMATCH');
  });

  it('a restart keeps the register, the numbers (issued and voided), the stages and the allocator', async () => {
    const code = SAMPLE_UNITS.jointWithMortgage;
    const a = await submitAt(t);
    await toRegistration(t, a);
    const [voided] = (await register(t.desk, a, [code])).data.certificateNumbers as string[];
    await command(t.desk, casePath(a, 'registration/undo'), { actor: REGISTRAR, reason: '录入有误' });
    const b = await submitAt(t, [], { units: [UNITS.clear] });
    await toRegistration(t, b);
    const [kept] = (await register(t.desk, b, [SAMPLE_UNITS.clear])).data.certificateNumbers as string[];
    const unitsBefore = [await unitRecord(t.desk, code), await unitRecord(t.desk, SAMPLE_UNITS.clear)];
    const numbersBefore = t.platform.admin.certificateNumbers();

    await t.restart();

    const unitsAfter = [await unitRecord(t.desk, code), await unitRecord(t.desk, SAMPLE_UNITS.clear)];
    const strip = (u: object) => ({ ...u, asOf: undefined });
    expect(unitsAfter.map(strip)).toEqual(unitsBefore.map(strip));
    expect(t.platform.admin.certificateNumbers()).toEqual(numbersBefore);
    expect(t.platform.admin.review(a)).toMatchObject({ stage: 'registration', claim: null });
    expect(t.platform.admin.review(b)?.stage).toBe('registered');
    await claim(t.desk, a, 'registration', REGISTRAR);
    const [fresh] = (await register(t.desk, a, [code])).data.certificateNumbers as string[];
    expect([voided, kept]).not.toContain(fresh);
    // Undo after a restart restores what the 登簿 before it ended.
    expect((await command(t.desk, casePath(b, 'registration/undo'), { actor: REGISTRAR, reason: '录入有误' })).data.voidedNumbers).toEqual([kept]);
    expect((await unitRecord(t.desk, SAMPLE_UNITS.clear)).rights.map((r) => r.holders)).toEqual([['李秀英']]);
  });
});
