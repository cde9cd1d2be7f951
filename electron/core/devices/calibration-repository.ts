import type { Db } from '../store/database';

export interface CalibrationRow {
  printer: string;
  x_mm: number;
  y_mm: number;
  updated_at: string;
  updated_by: string | null;
}

export const calibrationReads = {
  all(db: Db): CalibrationRow[] {
    return db.prepare('SELECT * FROM printer_calibration ORDER BY printer').all() as CalibrationRow[];
  },
  of(db: Db, printer: string): { x: number; y: number } | null {
    const row = db.prepare('SELECT x_mm, y_mm FROM printer_calibration WHERE printer = ?').get(printer) as
      | { x_mm: number; y_mm: number }
      | undefined;
    return row ? { x: row.x_mm, y: row.y_mm } : null;
  },
};

export const calibrationWrites = {
  set(db: Db, printer: string, offset: { x: number; y: number }, by: string | null, now: Date): void {
    db.prepare(
      `INSERT INTO printer_calibration (printer, x_mm, y_mm, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(printer) DO UPDATE SET x_mm = excluded.x_mm, y_mm = excluded.y_mm, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(printer, offset.x, offset.y, now.toISOString(), by);
  },
};
