import { describe, expect, it } from 'vitest';
import { mergeBusinessTypes } from '../../../../electron/contract/validation/business-type-config';
import { DEFAULT_BUSINESS_TYPES, type BusinessType } from '../../../../electron/contract/validation/business-types';

const reasonsOf = (overrides: unknown): string[] => {
  const r = mergeBusinessTypes(overrides);
  return r.ok ? [] : r.reasons;
};
const typeOf = (overrides: unknown, id: string): BusinessType => {
  const r = mergeBusinessTypes(overrides);
  if (!r.ok) throw new Error(r.reasons.join('\n'));
  const type = r.types.find((t) => t.id === id);
  if (!type) throw new Error(`no ${id}`);
  return type;
};

describe('office configuration of business types', () => {
  it('keeps the defaults when nothing is configured', () => {
    expect(mergeBusinessTypes(undefined)).toEqual({ ok: true, types: DEFAULT_BUSINESS_TYPES });
    expect(mergeBusinessTypes({})).toEqual({ ok: true, types: DEFAULT_BUSINESS_TYPES });
  });

  it('adds an optional material and changes a promise without touching other types', () => {
    const overrides = {
      transfer: { addMaterials: [{ id: 'marriageCertificate', name: '结婚证', requirement: 'optional' }] },
      mortgageFirst: { promisedWorkingDays: 1 },
    };
    const transfer = typeOf(overrides, 'transfer');
    expect(transfer.materials.at(-1)).toEqual({ id: 'marriageCertificate', name: '结婚证', requirement: 'optional' });
    expect(typeOf(overrides, 'mortgageFirst').promisedWorkingDays).toBe(1);
    expect(typeOf(overrides, 'change')).toBe(DEFAULT_BUSINESS_TYPES.find((t) => t.id === 'change'));
  });

  it('replaces, removes and re-adds materials in that order', () => {
    const transfer = typeOf(
      {
        transfer: {
          removeMaterials: ['maritalStatusProof', 'transferContract'],
          addMaterials: [{ id: 'transferContract', name: '存量房买卖合同', requirement: 'required', note: '网签合同即可' }],
        },
      },
      'transfer',
    );
    expect(transfer.materials.map((m) => m.id)).not.toContain('maritalStatusProof');
    expect(transfer.materials.at(-1)).toMatchObject({ id: 'transferContract', name: '存量房买卖合同' });
  });

  it('lets an office switch a type off, change its fee rule or its tracks', () => {
    expect(typeOf({ easement: { enabled: false } }, 'easement').enabled).toBe(false);
    expect(typeOf({ change: { feeRule: 'free' } }, 'change').feeRule).toBe('free');
    expect(typeOf({ first: { tracks: { tax: 'always' } } }, 'first').tracks).toEqual({ transaction: 'never', tax: 'always' });
  });

  it('refuses contract filing as a required material, naming the field and the policy', () => {
    expect(
      reasonsOf({ transfer: { addMaterials: [{ id: 'filing', name: '网签备案合同', requirement: 'required' }] } }),
    ).toEqual([
      'businessTypes.transfer.materials.8.requirement：“网签备案合同”不能作为受理必交材料：一窗受理、并行办理，合同备案、交易确认不得作为登记受理的前置条件，可设为可选材料',
    ]);
    expect(reasonsOf({ transfer: { addMaterials: [{ id: 'filing', name: '网签备案合同', requirement: 'optional' }] } })).toEqual([]);
  });

  it('refuses to drop the power of attorney where agents may act, unless agents are switched off', () => {
    expect(reasonsOf({ change: { removeMaterials: ['powerOfAttorney'] } })).toEqual([
      'businessTypes.change.materials：允许代理人办理的业务，材料清单必须包含授权委托书（powerOfAttorney），且为“代理时必交”或“必交”',
    ]);
    expect(reasonsOf({ change: { removeMaterials: ['powerOfAttorney', 'agentIdentity'], roles: { agent: 'none' } } })).toEqual([]);
  });

  it('names the field of every configuration mistake', () => {
    expect(reasonsOf({ transfer: { removeMaterials: ['nothing'] } })).toEqual(['businessTypes.transfer.removeMaterials.0：清单中没有编号为 nothing 的材料']);
    expect(reasonsOf({ transfer: { addMaterials: [{ id: 'titleCertificate', name: '不动产权证书', requirement: 'required' }] } })).toEqual([
      'businessTypes.transfer.addMaterials.0.id：清单中已有编号为 titleCertificate 的材料；要修改请先在 removeMaterials 中删除',
      'businessTypes.transfer.materials.8.id：材料编号 titleCertificate 重复，每项材料的编号应唯一',
    ]);
    expect(reasonsOf({ transfer: { addMaterial: [] } })).toEqual(['businessTypes.transfer.addMaterial：不认识的字段（是否拼写错误？）']);
    expect(reasonsOf({ transfer: { promisedWorkingDays: 31 } })).toEqual(['businessTypes.transfer.promisedWorkingDays：取值过大或过长，最大为 30']);
    expect(reasonsOf({ transfer: { addMaterials: [{ id: '结婚证', name: '结婚证', requirement: 'optional' }] } })).toEqual([
      'businessTypes.transfer.addMaterials.0.id：材料编号应为英文字母开头的字母或数字（如 marriageCertificate）',
    ]);
    expect(reasonsOf({ tranfser: {} })).toEqual(['businessTypes.tranfser：不认识的字段（是否拼写错误？）']);
    expect(reasonsOf('not an object')).toEqual(['businessTypes：类型不正确，应为 record']);
  });
});
