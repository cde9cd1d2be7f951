import type { CommandAnswer, CommandDeps } from './case-commands';
import { certificatePlan } from './case-lifecycle';
import { recordCaseEvent } from './case-events';
import { setCaseStatus } from './case-repository';
import { issueNumbers, voidNumbers } from './certificate-numbers';
import { errorBody } from './http-io';
import { yearInChina } from './numbers';
import { announceOfficeCase, recordHistory, setStage } from './office-review';
import { lookupUnit, registerVersionOf } from './register';
import { changedSinceRegistration, undoRegistration } from './register-effects';
import { claimRequired, loadReviewed, stageMismatch } from './review-commands';
import type { Actor } from './review-schemas';

/**
 * 登簿 and 登簿退回 by the office's registrar (API.md "Office review and 登簿"). The platform is
 * authoritative for the register: 登簿 checks that every unit is still at the version the office
 * reviewed, then — in the command's one transaction — writes the register, issues the numbers and
 * appends the changes. A conflict is an answer (stored) that also sends the case back to 初审.
 */
export function registerCase(deps: CommandDeps, cn: string, caseNumber: string, actor: Actor, basis: Array<{ unitCode: string; registerVersion: number }>): CommandAnswer {
  const loaded = loadReviewed(deps, cn, caseNumber);
  if ('answer' in loaded) return loaded.answer;
  const { c, review } = loaded;
  const { db } = deps;
  if (review.stage !== 'registration') return stageMismatch(caseNumber, `案件 ${caseNumber} 不在“待登簿”环节，不能登簿：请刷新工作队列。`, review.stage);
  if (review.claim?.userId !== actor.userId) return claimRequired(caseNumber, review);
  const at = deps.now();
  const changed = c.body.units
    .map((u) => ({ unitCode: u.unitCode, now: registerVersionOf(db, u.unitCode), reviewed: basis.find((b) => b.unitCode === u.unitCode)?.registerVersion ?? null }))
    .filter((u) => u.now !== null && u.now !== u.reviewed);
  if (changed.length > 0) {
    const message = `登记簿在审核后已发生变化（${changed.map((u) => `单元 ${u.unitCode}：审核时版本 ${u.reviewed ?? '未提供'}，现为 ${u.now}`).join('；')}），不能登簿：案件已退回初审，请按最新登记簿重新审核。`;
    setStage(db, caseNumber, 'firstReview');
    recordHistory(db, { caseNumber, stage: 'registration', action: 'registerConflict', detail: { changed }, actor, workstation: cn, at: at.toISOString() });
    announceOfficeCase(db, c, at, false);
    return { status: 409, body: errorBody('REGISTER_CONFLICT', message, { units: changed }), caseNumber };
  }
  const plan = certificatePlan(c);
  const registeredAt = at.toISOString();
  const certificateNumbers = plan ? issueNumbers(db, { office: c.office, year: yearInChina(at), kind: plan.kind, count: plan.count, caseNumber, at: registeredAt }) : [];
  recordCaseEvent(db, c, 'registered', { registeredAt, certificateNumbers }, at);
  setStage(db, caseNumber, 'registered');
  recordHistory(db, { caseNumber, stage: 'registration', action: 'register', detail: { certificateNumbers }, actor, workstation: cn, at: registeredAt });
  announceOfficeCase(db, c, at, false);
  const register = c.body.units.map((u) => lookupUnit(db, u.unitCode, at));
  return { status: 200, body: { registeredAt, certificateNumbers, register }, caseNumber };
}

/** 登簿退回: allowed until a certificate is printed; the numbers are voided for good. */
export function undoCaseRegistration(deps: CommandDeps, cn: string, caseNumber: string, actor: Actor, reason: string): CommandAnswer {
  const loaded = loadReviewed(deps, cn, caseNumber);
  if ('answer' in loaded) return loaded.answer;
  const { c, review } = loaded;
  const { db } = deps;
  if (review.stage !== 'registered') return stageMismatch(caseNumber, `案件 ${caseNumber} 尚未登簿，无需退回。`, review.stage);
  if (review.certificatePrinted) {
    return { status: 409, body: errorBody('CERTIFICATE_PRINTED', `案件 ${caseNumber} 的证书（证明）已打印，不能登簿退回：请按更正登记办理。`), caseNumber };
  }
  const changed = changedSinceRegistration(db, caseNumber);
  if (changed.length > 0) {
    const message = `登记簿在本次登簿之后已有新的登记（${changed.map((u) => `单元 ${u.unitCode}`).join('、')}），不能登簿退回：请按更正登记办理，或先退回之后的登簿。`;
    return { status: 409, body: errorBody('REGISTER_CHANGED_SINCE', message, { units: changed }), caseNumber };
  }
  const at = deps.now();
  const undone = undoRegistration(db, caseNumber, at.toISOString());
  const voided = undone?.certificateNumbers ?? [];
  voidNumbers(db, voided);
  setCaseStatus(db, caseNumber, 'approved');
  c.status = 'approved';
  setStage(db, caseNumber, 'registration');
  recordHistory(db, { caseNumber, stage: 'registered', action: 'undoRegistration', detail: { reason, voidedNumbers: voided }, actor, workstation: cn, at: at.toISOString() });
  recordCaseEvent(db, c, 'registration.undone', { reason, voidedNumbers: voided }, at);
  announceOfficeCase(db, c, at, false);
  return { status: 200, body: { stage: 'registration', voidedNumbers: voided }, caseNumber };
}
