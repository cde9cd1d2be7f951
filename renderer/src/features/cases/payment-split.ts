/**
 * The platform has one payment step for a case (test/platform/API.md: fees + taxes in one
 * payment). A counter never shows one as the other: registration fees are the office's (非税收入),
 * taxes are assessed and collected by 税务. The tax part is at most what the last tax notice
 * assessed; the rest of the payment is fees.
 */
export interface PaymentSplit {
  feesFen: number;
  taxFen: number;
}

export function splitPayment(amountFen: number, taxAssessedFen: number | null): PaymentSplit {
  const taxFen = Math.max(0, Math.min(amountFen, taxAssessedFen ?? 0));
  return { feesFen: amountFen - taxFen, taxFen };
}

/** The tax 税务 assessed, from the case's timeline: the last tax notice's total (null: none yet). */
export function taxAssessedFen(timeline: ReadonlyArray<{ action: string; detail: Record<string, unknown> }> | undefined): number | null {
  const notices = (timeline ?? []).filter((e) => e.action === 'platform.tax.notice');
  const last = notices.at(-1)?.detail;
  if (!last) return null;
  if (typeof last.totalFen === 'number') return last.totalFen;
  const items = Array.isArray(last.items) ? last.items : [];
  return items.reduce((sum: number, i: unknown) => sum + (typeof (i as { amountFen?: unknown })?.amountFen === 'number' ? (i as { amountFen: number }).amountFen : 0), 0);
}

/** The last tax notice's items, for the case's 税款 panel. */
export function taxItems(timeline: ReadonlyArray<{ action: string; detail: Record<string, unknown> }> | undefined): Array<{ name: string; amountFen: number }> {
  const last = (timeline ?? []).filter((e) => e.action === 'platform.tax.notice').at(-1)?.detail;
  const items = Array.isArray(last?.items) ? (last.items as unknown[]) : [];
  return items.flatMap((i) => {
    const { name, amountFen } = (i ?? {}) as { name?: unknown; amountFen?: unknown };
    return typeof amountFen === 'number' ? [{ name: typeof name === 'string' && name.trim() ? name : '税款', amountFen }] : [];
  });
}
