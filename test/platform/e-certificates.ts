import { z } from 'zod';
import type { BlobStore } from './blob-store';
import { appendChange } from './change-feed';
import { findCase } from './case-repository';
import type { Db } from './database';
import { errorBody } from './http-io';
import { officeOfCn } from './numbers';
import type { CommandAnswer } from './case-commands';
import type { RegisterEffects } from './register-effects';
import { MAX_BLOB_BYTES, SM3_HEX } from './wire-schemas';

/**
 * The provincial e-certificate store (API.md "E-certificates"): each e-certificate an office's 登簿
 * produced, its two files (the sealed OFD and the PDF rendition, uploaded by the missing-blob
 * protocol), its state 现势 / 注销 and its annotations (加注). A later 登簿 that ends the right an
 * e-certificate proves sets it to 注销 inside that 登簿's transaction (register-effects calls
 * `cancelSuperseded`), and the office's feed carries `ecertificate.state`.
 */
export type ECertificateState = '现势' | '注销';

export const E_CERTIFICATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS e_certificates (
  identifier TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  office TEXT NOT NULL,
  case_number TEXT NOT NULL,
  unit_codes TEXT NOT NULL,
  holders TEXT NOT NULL,
  issue_date TEXT NOT NULL,
  metadata TEXT NOT NULL,
  ofd_hash TEXT NOT NULL,
  ofd_size INTEGER NOT NULL,
  pdf_hash TEXT NOT NULL,
  pdf_size INTEGER NOT NULL,
  state TEXT NOT NULL,
  state_at TEXT NOT NULL,
  ended_by TEXT,
  received_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS e_certificates_case ON e_certificates(case_number);
-- Holders by ID number: the kiosk and banks ask for a holder's list.
CREATE TABLE IF NOT EXISTS e_certificate_holders (
  identifier TEXT NOT NULL REFERENCES e_certificates(identifier),
  id_number TEXT NOT NULL,
  PRIMARY KEY (identifier, id_number)
);
CREATE INDEX IF NOT EXISTS e_certificate_holders_id ON e_certificate_holders(id_number);
-- 加注 and state changes, in order: what happened to an e-certificate after it was issued.
CREATE TABLE IF NOT EXISTS e_certificate_annotations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  identifier TEXT NOT NULL REFERENCES e_certificates(identifier),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  case_number TEXT
);
`;

/** 1.2.156.3005.2.{21-character type code}.{18-character authority code}.{serial}.001.{check character} (GB/T 36904). */
export const IDENTIFIER = /^1\.2\.156\.3005\.2\.[0-9A-Z]{21}\.[0-9A-Z]{18}\.\d{11}\.001\.[0-9A-Z*]$/;

const fileSchema = z.object({ sm3: z.string().regex(SM3_HEX, { message: '应为64位小写十六进制的SM3杂凑值' }), size: z.number().int().min(1).max(MAX_BLOB_BYTES) });
export const eCertificateSchema = z.object({
  identifier: z.string().regex(IDENTIFIER, { message: '应为证照标识 1.2.156.3005.2.{证照类型代码}.{颁发机构代码}.{流水号}.001.{校验位}' }),
  number: z.string().min(10).max(60),
  kind: z.enum(['certificate', 'proof']),
  caseNumber: z.string().regex(/^\d{6}-\d{8}-[0-9A-Z]{2}-\d{4}$/),
  unitCodes: z.array(z.string().min(1).max(40)).min(1).max(100),
  holders: z.array(z.object({ name: z.string().min(1).max(100), idNumber: z.string().min(1).max(40) })).min(1).max(50),
  issueDate: z.iso.date(),
  metadata: z.record(z.string(), z.unknown()),
  ofd: fileSchema,
  pdf: fileSchema,
});
export type ECertificateUpload = z.infer<typeof eCertificateSchema>;

interface Row {
  identifier: string;
  number: string;
  kind: string;
  office: string;
  case_number: string;
  unit_codes: string;
  holders: string;
  issue_date: string;
  metadata: string;
  ofd_hash: string;
  ofd_size: number;
  pdf_hash: string;
  pdf_size: number;
  state: ECertificateState;
  state_at: string;
  ended_by: string | null;
  received_at: string;
}

/** POST /api/v1/e-certificates: runs inside the idempotency transaction. */
export function storeECertificate(db: Db, blobs: BlobStore, cn: string, e: ECertificateUpload, at: Date): CommandAnswer {
  const caseNumber = e.caseNumber;
  const office = officeOfCn(cn);
  const c = findCase(db, caseNumber);
  if (!c || c.office !== office) return refuse(404, 'CASE_NOT_FOUND', `平台没有本机构的案件 ${caseNumber}，不能归集其电子证照。`, caseNumber);
  const issued = db.prepare('SELECT kind, status, case_number FROM certificate_numbers WHERE number = ?').get(e.number) as
    | { kind: string; status: string; case_number: string | null }
    | undefined;
  if (!issued || issued.case_number !== caseNumber || issued.status !== 'issued') {
    const why = !issued || issued.case_number !== caseNumber ? `不是平台为案件 ${caseNumber} 登簿时发出的证号` : '已作废（登簿退回）';
    return refuse(409, 'ECERTIFICATE_NUMBER_INVALID', `证号 ${e.number} ${why}，不能归集电子证照。`, caseNumber);
  }
  if (issued.kind !== e.kind) return refuse(409, 'ECERTIFICATE_NUMBER_INVALID', `证号 ${e.number} 是${issued.kind === 'proof' ? '登记证明' : '权属证书'}的号码，与证照种类不符。`, caseNumber);
  const existing = db.prepare('SELECT * FROM e_certificates WHERE identifier = ? OR number = ?').all(e.identifier, e.number) as Row[];
  const iso = at.toISOString();
  if (existing.length > 0) {
    const same = existing.length === 1 && existing[0].identifier === e.identifier && existing[0].number === e.number && existing[0].ofd_hash === e.ofd.sm3 && existing[0].pdf_hash === e.pdf.sm3;
    if (!same) return refuse(409, 'ECERTIFICATE_EXISTS', `证照标识 ${e.identifier} 或证号 ${e.number} 已归集为另一份电子证照，平台不覆盖。`, caseNumber);
    // The same e-certificate under another key (a workstation restored from a backup): answered as before.
    return { status: 200, body: answerOf(blobs, existing[0]), caseNumber };
  }
  blobs.expect(e.ofd.sm3, e.ofd.size, 'application/ofd', 'ofd.size');
  blobs.expect(e.pdf.sm3, e.pdf.size, 'application/pdf', 'pdf.size');
  // An upload that arrives after a later 登簿 ended its right (it waited offline) is stored as 注销 at once.
  const endedBy = supersededBy(db, e.number, caseNumber, e.kind);
  const state: ECertificateState = endedBy ? '注销' : '现势';
  db.prepare(
    `INSERT INTO e_certificates (identifier, number, kind, office, case_number, unit_codes, holders, issue_date, metadata, ofd_hash, ofd_size, pdf_hash, pdf_size, state, state_at, ended_by, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.identifier, e.number, e.kind, office, caseNumber, JSON.stringify(e.unitCodes), JSON.stringify(e.holders), e.issueDate, JSON.stringify(e.metadata), e.ofd.sm3, e.ofd.size, e.pdf.sm3, e.pdf.size, state, iso, endedBy, iso);
  for (const h of e.holders) db.prepare('INSERT OR IGNORE INTO e_certificate_holders (identifier, id_number) VALUES (?, ?)').run(e.identifier, h.idNumber);
  annotate(db, e.identifier, iso, 'issued', `归集（${e.number}）`, caseNumber);
  if (endedBy) setState(db, e.identifier, '注销', iso, endedBy, `因业务 ${endedBy} 登簿注销`);
  const row = db.prepare('SELECT * FROM e_certificates WHERE identifier = ?').get(e.identifier) as Row;
  return { status: 200, body: answerOf(blobs, row), caseNumber };
}

