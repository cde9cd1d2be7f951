import {
  AppError,
  LEGACY_BUSINESS_TYPE_MAP,
  maskIdNumber,
  maskPhone,
  REVIEW_STAGE_LABELS,
  type CaseAction,
  type ReviewCase,
  type ReviewDecision,
  type ReviewStage,
  type Role,
} from '../../contract';
import type { Session } from '../auth/sessions';
import type { CaseStatus } from '../cases/case-record';
import { lifecycleRow, performableBy, type LifecycleRow } from '../cases/lifecycle';
import type { CallContext } from '../services';
import { officeCases, type OfficeCaseRow, type SubmissionBody } from './office-cache';

/** The local lifecycle state a platform stage corresponds to (lifecycle.ts states). */
export const STATUS_OF_STAGE: Record<ReviewStage, CaseStatus> = {
  firstReview: 'reviewing',
  secondReview: 'reviewing',
  registration: 'approved',
  supplementing: 'supplementing',
  registered: 'registered',
  refused: 'refused',
  withdrawn: 'withdrawn',
  issued: 'closed',
};

/** The lifecycle action each review decision performs (lifecycle.ts, office rows). */
export const ACTION_OF_DECISION: Record<ReviewDecision, CaseAction> = {
  pass: 'approve',
  supplement: 'requestSupplement',
  refuse: 'refuse',
  return: 'returnToPrevious',
};

/** The lifecycle row that performs `action` on the office's copy of a case in `stage`, if any. */
export function officeActionRow(action: CaseAction, stage: ReviewStage): LifecycleRow | undefined {
  return lifecycleRow(action, STATUS_OF_STAGE[stage], 'officeCase');
}

/**
 * The lifecycle row for `action` on this case, checked against the session's role: none for the
 * stage → STAGE_MISMATCH; a role the row does not name → CASE_ACTION_NOT_ALLOWED, said as the desk
 * would say it.
 */
export function requireOfficeAction(s: Session, row: OfficeCaseRow, action: CaseAction): LifecycleRow {
  const found = officeActionRow(action, row.stage);
  if (!found) throw new AppError('STAGE_MISMATCH', `该业务当前为“${REVIEW_STAGE_LABELS[row.stage]}”环节，不能办理此操作。`);
  if (!performableBy(found, s.role)) {
    const by = found.by === 'platform' ? [] : found.by;
    const message = by.includes('registrar') ? '登簿环节只能由登簿人员办理。' : by.includes('reviewer') ? '审核环节只能由审核人员办理，登簿人员不能审核。' : '该操作由受理窗口办理。';
    throw new AppError('CASE_ACTION_NOT_ALLOWED', message);
  }
  return found;
}

/** What the platform accepts from each stage (API.md "review-decisions"). */
export const DECISIONS_OF_STAGE: Partial<Record<ReviewStage, readonly ReviewDecision[]>> = {
  firstReview: ['pass', 'supplement', 'refuse'],
  secondReview: ['pass', 'supplement', 'refuse', 'return'],
  registration: ['supplement', 'refuse', 'return'],
};

export function actorOf(s: Session): { userId: string; name: string; role: Role } {
  return { userId: s.username, name: s.displayName, role: s.role };
}

export function businessTypeLabel(ctx: CallContext, businessType: string): string {
  if (!businessType) return '—';
  const entry = ctx.services.catalog().find((e) => e.id === businessType || e.legacyId === businessType);
  if (entry) return entry.name;
  const legacy = LEGACY_BUSINESS_TYPE_MAP[businessType as keyof typeof LEGACY_BUSINESS_TYPE_MAP];
  return ctx.services.catalog().find((e) => e.id === legacy)?.name ?? businessType;
}

export function requireOfficeCase(ctx: CallContext, caseId: number): OfficeCaseRow {
  const row = officeCases.byId(ctx.services.db(), caseId);
  if (!row) throw new AppError('CASE_NOT_FOUND');
  return row;
}

/** Whether separation of duties keeps this user from reviewing the case (they accepted it). */
export function acceptedBySelf(ctx: CallContext, s: Session, row: OfficeCaseRow): boolean {
  return ctx.services.config.value.review.separationOfDuties && row.acceptedBy !== null && row.acceptedBy === s.username;
}

/** The case as review desks see it: the application with ID numbers and phones masked. */
export function toReviewCase(ctx: CallContext, s: Session, row: OfficeCaseRow, body: SubmissionBody | null): ReviewCase {
  return {
    caseId: row.id,
    caseNumber: row.caseNumber,
    officialNumber: row.officialNumber,
    platformCaseId: row.platformCaseId,
    businessType: row.businessType,
    businessTypeLabel: businessTypeLabel(ctx, row.businessType),
    stage: row.stage,
    status: STATUS_OF_STAGE[row.stage],
    claim: row.claim,
    mine: row.claim?.userId === s.username,
    pendingDecision: row.pendingDecision,
    clerkName: row.clerkName,
    workstation: row.workstation,
    acceptedAt: row.acceptedAt,
    promisedDate: row.promisedDate,
    coOwnership: body?.coOwnership ?? null,
    parties: (body?.parties ?? []).map((p) => ({
      ordinal: p.ordinal,
      role: p.role,
      name: p.name,
      idType: p.idType ?? 'resident_id',
      idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : '',
      phoneMasked: p.phone ? maskPhone(p.phone) : null,
      share: p.share ?? null,
    })),
    units: (body?.units ?? []).map((u, i) => ({
      ordinal: i + 1,
      unitCode: u.unitCode,
      address: u.address,
      use: u.use,
      areaM2: u.areaM2 ?? null,
      previousCertificateNumber: u.previousCertificateNumber ?? null,
    })),
    supplements: body?.supplements ?? [],
    certificateNumbers: row.certificateNumbers,
    localCaseId: row.localCaseId,
  };
}

export function reviewCaseOf(ctx: CallContext, s: Session, caseId: number): ReviewCase {
  const row = requireOfficeCase(ctx, caseId);
  return toReviewCase(ctx, s, row, officeCases.body(ctx.services.db(), ctx.services.keys, caseId));
}
