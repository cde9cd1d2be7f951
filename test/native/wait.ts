/** Test helpers that wait on conditions and events with a deadline, never on fixed sleeps. */

import { poll } from '../support/poll';

export async function waitFor(condition: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  await poll(condition, what, timeoutMs, 5);
}

/** The next payload delivered to `subscribe`'s listener that satisfies `match`. */
export function nextEvent<T>(
  subscribe: (listener: (payload: T) => void) => () => void,
  timeoutMs = 3000,
  match: (payload: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for an event`));
    }, timeoutMs);
    const off = subscribe((payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

export function fromHex(text: string): Uint8Array {
  return Uint8Array.from(text.trim().split(/\s+/), (h) => parseInt(h, 16));
}
