import type { PlatformCase } from './case-repository';
import type { CertificateKind } from './numbers';
import { registrationTypeOf } from './register-effects';

/**
 * What the provincial side does with an accepted case, as the automatic decisions play it
 * (API.md "Change feed"): review starts (with the housing bureau's filing and the tax bureau's
 * assessment in parallel — 一窗受理、并行办理), the tax notice, the one payment step (一次缴费:
 * fees and taxes together), approval, and 登簿 with the e-certificate numbers. Steps that do not
 * apply to a case (no tax track, nothing to pay) are skipped.
 */
export interface PlannedEvent {
  kind: string;
  data: Record<string, unknown>;
}

export interface StepContext {
  at: Date;
  /** Issues `count` consecutive numbers of one kind (persisted sequence). */
  issueNumbers(kind: CertificateKind, count: number): string[];
}

export interface LifeStep {
  name: string;
  applies(c: PlatformCase): boolean;
  events(c: PlatformCase, ctx: StepContext): PlannedEvent[];
}

export const LIFE_STEPS: readonly LifeStep[] = [
  {
    name: 'review',
    applies: () => true,
    events: (c) => [
      trackChanged('registration', 'reviewing', '审核中'),
      ...(applies(c, 'transaction') ? [trackChanged('transaction', 'filed', '已备案')] : []),
      ...(applies(c, 'tax') ? [trackChanged('tax', 'assessing', '核税中')] : []),
    ],
  },
  {
    name: 'tax-notice',
    applies: (c) => applies(c, 'tax'),
    events: (c) => [{ kind: 'tax.notice', data: taxNotice(c) }],
  },
  {
    name: 'payment',
    applies: (c) => amountDue(c) > 0,
    events: (c, ctx) => [
      { kind: 'payment.result', data: { paid: true, amountFen: amountDue(c), paidAt: ctx.at.toISOString(), channel: '非税支付平台（聚合支付）' } },
      ...(applies(c, 'tax') ? [trackChanged('tax', 'paid', '已缴税')] : []),
    ],
  },
  {
    name: 'approve',
    applies: () => true,
    events: () => [{ kind: 'review.decision', data: { decision: 'approve', reasons: [] } }],
  },
  {
    name: 'register',
    applies: () => true,
    events: (c, ctx) => [{ kind: 'registered', data: { registeredAt: ctx.at.toISOString(), certificateNumbers: certificatesFor(c, ctx) } }],
  },
];

/** Residential price the stand-in assumes for the tax base (长沙 second-hand average, rounded). */
const PRICE_FEN_PER_M2 = { residential: 900_000, nonResidential: 1_500_000, parking: 900_000 } as const;

/**
 * 契税 (deed tax) on the assumed price: residential 1 % up to 140 m², 1.5 % above (the 2024 rates
 * for a family's first home), non-residential 3 %; non-residential also pays 印花税 0.05 %.
 * Amounts are whole fen.
 */
export function taxNotice(c: PlatformCase): { items: Array<{ name: string; amountFen: number }>; totalFen: number } {
  let deed = 0;
  let stamp = 0;
  for (const unit of c.body.units) {
    const price = (unit.areaM2 ?? 0) * PRICE_FEN_PER_M2[unit.use];
    const rate = unit.use === 'nonResidential' ? 0.03 : (unit.areaM2 ?? 0) > 140 ? 0.015 : 0.01;
    deed += Math.round(price * rate);
    if (unit.use === 'nonResidential') stamp += Math.round(price * 0.0005);
  }
  const items = [{ name: '契税', amountFen: deed }, ...(stamp > 0 ? [{ name: '印花税', amountFen: stamp }] : [])];
  return { items, totalFen: items.reduce((sum, item) => sum + item.amountFen, 0) };
}

/** 一次缴费: the registration fees and, where the tax track applies, the taxes. */
function amountDue(c: PlatformCase): number {
  return c.body.feeTotalFen + (applies(c, 'tax') ? taxNotice(c).totalFen : 0);
}

/** 不动产权证书 for rights in the property, 不动产登记证明 for rights on it; none for cancellations and seizures. */
const CERTIFICATE_KINDS: Record<string, CertificateKind | undefined> = {
  first: 'certificate',
  transfer: 'certificate',
  change: 'certificate',
  correction: 'certificate',
  mortgageFirst: 'proof',
  mortgageChange: 'proof',
  preRegistration: 'proof',
  objection: 'proof',
  easement: 'proof',
  residence: 'proof',
};

/** Which certificate a registration issues and how many: one per holder under 按份共有, otherwise one naming every holder. */
export function certificatePlan(c: PlatformCase): { kind: CertificateKind; count: number } | null {
  const kind = CERTIFICATE_KINDS[registrationTypeOf(c)];
  if (!kind) return null;
  const holders = c.body.parties.filter((p) => p.role === 'holder').length;
  return { kind, count: kind === 'certificate' && c.body.coOwnership === 'shares' ? Math.max(holders, 1) : 1 };
}

function certificatesFor(c: PlatformCase, ctx: StepContext): string[] {
  const plan = certificatePlan(c);
  return plan ? ctx.issueNumbers(plan.kind, plan.count) : [];
}

function applies(c: PlatformCase, track: 'transaction' | 'tax'): boolean {
  return c.body.tracks[track] !== 'not_applicable';
}

function trackChanged(track: string, status: string, label: string): PlannedEvent {
  return { kind: 'track.changed', data: { track, status, label } };
}
