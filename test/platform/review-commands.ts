import { registrationTypeOf } from './register-effects';
import type { CommandAnswer, CommandDeps } from './case-commands';
import { recordCaseEvent } from './case-events';
import { findCase, type PlatformCase } from './case-repository';
import { errorBody, PlatformError } from './http-io';
import { officeOfCn } from './numbers';
import { announceOfficeCase, findReview, recordHistory, setClaim, setStage, type OfficeReview } from './office-review';
import type { Actor, ClaimableStage, Decision, OfficeStage, Supplement } from './review-schemas';

/**
 * Claims, review decisions and 补正 received (API.md "Office review and 登簿"), run inside the
 * idempotency transaction like every command: refusals that follow from the platform's state are
 * answers (stored, replayed); a role that may not act at all is refused before execution (403).
 */
export const DEFAULT_SECOND_REVIEW_TYPES: readonly string[] = ['transfer', 'mortgageFirst'];

/** Who may work each stage (the workstation's role matrix, enforced again by the platform). */
const STAGE_ROLES: Record<ClaimableStage, readonly string[]> = {
  firstReview: ['reviewer', 'supervisor'],
  secondReview: ['reviewer', 'supervisor'],
  registration: ['registrar', 'supervisor'],
};
const STAGE_LABELS: Record<string, string> = {
  firstReview: '初审',
  secondReview: '复审',
  registration: '待登簿',
  supplementing: '补正中',
  registered: '已登簿',
  refused: '不予登记',
  withdrawn: '已撤回',
};

export function assertRole(actor: Actor, roles: readonly string[], what: string): void {
  if (!roles.includes(actor.role)) {
    throw new PlatformError(403, 'ROLE_REFUSED', `${actor.name}（角色 ${actor.role}）无权${what}，平台不受理。`);
  }
}

export function assertStageRole(actor: Actor, stage: ClaimableStage): void {
  assertRole(actor, STAGE_ROLES[stage], `办理${STAGE_LABELS[stage]}环节`);
}

type Loaded = { c: PlatformCase; review: OfficeReview } | { answer: CommandAnswer };

/** The case of the caller's office under office review, or the answer that refuses it. */
export function loadReviewed(deps: CommandDeps, cn: string, caseNumber: string): Loaded {
  const c = findCase(deps.db, caseNumber);
  if (!c || c.office !== officeOfCn(cn)) {
    return { answer: { status: 404, body: errorBody('CASE_NOT_FOUND', `平台没有本机构的案件 ${caseNumber}。`), caseNumber } };
  }
  const review = findReview(deps.db, caseNumber);
  if (!review) {
    return { answer: stageMismatch(caseNumber, `案件 ${caseNumber} 不由本机构审核（由平台自动办理），不能认领或作出决定。`) };
  }
  return { c, review };
}

export function stageMismatch(caseNumber: string, message: string, stage?: OfficeStage | null): CommandAnswer {
  return { status: 409, body: errorBody('STAGE_MISMATCH', message, stage === undefined ? {} : { stage }), caseNumber };
}

function wrongStage(caseNumber: string, review: OfficeReview, wanted: string): CommandAnswer {
  return stageMismatch(caseNumber, `案件 ${caseNumber} 当前处于“${STAGE_LABELS[review.stage] ?? review.stage}”，不在“${STAGE_LABELS[wanted] ?? wanted}”环节：请刷新工作队列。`, review.stage);
}

function claimedBy(caseNumber: string, review: OfficeReview): CommandAnswer {
  const holder = review.claim!;
  return {
    status: 409,
    body: errorBody('CASE_CLAIMED', `案件 ${caseNumber} 已由 ${holder.name} 认领办理，请选择其他案件。`, { holder }),
    caseNumber,
  };
}

export function claimRequired(caseNumber: string, review: OfficeReview): CommandAnswer {
  const message = review.claim ? `案件 ${caseNumber} 由 ${review.claim.name} 认领办理，须由认领人作出决定。` : `请先认领案件 ${caseNumber} 再作出决定。`;
  return { status: 409, body: errorBody('CLAIM_REQUIRED', message, { holder: review.claim }), caseNumber };
}

