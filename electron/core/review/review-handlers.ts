import { AppError, NON_REGISTRATION_GROUNDS, parseCertificateNumber, REVIEW_DECISION_LABELS, type MethodOutput, type ReviewDecision } from '../../contract';
import { audited } from '../audit/audited-step';
import type { Session } from '../auth/sessions';
import { auditView } from '../audit/view-audit';
import type { Handler } from '../handler';
import { audit, requireSession, type CallContext } from '../services';
import { sm3Hex } from '../crypto/sm3';
import { outboxWrites } from '../sync/outbox-repository';
import { certificateKindOf, type FactsBody } from '../certificates/certificate-facts-builder';
import { eCertificates } from '../certificates/e-certificate-repository';
import { produceDue } from '../certificates/e-certificate-producer';
import { officeCases, type OfficeCaseRow, type SubmissionBody } from './office-cache';
import { refusalOf, sendOnline } from './online-command';
import { cachedRecord, storeRecord, unitRecords } from './register-records';
import { registrationPreview } from './registration-preview';
import { reviewQueues } from './review-queue';
import { registrationTypeOf, runReviewRules } from './rules';
import { performableBy, type LifecycleRow } from '../cases/lifecycle';
import { failedRules } from '../cases/lifecycle-rules';
import { ACTION_OF_DECISION, DECISIONS_OF_STAGE, acceptedBySelf, actorOf, officeActionRow, requireOfficeAction, requireOfficeCase, reviewCaseOf, toReviewCase } from './review-view';

const object = (row: Pick<OfficeCaseRow, 'caseNumber'>) => `officeCase:${row.caseNumber}`;

function requireBody(ctx: CallContext, row: OfficeCaseRow): SubmissionBody {
  const body = officeCases.body(ctx.services.db(), ctx.services.keys, row.id);
  if (!body) throw new AppError('CASE_STATE_CONFLICT', '本机尚未收到该业务的申请内容，请同步后再试。');
  return body;
}

const queues: Handler<'review.queues'> = (ctx, input) => {
  const result = reviewQueues(ctx, input);
  auditView(ctx, 'review.queues', 'officeCases', { queue: input.queue, matching: result.matching }, `officeCases:${input.queue}`);
  return result;
};

const claim: Handler<'review.claim'> = async (ctx, input) => {
  const s = requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'review.claim', object(row), { stage: row.stage }, async () => {
    requireOfficeAction(s, row, 'claim');
    if (row.stage !== 'registration' && acceptedBySelf(ctx, s, row)) throw new AppError('SEPARATION_OF_DUTIES');
    const answer = await sendOnline(ctx, {
      officeCaseId: row.id,
      kind: 'claim',
      path: `/cases/${encodeURIComponent(row.caseNumber)}/claim`,
      body: { stage: row.stage, actor: actorOf(s) },
      offline: '领取业务需要连接省级平台（由平台分配，避免两人同时办理同一业务）；当前无法连接，请稍后再试。',
    });
    const db = ctx.services.db();
    if (answer.status === 200) {
      officeCases.setClaim(db, row.id, answer.body.claim as never, ctx.now);
      return reviewCaseOf(ctx, s, row.id);
    }
    const error = (answer.body.error ?? {}) as { code?: string; holder?: never; stage?: never };
    if (error.code === 'CASE_CLAIMED' && error.holder) officeCases.setClaim(db, row.id, error.holder, ctx.now);
    if (error.code === 'STAGE_MISMATCH' && error.stage) officeCases.setStage(db, row.id, error.stage, ctx.now);
    throw refusalOf(answer);
  });
};

const release: Handler<'review.release'> = async (ctx, input) => {
  const s = requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'review.release', object(row), { stage: row.stage }, async () => {
    const answer = await sendOnline(ctx, {
      officeCaseId: row.id,
      kind: 'release',
      path: `/cases/${encodeURIComponent(row.caseNumber)}/claim/release`,
      body: { actor: actorOf(s), at: ctx.now.toISOString() },
      offline: '释放业务需要连接省级平台；当前无法连接，请稍后再试。',
    });
    if (answer.status !== 200) throw refusalOf(answer);
    officeCases.setClaim(ctx.services.db(), row.id, null, ctx.now);
    return reviewCaseOf(ctx, s, row.id);
  });
};

