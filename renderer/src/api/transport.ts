import type { EventName, Result } from '../../../electron/contract';

/** How the renderer reaches the back end: the Electron preload bridge or the web host over HTTP. */
export interface Transport {
  host: 'electron' | 'web';
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to a core event; returns the function that unsubscribes. */
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    bdc?: Transport;
  }
}

/** Web host transport: POST /api/<method>, and one shared EventSource for /api/events. */
export function httpTransport(): Transport {
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function ensureSource(event: EventName): EventSource {
    if (!source) source = new EventSource('/api/events');
    if (!listeners.has(event)) {
      listeners.set(event, new Set());
      source.addEventListener(event, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of listeners.get(event) ?? []) l(payload);
      });
    }
    return source;
  }

  return {
    host: 'web',
    async call(method, input) {
      let res: Response;
      try {
        res = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '无法连接工作站后台服务，请确认程序仍在运行。' } };
      }
      if (res.status === 401) {
        return { ok: false, error: { code: 'NOT_AUTHENTICATED', message: '浏览器授权已失效：请使用工作站启动时显示的链接重新打开。' } };
      }
      return (await res.json()) as Result<unknown>;
    },
    on(event, listener) {
      ensureSource(event);
      listeners.get(event)?.add(listener);
      return () => {
        listeners.get(event)?.delete(listener);
      };
    },
  };
}

export function pickTransport(): Transport {
  return window.bdc ?? httpTransport();
}
