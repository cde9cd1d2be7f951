import type { SamRequest } from './frame-codec';

/** The GA 450 SAM commands the driver uses (DOMAIN.md §4, CMD PARA). */
export const SAM_COMMANDS = {
  resetSam: { cmd: 0x10, para: 0xff },
  samStatus: { cmd: 0x11, para: 0xff },
  samId: { cmd: 0x12, para: 0xff },
  findCard: { cmd: 0x20, para: 0x01 },
  selectCard: { cmd: 0x20, para: 0x02 },
  readTextAndPhoto: { cmd: 0x30, para: 0x01 },
  readTextPhotoAndFingerprint: { cmd: 0x30, para: 0x10 },
} as const satisfies Record<string, SamRequest>;

export type SamCommandName = keyof typeof SAM_COMMANDS;

/** SW3 values the driver branches on; the full table with messages is in status.ts. */
export const SW3 = {
  ok: 0x90,
  cardFound: 0x9f,
  noContent: 0x91,
  noCard: 0x80,
  selectFailed: 0x81,
  readFailed: 0x41,
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
} as const;
