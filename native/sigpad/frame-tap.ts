import type { DecoderEvent, Framing, StreamDecoder } from '../serial/framing';
import { Listeners } from '../serial/listeners';

export interface FrameTapEvents {
  /** Every intact frame body, in the order the bytes arrived, answer or event alike. */
  frame: Uint8Array;
  diagnostic: DecoderEvent;
}

/** Where a driver receives every frame in wire order (see FrameTap). */
export interface FrameSource {
  on<K extends keyof FrameTapEvents>(event: K, listener: (payload: FrameTapEvents[K]) => void): () => void;
}

/**
 * Wraps a Framing so that every frame its decoder finds is also reported here, synchronously and in
 * the order the bytes arrived.
 *
 * Why: SerialTransport is a request/response channel. It hands the first frame that arrives while
 * a command is in flight to that command (even a pen event the signer happened to produce at that
 * moment), emits 'frame' only for frames that arrive while nothing is in flight, resolves the
 * answer through a promise (a microtask later than the 'frame' events dispatched from the same
 * chunk) and, after a corrupted frame, drops the rest of the chunk. A signature pad talks in both
 * directions at once, so its driver reads the frames here instead, where nothing is reordered or
 * withheld, and tells answers from events by their type byte (PROTOCOL.md). The transport still
 * writes the commands, times out silent devices, resends after a corrupted answer and reconnects.
 */
export class FrameTap<TRequest> implements FrameSource {
  readonly framing: Framing<TRequest>;
  private readonly listeners = new Listeners<FrameTapEvents>();

  constructor(inner: Framing<TRequest>) {
    this.framing = {
      encode: (request) => inner.encode(request),
      createDecoder: () => this.tapped(inner.createDecoder()),
    };
  }

  on<K extends keyof FrameTapEvents>(event: K, listener: (payload: FrameTapEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  private tapped(decoder: StreamDecoder): StreamDecoder {
    return {
      push: (chunk) => {
        const events = decoder.push(chunk);
        for (const event of events) {
          if (event.type === 'frame') this.listeners.emit('frame', event.body);
          else this.listeners.emit('diagnostic', event);
        }
        return events;
      },
      reset: () => decoder.reset(),
    };
  }
}