/** POST …/claim */
export function claimCase(deps: CommandDeps, cn: string, caseNumber: string, stage: ClaimableStage, actor: Actor): CommandAnswer {
  const loaded = loadReviewed(deps, cn, caseNumber);
  if ('answer' in loaded) return loaded.answer;
  const { c, review } = loaded;
  if (review.stage !== stage) return wrongStage(caseNumber, review, stage);
  if (review.claim && review.claim.userId !== actor.userId) return claimedBy(caseNumber, review);
  if (!review.claim) {
    const at = deps.now();
    setClaim(deps.db, caseNumber, { userId: actor.userId, name: actor.name, role: actor.role, workstation: cn, since: at.toISOString() });
    announceOfficeCase(deps.db, c, at, false);
  }
  return { status: 200, body: { claim: findReview(deps.db, caseNumber)!.claim }, caseNumber };
}

/** POST …/claim/release: the holder (or a supervisor) gives the case back to the queue. */
export function releaseClaim(deps: CommandDeps, cn: string, caseNumber: string, actor: Actor): CommandAnswer {
  const loaded = loadReviewed(deps, cn, caseNumber);
  if ('answer' in loaded) return loaded.answer;
  const { c, review } = loaded;
  if (review.claim && review.claim.userId !== actor.userId && actor.role !== 'supervisor') return claimedBy(caseNumber, review);
  if (review.claim) {
    const at = deps.now();
    setClaim(deps.db, caseNumber, null);
    recordHistory(deps.db, { caseNumber, stage: review.stage, action: 'release', detail: { holder: review.claim }, actor, workstation: cn, at: at.toISOString() });
    announceOfficeCase(deps.db, c, at, false);
  }
  return { status: 200, body: { claim: null }, caseNumber };
}

/** POST …/claim/reassign: a supervisor gives the case to someone else (audited in the history). */
export function reassignClaim(deps: CommandDeps, cn: string, caseNumber: string, actor: Actor, to: { userId: string; name: string }): CommandAnswer {
  const loaded = loadReviewed(deps, cn, caseNumber);
  if ('answer' in loaded) return loaded.answer;
  const { c, review } = loaded;
  if (!(['firstReview', 'secondReview', 'registration'] as string[]).includes(review.stage)) return wrongStage(caseNumber, review, 'firstReview');
  const at = deps.now();
  setClaim(deps.db, caseNumber, { userId: to.userId, name: to.name, role: null, workstation: null, since: at.toISOString() });
  recordHistory(deps.db, { caseNumber, stage: review.stage, action: 'reassign', detail: { from: review.claim, to }, actor, workstation: cn, at: at.toISOString() });
  announceOfficeCase(deps.db, c, at, false);
  return { status: 200, body: { claim: findReview(deps.db, caseNumber)!.claim }, caseNumber };
}

/** Where each decision leads from each stage; null = not a decision of that stage. */
function nextStage(decision: Decision['decision'], stage: ClaimableStage, secondReview: boolean): OfficeStage | null {
  switch (decision) {
    case 'pass':
      if (stage === 'firstReview') return secondReview ? 'secondReview' : 'registration';
      return stage === 'secondReview' ? 'registration' : null;
    case 'return':
      if (stage === 'secondReview') return 'firstReview';
      if (stage === 'registration') return secondReview ? 'secondReview' : 'firstReview';
      return null;
    case 'supplement':
      return 'supplementing';
    case 'refuse':
      return 'refused';
  }
}

