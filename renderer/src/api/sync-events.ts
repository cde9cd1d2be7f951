import type { EventPayload } from '../../../electron/contract';
import { api } from './api-slice';
import { onEvent } from './client';

type Dispatch = (action: ReturnType<typeof api.util.invalidateTags>) => unknown;

/** An upload sends 'sync.changed' for every chunk: the screens refetch at most this often. */
export const SYNC_REFRESH_MS = 1000;

/**
 * 'sync.changed' refreshes what the platform may have changed: the top bar's counts, the sync page,
 * the case lists, and the open cases it names. Bursts are coalesced: the first event of a quiet
 * period refreshes at once, the rest are gathered (their case ids merged) into one trailing refresh.
 */
export function subscribeSyncEvents(dispatch: Dispatch): () => void {
  let pending: Set<number> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = 0;

  const flush = () => {
    const caseIds = [...(pending ?? [])];
    pending = null;
    timer = undefined;
    lastFlush = Date.now();
    dispatch(
      api.util.invalidateTags([
        'Status', 'Sync', 'CaseList',
        ...caseIds.flatMap((id) => [{ type: 'Case' as const, id }, { type: 'CaseTimeline' as const, id }]),
      ]),
    );
  };

  return onEvent('sync.changed', (payload) => {
    pending ??= new Set();
    for (const id of caseIdsOf(payload)) pending.add(id);
    if (timer !== undefined) return;
    const wait = SYNC_REFRESH_MS - (Date.now() - lastFlush);
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  });
}

/**
 * The case ids of an event, read defensively: the contract's zod schemas are not loaded at start-up
 * (they would double the initial bundle), and a malformed event still refreshes the lists.
 */
function caseIdsOf(payload: unknown): EventPayload<'sync.changed'>['caseIds'] {
  const ids = (payload as { caseIds?: unknown } | null)?.caseIds;
  return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [];
}
