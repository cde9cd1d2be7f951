import type { RegisterRecord, ReviewCheck } from '../../../contract';
import type { SubmissionBody } from '../office-cache';

/**
 * A named automatic check of the review workspace (issue #11). Each rule looks at the application
 * and the units' register records and says what it found, with the article it rests on. `block`
 * refuses 通过; `decide` needs the reviewer's explicit acknowledgement; `info` is shown only.
 */
export interface ReviewRuleInput {
  body: SubmissionBody;
  /** 登记类型 of the application: the catalogue's registration type, else the business type id. */
  registrationType: string;
  /** The units' records (null: not fetched, e.g. offline with nothing cached). */
  records: ReadonlyMap<string, RegisterRecord | null>;
}

export interface ReviewRule {
  id: string;
  level: ReviewCheck['level'];
  source: string;
  /** Null when the rule does not apply to this case; else the finding. */
  check(input: ReviewRuleInput): { ok: boolean; message: string } | null;
}

type Restriction = RegisterRecord['restrictions'][number];
type Right = RegisterRecord['rights'][number];

/** Restrictions of a kind in force on the application's units, with their unit. */
export function restrictionsInForce(input: ReviewRuleInput, kind: string): Array<{ unitCode: string; r: Restriction }> {
  const found: Array<{ unitCode: string; r: Restriction }> = [];
  for (const [unitCode, record] of input.records) {
    for (const r of record?.restrictions ?? []) if (r.kind === kind && (r.state === 'current' || r.state === 'provisional')) found.push({ unitCode, r });
  }
  return found;
}

/** The unit's ownership right in force (现势), if any. */
export function currentOwnership(record: RegisterRecord | null | undefined): Right | undefined {
  return record?.rights.find((r) => r.kind === 'ownership' && r.state === 'current');
}

/** Whether the type disposes of the unit (转移, 抵押, 变更) — what 查封 and 预告 stop. */
export function isDisposal(type: string): boolean {
  return ['transfer', 'mortgageFirst', 'change', 'mortgageChange'].includes(type);
}

export function since(r: Restriction): string {
  return r.since ? `，自 ${r.since}` : '';
}
