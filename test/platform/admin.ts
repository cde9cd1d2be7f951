import { auditRecordsOf } from './audit-records';
import type { AutoDecisions, AutoSettings } from './auto-decisions';
import type { BlobStore } from './blob-store';
import { recordCaseEvent } from './case-events';
import { allCases, findCase, type PlatformCaseStatus } from './case-repository';
import type { Db } from './database';
import type { Fault, FaultSet } from './faults';
import { PlatformError } from './http-io';
import type { PlatformStats, StatsCounter } from './stats';

/**
 * The stand-in's administration (tests and training only; not part of the provincial API): what it
 * holds, changes to append, faults, the automatic decisions, statistics. The same object backs the
 * in-process API (RunningPlatform.admin) and the /admin HTTP listener.
 */
export interface AdminCaseView {
  caseNumber: string;
  platformCaseId: string;
  officialNumber: string;
  /** CN of the client certificate that submitted it. */
  submittedBy: string;
  status: PlatformCaseStatus;
  withdrawn: boolean;
  /** Idempotency keys whose submission created the case (exactly one, by construction). */
  submitKeys: string[];
  /** Every command about the case, in order: the submission, refused duplicates, withdrawals. */
  commands: Array<{ key: string; method: string; path: string; status: number; at: string }>;
  /** The submission body exactly as sent. */
  body: unknown;
  blobs: Array<{ hash: string; size: number; offset: number; complete: boolean }>;
}

export interface PlatformAdmin {
  cases(): AdminCaseView[];
  /** Appends a change to the case's feed (and applies it: status, 登簿 to the register). */
  appendChange(caseNumber: string, kind: string, data: Record<string, unknown>): void;
  setFaults(faults: Fault[]): void;
  clearFaults(): void;
  setAuto(auto: AutoSettings): void;
  stats(): PlatformStats;
  /** Audit records workstations sent upward (POST /api/v1/audit-records), by submitter CN and seq. */
  auditRecords(submitter?: string): Array<{ submitter: string; seq: number; action: string; hash: string }>;
}

export function createAdmin(deps: { db: Db; blobs: BlobStore; faults: FaultSet; auto: AutoDecisions; stats: StatsCounter; now: () => Date }): PlatformAdmin {
  const { db, blobs, faults, auto, stats } = deps;
  const commandsOf = db.prepare('SELECT key, method, path, status, at FROM commands WHERE case_number = ? ORDER BY rowid');
  const blobsOf = db.prepare('SELECT hash FROM case_blobs WHERE case_number = ? ORDER BY rowid');
  return {
    auditRecords: (submitter) => auditRecordsOf(db, submitter),
    cases() {
      return allCases(db).map((c) => {
        const commands = commandsOf.all(c.caseNumber) as AdminCaseView['commands'];
        return {
          caseNumber: c.caseNumber,
          platformCaseId: c.platformCaseId,
          officialNumber: c.officialNumber,
          submittedBy: c.submittedBy,
          status: c.status,
          withdrawn: c.status === 'withdrawn',
          submitKeys: commands.filter((k) => k.method === 'POST' && k.path === '/api/v1/cases' && k.status === 201).map((k) => k.key),
          commands,
          body: c.body,
          blobs: (blobsOf.all(c.caseNumber) as Array<{ hash: string }>).map(({ hash }) => {
            const blob = blobs.get(hash)!;
            return { hash, size: blob.size, offset: blob.offset, complete: blob.complete };
          }),
        };
      });
    },
    appendChange(caseNumber, kind, data) {
      db.transaction(() => {
        const c = findCase(db, caseNumber);
        if (!c) throw new PlatformError(404, 'CASE_NOT_FOUND', `平台没有案件 ${caseNumber}。`);
        recordCaseEvent(db, c, kind, data, deps.now());
        if (kind === 'case.withdrawn' || kind === 'registered') auto.drop(caseNumber);
      })();
    },
    setFaults: (list) => faults.set(list),
    clearFaults: () => faults.clear(),
    setAuto: (settings) => auto.configure(settings),
    stats: () => stats.snapshot(),
  };
}
