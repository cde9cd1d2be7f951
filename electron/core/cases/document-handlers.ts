import { AppError, REVEALER_ROLES } from '../../contract';
import type { Handler } from '../handler';
import { audit, requireSession, type CallContext } from '../services';
import type { SignatureCapture } from '../../../native/sigpad/strokes';
import { CASE_DOCUMENT_TITLES, carriesFullIdentifiers, type CaseDocumentKind } from './case-document-kinds';
import { caseReads } from './case-repository';
import { assignNoticeNumber } from './notice-number';
import { reviewSupplementItems } from './review-supplement-items';
import { businessTypeOf } from './handlers/case-context';
import { userReads } from '../auth/users-repository';
import { documentKindTitle, verifiedCase } from './verified-case';

// The documents (pdf-lib, fontkit, the SM2 curve of the verification code) load with the first
// document asked for, not when the app starts: the login screen needs none of them.
const documents = () => import('./case-documents');
const officeKeys = () => import('../crypto/office-key');
const verification = () => import('../documents/verification-code');

/** The detail of the case's last audit record of an action (what a requisition asked for, …). */
function lastDetail(ctx: CallContext, caseId: number, action: string): Record<string, unknown> {
  const row = ctx.services
    .db()
    .prepare('SELECT detail FROM audit_log WHERE object = ? AND action = ? AND result = ? ORDER BY seq DESC LIMIT 1')
    .get(`case:${caseId}`, action, 'success') as { detail: string } | undefined;
  return row ? (JSON.parse(row.detail) as Record<string, unknown>) : {};
}

/** Renders a document of the case and archives it as a blob, in one transaction with its audit record. */
async function produce(ctx: CallContext, id: number, kind: CaseDocumentKind): Promise<{ pdf: Uint8Array; blobHash: string; fileName: string; title: string }> {
  const s = requireSession(ctx);
  // A document with full ID numbers and phones is a 显示 of them: the same roles, the same audit.
  const full = carriesFullIdentifiers(kind);
  if (full && !REVEALER_ROLES.includes(s.role)) {
    audit(ctx, { action: 'access.denied', object: `case:${id}`, result: 'failure', detail: { role: s.role, document: kind } });
    throw new AppError('FORBIDDEN', `当前角色无权查看含完整证件号码的${CASE_DOCUMENT_TITLES[kind]}，请由受理、审核或管理人员出具。`);
  }
  const db = ctx.services.db();
  let c = caseReads.byId(db, ctx.services.keys, id);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  if (c.caseNumber === null && c.noticeNumber === null && (c.status === 'requisitioned' || c.status === 'rejected')) {
    // A notice of a case sent back or refused before notice numbers existed gets its number now.
    const before = c;
    db.transaction(() => assignNoticeNumber(db, before, ctx.services.config.value, ctx.now))();
    c = caseReads.byId(db, ctx.services.keys, id) ?? before;
  }
  const type = businessTypeOf(ctx, c.businessType);
  const clerk = c.acceptedBy ?? s.username;
  const [{ renderCaseDocument }, { officeKeyPair }] = await Promise.all([documents(), officeKeys()]);
  const pdf = await renderCaseDocument(c, kind, {
    config: ctx.services.config.value,
    type,
    clerkName: userReads.byUsername(db, clerk)?.display_name ?? clerk,
    today: ctx.now,
    blobOf: (hash) => ctx.services.blobs.get(hash),
    signatureOf: (hash) => JSON.parse(Buffer.from(ctx.services.blobs.get(hash)).toString('utf8')) as SignatureCapture,
    signingKey: officeKeyPair(ctx.services.dataDir),
    requisitioned:
      c.status === 'supplementing' ? reviewSupplementItems(c.statusReason) : ((lastDetail(ctx, id, 'cases.requisition').missing as string[] | undefined) ?? []),
    rejectionReasons: (lastDetail(ctx, id, 'cases.reject').reasons as string[] | undefined) ?? [],
  });
  const fileName = `${CASE_DOCUMENT_TITLES[kind]}-${c.caseNumber ?? c.noticeNumber}.pdf`;
  let blobHash = '';
  db.transaction(() => {
    blobHash = ctx.services.blobs.put(db, pdf, 'application/pdf', ctx.now);
    db.prepare('INSERT INTO case_documents (case_id, kind, blob_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(id, kind, blobHash, ctx.now.toISOString(), s.username);
    audit(ctx, { action: 'cases.document', object: `case:${id}`, result: 'success', detail: { kind, blob: blobHash.slice(0, 16), bytes: pdf.length } });
    if (full) {
      audit(ctx, { action: 'cases.revealParty', object: `case:${id}`, result: 'success', detail: { document: kind, ordinals: c.parties.map((p) => p.ordinal), fields: ['idNumber', 'phone'] } });
    }
  })();
  return { pdf, blobHash, fileName, title: CASE_DOCUMENT_TITLES[kind] };
}

const document: Handler<'cases.document'> = async (ctx, input) => {
  const { pdf, blobHash, fileName, title } = await produce(ctx, input.id, input.kind);
  return { kind: input.kind, title, fileName, pdfBase64: Buffer.from(pdf).toString('base64'), bytes: pdf.length, blobHash };
};

const printDocument: Handler<'cases.printDocument'> = async (ctx, input) => {
  const { pdf, blobHash, title } = await produce(ctx, input.id, input.kind);
  try {
    const job = await ctx.services.devices.printDocument(pdf, { title, copies: input.copies });
    audit(ctx, { action: 'cases.print', object: `case:${input.id}`, result: 'success', detail: { kind: input.kind, printer: job.printer, jobId: job.jobId, copies: input.copies } });
    return { ...job, blobHash };
  } catch (err) {
    if (err instanceof AppError) {
      audit(ctx, { action: 'cases.print', object: `case:${input.id}`, result: 'failure', detail: { kind: input.kind, code: err.code } });
    }
    throw err;
  }
};

const verify: Handler<'documents.verify'> = async (ctx, input) => {
  const [{ officeKeyPair }, { verifyVerificationCode }] = await Promise.all([officeKeys(), verification()]);
  const key = officeKeyPair(ctx.services.dataDir);
  const result = verifyVerificationCode(input.text, key.publicKeyHex);
  if (!result.ok) return { ok: false, reason: result.message, facts: null, publicKeyHex: key.publicKeyHex, kindTitle: null, case: null };
  const { kind, officeCode, caseNumber, issuedDate } = result.facts;
  return {
    ok: true,
    reason: null,
    facts: { kind, officeCode, caseNumber, issuedDate },
    publicKeyHex: key.publicKeyHex,
    kindTitle: documentKindTitle(kind),
    case: verifiedCase(ctx, result.facts),
  };
};

export const documentHandlers = { 'cases.document': document, 'cases.printDocument': printDocument, 'documents.verify': verify };
