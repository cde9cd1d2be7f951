/**
 * The card photo: 1024 bytes of WLT, a proprietary compression that only a licensed vendor library
 * (libwltdecode / sdtapi) can decode. The driver keeps the raw bytes and accepts a decoder; without
 * one, or when the decoder fails, the UI is told "not decoded" and never gets a broken image.
 */
export const WLT_PHOTO_BYTES = 1024;

export interface WltDecoder {
  decode(wlt: Uint8Array): Promise<{ png: Uint8Array } | null>;
}

export type CardPhoto =
  | { format: 'wlt'; bytes: number; decoded: false; wlt: Uint8Array }
  | { format: 'png'; bytes: number; decoded: true; png: Uint8Array; wlt: Uint8Array };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export async function decodePhoto(wlt: Uint8Array, decoder?: WltDecoder): Promise<CardPhoto> {
  const undecoded: CardPhoto = { format: 'wlt', bytes: wlt.length, decoded: false, wlt };
  if (!decoder) return undecoded;
  try {
    const result = await decoder.decode(wlt);
    // Only a real PNG reaches the UI: a vendor library that returns junk must not show as a broken image.
    if (!result || !isPng(result.png)) return undecoded;
    return { format: 'png', bytes: result.png.length, decoded: true, png: result.png, wlt };
  } catch {
    return undecoded;
  }
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
}
