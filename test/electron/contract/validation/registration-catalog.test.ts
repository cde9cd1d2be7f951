import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUSINESS_TYPE_IDS } from '../../../../electron/contract/validation/business-types';
import { mergeCatalog } from '../../../../electron/contract/validation/catalog-config';
import { isContractFilingMaterial } from '../../../../electron/contract/validation/contract-filing';
import {
  catalogEntrySchema,
  DEFAULT_CATALOG,
  LEGACY_BUSINESS_TYPE_MAP,
  materialsFor,
  resolveBusinessType,
  type CatalogEntry,
} from '../../../../electron/contract/validation/registration-catalog';
import { REGISTRATION_TYPES } from '../../../../electron/contract/validation/registration-types';
import { RIGHT_TYPES } from '../../../../electron/contract/validation/right-types';

const byId = (id: string): CatalogEntry => {
  const e = DEFAULT_CATALOG.find((x) => x.id === id);
  if (!e) throw new Error(`missing ${id}`);
  return e;
};
const ids = (e: Pick<CatalogEntry, 'materials'>): string[] => e.materials.map((m) => m.id);

describe('registration catalogue (登记类型 × 权利类型)', () => {
  it('holds only valid entries with unique ids <registrationType>.<rightType>', () => {
    const seen = new Set<string>();
    for (const entry of DEFAULT_CATALOG) {
      expect(catalogEntrySchema.safeParse(entry).success, entry.id).toBe(true);
      expect(seen.has(entry.id)).toBe(false);
      seen.add(entry.id);
      expect(entry.id).toBe(`${entry.registrationType}.${entry.rightType}`);
    }
  });

  it('uses every registration type and every right type at least once', () => {
    for (const r of REGISTRATION_TYPES) expect(DEFAULT_CATALOG.some((e) => e.registrationType === r.id), r.id).toBe(true);
    for (const r of RIGHT_TYPES) expect(DEFAULT_CATALOG.some((e) => e.rightType === r.id), r.id).toBe(true);
  });

  it('leaves out combinations the law does not allow', () => {
    const absent = ['transfer.residence', 'seizure.mortgage', 'seizure.residence', 'seizure.easement', 'mortgageFirst.stateLandHouse', 'preRegistration.homestead'];
    for (const id of absent) expect(DEFAULT_CATALOG.some((e) => e.id === id), id).toBe(false);
  });

  it('cites an article for every material', () => {
    for (const entry of DEFAULT_CATALOG) for (const m of entry.materials) expect(m.basis, `${entry.id}/${m.id}`).toMatch(/第\d+/);
  });

  it('maps every first-release id to an entry that keeps its materials and roles', () => {
    expect(Object.keys(LEGACY_BUSINESS_TYPE_MAP).sort()).toEqual([...BUSINESS_TYPE_IDS].sort());
    for (const legacy of BUSINESS_TYPE_IDS) {
      const entry = resolveBusinessType(DEFAULT_CATALOG, legacy);
      expect(entry?.legacyId).toBe(legacy);
    }
    expect(resolveBusinessType(DEFAULT_CATALOG, 'transfer')?.id).toBe('transfer.stateLandHouse');
    expect(resolveBusinessType(DEFAULT_CATALOG, 'first.residence')?.name).toBe('居住权首次登记');
    expect(resolveBusinessType(DEFAULT_CATALOG, 'nonsense')).toBeUndefined();
    expect(ids(byId('transfer.stateLandHouse'))).toEqual(
      expect.arrayContaining(['applicationForm', 'applicantIdentity', 'titleCertificate', 'transferContract', 'taxReceipt', 'powerOfAttorney', 'agentIdentity']),
    );
  });

  it('asks a land-only first registration for no 竣工 or 测绘 of a house', () => {
    for (const id of ['first.stateLandUse', 'first.homesteadLand', 'first.collectiveLandOwnership', 'first.collectiveConstructionLand']) {
      expect(ids(byId(id))).not.toContain('completionProof');
      expect(ids(byId(id))).not.toContain('surveyReport');
      expect(byId(id).unitKind).toBe('land');
    }
    expect(ids(byId('first.stateLandHouse'))).toEqual(expect.arrayContaining(['completionProof', 'surveyReport']));
    expect(byId('first.stateLandHouse').unitKind).toBe('house');
  });

  it('issues certificates, proofs or nothing as the rules say', () => {
    expect(byId('first.stateLandHouse').issues).toBe('certificate');
    expect(byId('mortgageFirst.mortgage').issues).toBe('proof');
    expect(byId('preRegistration.stateLandHouse').issues).toBe('proof');
    expect(byId('objection.stateLandHouse').issues).toBe('proof');
    expect(byId('first.easement').issues).toBe('proof');
    expect(byId('seizure.stateLandHouse').issues).toBe('none');
    expect(byId('cancellation.stateLandHouse').issues).toBe('none');
    expect(byId('certificateReissue.stateLandHouse').issues).toBe('certificate');
  });

  it('asks 预告 for 当事人关于预告登记的约定 and never for a filed contract (细则 第86条)', () => {
    const pre = byId('preRegistration.stateLandHouse');
    expect(ids(pre)).toContain('preRegistrationAgreement');
    for (const m of pre.materials) if (m.requirement === 'required') expect(isContractFilingMaterial(m.name), m.name).toBe(false);
  });

  it('gives each mortgage kind its own contracts (细则 第66、71、75条)', () => {
    const entry = byId('mortgageFirst.mortgage');
    const general = materialsFor(entry, { mortgageKind: 'general' }).map((m) => m.name);
    const maximum = materialsFor(entry, { mortgageKind: 'maximum' }).map((m) => m.name);
    const construction = materialsFor(entry, { mortgageKind: 'construction' }).map((m) => m.name);
    expect(general).toContain('抵押合同');
    expect(maximum).toContain('最高额抵押合同');
    expect(maximum).not.toContain('抵押合同');
    expect(construction).toEqual(expect.arrayContaining(['在建建筑物抵押合同', '建设工程规划许可证']));
    expect(materialsFor(entry).map((m) => m.name)).toEqual(general);
    expect(materialsFor(byId('transfer.stateLandHouse'))).toEqual(byId('transfer.stateLandHouse').materials);
  });

  it('has court-ordered seizures without applicants or signatures', () => {
    const seizure = byId('seizure.stateLandHouse');
    expect(seizure).toMatchObject({ origin: 'commission', signaturesRequired: false, roles: { holder: 'none', obligor: 'none', agent: 'none' } });
  });
});

