import type { CommandAnswer, CommandDeps } from './case-commands';
import { errorBody } from './http-io';
import { announceOfficeCase, recordHistory, setCertificatePrinted } from './office-review';
import { loadReviewed, stageMismatch } from './review-commands';
import type { Actor } from './review-schemas';
import type { Db } from './database';

/**
 * 缮证 (issue #12 part 4): the office tells the platform each certificate it printed on a blank form
 * (API.md "Certificates printed"). From the first one on, 登簿退回 is refused (a printed certificate
 * can only be corrected by 更正登记); a reprint on a new form after a spoiled one is another row.
 */
export const CERTIFICATE_PRINTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS certificate_prints (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_number TEXT NOT NULL,
  number TEXT NOT NULL,
  form_serial TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS certificate_prints_case ON certificate_prints(case_number, seq);
CREATE UNIQUE INDEX IF NOT EXISTS certificate_prints_form ON certificate_prints(form_serial);
`;

export interface PrintedEntry {
  number: string;
  formSerial: string;
  at: string;
}

export function printedOf(db: Db, caseNumber: string): PrintedEntry[] {
  return db.prepare('SELECT number, form_serial AS formSerial, at FROM certificate_prints WHERE case_number = ? ORDER BY seq').all(caseNumber) as PrintedEntry[];
}

/** The certificate numbers of the case's standing 登簿 (none once it was undone). */
export function registeredNumbersOf(db: Db, caseNumber: string): string[] {
  const row = db.prepare('SELECT certificate_numbers FROM registrations WHERE case_number = ? AND undone_at IS NULL ORDER BY seq DESC LIMIT 1').get(caseNumber) as
    | { certificate_numbers: string }
    | undefined;
  return row ? (JSON.parse(row.certificate_numbers) as string[]) : [];
}

export function recordCertificatePrinted(deps: CommandDeps, cn: string, caseNumber: string, body: { number: string; formSerial: string; actor: Actor }): CommandAnswer {
  const loaded = loadReviewed(deps, cn, caseNumber);
  if ('answer' in loaded) return loaded.answer;
  const { c, review } = loaded;
  const { db } = deps;
  if (review.stage !== 'registered') return stageMismatch(caseNumber, `案件 ${caseNumber} 不在“已登簿”环节，不能登记证书打印。`, review.stage);
  if (!registeredNumbersOf(db, caseNumber).includes(body.number)) {
    return { status: 409, body: errorBody('CERTIFICATE_NOT_OF_CASE', `证号 ${body.number} 不是案件 ${caseNumber} 本次登簿发放的证号。`), caseNumber };
  }
  const used = db.prepare('SELECT case_number, number FROM certificate_prints WHERE form_serial = ?').get(body.formSerial) as { case_number: string; number: string } | undefined;
  if (used) {
    return { status: 409, body: errorBody('FORM_SERIAL_USED', `印制号 ${body.formSerial} 已用于证号 ${used.number}（案件 ${used.case_number}），同一张证书纸不能登记两次。`), caseNumber };
  }
  const at = deps.now();
  db.prepare('INSERT INTO certificate_prints (case_number, number, form_serial, at, actor) VALUES (?, ?, ?, ?, ?)').run(caseNumber, body.number, body.formSerial, at.toISOString(), JSON.stringify(body.actor));
  setCertificatePrinted(db, caseNumber, true);
  recordHistory(db, { caseNumber, stage: 'registered', action: 'certificatePrinted', detail: { number: body.number, formSerial: body.formSerial }, actor: body.actor, workstation: cn, at: at.toISOString() });
  announceOfficeCase(db, c, at, false);
  return { status: 200, body: { caseNumber, printed: printedOf(db, caseNumber) }, caseNumber };
}
