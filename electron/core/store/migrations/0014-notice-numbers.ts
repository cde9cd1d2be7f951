import type { Migration } from './migration';

/**
 * 告知书编号: a 补正告知书 or 不予受理告知书 given at the counter before acceptance is an official
 * document and needs a number of its own (a draft has no case number yet): notice-number.ts.
 * Cases sent back or refused before this version get theirs when their notice is next printed
 * (the office code and workstation id live in the configuration, not in this file).
 */
export const migration0014: Migration = {
  version: 14,
  name: 'notice-numbers',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN notice_number TEXT;
      CREATE UNIQUE INDEX cases_notice_number ON cases (notice_number) WHERE notice_number IS NOT NULL;
    `);
  },
};