function refuse(status: number, code: string, message: string, caseNumber: string): CommandAnswer {
  return { status, body: errorBody(code, message), caseNumber };
}

function answerOf(blobs: BlobStore, row: Row): Record<string, unknown> {
  const missingBlobs = [row.ofd_hash, row.pdf_hash].filter((h) => !blobs.isComplete(h));
  return { identifier: row.identifier, number: row.number, state: row.state, missingBlobs };
}

/** The case whose 登簿 already ended what this number proves, if one did. */
function supersededBy(db: Db, number: string, caseNumber: string, kind: string): string | null {
  if (kind === 'certificate') {
    const right = db.prepare("SELECT state, ended_by FROM rights WHERE certificate_number = ? ORDER BY id DESC LIMIT 1").get(number) as { state: string; ended_by: string | null } | undefined;
    return right && right.state !== 'current' && right.state !== 'provisional' ? (right.ended_by ?? caseNumber) : null;
  }
  const restriction = db.prepare('SELECT state, ended_by FROM restrictions WHERE case_number = ? ORDER BY id DESC LIMIT 1').get(caseNumber) as
    | { state: string; ended_by: string | null }
    | undefined;
  return restriction && restriction.state !== 'current' && restriction.state !== 'provisional' ? (restriction.ended_by ?? caseNumber) : null;
}

function annotate(db: Db, identifier: string, at: string, kind: string, text: string, caseNumber: string | null): void {
  db.prepare('INSERT INTO e_certificate_annotations (identifier, at, kind, text, case_number) VALUES (?, ?, ?, ?, ?)').run(identifier, at, kind, text, caseNumber);
}

