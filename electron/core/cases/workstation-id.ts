import { randomInt } from 'node:crypto';
import { WORKSTATION_ID_ALPHABET, type WorkstationConfig } from '../../contract';
import type { Db } from '../store/database';

/**
 * The two characters that keep this workstation's case numbers apart from its neighbours': set by
 * IT staff in config.json (workstationId), or drawn once and remembered in the database. A drawn
 * id can collide with another workstation's (1 in 1024 per pair): offices with several counters
 * should set it.
 */
export function workstationIdFor(db: Db, config: WorkstationConfig): string {
  if (config.workstationId) return config.workstationId;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = [0, 1].map(() => WORKSTATION_ID_ALPHABET[randomInt(WORKSTATION_ID_ALPHABET.length)]).join('');
  db.prepare("INSERT INTO meta (key, value) VALUES ('workstation_id', ?)").run(id);
  return id;
}
