import { describe, expect, it } from 'vitest';
import { applicantRoleProblems, missingMaterials, tracksFor } from '../../../../electron/contract/validation/business-type-rules';
import { DEFAULT_BUSINESS_TYPES, type BusinessType, type BusinessTypeId } from '../../../../electron/contract/validation/business-types';

const byId = (id: BusinessTypeId): BusinessType => DEFAULT_BUSINESS_TYPES.find((t) => t.id === id) as BusinessType;
const ids = (materials: Array<{ id: string }>): string[] => materials.map((m) => m.id);

describe('intake rules against a business type', () => {
  it('lists the materials missing at acceptance, asking for the power of attorney only when an agent applies', () => {
    const transfer = byId('transfer');
    expect(ids(missingMaterials(transfer, { received: ['applicationForm', 'applicantIdentity'], hasAgent: false, moment: 'acceptance' }))).toEqual([
      'titleCertificate',
      'transferContract',
    ]);
    expect(ids(missingMaterials(transfer, { received: ['applicationForm', 'applicantIdentity', 'titleCertificate', 'transferContract'], hasAgent: true, moment: 'acceptance' }))).toEqual([
      'powerOfAttorney',
      'agentIdentity',
    ]);
  });

  it('accepts a transfer without the tax receipt and asks for it before entry (一窗受理、并行办理)', () => {
    const received = ['applicationForm', 'applicantIdentity', 'titleCertificate', 'transferContract'];
    expect(missingMaterials(byId('transfer'), { received, hasAgent: false, moment: 'acceptance' })).toEqual([]);
    expect(ids(missingMaterials(byId('transfer'), { received, hasAgent: false, moment: 'entry' }))).toEqual(['taxReceipt']);
  });

  it('never asks for optional materials', () => {
    const first = byId('first');
    const required = first.materials.filter((m) => m.requirement === 'required').map((m) => m.id);
    expect(missingMaterials(first, { received: required, hasAgent: false, moment: 'entry' })).toEqual([]);
  });

  it('names missing and superfluous applicants with the type’s own role labels', () => {
    expect(applicantRoleProblems(byId('mortgageFirst'), { holders: 1, obligors: 0, agents: 0 })).toEqual(['抵押权首次登记须填写抵押人。']);
    expect(applicantRoleProblems(byId('transfer'), { holders: 0, obligors: 1, agents: 1 })).toEqual(['转移登记须填写权利人（受让方）。']);
    expect(applicantRoleProblems(byId('change'), { holders: 1, obligors: 1, agents: 0 })).toEqual(['变更登记不适用义务人，请删除。']);
    expect(applicantRoleProblems(byId('seizure'), { holders: 1, obligors: 0, agents: 0 })).toEqual(['查封登记为嘱托登记，不填写权利人。']);
    expect(applicantRoleProblems(byId('seizure'), { holders: 0, obligors: 0, agents: 0 })).toEqual([]);
  });

  it('opens registration always, transaction for house transfers, tax for transfers', () => {
    expect(tracksFor(byId('transfer'), { isHouse: true })).toEqual(['registration', 'transaction', 'tax']);
    expect(tracksFor(byId('transfer'), { isHouse: false })).toEqual(['registration', 'tax']);
    expect(tracksFor(byId('mortgageFirst'), { isHouse: true })).toEqual(['registration']);
    expect(tracksFor({ tracks: { transaction: 'always', tax: 'never' } }, { isHouse: false })).toEqual(['registration', 'transaction']);
  });
});
