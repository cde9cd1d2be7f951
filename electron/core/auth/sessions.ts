import type { Role } from '../../contract';

export interface Session {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  locked: boolean;
  mustChangePassword: boolean;
  /** The password must be changed because it is older than security.passwordMaxAgeDays (not a reset). */
  passwordExpired?: boolean;
  /** Last user activity (ms since epoch); passive status polls do not move it. */
  lastActivity: number;
}

/**
 * Sessions live in memory, one per client (a browser cookie or an Electron webContents). A restart
 * logs everybody out, which is what a counter PC should do after a crash or update.
 */
export class SessionRegistry {
  private readonly byClient = new Map<string, Session>();

  get(clientId: string): Session | undefined {
    return this.byClient.get(clientId);
  }

  start(clientId: string, s: Omit<Session, 'locked' | 'lastActivity'>, now: number): Session {
    const session: Session = { ...s, locked: false, lastActivity: now };
    this.byClient.set(clientId, session);
    return session;
  }

  end(clientId: string): boolean {
    return this.byClient.delete(clientId);
  }

  touch(clientId: string, now: number): void {
    const s = this.byClient.get(clientId);
    if (s && !s.locked) s.lastActivity = now;
  }

  /** Locks every unlocked session idle for at least `idleMs`; returns their client ids. */
  lockIdle(now: number, idleMs: number): string[] {
    const locked: string[] = [];
    for (const [clientId, s] of this.byClient) {
      if (!s.locked && now - s.lastActivity >= idleMs) {
        s.locked = true;
        locked.push(clientId);
      }
    }
    return locked;
  }

  /** Ends every session of a user (disabled, password reset, role changed); returns client ids. */
  endAllOf(userId: number): string[] {
    const ended: string[] = [];
    for (const [clientId, s] of this.byClient) {
      if (s.userId === userId) {
        this.byClient.delete(clientId);
        ended.push(clientId);
      }
    }
    return ended;
  }
}
