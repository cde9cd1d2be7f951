import { auditRecordsOf } from './audit-records';
import { eCertificatesBy, type ECertificateView } from './e-certificates';
import type { AutoDecisions, AutoSettings } from './auto-decisions';
import type { BlobStore } from './blob-store';
import { recordCaseEvent } from './case-events';
import { allCases, findCase, type PlatformCaseStatus } from './case-repository';
import type { Db } from './database';
import type { Fault, FaultSet } from './faults';
import { PlatformError } from './http-io';
import { numbersOf, reserveNumbers } from './certificate-numbers';
import type { CertificateKind } from './numbers';
import { findReview, historyOf, setCertificatePrinted } from './office-review';
import { allRights, bumpRegisterVersion, insertRestriction, registerVersionOf, type RegisterRestriction, type RightView } from './register';
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
  /** The case's office review: stage, claim, history (null when the automatic decisions handle it). */
  review(caseNumber: string): { stage: string; claim: unknown; certificatePrinted: boolean; history: unknown[] } | null;
  /** Every right of a unit, whatever its state (现势, 历史 …). */
  registerRights(unitCode: string): RightView[];
  /** Writes a restriction on a unit (a court's 查封 arriving meanwhile): the unit's registerVersion moves. */
  addRestriction(unitCode: string, restriction: RegisterRestriction): number;
  /** Keeps numbers back from allocation (the template's serials). */
  reserveNumbers(office: string, year: number, kind: CertificateKind, serials: number[]): string[];
  /** Every certificate number that exists: issued, reserved, voided. */
  certificateNumbers(): ReturnType<typeof numbersOf>;
  /** Issue #12 prints certificates; until then tests set the flag that forbids 登簿退回. */
  setCertificatePrinted(caseNumber: string, printed: boolean): void;
  /** Audit records workstations sent upward (POST /api/v1/audit-records), by submitter CN and seq. */
  auditRecords(submitter?: string): Array<{ submitter: string; seq: number; action: string; hash: string }>;
  /** The e-certificate store (API.md "E-certificates"): those of a case, in number order. */
  eCertificates(caseNumber: string): ECertificateView[];
}

export function createAdmin(deps: { db: Db; blobs: BlobStore; faults: FaultSet; auto: AutoDecisions; stats: StatsCounter; now: () => Date }): PlatformAdmin {
  const { db, blobs, faults, auto, stats } = deps;
  const commandsOf = db.prepare('SELECT key, method, path, status, at FROM commands WHERE case_number = ? ORDER BY rowid');
  const blobsOf = db.prepare('SELECT hash FROM case_blobs WHERE case_number = ? ORDER BY rowid');
  return {
    auditRecords: (submitter) => auditRecordsOf(db, submitter),
    eCertificates: (caseNumber) => eCertificatesBy(db, blobs, { caseNumber }),
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
    review(caseNumber) {
      const review = findReview(db, caseNumber);
      return review ? { stage: review.stage, claim: review.claim, certificatePrinted: review.certificatePrinted, history: historyOf(db, caseNumber) } : null;
    },
    registerRights: (unitCode) => allRights(db, unitCode),
    addRestriction: (unitCode, restriction) =>
      db.transaction(() => {
        if (registerVersionOf(db, unitCode) === null) throw new PlatformError(404, 'UNIT_NOT_FOUND', `登记簿中没有不动产单元 ${unitCode}。`);
        const id = insertRestriction(db, unitCode, restriction);
        bumpRegisterVersion(db, unitCode);
        return id;
      })(),
    reserveNumbers: (office, year, kind, serials) => db.transaction(() => reserveNumbers(db, { office, year, kind, serials, at: deps.now().toISOString() }))(),
    certificateNumbers: () => numbersOf(db),
    setCertificatePrinted: (caseNumber, printed) => {
      if (!findReview(db, caseNumber)) throw new PlatformError(404, 'CASE_NOT_FOUND', `案件 ${caseNumber} 不在机构审核中（或不存在）。`);
      setCertificatePrinted(db, caseNumber, printed);
    },
    setFaults: (list) => faults.set(list),
    clearFaults: () => faults.clear(),
    setAuto: (settings) => auto.configure(settings),
    stats: () => stats.snapshot(),
  };
}