/** POST …/review-decisions */
export function decideCase(deps: CommandDeps, cn: string, caseNumber: string, decision: Decision): CommandAnswer {
  const loaded = loadReviewed(deps, cn, caseNumber);
  if ('answer' in loaded) return loaded.answer;
  const { c, review } = loaded;
  if (review.stage !== decision.stage) return wrongStage(caseNumber, review, decision.stage);
  if (review.claim?.userId !== decision.actor.userId) return claimRequired(caseNumber, review);
  const next = nextStage(decision.decision, decision.stage, deps.secondReviewTypes.includes(registrationTypeOf(c)));
  if (!next) {
    return {
      status: 409,
      body: errorBody('DECISION_NOT_ALLOWED', `“${STAGE_LABELS[decision.stage]}”环节不能作出该决定（${decision.decision}）${decision.stage === 'registration' ? '：通过请使用登簿' : ''}。`),
      caseNumber,
    };
  }
  const at = deps.now();
  const { db } = deps;
  setStage(db, caseNumber, next);
  recordHistory(db, {
    caseNumber,
    stage: decision.stage,
    action: decision.decision,
    detail: { opinion: decision.opinion, items: decision.items ?? [], deadline: decision.deadline ?? null, grounds: decision.grounds ?? [], next },
    actor: decision.actor,
    workstation: cn,
    at: at.toISOString(),
  });
  // The submitting counter follows its case with the kinds it already knows.
  if (next === 'supplementing') {
    const reasons = [...(decision.items ?? []).map((i) => (i.material ? `${i.material}：${i.problem}` : i.problem)), ...(decision.opinion ? [decision.opinion] : [])];
    recordCaseEvent(db, c, 'review.decision', { decision: 'requisition', reasons, deadline: decision.deadline ?? null }, at);
  } else if (next === 'refused') {
    const reasons = [...(decision.grounds ?? []).map((g) => `${g.citation}：${g.text}`), ...(decision.opinion ? [decision.opinion] : [])];
    recordCaseEvent(db, c, 'review.decision', { decision: 'reject', reasons }, at);
  } else if (next === 'registration' && decision.decision === 'pass') {
    recordCaseEvent(db, c, 'review.decision', { decision: 'approve', reasons: [] }, at);
  }
  announceOfficeCase(db, c, at, false);
  return { status: 200, body: { stage: next }, caseNumber };
}

/** POST …/supplements: the counter received the correction; the case goes back to 初审 with its new body. */
export function receiveSupplement(deps: CommandDeps, cn: string, caseNumber: string, supplement: Supplement): CommandAnswer {
  const loaded = loadReviewed(deps, cn, caseNumber);
  if ('answer' in loaded) return loaded.answer;
  const { c, review } = loaded;
  if (review.stage !== 'supplementing') return wrongStage(caseNumber, review, 'supplementing');
  const { db, blobs } = deps;
  const at = deps.now();
  const body = JSON.parse((db.prepare('SELECT body FROM cases WHERE case_number = ?').get(caseNumber) as { body: string }).body) as Record<string, unknown> & {
    materials: unknown[];
    blobs: Array<{ hash: string; size: number; mediaType: string }>;
    supplements?: unknown[];
  };
  supplement.materials.forEach((m, i) => {
    const known = blobs.get(m.sm3);
    if (!known && m.size === undefined) {
      throw new PlatformError(400, 'BAD_REQUEST', `补正材料 materials.${i}（${m.name}）是平台未收到过的文件，须同时给出 size 与 mediaType。`);
    }
    const size = m.size ?? known!.size;
    const mediaType = m.mediaType ?? known?.mediaType ?? 'application/octet-stream';
    blobs.expect(m.sm3, size, mediaType, `materials.${i}.size`);
    db.prepare('INSERT OR IGNORE INTO case_blobs (case_number, hash) VALUES (?, ?)').run(caseNumber, m.sm3);
    if (!body.blobs.some((b) => b.hash === m.sm3)) body.blobs.push({ hash: m.sm3, size, mediaType });
    body.materials.push({ materialId: `supplement-${(body.supplements?.length ?? 0) + 1}-${i + 1}`, name: m.name, copies: 1, files: [{ hash: m.sm3, fileName: m.name }] });
  });
  body.supplements = [...(body.supplements ?? []), { at: at.toISOString(), note: supplement.note, materials: supplement.materials.map((m) => ({ name: m.name, sm3: m.sm3 })) }];
  db.prepare('UPDATE cases SET body = ? WHERE case_number = ?').run(JSON.stringify(body), caseNumber);
  setStage(db, caseNumber, 'firstReview');
  recordHistory(db, { caseNumber, stage: 'supplementing', action: 'supplementReceived', detail: { note: supplement.note, materials: supplement.materials }, actor: supplement.actor, workstation: cn, at: at.toISOString() });
  const updated = findCase(db, caseNumber)!;
  recordCaseEvent(db, updated, 'track.changed', { track: 'registration', status: 'reviewing', label: '审核中' }, at);
  announceOfficeCase(db, updated, at, true);
  const missingBlobs = supplement.materials.filter((m) => !blobs.isComplete(m.sm3)).map((m) => m.sm3);
  return { status: 200, body: { stage: 'firstReview', missingBlobs: [...new Set(missingBlobs)] }, caseNumber };
}
