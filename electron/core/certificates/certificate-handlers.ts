import { AppError, maskPersonalText, type ECertificateView } from '../../contract';
import { auditView } from '../audit/view-audit';
import type { Handler } from '../handler';
import { officeCases } from '../review/office-cache';
import { requireOfficeCase } from '../review/review-view';
import { audit, requireSession, type CallContext } from '../services';
import { eCertificates, type ECertificateRow } from './e-certificate-repository';
import { produceDue } from './e-certificate-producer';

/** The contract's certificates.* methods (electron/contract/methods/certificates.ts). */
function viewOf(ctx: CallContext, row: ECertificateRow): ECertificateView {
  const db = ctx.services.db();
  const officeCase = officeCases.byId(db, row.officeCaseId);
  const upload = row.identifier
    ? ((db.prepare("SELECT state FROM outbox WHERE office_case_id = ? AND kind = 'ecertificate.upload' ORDER BY id DESC").all(row.officeCaseId) as Array<{ state: ECertificateView['upload'] }>)
        // One upload command per produced e-certificate of the case, in production order.
        .reverse()[eCertificates.list(db, row.officeCaseId).filter((r) => r.identifier).findIndex((r) => r.id === row.id)]?.state ?? null)
    : null;
  const facts = eCertificates.facts(db, ctx.services.keys, row.id);
  return {
    id: row.id,
    officeCaseId: row.officeCaseId,
    caseNumber: officeCase?.caseNumber ?? '',
    number: row.number,
    kind: row.kind,
    identifier: row.identifier,
    production: row.production,
    state: row.state,
    stateAt: row.stateAt,
    upload,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError ? maskPersonalText(row.lastError) : null,
    producedAt: row.producedAt,
    holders: facts?.holders.map((h) => h.name) ?? [],
  };
}

const list: Handler<'certificates.list'> = (ctx, input) => {
  requireSession(ctx);
  if (input.officeCaseId !== undefined) requireOfficeCase(ctx, input.officeCaseId);
  const rows = eCertificates.list(ctx.services.db(), input.officeCaseId);
  auditView(ctx, 'certificates.list', input.officeCaseId !== undefined ? `officeCase:${input.officeCaseId}` : 'eCertificates', { count: rows.length });
  return rows.map((r) => viewOf(ctx, r));
};

const file: Handler<'certificates.file'> = (ctx, input) => {
  requireSession(ctx);
  const row = eCertificates.byIdentifier(ctx.services.db(), input.identifier);
  const hash = row && (input.format === 'ofd' ? row.ofdHash : row.pdfHash);
  if (!row || !hash) {
    // A refused attempt to take a certificate's file is recorded too (which, why).
    const code = row ? 'ECERTIFICATE_NOT_PRODUCED' : 'ECERTIFICATE_NOT_FOUND';
    audit(ctx, { action: 'certificates.file', object: `eCertificate:${row?.number ?? input.identifier}`, result: 'failure', detail: { format: input.format, code } });
    throw new AppError(code);
  }
  const bytes = ctx.services.blobs.get(hash);
  audit(ctx, { action: 'certificates.file', object: `eCertificate:${row.number}`, result: 'success', detail: { format: input.format } });
  const stem = row.number.replace(/[()（）]/g, '');
  return { fileName: `${stem}.${input.format}`, mime: input.format === 'ofd' ? 'application/ofd' : 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
};

const retry: Handler<'certificates.retry'> = async (ctx, input) => {
  const s = requireSession(ctx);
  requireOfficeCase(ctx, input.officeCaseId);
  audit(ctx, { action: 'certificates.retry', object: `officeCase:${input.officeCaseId}`, result: 'success' });
  await produceDue(ctx.services, { officeCaseId: input.officeCaseId, force: true }, { id: s.userId, name: s.username });
  return eCertificates.list(ctx.services.db(), input.officeCaseId).map((r) => viewOf(ctx, r));
};

const verify: Handler<'certificates.verify'> = () => {
  // The verifier is cert-seal's (verifyOfd / verifyCertificatePdf); wired when it is part of this build.
  throw new AppError('NOT_IMPLEMENTED', '电子证照验证组件尚未就绪。');
};

export const certificateHandlers = {
  'certificates.list': list,
  'certificates.file': file,
  'certificates.retry': retry,
  'certificates.verify': verify,
};
