import { businessTypeIdSchema, LEGACY_BUSINESS_TYPE_MAP } from '../../contract';
import type { Db } from '../store/database';
import type { CaseStatus } from './case-record';
import type { SearchableCase } from './case-repository';

/**
 * Substring search over case number, party names, unit codes and addresses (Chinese included).
 * FTS5's trigram tokenizer answers queries of 3 or more characters from its index. Shorter ones
 * (two-character names such as 张三 are common) search party names through an index of every
 * suffix of every name, and case numbers by prefix. ID numbers and phones are never indexed.
 */
export function indexCase(db: Db, c: SearchableCase): void {
  db.prepare('DELETE FROM case_search WHERE rowid = ?').run(c.id);
  db.prepare('DELETE FROM case_name_suffixes WHERE case_id = ?').run(c.id);
  const suffix = db.prepare('INSERT INTO case_name_suffixes (suffix, case_id) VALUES (?, ?)');
  for (const name of new Set(c.parties.map((p) => p.name))) {
    const chars = [...name];
    for (let i = 0; i < chars.length; i++) suffix.run(chars.slice(i).join(''), c.id);
  }
  db.prepare('INSERT INTO case_search (rowid, case_number, names, unit_codes, addresses) VALUES (?, ?, ?, ?, ?)').run(
    c.id,
    [c.caseNumber, c.officialNumber].filter(Boolean).join(' '),
    c.parties.map((p) => p.name).join(' '),
    c.units.map((u) => u.unitCode).join(' '),
    c.units.map((u) => u.address).join(' '),
  );
}

export interface CaseQuery {
  text?: string;
  /** Only these cases (a number looked up exactly, see case-lookup-search.ts); replaces `text`. */
  ids?: number[];
  status?: CaseStatus[];
  businessType?: string;
  /** Accepted (or, for drafts, created) on or after / before these ISO dates. */
  from?: string;
  to?: string;
  limit: number;
  offset?: number;
}

export interface CaseListRow {
  id: number;
  caseNumber: string | null;
  businessType: string;
  status: CaseStatus;
  names: string;
  unitCodes: string;
  addresses: string;
  createdAt: string;
  acceptedAt: string | null;
  promisedDate: string | null;
}

/** Beyond this many matches the list says "1000+": nobody pages through more. */
export const TOTAL_CAP = 1000;

export function searchCases(db: Db, q: CaseQuery): { rows: CaseListRow[]; total: number; totalCapped: boolean } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const text = q.ids ? undefined : q.text?.trim().replace(/\s+/g, ' ');
  if (q.ids) {
    where.push('c.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(q.ids);
  }
  if (text) {
    if ([...text].length >= 3) {
      where.push('s.case_search MATCH @match');
      params.match = `"${text.replace(/"/g, '""')}"`;
    } else {
      where.push(
        `(c.id IN (SELECT case_id FROM case_name_suffixes WHERE suffix >= @short AND suffix < @shortEnd)
          OR (c.case_number >= @short AND c.case_number < @shortEnd))`,
      );
      params.short = text;
      params.shortEnd = `${text}\u{10FFFF}`;
    }
  }
  if (q.status && q.status.length > 0) {
    where.push(`c.status IN (${q.status.map((_, i) => `@st${i}`).join(', ')})`);
    q.status.forEach((s, i) => (params[`st${i}`] = s));
  }
  if (q.businessType) {
    // A first-release id and its catalogue key name the same type: cases stored either way match.
    const legacy = businessTypeIdSchema.safeParse(q.businessType);
    const key = legacy.success ? LEGACY_BUSINESS_TYPE_MAP[legacy.data] : q.businessType;
    const legacyIds = Object.entries(LEGACY_BUSINESS_TYPE_MAP).filter(([, k]) => k === key).map(([id]) => id);
    const ids = [key, ...legacyIds];
    where.push(`c.business_type IN (${ids.map((_, i) => `@type${i}`).join(', ')})`);
    ids.forEach((id, i) => (params[`type${i}`] = id));
  }
  if (q.from) {
    where.push('coalesce(c.accepted_at, c.created_at) >= @from');
    params.from = q.from;
  }
  if (q.to) {
    where.push('coalesce(c.accepted_at, c.created_at) < @to');
    params.to = q.to;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = 'FROM cases c JOIN case_search s ON s.rowid = c.id';
  const rows = db
    .prepare(
      `SELECT c.id, c.case_number AS caseNumber, c.business_type AS businessType, c.status, s.names, s.unit_codes AS unitCodes,
              s.addresses, c.created_at AS createdAt, c.accepted_at AS acceptedAt, c.promised_date AS promisedDate
       ${from} ${clause} ORDER BY coalesce(c.accepted_at, c.created_at) DESC, c.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset ?? 0 }) as CaseListRow[];
  // Counting every match of a common word would cost more than the page itself: count to a cap.
  const total = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${from} ${clause} LIMIT ${TOTAL_CAP + 1})`).get(params) as { n: number }).n;
  return { rows, total: Math.min(total, TOTAL_CAP), totalCapped: total > TOTAL_CAP };
}
