import { z } from 'zod';
import type { PadInfo } from './signature-pad';
import type { PenPoint } from './strokes';

/**
 * The messages of our signature pad protocol (PROTOCOL.md) and their payloads. A frame body is the
 * type byte followed by the payload; sigpad-codec.ts puts bodies into frames and takes them out.
 * Type ranges tell the direction and role at a glance: 0x0_ host commands, 0x4_ pad events
 * (unsolicited), 0x8_ pad answers to a command.
 */
export const MESSAGE_TYPE = {
  info: 0x01,
  clear: 0x02,
  start: 0x03,
  cancel: 0x04,
  pen: 0x41,
  confirm: 0x42,
  signerCancel: 0x43,
  signerClear: 0x44,
  ack: 0x80,
  infoReply: 0x81,
  nak: 0x8f,
} as const;

/** Every frame's payload is at most this long; each type has its own, tighter bound below. */
export const MAX_PAYLOAD = 256;
/** 64 CJK characters of 3 UTF-8 bytes: two lines on a 4-inch pad screen. */
export const MAX_PROMPT_BYTES = 192;
const INFO_TEXT_BYTES = { vendor: 32, model: 32, firmware: 16 } as const;
const INFO_MIN = 3 * 2 + 8;
const INFO_MAX = 3 + INFO_TEXT_BYTES.vendor + INFO_TEXT_BYTES.model + INFO_TEXT_BYTES.firmware + 8;
export const PEN_PAYLOAD = 10;

/** [min, max] payload bytes of each type a host may send; the pad's decoder accepts only these. */
export const HOST_TO_PAD: ReadonlyMap<number, readonly [number, number]> = new Map([
  [MESSAGE_TYPE.info, [0, 0]],
  [MESSAGE_TYPE.clear, [0, 0]],
  [MESSAGE_TYPE.start, [0, MAX_PROMPT_BYTES]],
  [MESSAGE_TYPE.cancel, [0, 0]],
]);

/** [min, max] payload bytes of each type a pad may send; the host's decoder accepts only these. */
export const PAD_TO_HOST: ReadonlyMap<number, readonly [number, number]> = new Map([
  [MESSAGE_TYPE.pen, [PEN_PAYLOAD, PEN_PAYLOAD]],
  [MESSAGE_TYPE.confirm, [4, 4]],
  [MESSAGE_TYPE.signerCancel, [0, 0]],
  [MESSAGE_TYPE.signerClear, [0, 0]],
  [MESSAGE_TYPE.ack, [1, 1]],
  [MESSAGE_TYPE.infoReply, [INFO_MIN, INFO_MAX]],
  [MESSAGE_TYPE.nak, [2, 2]],
]);

export type CommandName = 'info' | 'clear' | 'start' | 'cancel';

export type HostCommand =
  | { type: 'info' }
  | { type: 'clear' }
  | { type: 'start'; prompt: string }
  | { type: 'cancel' };

/** Answers: exactly one per command, in order. */
export type PadAnswer =
  | { type: 'ack'; command: CommandName }
  /** `command` is null when the pad could not read which command it got (a corrupted frame). */
  | { type: 'nak'; command: CommandName | null; code: number }
  | { type: 'info-reply'; info: PadInfo };

/** Events: sent by the pad whenever the signer acts, whether or not a command is waiting. */
export type PadEvent =
  /** pressure 0: the pen was lifted at (x, y). */
  | { type: 'pen'; point: PenPoint }
  /** The signer pressed 确认; `pens` counts the PEN events sent since START or the last clear. */
  | { type: 'confirm'; pens: number }
  | { type: 'signer-cancel' }
  | { type: 'signer-clear' };

export type PadMessage = PadAnswer | PadEvent;

export const NAK_CODE = {
  /** The pad received a frame whose CRC did not match. */
  checksum: 0x01,
  /** The payload was not acceptable (a prompt that is not UTF-8, …). */
  badPayload: 0x02,
  /** The pad is busy with something else (its own menu, a firmware update). */
  busy: 0x03,
} as const;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const COMMAND_BY_TYPE = new Map<number, CommandName>([
  [MESSAGE_TYPE.info, 'info'],
  [MESSAGE_TYPE.clear, 'clear'],
  [MESSAGE_TYPE.start, 'start'],
  [MESSAGE_TYPE.cancel, 'cancel'],
]);

