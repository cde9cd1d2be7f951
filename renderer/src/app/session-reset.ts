import type { Middleware, UnknownAction } from '@reduxjs/toolkit';
import type { SessionView } from '../../../electron/contract';
import { api } from '../api/api-slice';

/**
 * Nothing of one user's work outlives their session in this window: on logout — here or from
 * elsewhere (disabled, role changed, password reset, the back end restarted) — the whole RTK Query
 * cache is dropped, cached cases with their names and numbers included. A session that answers
 * with another user (or none) after having had one counts as its end. Locking keeps the cache:
 * the same user unlocks and finds their work as it was.
 */
export function sessionResetMiddleware(): Middleware {
  let userId: number | null = null;
  return (store) => (next) => (action) => {
    const result = next(action);
    const a = action as UnknownAction;
    if (api.endpoints.logout.matchFulfilled(a) || api.endpoints.logout.matchRejected(a)) {
      // A refused logout (the session had already ended) ends it here all the same.
      userId = null;
      store.dispatch(api.util.resetApiState());
      return result;
    }
    const session = sessionOf(a);
    if (session === undefined) return result;
    const next_ = session?.user.id ?? null;
    const ended = userId !== null && next_ !== userId;
    userId = next_;
    if (ended) store.dispatch(api.util.resetApiState());
    return result;
  };
}

/** The session an action reports (undefined: the action says nothing about the session). */
function sessionOf(a: UnknownAction): SessionView | undefined {
  for (const endpoint of [api.endpoints.session, api.endpoints.login, api.endpoints.unlock, api.endpoints.changePassword, api.endpoints.lock]) {
    if (endpoint.matchFulfilled(a)) return a.payload as SessionView;
  }
  return undefined;
}