describe('contract filing is never an acceptance precondition', () => {
  const SPELLINGS = ['网签备案', '备案合同', '已备案的商品房预售合同', '网上签约备案', '合同备案', '备案证明', '交易确认', '交易确认书', '网签 备案', '合同（备案）', '合同-备案证明', '房屋交易確認', '備案合同', '已 备 案 的 预售合同', '商品房买卖合同备案表'];

  it.each(SPELLINGS)('recognises “%s”', (name) => expect(isContractFilingMaterial(name)).toBe(true));

  it('does not flag ordinary materials', () => {
    for (const name of ['商品房预售合同或买卖合同', '不动产权属证书', '完税凭证', '网签合同']) expect(isContractFilingMaterial(name), name).toBe(false);
  });

  it('recognises any spelling padded with spaces and punctuation (property)', () => {
    const noise = fc.array(fc.constantFrom(' ', '　', '、', '（', '）', '-', '·', '“', '”', '/'), { maxLength: 3 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...SPELLINGS), noise, noise, noise, (name, a, b, c) => {
        const chars = [...name];
        const mid = Math.floor(chars.length / 2);
        expect(isContractFilingMaterial(a + chars.slice(0, mid).join('') + b + chars.slice(mid).join('') + c)).toBe(true);
      }),
    );
  });

  it('refuses an office configuration that makes it a required material, naming the field', () => {
    const result = mergeCatalog({
      catalog: { types: { 'transfer.stateLandHouse': { addMaterials: [{ id: 'filing', name: '网 签 备 案 证 明', requirement: 'required' }] } } },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reasons[0]).toMatch(/^catalog\.types\.transfer\.stateLandHouse\.materials\.\d+\.requirement：“网 签 备 案 证 明”不能作为受理必交材料/);
    const optional = mergeCatalog({
      catalog: { types: { 'transfer.stateLandHouse': { addMaterials: [{ id: 'filing', name: '网签备案证明', requirement: 'optional' }] } } },
    });
    expect(optional.ok).toBe(true);
  });
});

