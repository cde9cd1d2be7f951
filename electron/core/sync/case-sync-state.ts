import type { Db } from '../store/database';
import { outboxReads, type OutboxState } from './outbox-repository';

export type CaseSyncState = 'local' | 'queued' | 'sent' | 'dead' | 'cancelled';

/**
 * Where a case is on its way to the platform, from its outbox commands: nothing queued → local;
 * a dead letter → dead (it needs a supervisor, whatever else is queued); something pending →
 * queued; a command given up → cancelled; everything delivered → sent.
 */
export function caseSyncState(states: readonly OutboxState[]): CaseSyncState {
  if (states.length === 0) return 'local';
  if (states.includes('dead')) return 'dead';
  if (states.includes('pending')) return 'queued';
  if (states.includes('cancelled')) return 'cancelled';
  return 'sent';
}

export function caseSyncStateOf(db: Db, caseId: number): CaseSyncState {
  return caseSyncState(outboxReads.statesOfCase(db, caseId));
}
