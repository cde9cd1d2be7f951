import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pacer } from './faults';
import { PlatformError } from './http-io';

/**
 * A request body as chunks, read only as fast as the consumer takes them: a PATCH writes each chunk
 * to disk before asking for the next, so a 20 MB upload never sits in memory, and a throttle that
 * pauses here closes the TCP window, so the client feels a slow link as backpressure.
 */
export interface BodyOptions {
  /** Reads at this pace (fault `throttle`). */
  pacer?: Pacer | null;
  /**
   * Closes the connection once this many bytes were read and handed on (fault `cut-after-bytes`);
   * the consumer has persisted them by the time it asks for the next chunk, so a cut keeps them.
   */
  cutAfterBytes?: number | null;
  /** Called for each byte count read (statistics). */
  onBytes?: (bytes: number) => void;
  /** Aborts waits when the platform closes. */
  signal?: AbortSignal;
}

/** The connection was closed on purpose (fault) or by the client before the body ended. */
export class BodyInterruptedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyInterruptedError';
  }
}

export async function* requestBody(req: IncomingMessage, options: BodyOptions = {}): AsyncGenerator<Buffer, void, undefined> {
  const { pacer, cutAfterBytes, onBytes, signal } = options;
  let read = 0;
  const cut = (): never => {
    req.socket.destroy();
    throw new BodyInterruptedError(`connection cut after ${read} body bytes (fault)`);
  };
  if (cutAfterBytes === 0) cut();
  try {
    // destroyOnReturn: false — a consumer that stops early (a refusal) leaves the connection alive;
    // Node then drains the rest of the body, so the client reads the answer instead of a reset.
    for await (const data of req.iterator({ destroyOnReturn: false })) {
      let chunk = data as Buffer;
      const last = cutAfterBytes != null && read + chunk.length >= cutAfterBytes;
      if (last) chunk = chunk.subarray(0, cutAfterBytes - read);
      read += chunk.length;
      onBytes?.(chunk.length);
      if (pacer) {
        const wait = pacer.delayAfter(chunk.length);
        if (wait >= 1) await sleep(wait, undefined, { signal });
      }
      if (chunk.length > 0) yield chunk;
      if (last) cut();
    }
  } catch (err) {
    if (err instanceof BodyInterruptedError) throw err;
    // The client went away mid-body (ECONNRESET, "aborted") or the platform is closing.
    throw new BodyInterruptedError(`body interrupted after ${read} bytes: ${(err as Error).message}`);
  }
  // A shorter body than the cut point: the fault still closes the connection, after the whole body.
  if (cutAfterBytes != null) cut();
}

/** The whole body of a JSON command, refused beyond `limit` bytes. */
export async function readSmallBody(req: IncomingMessage, limit: number, options: BodyOptions = {}): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of requestBody(req, options)) {
    total += chunk.length;
    if (total > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(limit: number): PlatformError {
  return new PlatformError(413, 'PAYLOAD_TOO_LARGE', `请求体超过 ${Math.round(limit / 1024 / 1024)} MB 上限。`);
}
