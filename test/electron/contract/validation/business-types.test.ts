import { describe, expect, it } from 'vitest';
import {
  BUSINESS_TYPE_IDS,
  DEFAULT_BUSINESS_TYPES,
  FORBIDDEN_PRECONDITION,
  businessTypeById,
  businessTypeSchema,
  type BusinessType,
  type BusinessTypeId,
} from '../../../../electron/contract/validation/business-types';

const byId = (id: BusinessTypeId): BusinessType => {
  const type = businessTypeById(DEFAULT_BUSINESS_TYPES, id);
  if (!type) throw new Error(`no ${id}`);
  return type;
};
const materialIds = (id: BusinessTypeId, requirement?: string): string[] =>
  byId(id)
    .materials.filter((m) => requirement === undefined || m.requirement === requirement)
    .map((m) => m.id);

describe('business types as data (DOMAIN.md §2)', () => {
  it('describes each of the twelve business types once, in a valid shape', () => {
    expect(DEFAULT_BUSINESS_TYPES.map((t) => t.id)).toEqual([...BUSINESS_TYPE_IDS]);
    for (const type of DEFAULT_BUSINESS_TYPES) {
      const parsed = businessTypeSchema.safeParse(type);
      expect(parsed.success, `${type.id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('uses the common type codes: 1 首次 … 8 查封', () => {
    const codes = Object.fromEntries(DEFAULT_BUSINESS_TYPES.map((t) => [t.id, t.typeCode]));
    expect(codes).toEqual({
      first: 1,
      transfer: 2,
      change: 3,
      cancellation: 4,
      correction: 5,
      objection: 6,
      preRegistration: 7,
      mortgageFirst: 1,
      mortgageChange: 3,
      mortgageCancellation: 4,
      easement: 1,
      seizure: 8,
    });
    expect(byId('transfer').name).toBe('转移登记');
    expect(byId('seizure').name).toBe('查封登记');
  });

  it('asks every applicant for the signed application form and identity documents', () => {
    for (const type of DEFAULT_BUSINESS_TYPES.filter((t) => t.origin === 'application')) {
      expect(materialIds(type.id, 'required'), type.id).toEqual(expect.arrayContaining(['applicationForm', 'applicantIdentity']));
    }
  });

  it('requires a power of attorney wherever an agent may act', () => {
    for (const type of DEFAULT_BUSINESS_TYPES.filter((t) => t.roles.agent !== 'none')) {
      expect(type.materials.find((m) => m.id === 'powerOfAttorney'), type.id).toMatchObject({ name: '授权委托书', requirement: 'withAgent' });
    }
  });

  it('lists the transfer materials of DOMAIN.md, with the tax receipt due before entry, not at acceptance', () => {
    expect(materialIds('transfer', 'required')).toEqual(['applicationForm', 'applicantIdentity', 'titleCertificate', 'transferContract']);
    expect(byId('transfer').materials.find((m) => m.id === 'taxReceipt')).toMatchObject({ name: '完税凭证', requirement: 'requiredBeforeEntry' });
    expect(byId('transfer').roles).toEqual({ holder: 'required', obligor: 'required', agent: 'optional' });
  });

  it('lists the mortgage materials: certificate, mortgage contract and principal debt contract', () => {
    expect(materialIds('mortgageFirst', 'required')).toEqual(
      expect.arrayContaining(['titleCertificate', 'mortgageContract', 'principalDebtContract']),
    );
    expect(byId('mortgageFirst').roleLabels).toMatchObject({ holder: '抵押权人', obligor: '抵押人' });
    expect(materialIds('mortgageCancellation', 'required')).toEqual(
      expect.arrayContaining(['registrationProof', 'mortgageEndedProof']),
    );
    expect(materialIds('preRegistration', 'required')).toContain('purchaseContract');
  });

  it('has seizure ordered by a court: court documents, no applicants, no signatures, no fee', () => {
    const seizure = byId('seizure');
    expect(seizure).toMatchObject({
      origin: 'commission',
      signaturesRequired: false,
      roles: { holder: 'none', obligor: 'none', agent: 'none' },
      feeRule: 'free',
      coOwnership: false,
    });
    expect(materialIds('seizure', 'required')).toEqual(['courtAssistanceNotice', 'courtRuling', 'courtOfficerCredentials']);
  });

  it('makes pre-registration and every cancellation free, and charges the others by the schedule', () => {
    const free = DEFAULT_BUSINESS_TYPES.filter((t) => t.feeRule === 'free').map((t) => t.id);
    expect(free).toEqual(['cancellation', 'preRegistration', 'mortgageCancellation', 'seizure']);
  });

  it('opens the transaction track for transfers (of houses) and the tax track for transfers only', () => {
    const tracks = Object.fromEntries(DEFAULT_BUSINESS_TYPES.map((t) => [t.id, t.tracks]));
    expect(tracks.transfer).toEqual({ transaction: 'houses', tax: 'always' });
    for (const id of BUSINESS_TYPE_IDS.filter((i) => i !== 'transfer')) expect(tracks[id], id).toEqual({ transaction: 'never', tax: 'never' });
  });

  it('lets co-ownership apply only where holders own the right', () => {
    const coOwned = DEFAULT_BUSINESS_TYPES.filter((t) => t.coOwnership).map((t) => t.id);
    expect(coOwned).toEqual(['first', 'transfer', 'change', 'correction', 'preRegistration']);
  });

  it('never makes contract filing or transaction confirmation a precondition of acceptance (一窗受理、并行办理)', () => {
    for (const type of DEFAULT_BUSINESS_TYPES) {
      for (const m of type.materials.filter((x) => x.requirement === 'required')) expect(FORBIDDEN_PRECONDITION.test(m.name), m.name).toBe(false);
    }
    const withFiling: BusinessType = {
      ...byId('transfer'),
      materials: [...byId('transfer').materials, { id: 'contractFiling', name: '商品房买卖合同备案证明', requirement: 'required' }],
    };
    const parsed = businessTypeSchema.safeParse(withFiling);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      '“商品房买卖合同备案证明”不能作为受理必交材料：一窗受理、并行办理，合同备案、交易确认不得作为登记受理的前置条件，可设为可选材料',
    ]);
  });

  it('rejects inconsistent types with a Chinese reason for each rule', () => {
    const messages = (type: BusinessType): string[] => businessTypeSchema.safeParse(type).error?.issues.map((i) => i.message) ?? [];
    const transfer = byId('transfer');
    expect(messages({ ...transfer, materials: transfer.materials.filter((m) => m.id !== 'powerOfAttorney') })).toEqual([
      '允许代理人办理的业务，材料清单必须包含授权委托书（powerOfAttorney），且为“代理时必交”或“必交”',
    ]);
    expect(messages({ ...transfer, materials: [...transfer.materials, transfer.materials[0]] })).toEqual([
      '材料编号 applicationForm 重复，每项材料的编号应唯一',
    ]);
    expect(messages({ ...transfer, materials: transfer.materials.filter((m) => m.id !== 'applicationForm') })).toEqual([
      '依申请登记的材料清单必须包含必交的不动产登记申请书（applicationForm）',
    ]);
    expect(messages({ ...transfer, roles: { holder: 'optional', obligor: 'optional', agent: 'optional' } })).toEqual([
      '依申请登记至少要有一方申请人（权利人或义务人）为 required',
    ]);
    const seizure = byId('seizure');
    expect(messages({ ...seizure, signaturesRequired: true, roles: { ...seizure.roles, holder: 'optional' } })).toEqual([
      '嘱托登记（如人民法院查封）没有申请人，权利人、义务人、代理人均应为 none',
      '嘱托登记没有申请人签名，应为 false',
    ]);
    expect(messages({ ...seizure, coOwnership: true })).toEqual(['没有权利人的业务不适用共有方式，coOwnership 应为 false']);
  });
});
