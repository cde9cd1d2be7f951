import { configureStore } from '@reduxjs/toolkit';
import { api } from '../api/api-slice';
import { onEvent } from '../api/client';
import { subscribeSyncEvents } from '../api/sync-events';
import { sessionResetMiddleware } from './session-reset';

export function createStore() {
  const store = configureStore({
    reducer: { [api.reducerPath]: api.reducer },
    middleware: (getDefault) => getDefault().concat(api.middleware, sessionResetMiddleware()),
  });
  // Back-end events refresh what they concern: an idle lock or a logout from elsewhere shows at once.
  onEvent('session.changed', () => store.dispatch(api.util.invalidateTags(['Session', 'Workbench'])));
  onEvent('status.changed', () => store.dispatch(api.util.invalidateTags(['Status', 'AppInfo', 'Config'])));
  subscribeSyncEvents(store.dispatch);
  return store;
}

export type AppStore = ReturnType<typeof createStore>;
export type RootState = ReturnType<AppStore['getState']>;