/** Sets the state, annotates why, and tells the issuing office through its feed. */
function setState(db: Db, identifier: string, state: ECertificateState, at: string, byCase: string | null, text: string): void {
  db.prepare('UPDATE e_certificates SET state = ?, state_at = ?, ended_by = ? WHERE identifier = ?').run(state, at, state === '注销' ? byCase : null, identifier);
  annotate(db, identifier, at, state === '注销' ? 'cancelled' : 'restored', text, byCase);
  const row = db.prepare('SELECT office, case_number, number FROM e_certificates WHERE identifier = ?').get(identifier) as { office: string; case_number: string; number: string };
  appendChange(db, { office: row.office, caseNumber: row.case_number, kind: 'ecertificate.state', at, data: { identifier, number: row.number, state, at, byCase } });
}

/**
 * Inside a 登簿's transaction: e-certificates proving what this registration ended become 注销 — the
 * ownership certificate of a right that became 历史/终止, the proof of a restriction it cancelled
 * (抵押权注销 → the mortgage's 登记证明). Returns their identifiers (kept with the effects for 登簿退回).
 */
export function cancelSuperseded(db: Db, caseNumber: string, effects: RegisterEffects, at: string): string[] {
  const identifiers: string[] = [];
  for (const ended of effects.ended) {
    const rows =
      ended.table === 'rights'
        ? (db.prepare("SELECT e.identifier FROM rights r JOIN e_certificates e ON e.number = r.certificate_number WHERE r.id = ? AND e.state = '现势'").all(ended.id) as Array<{ identifier: string }>)
        : (db
            .prepare("SELECT e.identifier FROM restrictions r JOIN e_certificates e ON e.case_number = r.case_number AND e.kind = 'proof' WHERE r.id = ? AND e.state = '现势'")
            .all(ended.id) as Array<{ identifier: string }>);
    for (const { identifier } of rows) {
      setState(db, identifier, '注销', at, caseNumber, `因业务 ${caseNumber} 登簿注销`);
      identifiers.push(identifier);
    }
  }
  return identifiers;
}

/**
 * Inside a 登簿退回's transaction: what the undone 登簿 cancelled is 现势 again, and the case's own
 * e-certificates are 注销 (their numbers are voided for good).
 */
export function undoECertificates(db: Db, caseNumber: string, cancelled: readonly string[], at: string): void {
  for (const identifier of cancelled) setState(db, identifier, '现势', at, caseNumber, `业务 ${caseNumber} 登簿退回，恢复现势`);
  const own = db.prepare("SELECT identifier FROM e_certificates WHERE case_number = ? AND state = '现势'").all(caseNumber) as Array<{ identifier: string }>;
  for (const { identifier } of own) setState(db, identifier, '注销', at, caseNumber, `业务 ${caseNumber} 登簿退回，证号作废`);
}

export interface ECertificateView {
  identifier: string;
  number: string;
  kind: string;
  caseNumber: string;
  unitCodes: string[];
  holders: Array<{ name: string; idNumber: string }>;
  issueDate: string;
  metadata: Record<string, unknown>;
  ofd: { sm3: string; size: number; complete: boolean };
  pdf: { sm3: string; size: number; complete: boolean };
  state: ECertificateState;
  stateAt: string;
  endedBy: string | null;
  annotations: Array<{ at: string; kind: string; text: string; caseNumber: string | null }>;
}

function viewOf(db: Db, blobs: BlobStore, row: Row): ECertificateView {
  const annotations = db
    .prepare('SELECT at, kind, text, case_number AS caseNumber FROM e_certificate_annotations WHERE identifier = ? ORDER BY seq')
    .all(row.identifier) as ECertificateView['annotations'];
  return {
    identifier: row.identifier,
    number: row.number,
    kind: row.kind,
    caseNumber: row.case_number,
    unitCodes: JSON.parse(row.unit_codes) as string[],
    holders: JSON.parse(row.holders) as ECertificateView['holders'],
    issueDate: row.issue_date,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    ofd: { sm3: row.ofd_hash, size: row.ofd_size, complete: blobs.isComplete(row.ofd_hash) },
    pdf: { sm3: row.pdf_hash, size: row.pdf_size, complete: blobs.isComplete(row.pdf_hash) },
    state: row.state,
    stateAt: row.state_at,
    endedBy: row.ended_by,
    annotations,
  };
}

export function eCertificateByIdentifier(db: Db, blobs: BlobStore, identifier: string): ECertificateView | null {
  const row = db.prepare('SELECT * FROM e_certificates WHERE identifier = ?').get(identifier) as Row | undefined;
  return row ? viewOf(db, blobs, row) : null;
}

export function eCertificatesBy(db: Db, blobs: BlobStore, q: { number?: string; holderIdNumber?: string; caseNumber?: string }): ECertificateView[] {
  const rows = q.number
    ? (db.prepare('SELECT * FROM e_certificates WHERE number = ?').all(q.number) as Row[])
    : q.holderIdNumber
      ? (db.prepare('SELECT e.* FROM e_certificates e JOIN e_certificate_holders h USING (identifier) WHERE h.id_number = ? ORDER BY e.received_at').all(q.holderIdNumber) as Row[])
      : (db.prepare('SELECT * FROM e_certificates WHERE case_number = ? ORDER BY number').all(q.caseNumber ?? '') as Row[]);
  return rows.map((r) => viewOf(db, blobs, r));
}
