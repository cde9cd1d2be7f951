import { z } from 'zod';

/**
 * Where the clerk was in a draft: the step and the field (its aria-label, which names the row and
 * the field, e.g. “第 2 位申请人联系电话”). Kept in localStorage at every focus change, so a reload
 * or a crash of the window opens the draft at that field again. No personal data: labels only.
 */
const placeSchema = z.object({ step: z.number().int().min(1).max(6), field: z.string().max(100).nullable() });
export type IntakePlace = z.infer<typeof placeSchema>;

const key = (caseId: number) => `bdc.intake.place.${caseId}`;

export function rememberPlace(caseId: number, place: IntakePlace): void {
  try {
    localStorage.setItem(key(caseId), JSON.stringify(place));
  } catch {
    // Storage full or disabled: the draft itself is saved on the back end; only the place is lost.
  }
}

export function recallPlace(caseId: number): IntakePlace | null {
  try {
    const parsed = placeSchema.safeParse(JSON.parse(localStorage.getItem(key(caseId)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function forgetPlace(caseId: number): void {
  try {
    localStorage.removeItem(key(caseId));
  } catch {
    // nothing to forget
  }
}
