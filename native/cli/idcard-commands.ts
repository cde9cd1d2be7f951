import { maskIdNumber } from '../idcard/id-number';
import { IdCardReader } from '../idcard/idcard-reader';
import type { CardReading } from '../idcard/card-reading';
import { isDeviceError } from '../serial/device-error';
import { CliFailure, EXIT, type Output } from './output';
import { parsePortArgument } from './port-argument';

/** The card as `idcard read --json` prints it: the documented shape, no raw photo bytes. */
export function cardJson(card: CardReading, unmasked: boolean) {
  const photo = { format: card.photo.format, bytes: card.photo.bytes, decoded: card.photo.decoded };
  if (!card.supported) return { cardType: card.cardType, supported: false, message: card.message, photo };
  return {
    cardType: card.cardType,
    name: card.name,
    sex: card.sex,
    nation: card.nation,
    birthDate: card.birthDate,
    address: card.address,
    idNumber: unmasked ? card.idNumber : maskIdNumber(card.idNumber),
    issuer: card.issuer,
    validFrom: card.validFrom,
    validTo: card.validTo,
    photo,
    ...(card.idNumberCheck.valid ? {} : { idNumberCheck: { valid: false, reasons: card.idNumberCheck.reasons } }),
  };
}

function toFailure(err: unknown): CliFailure {
  if (isDeviceError(err)) return new CliFailure(err.code, err.message, err.code === 'NO_CARD' ? EXIT.noCard : EXIT.device);
  return new CliFailure('INTERNAL', (err as Error).message, EXIT.failure);
}

async function withReader<T>(port: string | undefined, timeoutMs: number, use: (r: IdCardReader) => Promise<T>): Promise<T> {
  const reader = IdCardReader.overSerial({ port: parsePortArgument(port) });
  try {
    await reader.waitConnected(Math.min(timeoutMs, 3000)).catch(() => undefined);
    return await use(reader);
  } catch (err) {
    throw toFailure(err);
  } finally {
    await reader.close();
  }
}

export async function idcardRead(out: Output, opts: { port?: string; unmasked: boolean; timeoutS: number }): Promise<number> {
  const timeoutMs = Math.round(opts.timeoutS * 1000);
  const card = await withReader(opts.port, timeoutMs, (r) => r.readOnce(timeoutMs));
  const json = cardJson(card, opts.unmasked);
  out.result(json, () =>
    Object.entries(json)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join('\n'),
  );
  return EXIT.ok;
}

export async function idcardSam(out: Output, opts: { port?: string; timeoutS: number }): Promise<number> {
  const timeoutMs = Math.round(opts.timeoutS * 1000);
  const result = await withReader(opts.port, timeoutMs, async (r) => ({ status: await r.samStatus(), id: await r.samId() }));
  out.result(result, () => `SAM 状态：${result.status.message}\nSAM 编号：${JSON.stringify(result.id)}`);
  return EXIT.ok;
}
