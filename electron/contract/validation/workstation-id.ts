import { z } from 'zod';

/**
 * The short id that keeps two workstations of one office from ever issuing the same case number:
 * two characters from A–Z and 2–9 without I, O, 0 and 1, which are misread on receipts and over
 * the phone. 32 × 32 = 1024 ids per office. The administrator assigns each one once.
 */
export const WORKSTATION_ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const WORKSTATION_ID_PATTERN = /^[A-HJ-NP-Z2-9]{2}$/;

export const workstationIdSchema = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(WORKSTATION_ID_PATTERN, { message: '工作站编号应为2位字母或数字（不用 I、O、0、1），例如 A7' }));

export function checkWorkstationId(value: string): { ok: true; id: string } | { ok: false; reason: string } {
  const id = value.trim().toUpperCase();
  if (id.length !== 2) return { ok: false, reason: `工作站编号应为2位，当前为${id.length}位。` };
  if (!WORKSTATION_ID_PATTERN.test(id)) return { ok: false, reason: '工作站编号只能用字母A–Z（不含I、O）和数字2–9，以免在回执上看错。' };
  return { ok: true, id };
}
