import { randomBytes } from 'node:crypto';
import type { ResidentCardReading } from '../../../native/idcard/card-reading';

const TTL_MS = 10 * 60_000;

/**
 * Cards read at this workstation, held briefly in memory under an opaque token. The intake form
 * gets the token and the masked number; the case gets the full number from here. Tokens expire
 * after 10 minutes and are never written anywhere.
 */
export class CardTokens {
  private readonly cards = new Map<string, { card: ResidentCardReading; expires: number }>();

  issue(card: ResidentCardReading, now: number): string {
    this.sweep(now);
    const token = randomBytes(18).toString('base64url');
    this.cards.set(token, { card, expires: now + TTL_MS });
    return token;
  }

  resolve(token: string, now: number): ResidentCardReading | null {
    this.sweep(now);
    return this.cards.get(token)?.card ?? null;
  }

  private sweep(now: number): void {
    for (const [token, entry] of this.cards) if (entry.expires <= now) this.cards.delete(token);
  }
}
