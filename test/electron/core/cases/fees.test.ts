import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/contract/errors';
import { DEFAULT_BUSINESS_TYPES, type BusinessType, type BusinessTypeId } from '../../../../electron/contract/validation/business-types';
import { DEFAULT_FEE_SCHEDULE, UNIT_USES, type FeeSchedule } from '../../../../electron/contract/validation/fee-schedule';
import { computeFees, overrideFees } from '../../../../electron/core/cases/fees';

const byId = (id: BusinessTypeId): BusinessType => DEFAULT_BUSINESS_TYPES.find((t) => t.id === id) as BusinessType;

describe('fees of a case (发改价格规〔2016〕2559号)', () => {
  it('charges 80 元 for a residential transfer with one certificate', () => {
    expect(computeFees({ businessType: byId('transfer'), use: 'residential', certificates: 1 })).toEqual({
      lines: [{ code: '1041501', name: '住宅类不动产登记费', quantity: 1, amountFen: 8000 }],
      totalFen: 8000,
      exemptionId: null,
      notes: [],
      manual: false,
      overrideReason: null,
    });
  });

  it('charges 550 元 non-residential and 80 元 for a parking space, garage or storage room', () => {
    expect(computeFees({ businessType: byId('first'), use: 'nonResidential', certificates: 1 }).totalFen).toBe(55000);
    expect(computeFees({ businessType: byId('first'), use: 'parking', certificates: 1 }).lines).toEqual([
      { code: '1041502', name: '车位、车库、储藏室不动产登记费', quantity: 1, amountFen: 8000 },
    ]);
  });

  it('adds 10 元 工本费 for each certificate after the first', () => {
    const quote = computeFees({ businessType: byId('transfer'), use: 'residential', certificates: 3 });
    expect(quote.lines[1]).toEqual({ code: '1041503', name: '不动产权属证书工本费', quantity: 2, amountFen: 2000 });
    expect(quote.totalFen).toBe(10000);
    expect(quote.notes).toEqual(['核发3本证书，第一本免收工本费，另2本每本10元。']);
  });

  it('charges nothing for pre-registration, cancellation and seizure, however many certificates', () => {
    for (const id of ['preRegistration', 'cancellation', 'mortgageCancellation', 'seizure'] as const) {
      const quote = computeFees({ businessType: byId(id), use: 'nonResidential', certificates: 2 });
      expect(quote, id).toMatchObject({ lines: [], totalFen: 0, notes: [`${byId(id).name}不收取不动产登记费。`] });
    }
  });

  it('applies a configured exemption, waiving or halving the registration fee', () => {
    const waived = computeFees({ businessType: byId('transfer'), use: 'nonResidential', certificates: 2, exemptionId: 'smallEnterprise' });
    expect(waived.lines.map((l) => l.amountFen)).toEqual([0, 1000]);
    expect(waived).toMatchObject({ totalFen: 1000, exemptionId: 'smallEnterprise' });
    expect(waived.notes[0]).toBe('小微企业（含个体工商户）申请不动产登记：免收不动产登记费。');

    const halfSchedule: FeeSchedule = {
      ...DEFAULT_FEE_SCHEDULE,
      exemptions: [{ id: 'objectionHalf', name: '申请更正登记、异议登记', registration: 'half', certificates: 'charge' }],
    };
    expect(computeFees({ businessType: byId('objection'), use: 'nonResidential', certificates: 1, exemptionId: 'objectionHalf' }, halfSchedule).totalFen).toBe(27500);
    expect(computeFees({ businessType: byId('correction'), use: 'residential', certificates: 2, exemptionId: 'officeError' }).totalFen).toBe(0);
  });

  it('uses an office’s own amounts and item codes', () => {
    const schedule: FeeSchedule = {
      ...DEFAULT_FEE_SCHEDULE,
      registration: { ...DEFAULT_FEE_SCHEDULE.registration, residential: { code: '9990001', name: '住宅登记费', amountFen: 6000 } },
    };
    expect(computeFees({ businessType: byId('transfer'), use: 'residential', certificates: 1 }, schedule).lines[0]).toMatchObject({ code: '9990001', amountFen: 6000 });
  });

  it('refuses an unknown exemption or a negative certificate count with a coded error', () => {
    const call = (exemptionId: string | null, certificates: number) => () =>
      computeFees({ businessType: byId('transfer'), use: 'residential', certificates, exemptionId });
    expect(call('nope', 1)).toThrow(AppError);
    expect(call('nope', 1)).toThrow('所选减免项目不在本机构的收费配置中，请重新选择。');
    expect(call(null, -1)).toThrow('发证数量应为0或正整数。');
  });

  it('totals integer fen: registration fee plus 10 元 per extra certificate (property)', () => {
    const chargeable = DEFAULT_BUSINESS_TYPES.filter((t) => t.feeRule === 'standard');
    fc.assert(
      fc.property(fc.constantFrom(...chargeable), fc.constantFrom(...UNIT_USES), fc.integer({ min: 0, max: 20 }), (type, use, certificates) => {
        const quote = computeFees({ businessType: type, use, certificates });
        expect(Number.isInteger(quote.totalFen)).toBe(true);
        expect(quote.totalFen).toBe(quote.lines.reduce((sum, l) => sum + l.amountFen, 0));
        expect(quote.totalFen).toBe(DEFAULT_FEE_SCHEDULE.registration[use].amountFen + 1000 * Math.max(0, certificates - 1));
      }),
    );
  });
});

