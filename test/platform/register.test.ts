import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificateNumber } from '../../electron/contract/validation/certificate-number';
import { validateUnitCode } from '../../electron/contract/validation/unit-code';
import { openPlatformDatabase, type Db } from './database';
import { startTestPlatform, type TestPlatform } from './harness';
import { SAMPLE_UNITS, seedRegister } from './register-seed';
import { makeTempDir } from '../support/temp-dir';

describe('platform register queries', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.dispose());

  it('answers the jointly owned, mortgaged sample unit exactly as API.md shows it', async () => {
    const res = await t.client.get(`/api/v1/units/${SAMPLE_UNITS.jointWithMortgage}`);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      unitCode: '430102003004GB00123F00010203',
      address: '湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元203室',
      use: 'residential',
      areaM2: 89.5,
      asOf: expect.any(String),
      registerVersion: 1,
      rights: [
        {
          id: expect.any(Number),
          kind: 'ownership',
          holders: ['周晓岚', '刘德顺'],
          holderShares: [
            { name: '周晓岚', idTail: null, share: null },
            { name: '刘德顺', idTail: null, share: null },
          ],
          coOwnership: 'joint',
          certificateNumber: '湘(2019)长沙市不动产权第0012345号',
          registeredAt: '2019-05-06',
          state: 'current',
          caseNumber: null,
        },
      ],
      restrictions: [
        {
          id: expect.any(Number),
          kind: 'mortgage',
          holder: '中国建设银行股份有限公司长沙芙蓉支行',
          since: '2019-05-06',
          until: '2049-05-05',
          note: '抵押金额 80 万元',
          state: 'current',
          caseNumber: null,
        },
      ],
      history: [],
    });
  });

  it('holds a seized, a pre-registered and an objected sample unit', async () => {
    const kinds = async (code: string) => (await t.client.get(`/api/v1/units/${code}`)).data.restrictions.map((r: { kind: string }) => r.kind);
    expect(await kinds(SAMPLE_UNITS.seized)).toContain('seizure');
    expect(await kinds(SAMPLE_UNITS.preRegistered)).toEqual(['preRegistration']);
    expect(await kinds(SAMPLE_UNITS.objected)).toEqual(['objection']);
    expect(await kinds(SAMPLE_UNITS.clear)).toEqual([]);
  });

  it('accepts a unit code typed in lower case or full width', async () => {
    const res = await t.client.get(`/api/v1/units/${encodeURIComponent('４３０１０２００３００４gb00123f00010203')}`);
    expect(res.status).toBe(200);
    expect(res.data.unitCode).toBe(SAMPLE_UNITS.jointWithMortgage);
  });

  it('answers 404 UNIT_NOT_FOUND for a valid code it does not hold, 400 for an invalid one', async () => {
    const missing = await t.client.get('/api/v1/units/430102009009GB99999F99999999');
    expect(missing.status).toBe(404);
    expect(missing.data.error.code).toBe('UNIT_NOT_FOUND');
    const invalid = await t.client.get('/api/v1/units/4301020030');
    expect(invalid.status).toBe(400);
    expect(invalid.data.error.message).toContain('28');
  });
});

describe('platform register seed', () => {
  let db: Db;
  const temp = makeTempDir('bdc-seed-');
  beforeAll(() => {
    db = openPlatformDatabase(temp.path);
    seedRegister(db);
  });
  afterAll(() => {
    db.close();
    temp.remove();
  });

  it('seeds about 300 units in 430102 and 430103 whose codes pass the GB/T 37346 check', () => {
    const codes = (db.prepare('SELECT unit_code FROM units').all() as Array<{ unit_code: string }>).map((r) => r.unit_code);
    expect(codes.length).toBeGreaterThanOrEqual(300);
    expect(new Set(codes.map((c) => c.slice(0, 6)))).toEqual(new Set(['430102', '430103']));
    const invalid = codes.filter((code) => !validateUnitCode(code).valid);
    expect(invalid).toEqual([]);
  });

  it('gives every unit an owner with a well-formed, unique certificate number, and spreads all four restriction kinds', () => {
    const rights = db.prepare("SELECT unit_code, holders, certificate_number FROM rights WHERE kind = 'ownership'").all() as Array<{ unit_code: string; holders: string; certificate_number: string }>;
    const units = (db.prepare('SELECT COUNT(*) AS n FROM units').get() as { n: number }).n;
    expect(new Set(rights.map((r) => r.unit_code)).size).toBe(units);
    expect(rights.filter((r) => !parseCertificateNumber(r.certificate_number).valid)).toEqual([]);
    expect(new Set(rights.map((r) => r.certificate_number)).size).toBe(rights.length);
    expect(rights.some((r) => JSON.parse(r.holders).length === 2)).toBe(true);
    const counts = Object.fromEntries(
      (db.prepare('SELECT kind, COUNT(*) AS n FROM restrictions GROUP BY kind').all() as Array<{ kind: string; n: number }>).map((r) => [r.kind, r.n]),
    );
    expect(Object.keys(counts).sort()).toEqual(['mortgage', 'objection', 'preRegistration', 'seizure']);
    expect(counts.mortgage).toBeGreaterThan(30);
    expect(counts.seizure).toBeGreaterThan(1);
  });

  it('is the same register in every data folder (seeded generator) and is not seeded twice', () => {
    const other = makeTempDir('bdc-seed-');
    const second = openPlatformDatabase(other.path);
    try {
      seedRegister(second);
      const dump = (d: Db) => d.prepare('SELECT unit_code, address, area_m2 FROM units ORDER BY unit_code').all();
      expect(dump(second)).toEqual(dump(db));
      expect(seedRegister(db)).toBe(0);
    } finally {
      second.close();
      other.remove();
    }
  });
});
