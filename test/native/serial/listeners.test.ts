import { describe, expect, it, vi } from 'vitest';
import { Listeners } from '../../../native/serial/listeners';

describe('typed listeners', () => {
  it('returns an unsubscribe function that really unsubscribes', () => {
    const listeners = new Listeners<{ ping: number }>();
    const seen: number[] = [];
    const off = listeners.on('ping', (n) => seen.push(n));
    listeners.emit('ping', 1);
    off();
    listeners.emit('ping', 2);
    expect(seen).toEqual([1]);
  });

  it('keeps notifying the others when one listener throws', () => {
    const listeners = new Listeners<{ ping: number }>();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: number[] = [];
    listeners.on('ping', () => {
      throw new Error('listener bug');
    });
    listeners.on('ping', (n) => seen.push(n));
    expect(() => listeners.emit('ping', 1)).not.toThrow();
    expect(seen).toEqual([1]);
    error.mockRestore();
  });
});
