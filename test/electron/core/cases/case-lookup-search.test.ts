import { afterEach, describe, expect, it } from 'vitest';
import { BUYER, SELLER_1, SELLER_2, TRANSFER_RECEIVED, UNIT } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/** Finding a case by a number the clerk has in hand: ID card, phone, old or new certificate. */
describe('cases.search by ID number, phone and certificate number', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  async function twoDrafts() {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } } });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const a = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    await t.ok('clerk', 'cases.saveDraft', {
      id: a.id,
      coOwnership: 'sole',
      parties: [BUYER, SELLER_1, SELLER_2],
      units: [{ ...UNIT, previousCertificateNumber: '湘（2017）长沙市不动产权第0034063号' }],
      materialsReceived: TRANSFER_RECEIVED,
    });
    const b = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    await t.ok('clerk', 'cases.saveDraft', {
      id: b.id,
      coOwnership: 'sole',
      parties: [{ role: 'holder', name: '石秀英', idNumber: '430102199001010011', phone: '13907319999' }, SELLER_2],
      units: [{ ...UNIT, unitCode: '430102003004GB00123F00010204', previousCertificateNumber: '湘(2017)长沙市不动产权第0034064号' }],
      materialsReceived: TRANSFER_RECEIVED,
    });
    return { a: a.id, b: b.id };
  }

  const ids = async (text: string) => {
    const r = await t.ok('clerk', 'cases.search', { text });
    return { ids: r.rows.map((row) => row.id).sort(), by: r.searchedBy, json: JSON.stringify(r) };
  };

  it('an ID number is found exactly through its lookup tag, typed full-width or with a small x', async () => {
    const { a, b } = await twoDrafts();
    expect(await ids('433124199211080267')).toMatchObject({ ids: [a], by: 'idNumber' });
    // 刘德顺 sells in both cases.
    expect((await ids('430103195502010178')).ids).toEqual([a, b]);
    // Full-width digits and a lower-case x, as typed with a Chinese IME.
    expect(await ids('４３０１０２１９８６０３１４０４２x')).toMatchObject({ ids: [a], by: 'idNumber' });
    expect(await ids(' 43010219860314042X ')).toMatchObject({ ids: [a], by: 'idNumber' });
    // A valid-looking number nobody has: nothing, and no fall-back to a substring match.
    expect(await ids('110101199003070014')).toMatchObject({ ids: [], by: 'idNumber' });
    // Results never carry the number.
    const found = await ids('433124199211080267');
    expect(found.json).not.toContain('433124199211080267');
  });

  it('a phone is found however it is written (dashes, blanks, +86)', async () => {
    const { a, b } = await twoDrafts();
    expect(await ids('0731-84001234')).toMatchObject({ ids: [a], by: 'phone' });
    expect(await ids('0731 8400 1234')).toMatchObject({ ids: [a], by: 'phone' });
    expect(await ids('073184001234')).toMatchObject({ ids: [a], by: 'phone' });
    expect(await ids('138 0731 0001')).toMatchObject({ ids: [a], by: 'phone' });
    expect(await ids('+86 13907319999')).toMatchObject({ ids: [b], by: 'phone' });
    expect(await ids('13900000000')).toMatchObject({ ids: [], by: 'phone' });
  });

  it('the seller’s 原证号 is found with other brackets, widths and blanks; the issued certificate too', async () => {
    const { a, b } = await twoDrafts();
    expect(await ids('湘(2017)长沙市不动产权第0034063号')).toMatchObject({ ids: [a], by: 'certificate' });
    expect(await ids('湘〔2017〕长沙 不动产权第0034063号')).toMatchObject({ ids: [a], by: 'certificate' });
    expect(await ids('湘【2017】长沙市不动产权第００３４０６４号')).toMatchObject({ ids: [b], by: 'certificate' });
    // The serial is kept as written: 034063 is another number.
    expect(await ids('湘(2017)长沙市不动产权第034063号')).toMatchObject({ ids: [], by: 'certificate' });
    // After 登簿 the platform reports the new certificate (the change feed stores it on the case).
    t.ws.services.db().prepare('UPDATE cases SET certificate_numbers = ? WHERE id = ?').run(JSON.stringify(['湘(2026)长沙市不动产权第0123456号']), b);
    expect(await ids('湘（2026）长沙不动产权第0123456号')).toMatchObject({ ids: [b], by: 'certificate' });
  });

  it('a name with the last 4–6 digits of that person’s ID number finds their cases, nobody else’s', async () => {
    const { a, b } = await twoDrafts();
    // 周晓岚 43010219860314042X, only in a.
    expect(await ids('周晓岚 042X')).toMatchObject({ ids: [a], by: 'nameAndIdTail' });
    expect(await ids('周晓岚14042x')).toMatchObject({ ids: [a], by: 'nameAndIdTail' });
    expect(await ids('４０４２Ｘ，周晓岚')).toMatchObject({ ids: [a], by: 'nameAndIdTail' });
    // 刘德顺 430103195502010178 sells in both.
    expect(await ids('刘德顺 010178')).toMatchObject({ ids: [a, b], by: 'nameAndIdTail' });
    // The digits must end the SAME party's number: 龙金花's number ends in 0267, 周晓岚's does not.
    expect(await ids('周晓岚 0267')).toMatchObject({ ids: [], by: 'nameAndIdTail' });
    // Digits from the middle of the number are not its end.
    expect(await ids('周晓岚 1986')).toMatchObject({ ids: [], by: 'nameAndIdTail' });
    // A name nobody has is not this search: the text is searched as free text (an address, say).
    expect(await ids('五一大道 0203')).toMatchObject({ by: 'text' });
    // Three digits or seven are no tail.
    expect((await ids('周晓岚 42X')).by).toBe('text');
    expect((await ids('周晓岚 0314042X')).by).toBe('text');
    // The results and the audit carry no number beyond what was typed.
    const found = await ids('龙金花 0267');
    expect(found).toMatchObject({ ids: [a], by: 'nameAndIdTail' });
    expect(found.json).not.toContain('433124199211080267');
  });

  it('names and unit codes are still free text; the audit names what was searched, masked', async () => {
    const { a } = await twoDrafts();
    expect(await ids('龙金花')).toMatchObject({ ids: [a], by: 'text' });
    expect(await ids('00123F00010203')).toMatchObject({ ids: [a], by: 'text' });
    await ids('４３３１２４１９９２１１０８０２６７');
    const audit = JSON.stringify(t.ws.services.db().prepare("SELECT * FROM audit_log WHERE action = 'cases.search'").all());
    expect(audit).toContain('idNumber');
    expect(audit).toContain('433124********0267');
    expect(audit).not.toContain('433124199211080267');
    expect(audit).not.toContain('４３３１２４１９９２１１０８０２６７');
  });
});
