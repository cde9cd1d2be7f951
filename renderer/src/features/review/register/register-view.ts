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

/**
 * The contract's register record (review.workspace `register[].record`) as the panel reads it:
 * holders with their shares when the platform gave them, states and kinds as the panel names them
 * (an unknown state reads as 现势, an unknown restriction kind is dropped rather than mislabelled).
 */
export function recordData(r: {
  unitCode: string;
  address?: string;
  registerVersion: number;
  rights: ReadonlyArray<{ id: number; kind: string; holders: string[]; holderShares?: Array<{ name: string; idTail?: string | null; share: string | null }>; coOwnership?: string | null; certificateNumber?: string | null; registeredAt?: string | null; state: string }>;
  restrictions: ReadonlyArray<{ id: number; kind: string; holder?: string | null; since?: string | null; until?: string | null; note?: string | null; state: string }>;
  history?: ReadonlyArray<Record<string, unknown>>;
}): RegisterRecordData {
  const state = (s: string): RightState => (s in RIGHT_STATE ? (s as RightState) : 'current');
  return {
    unitCode: r.unitCode,
    address: r.address ?? '',
    registerVersion: r.registerVersion,
    // The platform lists rights in force under `rights` and ended ones (历史/终止) under `history`:
    // the panel shows both in one table, 现势 first, so the reviewer sees whose title came before.
    rights: [...r.rights.map((x) => ({
      id: String(x.id),
      kind: x.kind,
      state: state(x.state),
      holders: x.holderShares && x.holderShares.length > 0 ? x.holderShares : x.holders,
      coOwnership: x.coOwnership ?? null,
      certificateNumber: x.certificateNumber ?? null,
      registeredAt: x.registeredAt ?? null,
    })), ...endedRights(r.history ?? [])],
    restrictions: r.restrictions
      .filter((x) => x.kind in RESTRICTION_KIND)
      .map((x) => ({ id: String(x.id), kind: x.kind as RestrictionKind, state: state(x.state), holder: x.holder ?? null, since: x.since ?? null, until: x.until ?? null, note: x.note ?? null })),
    history: (r.history ?? []).map(historyEntry),
  };
}

/** History entries of the platform (API.md: entry, kind, state, holders, since, endedAt, endedBy) that are rights. */
function endedRights(history: ReadonlyArray<Record<string, unknown>>): RegisterRight[] {
  return history
    .filter((h) => h.entry === 'right')
    .map((h) => ({
      id: `h${String(h.id)}`,
      kind: String(h.kind),
      state: h.state === 'terminated' ? 'terminated' : 'historic',
      holders: Array.isArray(h.holders) ? (h.holders as string[]) : [],
      certificateNumber: typeof h.certificateNumber === 'string' ? h.certificateNumber : null,
      registeredAt: typeof h.since === 'string' ? h.since : null,
    }));
}

/** One history line: when it ended, what, whose, and the case whose 登簿 ended it. */
function historyEntry(h: Record<string, unknown>): RegisterHistoryEntry {
  const kind = String(h.kind ?? '');
  const label = RIGHT_KIND[kind] ?? RESTRICTION_KIND[kind as RestrictionKind]?.label ?? kind;
  const ended = h.state === 'terminated' ? '终止' : h.entry === 'restriction' ? '注销' : '转为历史';
  return {
    at: typeof h.endedAt === 'string' ? h.endedAt.slice(0, 10) : null,
    what: `${label}${ended}`,
    holders: Array.isArray(h.holders) ? h.holders : [],
    caseNumber: typeof h.endedBy === 'string' ? h.endedBy : null,
  };
}