describe('office configuration of the catalogue', () => {
  it('adjusts materials, days and enabled state', () => {
    const result = mergeCatalog({
      catalog: {
        types: {
          'mortgageFirst.mortgage': { promisedWorkingDays: 1, optionalMaterials: ['principalDebtContract'] },
          'certificateReissue.forest': { enabled: false },
          'transfer.stateLandHouse': { removeMaterials: ['maritalStatusProof'], addMaterials: [{ id: 'marriageCertificate', name: '结婚证', requirement: 'optional', basis: '细则 第38条' }] },
        },
      },
    });
    if (!result.ok) throw new Error(result.reasons.join('\n'));
    const get = (id: string): CatalogEntry => result.entries.find((e) => e.id === id)!;
    expect(get('mortgageFirst.mortgage').promisedWorkingDays).toBe(1);
    expect(get('mortgageFirst.mortgage').materials.filter((m) => m.id === 'principalDebtContract').every((m) => m.requirement === 'optional')).toBe(true);
    expect(get('certificateReissue.forest').enabled).toBe(false);
    expect(ids(get('transfer.stateLandHouse'))).toContain('marriageCertificate');
    expect(ids(get('transfer.stateLandHouse'))).not.toContain('maritalStatusProof');
  });

  it('still reads the first-release businessTypes key, mapped to the catalogue', () => {
    const result = mergeCatalog({ businessTypes: { transfer: { promisedWorkingDays: 3 }, seizure: { enabled: false } } });
    if (!result.ok) throw new Error(result.reasons.join('\n'));
    expect(result.entries.find((e) => e.id === 'transfer.stateLandHouse')?.promisedWorkingDays).toBe(3);
    expect(result.entries.find((e) => e.id === 'seizure.stateLandHouse')?.enabled).toBe(false);
  });

  it('adds a combination the built-in matrix lacks, validated like the built-in ones', () => {
    const base = byId('first.stateLandUse');
    const added = { ...base, id: 'first.seaArea', rightType: 'seaArea', rightTypeName: '海域使用权', name: '海域使用权首次登记（本地）', legacyId: null };
    const clash = mergeCatalog({ catalog: { add: [added] } });
    expect(clash.ok).toBe(false);
    expect(!clash.ok && clash.reasons[0]).toMatch(/^catalog\.add\.0\.id：业务类型 first\.seaArea 已在目录中/);
    const fresh = { ...base, id: 'preRegistration.stateLandUse', registrationType: 'preRegistration', name: '国有建设用地使用权预告登记', legacyId: null };
    const ok = mergeCatalog({ catalog: { add: [fresh] } });
    expect(ok.ok && ok.entries.some((e) => e.id === 'preRegistration.stateLandUse')).toBe(true);
  });

  it('names the field of every mistake', () => {
    const result = mergeCatalog({
      businessTypes: { transfer: { promisedWorkingDays: 99 } },
      catalog: {
        types: { 'first.nowhere': { enabled: true }, 'first.stateLandHouse': { removeMaterials: ['noSuchMaterial'], colour: 'red' } },
        add: [{ id: 'x.y' }],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('CONFIG_INVALID');
    const text = result.reasons.join('\n');
    expect(text).toMatch(/businessTypes\.transfer\.promisedWorkingDays/);
    expect(text).toMatch(/catalog\.types\.first\.stateLandHouse\.colour/);
  });

  it('reports a reference to a type that does not exist and a missing material', () => {
    const result = mergeCatalog({ catalog: { types: { 'first.nowhere': { enabled: true }, 'first.stateLandHouse': { removeMaterials: ['noSuchMaterial'] } }, add: [{ id: 'x.y' }] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons).toEqual(
      expect.arrayContaining([
        'catalog.types.first.nowhere：目录中没有业务类型 first.nowhere；新增组合请写在 catalog.add 中',
        'catalog.types.first.stateLandHouse.removeMaterials.0：清单中没有编号为 noSuchMaterial 的材料',
      ]),
    );
    expect(result.reasons.some((r) => r.startsWith('catalog.add.0.'))).toBe(true);
  });

  it('refuses an agent without a power of attorney and an application without its form', () => {
    const result = mergeCatalog({ catalog: { types: { 'transfer.stateLandHouse': { removeMaterials: ['powerOfAttorney', 'applicationForm'] } } } });
    expect(!result.ok && result.reasons).toEqual([
      'catalog.types.transfer.stateLandHouse.materials：允许代理人办理的业务，材料清单必须包含授权委托书（powerOfAttorney），且为“代理时必交”或“必交”',
      'catalog.types.transfer.stateLandHouse.materials：依申请登记的材料清单必须包含必交的不动产登记申请书（applicationForm）',
    ]);
  });
});

describe('CATALOG.md', () => {
  it('lists every built-in entry', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../../electron/contract/validation/CATALOG.md', import.meta.url), 'utf8');
    for (const entry of DEFAULT_CATALOG) expect(doc, entry.id).toContain(`\`${entry.id}\` | ${entry.name} |`);
  });
});
