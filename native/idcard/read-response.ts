/**
 * The data of a successful read (30 01, or 30 10 with fingerprint), after SW1 SW2 SW3:
 *   30 01: text length (2, big-endian), photo length (2), text, photo
 *   30 10: text length, photo length, fingerprint length (2 each), text, photo, fingerprint
 * For 30 01 the frame is 1295 bytes: text at frame offset 14, photo at 270 (DOMAIN.md §4).
 */
export interface CardData {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint?: Uint8Array;
}

export type CardDataResult =
  | { ok: true; value: CardData }
  | { ok: false; error: { code: 'UNEXPECTED_RESPONSE'; message: string } };

export function parseReadData(data: Uint8Array, withFingerprint: boolean): CardDataResult {
  const header = withFingerprint ? 6 : 4;
  if (data.length < header) return bad();
  const textLength = (data[0] << 8) | data[1];
  const photoLength = (data[2] << 8) | data[3];
  const fingerprintLength = withFingerprint ? (data[4] << 8) | data[5] : 0;
  if (header + textLength + photoLength + fingerprintLength !== data.length) return bad();
  const text = data.slice(header, header + textLength);
  const photo = data.slice(header + textLength, header + textLength + photoLength);
  if (!withFingerprint) return { ok: true, value: { text, photo } };
  const fingerprint = data.slice(header + textLength + photoLength);
  return { ok: true, value: { text, photo, fingerprint } };
}

/** For the simulator and tests. */
export function encodeReadData(card: CardData, withFingerprint: boolean): Uint8Array {
  const fingerprint = withFingerprint ? (card.fingerprint ?? new Uint8Array(0)) : new Uint8Array(0);
  const header = withFingerprint ? 6 : 4;
  const out = new Uint8Array(header + card.text.length + card.photo.length + fingerprint.length);
  out[0] = card.text.length >> 8;
  out[1] = card.text.length & 0xff;
  out[2] = card.photo.length >> 8;
  out[3] = card.photo.length & 0xff;
  if (withFingerprint) {
    out[4] = fingerprint.length >> 8;
    out[5] = fingerprint.length & 0xff;
  }
  out.set(card.text, header);
  out.set(card.photo, header + card.text.length);
  out.set(fingerprint, header + card.text.length + card.photo.length);
  return out;
}

function bad(): CardDataResult {
  return {
    ok: false,
    error: {
      code: 'UNEXPECTED_RESPONSE',
      message: '阅读器返回的身份证数据长度不正确，请重新放置身份证后重试。',
    },
  };
}
