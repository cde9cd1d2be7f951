import { describe, expect, it } from 'vitest';
import { platformEventText } from '../../renderer/src/features/cases/platform-events';
import { splitPayment, taxAssessedFen, taxItems } from '../../renderer/src/features/cases/payment-split';

/** Fees and taxes in the platform's one payment: never shown as each other (issue #17). */
describe('payment split: registration fees apart from taxes', () => {
  const paid = (amountFen: number) => ({ paid: true, amountFen, paidAt: '2026-12-04T02:00:00Z', channel: '非税支付平台' });

  it('a mortgage’s 80 元 with no tax notice is a fee, not 已缴税', () => {
    expect(splitPayment(8000, null)).toEqual({ feesFen: 8000, taxFen: 0 });
    const text = platformEventText('platform.payment.result', paid(8000), { taxAssessedFen: null })!;
    expect(text.title).toBe('缴费结果：已缴 ¥80.00');
    expect(text.lines[0]).toBe('登记费（登记机构收取），不含税款');
    expect(JSON.stringify(text)).not.toMatch(/缴税/);
  });

  it('a transfer’s fee plus tax in one payment is named as both parts', () => {
    expect(splitPayment(813_500, 805_500)).toEqual({ feesFen: 8000, taxFen: 805_500 });
    const text = platformEventText('platform.payment.result', paid(813_500), { taxAssessedFen: 805_500 })!;
    expect(text.title).toBe('缴费结果：已缴 ¥8,135.00');
    expect(text.lines[0]).toBe('其中登记费 ¥80.00（登记机构收取），税款 ¥8,055.00（税务部门征收）');
  });

  it('a payment of exactly the assessed tax is 缴税; an unpaid one says what is due, split', () => {
    expect(platformEventText('platform.payment.result', paid(3_580_000), { taxAssessedFen: 3_580_000 })!.title).toBe('缴税结果：已缴 ¥35,800.00');
    const unpaid = platformEventText('platform.payment.result', { paid: false, amountFen: 813_500 }, { taxAssessedFen: 805_500 })!;
    expect(unpaid).toMatchObject({ title: '缴费结果：未缴', tone: 'danger' });
    expect(unpaid.lines).toEqual(['应缴 ¥8,135.00', '其中登记费 ¥80.00（登记机构收取），税款 ¥8,055.00（税务部门征收）']);
  });

  it('reads the assessed tax and its items from the last tax notice of the timeline', () => {
    const timeline = [
      { action: 'cases.accept', detail: {} },
      { action: 'platform.tax.notice', detail: { items: [{ name: '契税', amountFen: 100 }], totalFen: 100 } },
      { action: 'platform.tax.notice', detail: { items: [{ name: '契税', amountFen: 805_500 }, { name: '印花税', amountFen: 400 }] } },
    ];
    expect(taxAssessedFen(timeline)).toBe(805_900);
    expect(taxItems(timeline)).toEqual([
      { name: '契税', amountFen: 805_500 },
      { name: '印花税', amountFen: 400 },
    ]);
    expect(taxAssessedFen([])).toBeNull();
  });
});
