import { configureStore } from '@reduxjs/toolkit';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The contract client, faked: each test says what the back end answers. */
const backend = vi.hoisted(() => ({ answers: new Map<string, unknown>() }));
vi.mock('../../renderer/src/api/client', () => ({
  ApiError: class ApiError extends Error {},
  call: vi.fn(async (method: string) => {
    if (!backend.answers.has(method)) throw new Error(`unexpected call ${method}`);
    return backend.answers.get(method);
  }),
  onEvent: () => () => undefined,
  hostKind: () => 'web',
}));

const { api } = await import('../../renderer/src/api/api-slice');
const { sessionResetMiddleware } = await import('../../renderer/src/app/session-reset');

const session = (id: number, locked = false) => ({
  user: { id, username: `u${id}`, displayName: `用户${id}`, role: 'clerk' as const },
  locked,
  mustChangePassword: false,
  passwordExpired: false,
  idleLockSeconds: 600,
});
const CASE = { id: 7, parties: [{ ordinal: 1, name: '周晓岚', idNumberMasked: '430102********042X' }] };

function makeStore() {
  return configureStore({
    reducer: { [api.reducerPath]: api.reducer },
    middleware: (getDefault) => getDefault().concat(api.middleware, sessionResetMiddleware()),
  });
}
type Store = ReturnType<typeof makeStore>;
const cachedCase = (store: Store) => api.endpoints.caseById.select({ id: 7 })(store.getState()).data;

async function loggedInWithCase(): Promise<Store> {
  const store = makeStore();
  backend.answers.set('auth.session', session(1));
  backend.answers.set('cases.get', CASE);
  await store.dispatch(api.endpoints.session.initiate());
  await store.dispatch(api.endpoints.caseById.initiate({ id: 7 }));
  expect(cachedCase(store)).toMatchObject({ parties: [{ name: '周晓岚' }] });
  return store;
}

describe('logout clears the renderer state', () => {
  beforeEach(() => backend.answers.clear());

  it('logging out drops every cached query, the cached case included', async () => {
    const store = await loggedInWithCase();
    backend.answers.set('auth.logout', { ok: true });
    await store.dispatch(api.endpoints.logout.initiate());
    expect(cachedCase(store)).toBeUndefined();
    expect(JSON.stringify(store.getState())).not.toContain('周晓岚');
  });

  it('a session ended elsewhere (the session query answers null) drops the cache too', async () => {
    const store = await loggedInWithCase();
    backend.answers.set('auth.session', null);
    await store.dispatch(api.endpoints.session.initiate(undefined, { forceRefetch: true }));
    expect(cachedCase(store)).toBeUndefined();
    expect(JSON.stringify(store.getState())).not.toContain('周晓岚');
  });

  it('another user logging in on the same window never sees the previous cache', async () => {
    const store = await loggedInWithCase();
    backend.answers.set('auth.login', session(2));
    await store.dispatch(api.endpoints.login.initiate({ username: 'u2', password: 'x' }));
    expect(cachedCase(store)).toBeUndefined();
  });

  it('locking the screen keeps the work underneath', async () => {
    const store = await loggedInWithCase();
    backend.answers.set('auth.lock', session(1, true));
    await store.dispatch(api.endpoints.lock.initiate());
    expect(cachedCase(store)).toMatchObject({ id: 7 });
  });
});