export function isAnswer(message: PadMessage): message is PadAnswer {
  return message.type === 'ack' || message.type === 'nak' || message.type === 'info-reply';
}

/** The command an answer belongs to (null: the pad could not tell). */
export function answeredCommand(answer: PadAnswer): CommandName | null {
  return answer.type === 'info-reply' ? 'info' : answer.command;
}

// ---- host commands ----

/** Throws RangeError for a prompt longer than MAX_PROMPT_BYTES in UTF-8. */
export function encodeCommandBody(command: HostCommand): Uint8Array {
  if (command.type !== 'start') return Uint8Array.of(MESSAGE_TYPE[command.type]);
  const prompt = utf8(command.prompt, MAX_PROMPT_BYTES, 'prompt');
  return concat(Uint8Array.of(MESSAGE_TYPE.start), prompt);
}

export function parseCommandBody(body: Uint8Array): ParseResult<HostCommand> {
  const type = body[0];
  const name = COMMAND_BY_TYPE.get(type);
  if (!name) return fail(`unknown command type 0x${hex(type ?? 0)}`);
  const payload = body.subarray(1);
  if (!fits(HOST_TO_PAD, type, payload.length)) return fail(`bad ${name} payload length ${payload.length}`);
  if (name !== 'start') return { ok: true, value: { type: name } };
  const prompt = decodeUtf8(payload);
  return prompt === null ? fail('prompt is not UTF-8') : { ok: true, value: { type: 'start', prompt } };
}

// ---- pad messages ----

/** Throws RangeError for values the payload cannot carry (a coordinate above 65535, …). */
export function encodePadBody(message: PadMessage): Uint8Array {
  switch (message.type) {
    case 'pen': {
      const { x, y, pressure, t } = message.point;
      const body = new Uint8Array(1 + PEN_PAYLOAD);
      const view = new DataView(body.buffer);
      body[0] = MESSAGE_TYPE.pen;
      view.setUint16(1, u16(x, 'x'));
      view.setUint16(3, u16(y, 'y'));
      view.setUint16(5, u16(pressure, 'pressure'));
      view.setUint32(7, u32(t, 't'));
      return body;
    }
    case 'confirm': {
      const body = new Uint8Array(5);
      body[0] = MESSAGE_TYPE.confirm;
      new DataView(body.buffer).setUint32(1, u32(message.pens, 'pens'));
      return body;
    }
    case 'signer-cancel':
      return Uint8Array.of(MESSAGE_TYPE.signerCancel);
    case 'signer-clear':
      return Uint8Array.of(MESSAGE_TYPE.signerClear);
    case 'ack':
      return Uint8Array.of(MESSAGE_TYPE.ack, MESSAGE_TYPE[message.command]);
    case 'nak':
      return Uint8Array.of(MESSAGE_TYPE.nak, message.command ? MESSAGE_TYPE[message.command] : 0, byte(message.code));
    case 'info-reply':
      return encodeInfo(message.info);
  }
}

export function parsePadBody(body: Uint8Array): ParseResult<PadMessage> {
  const type = body[0] ?? -1;
  const payload = body.subarray(1);
  if (!PAD_TO_HOST.has(type)) return fail(`unknown pad message type 0x${hex(type)}`);
  if (!fits(PAD_TO_HOST, type, payload.length)) return fail(`bad payload length ${payload.length} for 0x${hex(type)}`);
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  switch (type) {
    case MESSAGE_TYPE.pen:
      return {
        ok: true,
        value: {
          type: 'pen',
          point: { x: view.getUint16(0), y: view.getUint16(2), pressure: view.getUint16(4), t: view.getUint32(6) },
        },
      };
    case MESSAGE_TYPE.confirm:
      return { ok: true, value: { type: 'confirm', pens: view.getUint32(0) } };
    case MESSAGE_TYPE.signerCancel:
      return { ok: true, value: { type: 'signer-cancel' } };
    case MESSAGE_TYPE.signerClear:
      return { ok: true, value: { type: 'signer-clear' } };
    case MESSAGE_TYPE.ack: {
      const command = COMMAND_BY_TYPE.get(payload[0]);
      return command ? { ok: true, value: { type: 'ack', command } } : fail(`ACK of unknown command 0x${hex(payload[0])}`);
    }
    case MESSAGE_TYPE.nak: {
      const command = payload[0] === 0 ? null : COMMAND_BY_TYPE.get(payload[0]);
      if (command === undefined) return fail(`NAK of unknown command 0x${hex(payload[0])}`);
      return { ok: true, value: { type: 'nak', command, code: payload[1] } };
    }
    default:
      return parseInfo(payload);
  }
}

