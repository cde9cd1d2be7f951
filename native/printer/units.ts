/** PDF user space is in points: 1 pt = 1/72 inch, and 1 inch = 25.4 mm (exact, by definition). */
export const PT_PER_MM = 72 / 25.4;

export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

export function ptToMm(pt: number): number {
  return pt / PT_PER_MM;
}