describe('manual fee changes', () => {
  const quote = computeFees({ businessType: byId('transfer'), use: 'parking', certificates: 2 });

  it('requires a reason', () => {
    expect(overrideFees(quote, { lines: [{ code: '1041502', amountFen: 0 }], reason: '   ' })).toEqual({
      ok: false,
      code: 'INVALID_FEE_OVERRIDE',
      reasons: ['修改收费金额必须填写原因。'],
    });
  });

  it('returns the changed quote and a record of the change for the audit log', () => {
    const result = overrideFees(quote, {
      lines: [
        { code: '1041502', amountFen: 0 },
        { code: '1041503', quantity: 1, amountFen: 1000 },
      ],
      reason: ' 配套车位不单独发证，免收登记费 ',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.quote).toMatchObject({ totalFen: 1000, manual: true, overrideReason: '配套车位不单独发证，免收登记费' });
    expect(result.quote.lines[0].name).toBe('车位、车库、储藏室不动产登记费');
    expect(result.quote.notes.at(-1)).toBe('收费金额已人工调整，原因：配套车位不单独发证，免收登记费');
    expect(result.change).toEqual({
      action: 'fee.override',
      reason: '配套车位不单独发证，免收登记费',
      before: { lines: quote.lines, totalFen: 9000 },
      after: { lines: result.quote.lines, totalFen: 1000 },
    });
  });

  it('rejects unknown item codes, bad amounts and changes that change nothing', () => {
    const reasons = (lines: Array<{ code: string; amountFen: number; quantity?: number }>): string[] => {
      const r = overrideFees(quote, { lines, reason: '核对' });
      return r.ok ? [] : r.reasons;
    };
    expect(reasons([{ code: '123456', amountFen: 100 }])).toEqual(['第1项收费项目编码不在本机构的收费配置中。']);
    expect(reasons([{ code: '1041502', amountFen: -1 }])).toEqual(['第1项金额应为不小于0的整数（单位：分）。']);
    expect(reasons([{ code: '1041502', amountFen: 80.5 }])).toEqual(['第1项金额应为不小于0的整数（单位：分）。']);
    expect(reasons([{ code: '1041502', amountFen: 100, quantity: 0 }])).toEqual(['第1项数量应为正整数。']);
    expect(reasons(quote.lines)).toEqual(['收费金额没有变化，无需修改。']);
  });
});
