import { configureStore } from '@reduxjs/toolkit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type CaseView } from '../../electron/contract';

/** The contract client, faked: each test says what the back end answers, and every call is counted. */
const backend = vi.hoisted(() => ({ answers: new Map<string, unknown>(), calls: [] as { method: string; input: unknown }[] }));
vi.mock('../../renderer/src/api/client', () => {
  class ApiError extends Error {
    code: string;
    constructor(e: { code: string; message: string }) {
      super(e.message);
      this.code = e.code;
    }
  }
  return {
    ApiError,
    call: vi.fn(async (method: string, input: unknown) => {
      backend.calls.push({ method, input });
      if (!backend.answers.has(method)) throw new Error(`unexpected call ${method}`);
      const answer = backend.answers.get(method);
      if (answer instanceof Error) throw new ApiError({ code: 'CASE_NOT_DRAFT', message: answer.message });
      return typeof answer === 'function' ? (answer as (i: unknown) => unknown)(input) : answer;
    }),
    onEvent: () => () => undefined,
    hostKind: () => 'web',
  };
});

const { api } = await import('../../renderer/src/api/api-slice');
const { ENDPOINTS } = await import('../../renderer/src/api/endpoint-table');

function makeStore() {
  return configureStore({ reducer: { [api.reducerPath]: api.reducer }, middleware: (getDefault) => getDefault().concat(api.middleware) });
}
type Store = ReturnType<typeof makeStore>;

const view = (id: number, name: string) => ({ id, status: 'draft', parties: [{ ordinal: 1, name }] }) as unknown as CaseView;
const callsOf = (method: string) => backend.calls.filter((c) => c.method === method).length;
const cachedCase = (store: Store, id: number) => api.endpoints.caseById.select({ id })(store.getState()).data;
/** Lets RTK Query finish what a fulfilled mutation started (cache writes, refetches of invalidated queries). */
async function settle(store: Store) {
  for (let i = 0; i < 5; i++) {
    await Promise.all(store.dispatch(api.util.getRunningQueriesThunk()));
    await new Promise((r) => setImmediate(r));
  }
}

describe('endpoints generated from the contract and the tag table', () => {
  beforeEach(() => {
    backend.answers.clear();
    backend.calls.length = 0;
  });

  it('every contract method has exactly one endpoint, of the kind the table says', () => {
    expect(Object.keys(ENDPOINTS).sort()).toEqual([...METHOD_NAMES].sort());
    const names = Object.values(ENDPOINTS).map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of Object.values(ENDPOINTS)) {
      const endpoint = (api.endpoints as Record<string, { matchFulfilled: unknown; select?: unknown }>)[entry.name];
      expect(endpoint, entry.name).toBeDefined();
      // Queries have a cache selector taking an argument; mutations are selected by request id.
      expect(typeof (api.endpoints as Record<string, { useQuery?: unknown; useMutation?: unknown }>)[entry.name]![entry.kind === 'query' ? 'useQuery' : 'useMutation']).toBe('function');
    }
  });

  it('the hooks carry the contract types (a CaseView, not any)', () => {
    const store = makeStore();
    const data = cachedCase(store, 1);
    const typed: CaseView | undefined = data;
    // @ts-expect-error the cached case is a CaseView: a number cannot hold it (fails to compile if it were any)
    const wrong: number | undefined = data;
    // @ts-expect-error cases.get needs the case id
    void api.endpoints.caseById.initiate({});
    expect([typed, wrong]).toEqual([undefined, undefined]);
  });

  it('a method without input is called with {} and its hook takes no argument', async () => {
    const store = makeStore();
    backend.answers.set('app.info', { name: 'x' });
    await store.dispatch(api.endpoints.appInfo.initiate());
    expect(backend.calls).toEqual([{ method: 'app.info', input: {} }]);
  });

  it('a mutation answering with the case seeds the cases.get cache: no second round trip', async () => {
    const store = makeStore();
    backend.answers.set('cases.get', view(7, '周晓岚'));
    const sub = store.dispatch(api.endpoints.caseById.initiate({ id: 7 }));
    await sub;
    expect(callsOf('cases.get')).toBe(1);

    backend.answers.set('cases.saveDraft', view(7, '李建国'));
    await store.dispatch(api.endpoints.saveDraft.initiate({ id: 7, coOwnership: null, parties: [], units: [], materialsReceived: [] }));
    await settle(store);
    expect(cachedCase(store, 7)).toMatchObject({ parties: [{ name: '李建国' }] });
    expect(callsOf('cases.get')).toBe(1);
    sub.unsubscribe();
  });

  it('a new draft is in the cache before the wizard asks for it', async () => {
    const store = makeStore();
    backend.answers.set('cases.createDraft', view(9, '新草稿'));
    await store.dispatch(api.endpoints.createDraft.initiate({ businessType: 'transfer.secondHand' as never }));
    await settle(store);
    expect(cachedCase(store, 9)).toMatchObject({ id: 9 });
    const sub = store.dispatch(api.endpoints.caseById.initiate({ id: 9 }));
    await sub;
    expect(callsOf('cases.get')).toBe(0);
    sub.unsubscribe();
  });

  it('the case history and the case lists are refetched after a change; the view is not', async () => {
    const store = makeStore();
    backend.answers.set('cases.get', view(7, '周晓岚'));
    backend.answers.set('cases.timeline', []);
    backend.answers.set('cases.search', { total: 0, totalCapped: false, rows: [] });
    const subs = [
      store.dispatch(api.endpoints.caseById.initiate({ id: 7 })),
      store.dispatch(api.endpoints.caseTimeline.initiate({ id: 7 })),
      store.dispatch(api.endpoints.searchCases.initiate({})),
    ];
    await Promise.all(subs);
    backend.answers.set('cases.withdraw', view(7, '周晓岚'));
    await store.dispatch(api.endpoints.withdrawCase.initiate({ id: 7, reason: '申请人撤回' }));
    await settle(store);
    expect([callsOf('cases.get'), callsOf('cases.timeline'), callsOf('cases.search')]).toEqual([1, 2, 2]);
    for (const s of subs) s.unsubscribe();
  });

  it('a refused change refetches the case (it may have changed elsewhere)', async () => {
    const store = makeStore();
    backend.answers.set('cases.get', view(7, '周晓岚'));
    const sub = store.dispatch(api.endpoints.caseById.initiate({ id: 7 }));
    await sub;
    backend.answers.set('cases.accept', new Error('该业务已不是草稿'));
    const result = await store.dispatch(api.endpoints.acceptCase.initiate({ id: 7 }));
    expect(result.error).toMatchObject({ code: 'CASE_NOT_DRAFT', message: '该业务已不是草稿' });
    await settle(store);
    expect(callsOf('cases.get')).toBe(2);
    sub.unsubscribe();
  });

  it('a tag read from the result: resending a dead letter refreshes the case it belongs to', async () => {
    const store = makeStore();
    backend.answers.set('cases.get', view(3, '王芳'));
    const sub = store.dispatch(api.endpoints.caseById.initiate({ id: 3 }));
    await sub;
    backend.answers.set('sync.resend', { caseId: 3 });
    await store.dispatch(api.endpoints.resendDeadLetter.initiate({ id: 1 }));
    await settle(store);
    expect(callsOf('cases.get')).toBe(2);
    sub.unsubscribe();
  });
});
