import type { Migration } from './migration';

/**
 * Per-printer calibration for certificates printed on pre-printed forms: every printer feeds
 * paper a little differently, so the layout is shifted by a measured offset (millimetres, x to the
 * right, y downwards) before printing.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'printer-calibration',
  up(db) {
    db.exec(`
      CREATE TABLE printer_calibration (
        printer TEXT PRIMARY KEY,
        x_mm REAL NOT NULL CHECK (x_mm BETWEEN -20 AND 20),
        y_mm REAL NOT NULL CHECK (y_mm BETWEEN -20 AND 20),
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;
    `);
  },
};
