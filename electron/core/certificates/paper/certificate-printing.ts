import { AppError, type RegisterRecord } from '../../../contract';
import { shiftPdf } from '../../../../native/printer/calibration';
import { calibrationReads } from '../../devices/calibration-repository';
import { officeCases, type OfficeCaseRow } from '../../review/office-cache';
import { actorOf } from '../../review/review-view';
import { requireSession, type CallContext } from '../../services';
import { outboxWrites } from '../../sync/outbox-repository';
import { certificateFactsFor, certificateOfficeOf, type FactsBody } from '../certificate-facts-builder';
import type { CertificateFacts } from '../certificate-facts';
import { changeForm, formStock } from './form-stock';
import { CERTIFICATE_FORM_2015, type FormLayout } from './form-layout';
import { renderFormPdf } from './form-pdf';
import { printQueue } from './print-queue';

/**
 * Printing one certificate on the sheet in the tray: checked first (the number waits in the queue,
 * the 印制号 is in stock, of the right type, 未使用/已领用), printed through CUPS with the printer's
 * calibration, then — in ONE transaction — the sheet used (a conditional update: two desks cannot
 * both use it), the PDF as printed archived sealed in the blob store, the platform told through
 * the outbox (`certificate.printed`: 登簿退回 refused from then on), audited.
 */

/** The layout of each form type. Only the 不动产权证书 form has a sourced layout (form-layout.ts). */
function layoutFor(kind: CertificateFacts['kind']): FormLayout {
  if (kind !== 'certificate') throw new AppError('FORM_TYPE_MISMATCH', '本机尚未配置不动产登记证明证书纸的套打位置，暂不能打印登记证明。');
  return CERTIFICATE_FORM_2015;
}

export function factsForPrint(ctx: CallContext, row: OfficeCaseRow, number: string): CertificateFacts {
  const db = ctx.services.db();
  const body = officeCases.body(db, ctx.services.keys, row.id) as FactsBody | null;
  if (!body) throw new AppError('CASE_STATE_CONFLICT', '本机尚未收到该业务的申请内容，请同步后再试。');
  const registeredAt =
    (db.prepare("SELECT max(at) AS at FROM office_case_events WHERE office_case_id = ? AND stage = 'registered'").get(row.id) as { at: string | null }).at ?? ctx.now.toISOString();
  const register = body.units
    .map((u) => db.prepare('SELECT data FROM review_register_cache WHERE unit_code = ?').get(u.unitCode) as { data: string } | undefined)
    .filter((r): r is { data: string } => r !== undefined)
    .map((r) => JSON.parse(r.data) as RegisterRecord);
  return certificateFactsFor(body, { registeredAt, certificateNumbers: row.certificateNumbers, register }, number, certificateOfficeOf(ctx.services.config.value), {
    catalog: ctx.services.catalog(),
    businessNumber: row.officialNumber,
  });
}

export interface PrintItem {
  caseId: number;
  number: string;
  formSerial: string;
}

export interface PrintOutcome extends PrintItem {
  printer: string;
  jobId: number;
  pdfHash: string;
}

export async function printCertificate(ctx: CallContext, item: PrintItem, printerName: string | undefined): Promise<PrintOutcome> {
  const session = requireSession(ctx);
  const db = ctx.services.db();
  const row = officeCases.byId(db, item.caseId);
  const queued = row ? printQueue(db).find((q) => q.caseId === item.caseId && q.number === item.number) : undefined;
  if (!row || !queued) throw new AppError('CERTIFICATE_NOT_IN_QUEUE', undefined, { number: item.number });
  if (queued.printed) throw new AppError('CERTIFICATE_ALREADY_PRINTED', undefined, { number: item.number, formSerial: queued.formSerial });
  const form = formStock.form(db, item.formSerial);
  if (!form) throw new AppError('FORM_NOT_FOUND', undefined, { serial: item.formSerial });
  if (form.formType !== queued.kind) throw new AppError('FORM_TYPE_MISMATCH', undefined, { serial: item.formSerial });
  if (form.state !== 'unused' && form.state !== 'issued') throw new AppError('FORM_STATE_CONFLICT', undefined, { serial: item.formSerial, state: form.state });

  const facts = factsForPrint(ctx, row, item.number);
  const layout = layoutFor(facts.kind);
  // Until cert-seal's signed 2D-code text is wired in, the code carries the certificate number.
  const pdf = await renderFormPdf(facts, layout, { qrText: facts.number });
  const printer = printerName ?? (await ctx.services.devices.printers()).selected;
  if (!printer) throw new AppError('NO_PRINTER');
  const offset = calibrationReads.of(db, printer);
  const asPrinted = offset ? await shiftPdf(pdf, offset) : pdf;
  const job = await ctx.services.devices.printForm(printer, asPrinted, { title: `缮证-${item.formSerial}`, media: layout.media });

  const actor = { id: session.userId, name: session.displayName };
  const pdfHash = db
    .transaction(() => {
      changeForm(db, item.formSerial, 'use', { caseNumber: row.caseNumber, certificateNumber: item.number, formType: queued.kind, holder: printer }, actor, ctx.now);
      const hash = ctx.services.blobs.put(db, asPrinted, 'application/pdf', ctx.now);
      db.prepare(
        "INSERT INTO certificate_prints (certificate_number, case_number, form_serial, printer, pdf_hash, printed_at, printed_by, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'printed')",
      ).run(item.number, row.caseNumber, item.formSerial, printer, hash, ctx.now.toISOString(), session.displayName);
      outboxWrites.enqueueOffice(
        db,
        ctx.services.keys,
        { officeCaseId: row.id, kind: 'certificate.printed', body: JSON.stringify({ number: item.number, formSerial: item.formSerial, actor: actorOf(session) }) },
        ctx.now,
      );
      return hash;
    })
    .immediate();
  ctx.services.sync?.notify();
  return { ...item, printer: job.printer, jobId: job.jobId, pdfHash };
}

/** A spoiled print: the sheet is voided with the reason; the certificate goes back to the queue for a reprint. */
export function spoilPrint(ctx: CallContext, input: { number: string; formSerial: string; reason: string }): void {
  const session = requireSession(ctx);
  const db = ctx.services.db();
  db.transaction(() => {
    const print = db.prepare("SELECT id, case_number FROM certificate_prints WHERE certificate_number = ? AND form_serial = ? AND state = 'printed'").get(input.number, input.formSerial) as
      | { id: number; case_number: string }
      | undefined;
    if (!print) throw new AppError('FORM_STATE_CONFLICT', `证号 ${input.number} 没有打印在印制号 ${input.formSerial} 的证书纸上，请核对。`);
    db.prepare("UPDATE certificate_prints SET state = 'spoiled', spoiled_reason = ? WHERE id = ?").run(input.reason, print.id);
    changeForm(db, input.formSerial, 'void', { reason: input.reason, caseNumber: print.case_number, certificateNumber: input.number }, { id: session.userId, name: session.displayName }, ctx.now);
  })();
}
