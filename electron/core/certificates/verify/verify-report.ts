/** What a verification found: one line per check, each with a reason a clerk can read. */
export interface VerifyCheck {
  name: string;
  ok: boolean;
  reason: string;
}
export interface VerifyReport {
  ok: boolean;
  identifier: string | null;
  number: string | null;
  checks: VerifyCheck[];
}
export interface VerifyTrust {
  rootCertsDer: Uint8Array[];
  /** When online: the platform's state of an identifier ('现势' | '注销'), null when it does not know it. */
  platformState?: (identifier: string) => Promise<string | null>;
}

export function report(identifier: string | null, number: string | null, checks: VerifyCheck[]): VerifyReport {
  return { ok: checks.length > 0 && checks.every((c) => c.ok), identifier, number, checks };
}
