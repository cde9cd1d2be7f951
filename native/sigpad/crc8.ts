/**
 * CRC-8 with polynomial x⁸ + x² + x + 1 (0x07), initial value 0x00, no reflection, no final XOR:
 * the catalogue's plain "CRC-8" (check value for ASCII "123456789" is 0xF4). Chosen over an XOR sum
 * because XOR cannot see two flipped bits in the same column, nor swapped bytes — the ways a noisy
 * USB-serial line corrupts a frame of pen coordinates.
 */
export function crc8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = TABLE[crc ^ bytes[i]];
  return crc;
}

const TABLE: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let n = 0; n < 256; n++) {
    let crc = n;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
    table[n] = crc;
  }
  return table;
})();