const reassign: Handler<'review.reassign'> = async (ctx, input) => {
  const s = requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'review.reassign', object(row), { stage: row.stage, to: input.to }, async () => {
    const user = ctx.services.db().prepare('SELECT username, display_name, role FROM users WHERE username = ? AND disabled = 0').get(input.to) as
      | { username: string; display_name: string; role: string }
      | undefined;
    if (!user) throw new AppError('USER_NOT_FOUND');
    const answer = await sendOnline(ctx, {
      officeCaseId: row.id,
      kind: 'reassign',
      path: `/cases/${encodeURIComponent(row.caseNumber)}/claim/reassign`,
      body: { actor: actorOf(s), to: { userId: user.username, name: user.display_name }, at: ctx.now.toISOString() },
      offline: '改派业务需要连接省级平台；当前无法连接，请稍后再试。',
    });
    if (answer.status !== 200) throw refusalOf(answer);
    officeCases.setClaim(ctx.services.db(), row.id, answer.body.claim as never, ctx.now);
    return reviewCaseOf(ctx, s, row.id);
  });
};

const candidates: Handler<'review.candidates'> = (ctx) => {
  const rows = ctx.services
    .db()
    .prepare("SELECT username, display_name, role FROM users WHERE disabled = 0 AND role IN ('reviewer','registrar','supervisor') ORDER BY role, display_name")
    .all() as Array<{ username: string; display_name: string; role: 'reviewer' | 'registrar' | 'supervisor' }>;
  return rows.map((r) => ({ userId: r.username, name: r.display_name, role: r.role }));
};

/** Decisions the session may take now on the case. */
function allowedDecisions(ctx: CallContext, s: Session, row: OfficeCaseRow): ReviewDecision[] {
  if (row.claim?.userId !== s.username || row.pendingDecision) return [];
  if (row.stage !== 'registration' && acceptedBySelf(ctx, s, row)) return [];
  // The lifecycle table says who may take each decision in this state; the platform's stage rule
  // narrows it (退回 only from 复审 and 待登簿).
  return (DECISIONS_OF_STAGE[row.stage] ?? []).filter((d) => {
    const found = officeActionRow(ACTION_OF_DECISION[d], row.stage);
    return found !== undefined && performableBy(found, s.role);
  });
}

const workspace: Handler<'review.workspace'> = async (ctx, input) => {
  const s = requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  const body = officeCases.body(ctx.services.db(), ctx.services.keys, row.id);
  const register = await unitRecords(() => ctx.services.db(), ctx.services.sync, (body?.units ?? []).map((u) => u.unitCode), ctx.now);
  const records = new Map(register.map((r) => [r.unitCode, r.record]));
  const blobs = new Map((body?.blobs ?? []).map((b) => [b.hash, b]));
  const local = ctx.services.db().prepare('SELECT 1 FROM blobs WHERE hash = ?');
  const materials = (body?.materials ?? []).flatMap((m) =>
    m.files.map((f, i) => ({
      id: `${m.materialId}:${i}`,
      materialId: m.materialId,
      name: m.name,
      fileName: f.fileName ?? null,
      sm3: f.hash,
      mime: blobs.get(f.hash)?.mediaType ?? 'application/octet-stream',
      size: blobs.get(f.hash)?.size ?? null,
      pages: m.pages ?? null,
      form: m.form ?? null,
      copies: m.copies ?? null,
      downloaded: local.get(f.hash) !== undefined,
    })),
  );
  const result: MethodOutput<'review.workspace'> = {
    case: toReviewCase(ctx, s, row, body),
    materials,
    register,
    checks: body ? runReviewRules({ body, registrationType: registrationTypeOf(body), records }) : [],
    history: officeCases.events(ctx.services.db(), row.id).map((e) => ({ ...e, stage: (e.stage as never) ?? null })),
    phrases: ctx.services.config.value.review.phrases,
    allowedDecisions: allowedDecisions(ctx, s, row),
  };
  auditView(ctx, 'review.workspace', object(row), { stage: row.stage });
  return result;
};

const material: Handler<'review.material'> = async (ctx, input) => {
  requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  try {
    return await materialOf(ctx, row, input.sm3);
  } catch (err) {
    // An attempt to open a material is recorded even when refused (which file, why).
    audit(ctx, { action: 'review.material', object: object(row), result: 'failure', detail: { sm3: input.sm3.slice(0, 12), code: err instanceof AppError ? err.code : 'INTERNAL' } });
    throw err;
  }
};

