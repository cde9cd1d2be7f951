import type { DeviceError } from './device-error';

/**
 * The part of a transport a driver needs: send one request, get one response body. The serial
 * transport implements it; driver unit tests may pass a stand-in.
 */
export interface CommandChannel<TRequest> {
  request(request: TRequest, options?: { timeoutMs?: number }): Promise<Uint8Array>;
  on(event: 'status', listener: (status: TransportStatus) => void): () => void;
  readonly isConnected: boolean;
  /** Resolves once connected; rejects with DEVICE_NOT_CONNECTED after timeoutMs. */
  waitConnected(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export type TransportStatus =
  | { state: 'connected'; path: string }
  | { state: 'disconnected'; error: DeviceError }
  | { state: 'reconnecting'; attempt: number; delayMs: number };
