import { AppError } from '../../../contract';
import { appendAudit } from '../../audit/audit-log';
import type { Db } from '../../store/database';
import { formatSerial, parseRange, parseSerial } from './form-serial';
import { FORM_STATES, FORM_TRANSITIONS, type FormAction, type FormState, type FormType } from './form-states';

/**
 * The office's stock of blank certificate forms (印制号), migration 0012. Every change of a sheet
 * is one conditional UPDATE (`… WHERE state IN (allowed)`) inside one IMMEDIATE transaction with
 * its event and audit record: of two supervisors typing the same 印制号, exactly one gets it, the
 * other a FORM_STATE_CONFLICT, whether they share a connection or not.
 */

export interface StockActor {
  id: number | null;
  name: string;
}

export interface FormRow {
  serial: string;
  batchId: number;
  formType: FormType;
  state: FormState;
  holder: string | null;
  caseNumber: string | null;
  certificateNumber: string | null;
  updatedAt: string;
}

export interface FormEvent {
  fromState: FormState | null;
  toState: FormState;
  at: string;
  actor: string;
  reason: string | null;
  holder: string | null;
  caseNumber: string | null;
  certificateNumber: string | null;
}

export interface BatchRow {
  id: number;
  year: number;
  countyCode: string;
  formType: FormType;
  firstSerial: string;
  lastSerial: string;
  count: number;
  receivedAt: string;
  receivedBy: string;
}

export type StateCounts = Record<FormState, number> & { total: number };

interface RawForm {
  serial: string;
  batch_id: number;
  form_type: FormType;
  state: FormState;
  holder: string | null;
  case_number: string | null;
  certificate_number: string | null;
  updated_at: string;
}

function toForm(r: RawForm): FormRow {
  return {
    serial: r.serial,
    batchId: r.batch_id,
    formType: r.form_type,
    state: r.state,
    holder: r.holder,
    caseNumber: r.case_number,
    certificateNumber: r.certificate_number,
    updatedAt: r.updated_at,
  };
}

export interface ReceiveBatchInput {
  year: number;
  countyCode: string;
  formType: FormType;
  firstSerial: string;
  lastSerial: string;
}

/**
 * Books a delivery: every sheet of the range becomes 未使用. A range touching an earlier one is refused
 * whole, whatever its form type: the operator identifies a sheet by its 印制号 alone.
 */
