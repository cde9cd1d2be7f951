import { AppError } from '../../../contract';
import { auditView } from '../../audit/view-audit';
import type { Handler } from '../../handler';
import { audit, requireSession, type CallContext } from '../../services';
import { calibrationReads } from '../../devices/calibration-repository';
import { printCertificate, spoilPrint, type PrintOutcome } from './certificate-printing';
import { changeForm, formStock, receiveBatch } from './form-stock';
import { CERTIFICATE_FORM_2015 } from './form-layout';
import { printQueue } from './print-queue';

// pdf-lib and the font load with the first print, not at start.
const pdfModule = () => import('./form-pdf');
const calibration = () => import('../../../../native/printer/calibration');

const actorOf = (ctx: CallContext) => {
  const s = requireSession(ctx);
  return { id: s.userId, name: s.displayName };
};

const stock: Handler<'certificatePrint.stock'> = (ctx) => {
  const db = ctx.services.db();
  return { all: formStock.counts(db), certificate: formStock.counts(db, 'certificate'), proof: formStock.counts(db, 'proof'), batches: formStock.batches(db) };
};

/** Refusals are audited too (who tried to use, void or book which sheet); successes audit inside their transaction. */
function auditRefusal<T>(ctx: CallContext, action: string, object: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    audit(ctx, { action, object, result: 'failure', detail: { code: err instanceof AppError ? err.code : 'INTERNAL' } });
    throw err;
  }
}

const receive: Handler<'certificatePrint.receiveBatch'> = (ctx, input) =>
  auditRefusal(ctx, 'forms.receive', `form-batch:${input.firstSerial}-${input.lastSerial}`, () => receiveBatch(ctx.services.db(), input, actorOf(ctx), ctx.now));

const forms: Handler<'certificatePrint.forms'> = (ctx, input) => {
  const { rows, total } = formStock.list(ctx.services.db(), input);
  return { rows: rows.map(({ batchId: _b, ...r }) => r), total };
};

const history: Handler<'certificatePrint.formHistory'> = (ctx, input) => {
  const db = ctx.services.db();
  const form = formStock.form(db, input.serial);
  if (!form) throw new AppError('FORM_NOT_FOUND');
  const { batchId: _b, ...view } = form;
  return { form: view, events: formStock.history(db, input.serial) };
};

const change: Handler<'certificatePrint.changeForm'> = (ctx, input) => {
  const { batchId: _b, ...view } = auditRefusal(ctx, `forms.${input.action}`, `form:${input.serial}`, () =>
    changeForm(ctx.services.db(), input.serial, input.action, { reason: input.reason ?? null, holder: input.holder ?? null }, actorOf(ctx), ctx.now),
  );
  return view;
};

const queue: Handler<'certificatePrint.queue'> = (ctx, input) => {
  const items = printQueue(ctx.services.db(), input);
  auditView(ctx, 'certificatePrint.queue', 'officeCases', { count: items.length }, `officeCases:print:${String(input.printed)}`);
  return items;
};

/** Batch printing: the sheets lie in the tray in the order given; the first failure stops the rest. */
const print: Handler<'certificatePrint.print'> = async (ctx, input) => {
  const printed: PrintOutcome[] = [];
  for (const item of input.items) {
    try {
      const outcome = await printCertificate(ctx, item, input.printer);
      audit(ctx, { action: 'certificatePrint.print', object: `certificate:${item.number}`, result: 'success', detail: { formSerial: item.formSerial, printer: outcome.printer, jobId: outcome.jobId, pdf: outcome.pdfHash } });
      printed.push(outcome);
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'INTERNAL';
      audit(ctx, { action: 'certificatePrint.print', object: `certificate:${item.number}`, result: 'failure', detail: { formSerial: item.formSerial, code, printedBefore: printed.length } });
      if (printed.length === 0 || !(err instanceof AppError)) throw err;
      throw new AppError(err.code, `${err.message}（本批已打印 ${printed.length} 张，从印制号 ${item.formSerial} 起未打印）`, { ...err.details, printed: printed.map((p) => p.number) });
    }
  }
  return { printed };
};

const spoil: Handler<'certificatePrint.spoil'> = (ctx, input) => {
  auditRefusal(ctx, 'certificatePrint.spoil', `certificate:${input.number}`, () => spoilPrint(ctx, input));
  audit(ctx, { action: 'certificatePrint.spoil', object: `certificate:${input.number}`, result: 'success', detail: { formSerial: input.formSerial, reason: input.reason } });
  return { ok: true as const };
};

const printGrid: Handler<'certificatePrint.printGrid'> = async (ctx, input) => {
  const printer = input.printer ?? (await ctx.services.devices.printers()).selected;
  if (!printer) throw new AppError('NO_PRINTER');
  const grid = await (await pdfModule()).renderCalibrationGrid(CERTIFICATE_FORM_2015);
  const offset = input.withCalibration ? calibrationReads.of(ctx.services.db(), printer) : null;
  const pdf = offset ? await (await calibration()).shiftPdf(grid, offset) : grid;
  let job: { jobId: number; printer: string };
  try {
    job = await ctx.services.devices.printForm(printer, pdf, { title: '证书套打校准网格', media: CERTIFICATE_FORM_2015.media });
  } catch (err) {
    audit(ctx, { action: 'certificatePrint.printGrid', object: `printer:${printer}`, result: 'failure', detail: { code: err instanceof AppError ? err.code : 'INTERNAL' } });
    throw err;
  }
  audit(ctx, { action: 'certificatePrint.printGrid', object: `printer:${printer}`, result: 'success', detail: { jobId: job.jobId, withCalibration: input.withCalibration } });
  return job;
};

export const certificatePrintHandlers = {
  'certificatePrint.stock': stock,
  'certificatePrint.receiveBatch': receive,
  'certificatePrint.forms': forms,
  'certificatePrint.formHistory': history,
  'certificatePrint.changeForm': change,
  'certificatePrint.queue': queue,
  'certificatePrint.print': print,
  'certificatePrint.spoil': spoil,
  'certificatePrint.printGrid': printGrid,
};
