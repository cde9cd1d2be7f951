import type { EventName, EventPayload } from '../contract';

/** `clientId` null = for every client; otherwise only for that client's window. */
export type EventListener = (clientId: string | null, name: EventName, payload: unknown) => void;

/** Fan-out of core events to the hosts, which forward them over IPC or SSE. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emitTo<E extends EventName>(clientId: string, name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(clientId, name, payload);
  }

  broadcast<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(null, name, payload);
  }
}
