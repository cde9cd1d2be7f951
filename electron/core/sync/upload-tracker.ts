/** One file on its way to the platform, as `sync.status` shows it. */
export interface UploadProgress {
  hash: string;
  caseNumber: string | null;
  fileName: string | null;
  bytes: number;
  sent: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
}

/**
 * Upload progress, in memory only: it is a view of work in flight, and after a restart the
 * platform's offsets (HEAD) are the truth anyway. Finished uploads stay listed for a while so the
 * screen can show them done; the oldest finished ones are dropped beyond `keepFinished`.
 */
export class UploadTracker {
  private readonly entries = new Map<string, UploadProgress & { caseId: number }>();

  constructor(
    private readonly onChange: (caseId: number) => void,
    private readonly keepFinished = 50,
  ) {}

  expect(caseId: number, caseNumber: string | null, hash: string, fileName: string | null, bytes: number): void {
    const key = keyOf(caseId, hash);
    const existing = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, { caseId, hash, caseNumber, fileName, bytes, sent: existing?.sent ?? 0, state: 'waiting' });
    this.onChange(caseId);
  }

  update(caseId: number, hash: string, patch: Partial<Pick<UploadProgress, 'sent' | 'state'>>): void {
    const entry = this.entries.get(keyOf(caseId, hash));
    if (!entry) return;
    if (patch.sent !== undefined) entry.sent = Math.min(entry.bytes, Math.max(0, patch.sent));
    if (patch.state !== undefined) entry.state = patch.state;
    if (patch.state === 'done') entry.sent = entry.bytes;
    this.prune();
    this.onChange(caseId);
  }

  /** A case's uploads are no longer wanted (its command was cancelled). */
  forgetCase(caseId: number): void {
    for (const [key, e] of this.entries) if (e.caseId === caseId) this.entries.delete(key);
  }

  list(): UploadProgress[] {
    return [...this.entries.values()].map(({ caseId: _caseId, ...rest }) => rest);
  }

  private prune(): void {
    const finished = [...this.entries].filter(([, e]) => e.state === 'done');
    for (const [key] of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) this.entries.delete(key);
  }
}

function keyOf(caseId: number, hash: string): string {
  return `${caseId}:${hash}`;
}
