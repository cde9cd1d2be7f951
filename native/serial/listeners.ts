/**
 * A typed listener registry. `on` returns its own unsubscribe function (a lesson from Bitwarden's
 * preload, whose removeListener could never remove anything). A listener that throws must not break
 * the driver that emitted the event (it runs inside serial data callbacks), so it is isolated.
 */
export class Listeners<Events extends { [K in keyof Events]: unknown }> {
  private readonly byName = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): () => void {
    let set = this.byName.get(name);
    if (!set) {
      set = new Set();
      this.byName.set(name, set);
    }
    const stored = listener as (payload: never) => void;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    const set = this.byName.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as (payload: Events[K]) => void)(payload);
      } catch (error) {
        console.error(`listener for "${String(name)}" threw`, error);
      }
    }
  }

  clear(): void {
    this.byName.clear();
  }
}
