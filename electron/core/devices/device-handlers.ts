import { AppError } from '../../contract';
import type { Handler } from '../handler';
import { audit } from '../services';
import { toIdCardView } from './card-view';

const readIdCard: Handler<'devices.readIdCard'> = async (ctx, input) => {
  try {
    const card = await ctx.services.devices.readIdCard(input.timeoutSeconds * 1000);
    const view = toIdCardView(card);
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
  'devices.simulation': simulation,
  'devices.simulatePlaceCard': placeCard,
  'devices.simulateRemoveCard': removeCard,
};