async function materialOf(ctx: CallContext, row: OfficeCaseRow, sm3: string): Promise<MethodOutput<'review.material'>> {
  const input = { sm3 };
  const body = requireBody(ctx, row);
  const listed = body.materials.some((m) => m.files.some((f) => f.hash === input.sm3)) || (body.supplements ?? []).some((x) => x.materials.some((m) => m.sm3 === input.sm3));
  if (!listed) throw new AppError('CASE_MATERIAL_UNKNOWN');
  const mime = body.blobs?.find((b) => b.hash === input.sm3)?.mediaType ?? 'application/octet-stream';
  const db = ctx.services.db();
  const known = db.prepare('SELECT media_type FROM blobs WHERE hash = ?').get(input.sm3) as { media_type: string } | undefined;
  if (!known) {
    const answer = ctx.services.sync ? await ctx.services.sync.fetchFile(input.sm3) : 'unreachable';
    if (answer === 'unreachable') throw new AppError('MATERIAL_OFFLINE');
    if (!answer.file) throw new AppError('MATERIAL_OFFLINE', '省级平台尚未收齐该材料的文件，请稍后再试。');
    // The platform is another system: its bytes are kept only when they are the file the case names.
    if (sm3Hex(answer.file.bytes) !== input.sm3) throw new AppError('MATERIAL_CORRUPT');
    ctx.services.blobs.put(db, answer.file.bytes, mime, ctx.now);
  }
  const bytes = ctx.services.blobs.get(input.sm3);
  auditView(ctx, 'review.material', object(row), { sm3: input.sm3.slice(0, 12) }, `${object(row)}:${input.sm3}`);
  return { mime: known?.media_type ?? mime, base64: Buffer.from(bytes).toString('base64') };
}

const decide: Handler<'review.decide'> = async (ctx, input) => {
  const s = requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'review.decide', object(row), { stage: row.stage, decision: input.decision, acknowledgedRules: input.acknowledgedRules }, () => {
    const lifecycle = requireOfficeAction(s, row, ACTION_OF_DECISION[input.decision]);
    if (row.stage !== 'registration' && acceptedBySelf(ctx, s, row)) throw new AppError('SEPARATION_OF_DUTIES');
    if (row.pendingDecision) throw new AppError('STAGE_MISMATCH', `本环节已作出审核决定（${REVIEW_DECISION_LABELS[row.pendingDecision]}），正在等待同步到省级平台。`);
    if (row.claim?.userId !== s.username) throw new AppError('CLAIM_REQUIRED');
    if (!(DECISIONS_OF_STAGE[row.stage] ?? []).includes(input.decision)) throw new AppError('DECISION_NOT_ALLOWED');
    const body = requireBody(ctx, row);
    if (input.decision === 'pass') {
      const records = new Map(body.units.map((u) => [u.unitCode, cachedRecord(ctx.services.db(), u.unitCode)?.record ?? null]));
      const checks = runReviewRules({ body, registrationType: registrationTypeOf(body), records });
      const block = checks.find((c) => c.level === 'block' && !c.ok);
      if (block) throw new AppError('REVIEW_RULE_BLOCKS', `不能审核通过：${block.message}（${block.source}）`, { rule: block.rule });
      const undecided = checks.find((c) => c.level === 'decide' && !c.ok && !input.acknowledgedRules.includes(c.rule));
      if (undecided) throw new AppError('REVIEW_RULE_NEEDS_DECISION', `${undecided.message}请确认后再审核通过。`, { rule: undecided.rule });
    }
    if (input.decision === 'supplement' && (input.items ?? []).length === 0) throw new AppError('BAD_REQUEST', '请列出需要补正的材料或问题。', { field: 'items' });
    const failures = failedRules(lifecycle.rules, null, { type: null, groundIds: input.groundIds ?? [], reasons: [], withdrawalTakenByPlatform: false });
    if (failures.length > 0) throw new AppError(failures[0].code);
    const grounds = (input.groundIds ?? []).map((id) => {
      const g = NON_REGISTRATION_GROUNDS.find((x) => x.id === id);
      if (!g) throw new AppError('UNKNOWN_LEGAL_GROUND');
      return { id: g.id, citation: g.citation, text: g.text };
    });
    const command = JSON.stringify({
      stage: row.stage,
      decision: input.decision,
      opinion: input.opinion,
      ...(input.decision === 'supplement' ? { items: input.items, ...(input.deadline ? { deadline: input.deadline } : {}) } : {}),
      ...(input.decision === 'refuse' ? { grounds } : {}),
      actor: actorOf(s),
    });
    const db = ctx.services.db();
    // The decision, its command and the case's pending mark commit together: offline it waits in the outbox.
    db.transaction(() => {
      outboxWrites.enqueueOffice(db, ctx.services.keys, { officeCaseId: row.id, kind: 'review.decide', body: command }, ctx.now);
      officeCases.setPending(db, row.id, input.decision, row.stage, ctx.now);
      officeCases.addEvent(db, row.id, { at: ctx.now.toISOString(), stage: row.stage, decision: input.decision, opinion: input.opinion, actor: s.displayName });
    })();
    ctx.services.sync?.notify();
    return reviewCaseOf(ctx, s, row.id);
  });
};