export function receiveBatch(db: Db, input: ReceiveBatchInput, actor: StockActor, now: Date): BatchRow {
  const range = parseRange(input.firstSerial, input.lastSerial);
  const at = now.toISOString();
  return db
    .transaction(() => {
      const clash = db
        .prepare('SELECT id, first_serial, last_serial, width FROM form_batches WHERE first_serial <= ? AND last_serial >= ? LIMIT 1')
        .get(range.last, range.first) as { id: number; first_serial: number; last_serial: number; width: number } | undefined;
      if (clash) {
        throw new AppError('FORM_BATCH_OVERLAP', undefined, {
          batchId: clash.id,
          first: formatSerial(clash.first_serial, clash.width),
          last: formatSerial(clash.last_serial, clash.width),
        });
      }
      const info = db
        .prepare('INSERT INTO form_batches (year, county_code, form_type, first_serial, last_serial, width, received_at, received_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.year, input.countyCode, input.formType, range.first, range.last, range.width, at, actor.name);
      const batchId = Number(info.lastInsertRowid);
      const insertForm = db.prepare("INSERT INTO forms (serial, batch_id, form_type, state, updated_at) VALUES (?, ?, ?, 'unused', ?)");
      const insertEvent = db.prepare("INSERT INTO form_events (serial, from_state, to_state, at, actor_id, actor, reason) VALUES (?, NULL, 'unused', ?, ?, ?, '入库')");
      for (let n = range.first; n <= range.last; n++) {
        const serial = formatSerial(n, range.width);
        insertForm.run(serial, batchId, input.formType, at);
        insertEvent.run(serial, at, actor.id, actor.name);
      }
      const batch = batchById(db, batchId)!;
      appendAudit(
        db,
        {
          actorId: actor.id,
          actor: actor.name,
          action: 'forms.receive',
          object: `form-batch:${batchId}`,
          result: 'success',
          detail: { formType: input.formType, year: input.year, countyCode: input.countyCode, first: batch.firstSerial, last: batch.lastSerial, count: batch.count },
        },
        now,
      );
      return batch;
    })
    .immediate();
}

export interface FormChange {
  /** Required for 作废, 遗失, 销毁. */
  reason?: string | null;
  /** 领用: the printer or person the sheet goes to. */
  holder?: string | null;
  caseNumber?: string | null;
  certificateNumber?: string | null;
  /** When set, a sheet of another type is refused (FORM_TYPE_MISMATCH). */
  formType?: FormType;
}

/**
 * One change of one sheet, decided inside one transaction (nested in the caller's when there is
 * one: printing uses the sheet in the same transaction that records the print).
 */
export function changeForm(db: Db, serialText: string, action: FormAction, change: FormChange, actor: StockActor, now: Date): FormRow {
  parseSerial(serialText);
  const serial = serialText.trim();
  const rule = FORM_TRANSITIONS[action];
  const reason = change.reason?.trim() || null;
  if (rule.needsReason && !reason) throw new AppError('FORM_REASON_REQUIRED');
  if (action === 'issue' && !change.holder?.trim()) throw new AppError('FORM_REASON_REQUIRED', '请填写领用的打印机或领用人。');
  const at = now.toISOString();
  return db
    .transaction(() => {
      const before = db.prepare('SELECT * FROM forms WHERE serial = ?').get(serial) as RawForm | undefined;
      if (!before) throw new AppError('FORM_NOT_FOUND', undefined, { serial });
      if (change.formType && before.form_type !== change.formType) throw new AppError('FORM_TYPE_MISMATCH', undefined, { serial, formType: before.form_type });
      const placeholders = rule.from.map(() => '?').join(', ');
      // Used/void sheets keep the case they were printed for; a plain claim keeps its holder.
      const updated = db
        .prepare(
          `UPDATE forms SET state = ?, holder = coalesce(?, holder), case_number = coalesce(?, case_number),
             certificate_number = coalesce(?, certificate_number), updated_at = ?
           WHERE serial = ? AND state IN (${placeholders})`,
        )
        .run(rule.to, change.holder?.trim() || null, change.caseNumber ?? null, change.certificateNumber ?? null, at, serial, ...rule.from);
      if (updated.changes !== 1) throw new AppError('FORM_STATE_CONFLICT', undefined, { serial, state: before.state });
      db.prepare(
        'INSERT INTO form_events (serial, from_state, to_state, at, actor_id, actor, reason, holder, case_number, certificate_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(serial, before.state, rule.to, at, actor.id, actor.name, reason, change.holder?.trim() || null, change.caseNumber ?? null, change.certificateNumber ?? null);
      appendAudit(
        db,
        {
          actorId: actor.id,
          actor: actor.name,
          action: `forms.${action}`,
          object: `form:${serial}`,
          result: 'success',
          detail: { from: before.state, to: rule.to, ...(change.caseNumber ? { caseNumber: change.caseNumber } : {}), ...(reason ? { reason } : {}) },
        },
        now,
      );
      return toForm(db.prepare('SELECT * FROM forms WHERE serial = ?').get(serial) as RawForm);
    })
    .immediate();
}

interface RawBatch {
  id: number;
  year: number;
  county_code: string;
  form_type: FormType;
  first_serial: number;
  last_serial: number;
  width: number;
  received_at: string;
  received_by: string;
}

function toBatch(r: RawBatch): BatchRow {
  return {
    id: r.id,
    year: r.year,
    countyCode: r.county_code,
    formType: r.form_type,
    firstSerial: formatSerial(r.first_serial, r.width),
    lastSerial: formatSerial(r.last_serial, r.width),
    count: r.last_serial - r.first_serial + 1,
    receivedAt: r.received_at,
    receivedBy: r.received_by,
  };
}

function batchById(db: Db, id: number): BatchRow | undefined {
  const r = db.prepare('SELECT * FROM form_batches WHERE id = ?').get(id) as RawBatch | undefined;
  return r ? toBatch(r) : undefined;
}

export const formStock = {
  form(db: Db, serial: string): FormRow | undefined {
    const r = db.prepare('SELECT * FROM forms WHERE serial = ?').get(serial.trim()) as RawForm | undefined;
    return r ? toForm(r) : undefined;
  },

  history(db: Db, serial: string): FormEvent[] {
    return (
      db
        .prepare('SELECT from_state, to_state, at, actor, reason, holder, case_number, certificate_number FROM form_events WHERE serial = ? ORDER BY id')
        .all(serial.trim()) as Array<{ from_state: FormState | null; to_state: FormState; at: string; actor: string; reason: string | null; holder: string | null; case_number: string | null; certificate_number: string | null }>
    ).map((e) => ({
      fromState: e.from_state,
      toState: e.to_state,
      at: e.at,
      actor: e.actor,
      reason: e.reason,
      holder: e.holder,
      caseNumber: e.case_number,
      certificateNumber: e.certificate_number,
    }));
  },

  batches(db: Db): BatchRow[] {
    return (db.prepare('SELECT * FROM form_batches ORDER BY id DESC').all() as RawBatch[]).map(toBatch);
  },

  /** Sheets per state (one form type, or all); `total` is the sum of the batches' sizes, so a gap shows. */
  counts(db: Db, formType?: FormType): StateCounts {
    const counts = Object.fromEntries(FORM_STATES.map((s) => [s, 0])) as StateCounts;
    const rows = db
      .prepare(`SELECT state, count(*) AS n FROM forms ${formType ? 'WHERE form_type = ?' : ''} GROUP BY state`)
      .all(...(formType ? [formType] : [])) as Array<{ state: FormState; n: number }>;
    for (const r of rows) counts[r.state] = r.n;
    const total = db
      .prepare(`SELECT coalesce(sum(last_serial - first_serial + 1), 0) AS n FROM form_batches ${formType ? 'WHERE form_type = ?' : ''}`)
      .get(...(formType ? [formType] : [])) as { n: number };
    counts.total = total.n;
    return counts;
  },

  list(db: Db, q: { formType?: FormType; state?: FormState; limit: number; offset: number }): { rows: FormRow[]; total: number } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.formType) (where.push('form_type = ?'), args.push(q.formType));
    if (q.state) (where.push('state = ?'), args.push(q.state));
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = (db.prepare(`SELECT * FROM forms ${w} ORDER BY serial LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as RawForm[]).map(toForm);
    const total = (db.prepare(`SELECT count(*) AS n FROM forms ${w}`).get(...args) as { n: number }).n;
    return { rows, total };
  },
};
