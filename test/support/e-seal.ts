import { deflateSync } from 'node:zlib';
import { createESealFile, type ESealFile } from '../../electron/core/cases/e-seal';

/** A bank as it applies for a mortgage: organisation, credit code (GB 32100 valid). */
export const BANK = { role: 'holder' as const, name: '中国工商银行股份有限公司长沙芙蓉支行', idType: 'organization' as const, idNumber: '911100001000044477', phone: '0731-84001111' };
export const SEAL_PIN = '246810';

/** A small red round-ish seal image as a real PNG (64×64, RGBA). */
export function sealPng(): Buffer {
  const size = 64;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - 31.5, y - 31.5);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const ink = (d > 26 && d < 30) || (Math.abs(x - 31.5) < 3 && Math.abs(y - 31.5) < 12);
      raw.set(ink ? [200, 16, 16, 255] : [0, 0, 0, 0], o);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c;
}

/** The bank's e-seal file (valid 2026–2028), with few PBKDF2 iterations to keep tests quick. */
export function bankSealFile(overrides: Partial<Parameters<typeof createESealFile>[0]> = {}): ESealFile {
  return createESealFile({
    organisationName: BANK.name,
    creditCode: BANK.idNumber,
    validFrom: '2026-01-01',
    validTo: '2028-12-31',
    sealImagePng: sealPng(),
    pin: SEAL_PIN,
    iterations: 10_000,
    ...overrides,
  });
}

export function base64Of(file: ESealFile): string {
  return Buffer.from(JSON.stringify(file), 'utf8').toString('base64');
}