const preview: Handler<'registration.preview'> = (ctx, input) => {
  const s = requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  const body = requireBody(ctx, row);
  const records = body.units.map((u) => ({ unitCode: u.unitCode, record: cachedRecord(ctx.services.db(), u.unitCode)?.record ?? null }));
  let blockedBy: string | null = null;
  if (row.stage !== 'registration') blockedBy = '该业务不在待登簿环节。';
  else if (!performableBy(officeActionRow('register', row.stage) as LifecycleRow, s.role)) blockedBy = '只有登簿人员可以登簿。';
  else if (row.claim?.userId !== s.username) blockedBy = '请先领取该业务。';
  else if (ctx.services.sync?.linkStatus().state !== 'online') blockedBy = '登簿需要连接省级平台，当前无法连接。';
  return { caseId: row.id, ...registrationPreview(body, records), blockedBy };
};

const register: Handler<'registration.register'> = async (ctx, input) => {
  const s = requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'registration.register', object(row), { stage: row.stage }, async () => {
    if (row.stage !== 'registration') throw new AppError('STAGE_MISMATCH', '该业务不在待登簿环节。');
    requireOfficeAction(s, row, 'register');
    if (row.claim?.userId !== s.username) throw new AppError('CLAIM_REQUIRED');
    const body = requireBody(ctx, row);
    // The basis is the version the desk reviewed against (cached when the workspace was opened);
    // a unit never looked at is looked at now.
    const basis: Array<{ unitCode: string; registerVersion: number }> = [];
    for (const u of body.units) {
      let version = cachedRecord(ctx.services.db(), u.unitCode)?.record.registerVersion;
      if (version === undefined) {
        const [fresh] = await unitRecords(() => ctx.services.db(), ctx.services.sync, [u.unitCode], ctx.now);
        version = fresh.record?.registerVersion;
      }
      if (version === undefined) throw new AppError('PLATFORM_OFFLINE', '登簿需要连接省级平台（登记簿以省级平台为准）；当前无法连接，请联网后再登簿。');
      basis.push({ unitCode: u.unitCode, registerVersion: version });
    }
    const answer = await sendOnline(ctx, {
      officeCaseId: row.id,
      kind: 'registration',
      path: `/cases/${encodeURIComponent(row.caseNumber)}/registration`,
      body: { actor: actorOf(s), basis },
      offline: '登簿需要连接省级平台（登记簿以省级平台为准）；当前无法连接，请联网后再登簿。',
    });
    const db = ctx.services.db();
    if (answer.status !== 200) {
      const error = (answer.body.error ?? {}) as { code?: string };
      if (error.code === 'REGISTER_CONFLICT') {
        db.transaction(() => {
          officeCases.setStage(db, row.id, 'firstReview', ctx.now);
          officeCases.setClaim(db, row.id, null, ctx.now);
          officeCases.addEvent(db, row.id, { at: ctx.now.toISOString(), stage: 'firstReview', decision: 'registerConflict', opinion: String((answer.body.error as { message?: string }).message ?? ''), actor: s.displayName });
        })();
      }
      throw refusalOf(answer);
    }
    const numbers = Array.isArray(answer.body.certificateNumbers) ? (answer.body.certificateNumbers as string[]) : [];
    db.transaction(() => {
      officeCases.setCertificateNumbers(db, row.id, numbers, ctx.now);
      officeCases.setStage(db, row.id, 'registered', ctx.now);
      officeCases.setClaim(db, row.id, null, ctx.now);
      officeCases.addEvent(db, row.id, { at: ctx.now.toISOString(), stage: 'registered', decision: 'register', opinion: numbers.join('、') || null, actor: s.displayName });
      for (const r of Array.isArray(answer.body.register) ? (answer.body.register as Array<{ unitCode?: string }>) : []) {
        if (typeof r.unitCode === 'string') storeRecord(db, r.unitCode, r, ctx.now);
      }
      // The e-certificates this 登簿 owes are recorded with it: whatever happens to their production, the obligation stays.
      const registerAnswer = { registeredAt: String(answer.body.registeredAt ?? ctx.now.toISOString()), certificateNumbers: numbers, register: (answer.body.register ?? []) as never };
      for (const number of numbers) eCertificates.insertPending(db, ctx.services.keys, { officeCaseId: row.id, number, kind: kindOfNumber(body, number), answer: registerAnswer }, ctx.now);
    })();
    // Produced now, so the registrar sees them at once; a failure leaves them pending for the duty.
    await produceDue(ctx.services, { officeCaseId: row.id, force: true }, { id: s.userId, name: s.username });
    return reviewCaseOf(ctx, s, row.id);
  });
};

