import type { SessionView } from '../../contract';
import type { Session } from './sessions';

export function toSessionView(session: Session | undefined | null, idleLockSeconds: number): SessionView {
  if (!session) return null;
  return {
    user: { id: session.userId, username: session.username, displayName: session.displayName, role: session.role },
    locked: session.locked,
    mustChangePassword: session.mustChangePassword,
    passwordExpired: session.mustChangePassword && session.passwordExpired === true,
    idleLockSeconds,
  };
}
