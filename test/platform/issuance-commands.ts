import { maskIdNumber, maskPersonalText, maskPhone } from '../../electron/contract';
import type { CommandAnswer, CommandDeps } from './case-commands';
import { recordCaseEvent } from './case-events';
import type { Db } from './database';
import { errorBody } from './http-io';
import { announceOfficeCase, recordHistory, setStage } from './office-review';
import { loadReviewed, stageMismatch } from './review-commands';
import type { Actor } from './review-schemas';
import type { IssuanceBody } from './issuance-schemas';

/**
 * 发证 (API.md "发证"): the office hands the result over at any counter, by courier or as the
 * e-certificate alone. The issuance ends the case (stage `issued`, terminal); a courier's shipped /
 * delivered states follow on the same record. Every step goes to the office's `office.case` (masked
 * values only) and the submitting counter gets `issued`.
 */
interface Row {
  case_number: string;
  method: string;
  state: string;
  at: string;
  actor: string;
  workstation: string;
  body: string;
}

export function findIssuance(db: Db, caseNumber: string): (Row & { parsed: IssuanceBody }) | null {
  const r = db.prepare('SELECT * FROM issuances WHERE case_number = ?').get(caseNumber) as Row | undefined;
  return r ? { ...r, parsed: JSON.parse(r.body) as IssuanceBody } : null;
}

/** What `office.case` carries about the issuance: masked, for every workstation of the office. */
export function issuanceForFeed(db: Db, caseNumber: string): Record<string, unknown> | null {
  const r = findIssuance(db, caseNumber);
  if (!r) return null;
  const b = r.parsed;
  return {
    method: r.method,
    state: r.state,
    at: r.at,
    actorName: b.actor.name,
    workstation: r.workstation,
    collector: b.collector ? { role: b.collector.role, name: b.collector.name, idNumberMasked: maskIdNumber(b.collector.idNumber) } : null,
    courier: b.courier
      ? { recipient: b.courier.recipient, addressMasked: maskPersonalText(b.courier.address), phoneMasked: maskPhone(b.courier.phone), carrier: b.courier.carrier, waybill: b.courier.waybill }
      : null,
  };
}

const conflict = (caseNumber: string, message: string): CommandAnswer => ({ status: 409, body: errorBody('ISSUANCE_STATE_CONFLICT', message), caseNumber });

/** POST …/issuance */
export function issueCase(deps: CommandDeps, cn: string, caseNumber: string, body: IssuanceBody): CommandAnswer {
  const loaded = loadReviewed(deps, cn, caseNumber);
  if ('answer' in loaded) return loaded.answer;
  const { c, review } = loaded;
  const { db } = deps;
  if (review.stage === 'issued') return { status: 409, body: errorBody('ALREADY_ISSUED', `案件 ${caseNumber} 已发证，不能重复发证。`), caseNumber };
  if (review.stage !== 'registered') return stageMismatch(caseNumber, `案件 ${caseNumber} 尚未登簿，不能发证。`, review.stage);
  if (body.method === 'counter' && !body.collector) return { status: 400, body: errorBody('BAD_REQUEST', '现场领取须给出领证人 collector。'), caseNumber };
  if (body.method === 'counter' && body.collector?.role === 'agent' && !body.powerOfAttorney) {
    return { status: 409, body: errorBody('POWER_OF_ATTORNEY_REQUIRED', '代理人领证须附授权委托书。'), caseNumber };
  }
  if (body.method === 'courier' && !body.courier) return { status: 400, body: errorBody('BAD_REQUEST', '邮寄须给出 courier。'), caseNumber };
  const at = deps.now();
  const state = body.method === 'courier' ? (body.courier?.waybill ? 'shipped' : 'toShip') : 'issued';
  const workstation = body.workstation ?? cn;
  db.prepare('INSERT INTO issuances (case_number, method, state, at, actor, workstation, body, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    caseNumber,
    body.method,
    state,
    body.at,
    JSON.stringify(body.actor),
    workstation,
    JSON.stringify(body),
    at.toISOString(),
  );
  setStage(db, caseNumber, 'issued');
  recordHistory(db, { caseNumber, stage: 'registered', action: 'issue', detail: { method: body.method, state }, actor: body.actor, workstation: cn, at: at.toISOString() });
  recordCaseEvent(db, c, 'issued', issuanceForFeed(db, caseNumber)!, at);
  announceOfficeCase(db, c, at, false);
  return { status: 200, body: { stage: 'issued', state }, caseNumber };
}

/** POST …/issuance/shipped and …/issuance/delivered: the courier's next state. */
export function moveCourier(deps: CommandDeps, cn: string, caseNumber: string, to: 'shipped' | 'delivered', actor: Actor, shipping?: { carrier: 'ems' | 'sf'; waybill: string }): CommandAnswer {
  const loaded = loadReviewed(deps, cn, caseNumber);
  if ('answer' in loaded) return loaded.answer;
  const { c } = loaded;
  const { db } = deps;
  const current = findIssuance(db, caseNumber);
  if (!current || current.method !== 'courier') return conflict(caseNumber, `案件 ${caseNumber} 没有邮寄发证记录。`);
  const from = to === 'shipped' ? 'toShip' : 'shipped';
  if (current.state === to) return { status: 200, body: { state: to }, caseNumber };
  if (current.state !== from) return conflict(caseNumber, `案件 ${caseNumber} 的邮寄状态为 ${current.state}，不能改为 ${to}。`);
  const at = deps.now();
  const parsed = current.parsed;
  if (shipping && parsed.courier) Object.assign(parsed.courier, shipping);
  db.prepare('UPDATE issuances SET state = ?, body = ?, updated_at = ? WHERE case_number = ?').run(to, JSON.stringify(parsed), at.toISOString(), caseNumber);
  recordHistory(db, { caseNumber, stage: 'issued', action: to, detail: shipping ?? {}, actor, workstation: cn, at: at.toISOString() });
  announceOfficeCase(db, c, at, false);
  return { status: 200, body: { state: to }, caseNumber };
}
