/**
 * The unit's register record as the platform answers GET /api/v1/units/{unitCode} (review-shared
 * wire): rights with their state, holders with shares, restrictions with state, and history. The
 * shapes here are the screen's reading of it; fields the platform may omit are optional.
 */
export type RightState = 'provisional' | 'current' | 'historic' | 'terminated';
export type RestrictionKind = 'mortgage' | 'seizure' | 'objection' | 'preRegistration' | 'residence';

export interface RegisterHolder {
  name: string;
  idTail?: string | null;
  share: string | null;
}
export interface RegisterRight {
  id?: string;
  kind: string;
  state?: RightState;
  holders: ReadonlyArray<RegisterHolder | string>;
  coOwnership?: string | null;
  certificateNumber: string | null;
  registeredAt: string | null;
}
export interface RegisterRestriction {
  id?: string;
  kind: RestrictionKind;
  state?: RightState;
  holder: string | null;
  since: string | null;
  until: string | null;
  note: string | null;
}
export interface RegisterHistoryEntry {
  at?: string | null;
  kind?: string;
  what?: string;
  caseNumber?: string | null;
  [key: string]: unknown;
}
export interface RegisterRecordData {
  unitCode: string;
  address: string;
  registerVersion?: number;
  rights: readonly RegisterRight[];
  restrictions: readonly RegisterRestriction[];
  history?: readonly RegisterHistoryEntry[];
}

export const RIGHT_STATE: Record<RightState, { label: string; color: string }> = {
  provisional: { label: '临时', color: 'gold' },
  current: { label: '现势', color: 'green' },
  historic: { label: '历史', color: 'default' },
  terminated: { label: '终止', color: 'default' },
};

export const RIGHT_KIND: Record<string, string> = {
  ownership: '房屋所有权',
  landUse: '建设用地使用权',
  mortgage: '抵押权',
  easement: '地役权',
  residence: '居住权',
};

/** Restrictions as the office names them, each its own colour so a red one is seen at a glance. */
export const RESTRICTION_KIND: Record<RestrictionKind, { label: string; color: string; holder: string }> = {
  mortgage: { label: '抵押', color: 'orange', holder: '抵押权人' },
  seizure: { label: '查封', color: 'red', holder: '查封机关' },
  objection: { label: '异议', color: 'magenta', holder: '异议人' },
  preRegistration: { label: '预告', color: 'gold', holder: '预告登记权利人' },
  residence: { label: '居住权', color: 'purple', holder: '居住权人' },
};

/** A holder line: name, ID tail and share (`张三（尾号042X）1/2`); the platform sends no full ID. */
export function holderText(h: RegisterHolder | string): string {
  if (typeof h === 'string') return h;
  return `${h.name}${h.idTail ? `（尾号${h.idTail}）` : ''}${h.share ? ` ${h.share}` : ''}`;
}

/** 共有 as the certificate writes it. */
export function coOwnershipText(kind: string | null | undefined): string | null {
  if (!kind) return null;
  return ({ sole: '单独所有', joint: '共同共有', shares: '按份共有' } as Record<string, string>)[kind] ?? kind;
}

const STATE_ORDER: Record<RightState, number> = { current: 0, provisional: 1, historic: 2, terminated: 3 };

/** Rights in reading order: 现势 first, then 临时, then 历史 and 终止; same state newest first. */
export function orderedRights(rights: readonly RegisterRight[]): RegisterRight[] {
  return [...rights].sort(
    (a, b) => STATE_ORDER[a.state ?? 'current'] - STATE_ORDER[b.state ?? 'current'] || (b.registeredAt ?? '').localeCompare(a.registeredAt ?? ''),
  );
}

/** Restrictions in force (those without a state are in force: the counter's older answer). */
export function activeRestrictions(restrictions: readonly RegisterRestriction[]): RegisterRestriction[] {
  return restrictions.filter((r) => r.state === undefined || r.state === 'current' || r.state === 'provisional');
}

/** One line for a restriction: who holds it and for how long. */
export function restrictionText(r: RegisterRestriction): string {
  const k = RESTRICTION_KIND[r.kind];
  const parts = [r.holder ? `${k.holder} ${r.holder}` : null, r.since ? `自 ${r.since}${r.until ? ` 至 ${r.until}` : ''}` : r.until ? `至 ${r.until}` : null, r.note];
  return parts.filter(Boolean).join('，') || '—';
}

/** One line for a history entry whatever fields the platform gives (date, what, the case that ended it). */
export function historyText(h: RegisterHistoryEntry): string {
  const what = h.what ?? (typeof h.kind === 'string' ? (RIGHT_KIND[h.kind] ?? RESTRICTION_KIND[h.kind as RestrictionKind]?.label ?? h.kind) : '');
  const holders = Array.isArray(h.holders) ? (h.holders as Array<RegisterHolder | string>).map(holderText).join('、') : '';
  return [h.at ?? '', what, holders, h.caseNumber ? `（业务 ${h.caseNumber}）` : ''].filter(Boolean).join(' ');
}