const undo: Handler<'registration.undo'> = async (ctx, input) => {
  const s = requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'registration.undo', object(row), { reason: input.reason }, async () => {
    if (row.stage !== 'registered') throw new AppError('STAGE_MISMATCH', '该业务尚未登簿。');
    requireOfficeAction(s, row, 'undoRegistration');
    const answer = await sendOnline(ctx, {
      officeCaseId: row.id,
      kind: 'registration.undo',
      path: `/cases/${encodeURIComponent(row.caseNumber)}/registration/undo`,
      body: { actor: actorOf(s), reason: input.reason },
      offline: '登簿退回需要连接省级平台；当前无法连接，请联网后再试。',
    });
    if (answer.status !== 200) throw refusalOf(answer);
    const db = ctx.services.db();
    db.transaction(() => {
      officeCases.setCertificateNumbers(db, row.id, [], ctx.now);
      eCertificates.voidOfCase(db, row.id, ctx.now);
      officeCases.setStage(db, row.id, 'registration', ctx.now);
      officeCases.setClaim(db, row.id, null, ctx.now);
      officeCases.addEvent(db, row.id, { at: ctx.now.toISOString(), stage: 'registration', decision: 'undo', opinion: input.reason, actor: s.displayName });
    })();
    return reviewCaseOf(ctx, s, row.id);
  });
};

const receiveSupplement: Handler<'cases.receiveSupplement'> = (ctx, input) => {
  const s = requireSession(ctx);
  // The counter knows its own case (cases.get id); the office cache holds the review stage of it.
  const row = input.officeCaseId !== undefined ? requireOfficeCase(ctx, input.officeCaseId) : officeCaseOfLocal(ctx, input.caseId ?? 0);
  return audited(ctx, 'cases.receiveSupplement', object(row), { files: input.materials.length }, () => {
    if (row.stage !== 'supplementing') throw new AppError('STAGE_MISMATCH', '该业务不在补正中。');
    requireOfficeAction(s, row, 'resumeReview');
    const db = ctx.services.db();
    const materials = input.materials.map((m) => {
      const blob = db.prepare('SELECT size, media_type FROM blobs WHERE hash = ?').get(m.blobHash) as { size: number; media_type: string } | undefined;
      if (!blob) throw new AppError('CASE_MATERIAL_UNKNOWN', `补正文件 ${m.name} 不在本机，请重新扫描。`);
      return { name: m.name, sm3: m.blobHash, size: blob.size, mediaType: blob.media_type };
    });
    const command = JSON.stringify({ materials, note: input.note, actor: actorOf(s) });
    db.transaction(() => {
      outboxWrites.enqueueOffice(db, ctx.services.keys, { officeCaseId: row.id, kind: 'case.supplement', body: command }, ctx.now);
      officeCases.addEvent(db, row.id, { at: ctx.now.toISOString(), stage: 'supplementing', decision: 'supplementReceived', opinion: input.note, actor: s.displayName });
    })();
    ctx.services.sync?.notify();
    return reviewCaseOf(ctx, s, row.id);
  });
};

/** Certificate or proof: the number says which (不动产权 / 不动产证明); the business type otherwise. */
function kindOfNumber(body: SubmissionBody, number: string): 'certificate' | 'proof' {
  const parsed = parseCertificateNumber(number);
  return parsed.valid ? parsed.kind : (certificateKindOf(body as FactsBody) ?? 'certificate');
}

/** The office cache's row of a case this counter accepted (found by its case number). */
function officeCaseOfLocal(ctx: Parameters<Handler<'cases.receiveSupplement'>>[0], caseId: number): OfficeCaseRow {
  const db = ctx.services.db();
  const local = db.prepare('SELECT case_number FROM cases WHERE id = ?').get(caseId) as { case_number: string | null } | undefined;
  const row = local?.case_number ? officeCases.byNumber(db, local.case_number) : undefined;
  if (!row) throw new AppError('CASE_NOT_FOUND', '本机还没有这件业务的审核补正记录，请稍候同步后再试。');
  return row;
}

export const reviewHandlers = {
  'review.queues': queues,
  'review.claim': claim,
  'review.release': release,
  'review.reassign': reassign,
  'review.candidates': candidates,
  'review.workspace': workspace,
  'review.material': material,
  'review.decide': decide,
  'registration.preview': preview,
  'registration.register': register,
  'registration.undo': undo,
  'cases.receiveSupplement': receiveSupplement,
};