// ---- INFO reply: three length-prefixed UTF-8 strings, then four big-endian u16 ----

/** What a pad may describe itself as; the host refuses anything else. */
export const padInfoSchema = z.object({
  vendor: z.string().min(1),
  model: z.string().min(1),
  firmware: z.string().min(1),
  width: z.number().int().min(1).max(0xffff),
  height: z.number().int().min(1).max(0xffff),
  maxPressure: z.number().int().min(1).max(0xffff),
  /** Wacom STU samples at 200 Hz; nothing at a counter samples faster than 2 kHz. */
  sampleRateHz: z.number().int().min(1).max(2000),
});

function encodeInfo(info: PadInfo): Uint8Array {
  const checked = padInfoSchema.safeParse(info);
  if (!checked.success) throw new RangeError(`invalid pad info: ${checked.error.issues[0]?.path.join('.')}`);
  const texts = (['vendor', 'model', 'firmware'] as const).map((field) =>
    utf8(info[field], INFO_TEXT_BYTES[field], field),
  );
  const numbers = new Uint8Array(8);
  const view = new DataView(numbers.buffer);
  view.setUint16(0, info.width);
  view.setUint16(2, info.height);
  view.setUint16(4, info.maxPressure);
  view.setUint16(6, info.sampleRateHz);
  return concat(
    Uint8Array.of(MESSAGE_TYPE.infoReply),
    ...texts.flatMap((text) => [Uint8Array.of(text.length), text]),
    numbers,
  );
}

function parseInfo(payload: Uint8Array): ParseResult<PadMessage> {
  let at = 0;
  const texts: string[] = [];
  for (const field of ['vendor', 'model', 'firmware'] as const) {
    const length = payload[at] ?? 0;
    if (length > INFO_TEXT_BYTES[field] || at + 1 + length > payload.length) return fail(`bad ${field} length`);
    const text = decodeUtf8(payload.subarray(at + 1, at + 1 + length));
    if (text === null) return fail(`${field} is not UTF-8`);
    texts.push(text);
    at += 1 + length;
  }
  if (payload.length - at !== 8) return fail('bad INFO reply length');
  const view = new DataView(payload.buffer, payload.byteOffset + at, 8);
  const checked = padInfoSchema.safeParse({
    vendor: texts[0],
    model: texts[1],
    firmware: texts[2],
    width: view.getUint16(0),
    height: view.getUint16(2),
    maxPressure: view.getUint16(4),
    sampleRateHz: view.getUint16(6),
  });
  if (!checked.success) return fail(`invalid INFO reply: ${checked.error.issues[0]?.path.join('.')}`);
  return { ok: true, value: { type: 'info-reply', info: checked.data } };
}

// ---- helpers ----

function fits(table: ReadonlyMap<number, readonly [number, number]>, type: number, length: number): boolean {
  const bounds = table.get(type);
  return bounds !== undefined && length >= bounds[0] && length <= bounds[1];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function utf8(text: string, maxBytes: number, field: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > maxBytes) throw new RangeError(`${field} is ${bytes.length} UTF-8 bytes; at most ${maxBytes}`);
  return bytes;
}

function u16(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new RangeError(`${field} must be 0..65535`);
  return value;
}

function u32(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`${field} must be 0..2³²−1`);
  return value;
}

function byte(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError('byte must be 0..255');
  return value;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function fail<T>(reason: string): ParseResult<T> {
  return { ok: false, reason };
}

function hex(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}
