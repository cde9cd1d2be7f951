/**
 * The SAM module's identity (response to 12 FF): 16 data bytes, shown by vendor tools as
 * `AA.BB-CCCCCCCC-DDDDDDDDD-EEEEEEEEE`: bytes 0 and 2 as two decimal digits, then three
 * little-endian 32-bit numbers (bytes 4–7, 8–11, 12–15), the last two zero-padded to 9 digits.
 * The layout follows the vendor SDK ports we could read, not a published standard: the raw hex is
 * kept alongside so a technician can compare with the label on the module.
 */
export const SAM_ID_BYTES = 16;

export interface SamId {
  formatted: string;
  hex: string;
}

export function formatSamId(data: Uint8Array): SamId | null {
  if (data.length < SAM_ID_BYTES) return null;
  const view = new DataView(data.buffer, data.byteOffset, SAM_ID_BYTES);
  const two = (n: number): string => String(n).padStart(2, '0');
  const formatted = [
    `${two(data[0])}.${two(data[2])}`,
    String(view.getUint32(4, true)),
    String(view.getUint32(8, true)).padStart(9, '0'),
    String(view.getUint32(12, true)).padStart(9, '0'),
  ].join('-');
  const hex = Array.from(data.subarray(0, SAM_ID_BYTES), (b) => b.toString(16).padStart(2, '0')).join('');
  return { formatted, hex };
}

/** For the simulator: the 16 bytes that formatSamId turns back into the given parts. */
export function encodeSamId(parts: { major: number; minor: number; a: number; b: number; c: number }): Uint8Array {
  const data = new Uint8Array(SAM_ID_BYTES);
  const view = new DataView(data.buffer);
  data[0] = parts.major;
  data[2] = parts.minor;
  view.setUint32(4, parts.a, true);
  view.setUint32(8, parts.b, true);
  view.setUint32(12, parts.c, true);
  return data;
}
