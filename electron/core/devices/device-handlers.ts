import { AppError } from '../../contract';
import type { Handler } from '../handler';
import { audit } from '../services';
import { toIdCardView } from './card-view';
import { calibrationReads, calibrationWrites } from './calibration-repository';

const readIdCard: Handler<'devices.readIdCard'> = async (ctx, input) => {
  try {
    const card = await ctx.services.devices.readIdCard(input.timeoutSeconds * 1000);
    const view = toIdCardView(card, card.supported ? ctx.services.devices.cardTokens.issue(card, ctx.now.getTime()) : '');
    // A device read of personal data is audited; the record holds the masked number only.
    audit(ctx, {
      action: 'devices.readIdCard',
      object: 'device:idcard',
      result: 'success',
      detail: view.supported ? { idNumber: view.idNumberMasked, idNumberValid: view.idNumberCheck.valid } : { cardType: view.cardType },
    });
    return view;
  } catch (err) {
    if (err instanceof AppError) {
      audit(ctx, { action: 'devices.readIdCard', object: 'device:idcard', result: 'failure', detail: { code: err.code } });
    }
    throw err;
  }
};

const printers: Handler<'devices.printers'> = async (ctx) => {
  const snapshot = await ctx.services.devices.printers();
  const db = ctx.services.db();
  return {
    selected: snapshot.selected,
    error: snapshot.error,
    printers: snapshot.printers.map((p) => ({ ...p, calibration: calibrationReads.of(db, p.name) })),
  };
};

const printTestPage: Handler<'devices.printTestPage'> = async (ctx, input) => {
  const db = ctx.services.db();
  try {
    const job = await ctx.services.devices.printTestPage(input.printer, (printer) => calibrationReads.of(db, printer));
    audit(ctx, { action: 'devices.printTestPage', object: `printer:${job.printer}`, result: 'success', detail: { jobId: job.jobId } });
    return job;
  } catch (err) {
    if (err instanceof AppError) {
      audit(ctx, { action: 'devices.printTestPage', object: `printer:${input.printer ?? 'default'}`, result: 'failure', detail: { code: err.code } });
    }
    throw err;
  }
};

const setCalibration: Handler<'devices.setCalibration'> = (ctx, input) => {
  const db = ctx.services.db();
  const before = calibrationReads.of(db, input.printer);
  db.transaction(() => {
    calibrationWrites.set(db, input.printer, { x: input.xMm, y: input.yMm }, ctx.session?.username ?? null, ctx.now);
    audit(ctx, {
      action: 'devices.setCalibration',
      object: `printer:${input.printer}`,
      result: 'success',
      detail: { before, after: { x: input.xMm, y: input.yMm } },
    });
  })();
  return { ok: true as const };
};

const captureSignature: Handler<'devices.captureSignature'> = async (ctx, input) => {
  try {
    const signature = await ctx.services.devices.captureSignature(input.prompt, input.timeoutSeconds * 1000);
    audit(ctx, { action: 'devices.captureSignature', object: 'device:sigpad', result: 'success', detail: { strokes: signature.strokes, points: signature.points } });
    return signature;
  } catch (err) {
    if (err instanceof AppError) {
      audit(ctx, { action: 'devices.captureSignature', object: 'device:sigpad', result: 'failure', detail: { code: err.code } });
    }
    throw err;
  }
};

const cancelSignature: Handler<'devices.cancelSignature'> = async (ctx) => {
  await ctx.services.devices.cancelSignature();
  return { ok: true as const };
};

const simulateSign: Handler<'devices.simulateSign'> = async (ctx, input) => {
  await ctx.services.devices.simulateSign(input);
  return { ok: true as const };
};

const simulateSignerCancel: Handler<'devices.simulateSignerCancel'> = (ctx) => {
  ctx.services.devices.simulateSignerCancel();
  return { ok: true as const };
};

const samInfo: Handler<'devices.samInfo'> = (ctx) => ctx.services.devices.samInfo();

const simulation: Handler<'devices.simulation'> = (ctx) => ctx.services.devices.simulation();

const placeCard: Handler<'devices.simulatePlaceCard'> = (ctx, input) => {
  ctx.services.devices.placeSimulatedCard(input.card);
  return { ok: true as const };
};

const removeCard: Handler<'devices.simulateRemoveCard'> = (ctx) => {
  ctx.services.devices.removeSimulatedCard();
  return { ok: true as const };
};

export const deviceHandlers = {
  'devices.readIdCard': readIdCard,
  'devices.samInfo': samInfo,
  'devices.printers': printers,
  'devices.printTestPage': printTestPage,
  'devices.setCalibration': setCalibration,
  'devices.simulation': simulation,
  'devices.captureSignature': captureSignature,
  'devices.cancelSignature': cancelSignature,
  'devices.simulateSign': simulateSign,
  'devices.simulateSignerCancel': simulateSignerCancel,
  'devices.simulatePlaceCard': placeCard,
  'devices.simulateRemoveCard': removeCard,
};
