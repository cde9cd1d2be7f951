import { z } from 'zod';

/** Events pushed from core to the UI (ipc `bdc:event` / SSE `GET /api/events`). */
export const events = {
  /** The session of this window changed on the back end (idle lock, logout elsewhere, reset). */
  'session.changed': z.object({ reason: z.enum(['locked', 'unlocked', 'logged_out', 'logged_in', 'updated']) }),
  /** Platform or device status changed: the top bar refetches `status.get`. */
  'status.changed': z.object({}),
  /** The outbox, an upload or a case changed through sync: the sync page and open cases refetch. */
  'sync.changed': z.object({ caseIds: z.array(z.number().int()) }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
