import type { CommandChannel, TransportStatus } from '../serial/command-channel';
import { transportError } from '../serial/device-error';
import type { Framing } from '../serial/framing';
import { Listeners } from '../serial/listeners';

/**
 * A simulator without a serial line: the request is answered by the simulator's responder in
 * memory and the answer goes through the protocol's own frame decoder, so the driver sees exactly
 * the bytes it would see on a tty. Training mode uses it where no pseudo-terminal can be made
 * (Windows counter PCs, machines without socat).
 */
export class InMemoryChannel<TRequest> implements CommandChannel<TRequest> {
  private readonly listeners = new Listeners<{ status: TransportStatus }>();
  private connected = true;

  constructor(
    private readonly respond: (request: TRequest) => Uint8Array | null,
    private readonly framing: Framing<TRequest>,
    private readonly deviceName: string,
  ) {}

  get isConnected(): boolean {
    return this.connected;
  }

  async request(request: TRequest): Promise<Uint8Array> {
    if (!this.connected) throw transportError('DEVICE_NOT_CONNECTED', this.deviceName);
    const frame = this.respond(request);
    if (!frame) throw transportError('DEVICE_TIMEOUT', this.deviceName);
    for (const event of this.framing.createDecoder().push(frame)) {
      if (event.type === 'frame') return event.body;
    }
    throw transportError('CHECKSUM_ERROR', this.deviceName);
  }

  on(event: 'status', listener: (status: TransportStatus) => void): () => void {
    return this.listeners.on(event, listener);
  }

  async waitConnected(): Promise<void> {
    if (!this.connected) throw transportError('DEVICE_NOT_CONNECTED', this.deviceName);
  }

  async close(): Promise<void> {
    this.connected = false;
  }
}
