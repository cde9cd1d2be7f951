import { describe, expect, it } from 'vitest';
import { overrideFees, type FeeQuote } from '../../../../electron/core/cases/fees';

describe('manual fee changes', () => {
  // A parking space's transfer with two certificates, as calculateFees prices it.
  const quote: FeeQuote = {
    lines: [
      { code: '1041502', name: '车位、车库、储藏室不动产登记费', quantity: 1, amountFen: 8000 },
      { code: '1041503', name: '不动产权属证书工本费', quantity: 1, amountFen: 1000 },
    ],
    totalFen: 9000,
    exemptionId: null,
    notes: ['核发2本证书，第一本免收工本费，另1本每本10元。'],
    manual: false,
    overrideReason: null,
  };

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
