import type { PlatformError } from './platform-error';

export type LinkState = 'online' | 'offline';

/**
 * Whether the platform can be reached, as the top bar shows it. Every request reports here:
 * any HTTP answer (even a refusal or a 503) proves the link is up; a request that got no answer
 * (network, timeout, TLS) puts it down with that reason, which is what the clerk and IT staff need
 * to read ("平台证书不受信任…", "连接被拒绝…"). Listeners hear about changes of state or reason.
 */
export class PlatformLink {
  private current: { state: LinkState; detail: string };
  private contactAt: string | null;

  constructor(
    private readonly where: string,
    private readonly clock: () => Date,
    private readonly listeners: { changed(): void; online(): void; offline(): void },
  ) {
    this.current = { state: 'offline', detail: `正在连接省级平台 ${where}…` };
    this.contactAt = null;
  }

  /** The last contact remembered from an earlier run (until this run makes its own). */
  restore(lastContactAt: string | null): void {
    this.contactAt ??= lastContactAt;
  }

  get state(): LinkState {
    return this.current.state;
  }

  get detail(): string {
    return this.current.detail;
  }

  get lastContactAt(): string | null {
    return this.contactAt;
  }

  answered(): void {
    this.contactAt = this.clock().toISOString();
    if (this.current.state === 'online') return;
    this.current = { state: 'online', detail: `已连接省级平台 ${this.where}` };
    this.listeners.changed();
    this.listeners.online();
  }

  unreachable(error: PlatformError): void {
    const wasOnline = this.current.state === 'online';
    if (!wasOnline && this.current.detail === error.message) return;
    this.current = { state: 'offline', detail: error.message };
    this.listeners.changed();
    if (wasOnline) this.listeners.offline();
  }
}
