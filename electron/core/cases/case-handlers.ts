import {
  AppError,
  DEFAULT_HOLIDAY_CALENDAR,
  maskIdNumber,
  maskPersonalText,
  maskPhone,
  mergeHolidayCalendars,
  shanghaiDate,
  tracksFor,
  type BusinessType,
} from '../../contract';
import type { Handler } from '../handler';
import { audit, requireSession, type CallContext } from '../services';
import { auditView } from '../audit/view-audit';
import { checkAcceptance } from './acceptance-rules';
import { formatCaseNumber } from './case-number';
import type { CaseRecord, Party, Unit } from './case-record';
import { caseReads, caseWrites } from './case-repository';
import { indexCase, searchCases } from './case-search';
import { canTransition, EDITABLE, type CounterTransition } from './case-transitions';
import { caseTimeline } from './case-timeline';
import { toCaseView } from './case-view';
import { caseSyncStateOf } from '../sync/case-sync-state';
import { enqueueSubmission, enqueueWithdrawal } from '../sync/outbox-commands';
import { computeFees, overrideFees } from './fees';
import { promisedCompletionDate } from './working-days';
import { workstationIdFor } from './workstation-id';

function typeOf(ctx: CallContext, id: string): BusinessType {
  const type = ctx.services.businessTypes().find((t) => t.id === id);
  if (!type) throw new AppError('UNKNOWN_BUSINESS_TYPE');
  return type;
}

function load(ctx: CallContext, id: number): CaseRecord {
  const c = caseReads.byId(ctx.services.db(), ctx.services.keys, id);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  return c;
}

function view(ctx: CallContext, id: number) {
  const c = load(ctx, id);
  return toCaseView(c, typeOf(ctx, c.businessType), caseSyncStateOf(ctx.services.db(), c.id));
}

function requireTransition(c: CaseRecord, t: CounterTransition): void {
  if (!canTransition(t, c.status)) throw new AppError('CASE_STATE_CONFLICT', undefined, { status: c.status, transition: t });
}

/** Writes a change with its audit record and search entry in one transaction. */
function commit(ctx: CallContext, id: number, action: string, detail: Record<string, unknown>, change: () => void): void {
  const db = ctx.services.db();
  db.transaction(() => {
    change();
    indexCase(db, load(ctx, id));
    audit(ctx, { action, object: `case:${id}`, result: 'success', detail });
  })();
}

const businessTypes: Handler<'cases.businessTypes'> = (ctx) =>
  ctx.services.businessTypes().map((t) => ({
    id: t.id,
    name: t.name,
    enabled: t.enabled,
    coOwnership: t.coOwnership,
    signaturesRequired: t.signaturesRequired,
    roles: t.roles,
    roleLabels: t.roleLabels,
    materials: t.materials.map((m) => ({ id: m.id, name: m.name, requirement: m.requirement })),
    feeRule: t.feeRule,
    promisedWorkingDays: t.promisedWorkingDays,
  }));

const createDraft: Handler<'cases.createDraft'> = (ctx, input) => {
  const s = requireSession(ctx);
  const type = typeOf(ctx, input.businessType);
  if (!type.enabled) throw new AppError('UNKNOWN_BUSINESS_TYPE', `本机构未开通“${type.name}”业务。`);
  const db = ctx.services.db();
  let id = 0;
  db.transaction(() => {
    id = caseWrites.insertDraft(db, { businessType: type.id, createdBy: s.username, tracks: initialTracks(type, []) }, ctx.now);
    caseWrites.replaceMaterials(
      db,
      id,
      type.materials.map((m) => ({ materialId: m.id, name: m.name, required: m.requirement === 'required', received: false, copies: 0 })),
    );
    indexCase(db, load(ctx, id));
    audit(ctx, { action: 'cases.createDraft', object: `case:${id}`, result: 'success', detail: { businessType: type.id } });
  })();
  return view(ctx, id);
};

/** Registration always; transaction and tax as the business type and the units say (一窗受理、并行办理). */
function initialTracks(type: BusinessType, units: Unit[]): CaseRecord['tracks'] {
  const open = new Set(tracksFor(type, { isHouse: units.length === 0 || units.some((u) => /F\d{8}$/.test(u.unitCode.toUpperCase())) }));
  return {
    registration: 'pending',
    transaction: open.has('transaction') ? 'pending' : 'not_applicable',
    tax: open.has('tax') ? 'pending' : 'not_applicable',
  };
}

/** A view of the parties' names (numbers masked): audited once per session × case per 10 minutes. */
const get: Handler<'cases.get'> = (ctx, input) => {
  const v = view(ctx, input.id);
  auditView(ctx, 'cases.view', `case:${v.id}`);
  return v;
};

const saveDraft: Handler<'cases.saveDraft'> = (ctx, input) => {
  const c = load(ctx, input.id);
  if (!EDITABLE.includes(c.status)) throw new AppError('CASE_STATE_CONFLICT', '已受理的业务不能再修改申请内容。');
  const type = typeOf(ctx, c.businessType);
  const db = ctx.services.db();
  // A party whose identity did not change keeps their signature; anyone new or changed signs again.
  const parties: Party[] = input.parties.map((p, i) => {
    const idNumber = resolveIdNumber(ctx, c, p);
    const before = c.parties.find((b) => b.idNumber === idNumber && b.name === p.name && b.role === p.role);
    return {
      ordinal: i + 1,
      role: p.role,
      name: p.name,
      idType: p.idType,
      idNumber,
      phone: resolvePhone(c, p),
      share: input.coOwnership === 'shares' && p.role === 'holder' ? p.share : null,
      signatureBlob: before?.signatureBlob ?? null,
      signedAt: before?.signedAt ?? null,
    };
  });
  const units: Unit[] = input.units.map((u, i) => ({ ordinal: i + 1, unitCode: u.unitCode.toUpperCase().replace(/\s+/g, ''), address: u.address, use: u.use, areaM2: u.areaM2 }));
  const received = new Map(input.materialsReceived.map((m) => [m.materialId, m.copies]));
  const unknown = [...received.keys()].filter((id) => !c.materials.some((m) => m.materialId === id));
  if (unknown.length > 0) throw new AppError('BAD_REQUEST', `材料清单中没有：${unknown.join('、')}`);
  const quote = units.length > 0 ? computeFees({ businessType: type, use: units[0].use, certificates: input.certificates }, ctx.services.config.value.fees) : null;
  commit(ctx, c.id, 'cases.saveDraft', { parties: parties.length, units: units.length, materialsReceived: received.size }, () => {
    caseWrites.setCoOwnership(db, c.id, type.coOwnership ? input.coOwnership : null, ctx.now);
    caseWrites.replaceParties(db, ctx.services.keys, c.id, parties);
    caseWrites.replaceUnits(db, c.id, units);
    caseWrites.replaceMaterials(
      db,
      c.id,
      c.materials.map((m) => ({ materialId: m.materialId, name: m.name, required: m.required, received: received.has(m.materialId) || m.files.length > 0, copies: received.get(m.materialId) ?? m.copies })),
    );
    // A fee changed by hand stays as it is; otherwise the fees follow the form.
    if (quote && !c.feeOverrideReason) caseWrites.replaceFees(db, c.id, quote.lines.map((l) => ({ code: l.code, name: l.name, amountFen: l.amountFen })), null);
    const tracks = initialTracks(type, units);
    db.prepare('UPDATE cases SET track_transaction = ?, track_tax = ? WHERE id = ?').run(tracks.transaction, tracks.tax, c.id);
  });
  return view(ctx, c.id);
};

/**
 * Where a party's full ID number comes from: a card just read (its token), the number as typed,
 * or — when the screen sends back the masked number it shows — the number already stored.
 */
function resolveIdNumber(ctx: CallContext, c: CaseRecord, p: { name: string; role: string; idType: string; idNumber: string; cardToken?: string }): string {
  if (p.cardToken) {
    const card = ctx.services.devices.cardTokens.resolve(p.cardToken, ctx.now.getTime());
    if (!card) throw new AppError('BAD_REQUEST', `${p.name}的身份证读取结果已过期，请重新读卡。`);
    return card.idNumber;
  }
  if (p.idNumber.includes('*') && p.idType !== 'organization') {
    const kept = c.parties.find((b) => b.name === p.name && maskIdNumber(b.idNumber) === p.idNumber.toUpperCase());
    if (!kept) throw new AppError('BAD_REQUEST', `${p.name}的证件号码需要完整填写或重新读卡。`);
    return kept.idNumber;
  }
  if (!p.idNumber) throw new AppError('BAD_REQUEST', `请填写${p.name}的证件号码或读取身份证。`);
  return p.idNumber.toUpperCase();
}

/** A masked phone sent back by the screen keeps the stored one (same party by name and number). */
function resolvePhone(c: CaseRecord, p: { name: string; phone: string | null }): string | null {
  if (!p.phone || !p.phone.includes('*')) return p.phone;
  const kept = c.parties.find((b) => b.name === p.name && b.phone && maskPhone(b.phone) === p.phone);
  if (!kept) throw new AppError('BAD_REQUEST', `${p.name}的联系电话需要完整填写。`);
  return kept.phone;
}

const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

const attachFile: Handler<'cases.attachFile'> = (ctx, input) => {
  const c = load(ctx, input.id);
  if (!EDITABLE.includes(c.status)) throw new AppError('CASE_STATE_CONFLICT', '已受理的业务不能再添加材料。');
  const material = c.materials.find((m) => m.materialId === input.materialId);
  if (!material) throw new AppError('BAD_REQUEST', '材料清单中没有这一项。');
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('BAD_REQUEST', '文件为空或超过 20 MB，请压缩或分页扫描后再上传。');
  // The content must be what the name says: a renamed executable is not a scan.
  if (!MAGIC[input.mediaType](bytes)) throw new AppError('BAD_REQUEST', `文件内容不是 ${input.mediaType === 'application/pdf' ? 'PDF' : input.mediaType === 'image/png' ? 'PNG 图片' : 'JPEG 图片'}，请检查文件。`);
  const db = ctx.services.db();
  let hash = '';
  commit(ctx, c.id, 'cases.attachFile', { materialId: material.materialId, bytes: bytes.length }, () => {
    hash = ctx.services.blobs.put(db, bytes, input.mediaType, ctx.now);
    caseWrites.attachFile(db, c.id, material.materialId, hash, input.fileName);
  });
  return view(ctx, c.id);
};

const signParty: Handler<'cases.signParty'> = async (ctx, input) => {
  const c = load(ctx, input.id);
  if (!EDITABLE.includes(c.status)) throw new AppError('CASE_STATE_CONFLICT');
  const party = c.parties.find((p) => p.ordinal === input.ordinal);
  if (!party) throw new AppError('BAD_REQUEST', '该申请人不在本业务中，请先保存申请人信息。');
  const type = typeOf(ctx, c.businessType);
  const capture = await ctx.services.devices.captureSignatureStrokes(`请${party.name}签名：${type.name}申请`.slice(0, 64), input.timeoutSeconds * 1000);
  const db = ctx.services.db();
  commit(ctx, c.id, 'cases.signParty', { ordinal: party.ordinal, strokes: capture.strokes.length }, () => {
    const hash = ctx.services.blobs.put(db, Buffer.from(JSON.stringify(capture)), 'application/vnd.bdc.signature+json', ctx.now);
    caseWrites.setSignature(db, c.id, party.ordinal, hash, ctx.now);
  });
  return view(ctx, c.id);
};

const overrideFeesHandler: Handler<'cases.overrideFees'> = (ctx, input) => {
  const c = load(ctx, input.id);
  if (!EDITABLE.includes(c.status)) throw new AppError('CASE_STATE_CONFLICT');
  const current = { lines: c.fees.map((f) => ({ ...f, quantity: 1 })), totalFen: c.feeTotalFen, exemptionId: null, notes: [], manual: c.feeOverrideReason !== null, overrideReason: c.feeOverrideReason };
  const result = overrideFees(current, { lines: input.lines.map((l) => ({ ...l, quantity: 1 })), reason: input.reason }, ctx.services.config.value.fees);
  if (!result.ok) throw new AppError('INVALID_FEE_OVERRIDE', result.reasons.join('；'));
  const db = ctx.services.db();
  commit(ctx, c.id, 'cases.overrideFees', { reason: input.reason, before: c.feeTotalFen, after: result.quote.totalFen }, () => {
    caseWrites.replaceFees(db, c.id, result.quote.lines.map((l) => ({ code: l.code, name: l.name, amountFen: l.amountFen })), input.reason);
  });
  return view(ctx, c.id);
};

const accept: Handler<'cases.accept'> = (ctx, input) => {
  const s = requireSession(ctx);
  const db = ctx.services.db();
  const c = load(ctx, input.id);
  requireTransition(c, 'accept');
  const type = typeOf(ctx, c.businessType);
  const failed = checkAcceptance(c, type).filter((r) => !r.passed);
  if (failed.length > 0) {
    audit(ctx, { action: 'cases.accept', object: `case:${c.id}`, result: 'failure', detail: { rules: failed.map((r) => r.rule) } });
    throw new AppError('CASE_RULES_NOT_MET', `受理条件未满足：${failed.flatMap((r) => r.reasons).join('；')}`, {
      rules: failed.map((r) => ({ rule: r.rule, reasons: r.reasons })),
    });
  }
  const config = ctx.services.config.value;
  const today = shanghaiDate(ctx.now);
  commit(ctx, c.id, 'cases.accept', { businessType: c.businessType }, () => {
    const sequence = caseWrites.nextSequence(db, today);
    const caseNumber = formatCaseNumber({ officeCode: config.officeCode ?? '000000', date: today, workstationId: workstationIdFor(db, config), sequence });
    const promisedDate = promisedCompletionDate({
      acceptedOn: today,
      workingDays: type.promisedWorkingDays,
      calendar: mergeHolidayCalendars(DEFAULT_HOLIDAY_CALENDAR, config.holidays),
    });
    caseWrites.markAccepted(db, c.id, { caseNumber, promisedDate, by: s.username }, ctx.now);
    // The submission to the platform commits with the acceptance: an accepted case is always queued.
    enqueueSubmission(db, ctx.services.keys, c.id, ctx.now);
  });
  ctx.services.sync?.notify();
  return view(ctx, c.id);
};

function simpleTransition(t: CounterTransition, detail: (input: never) => { reason: string; audit: Record<string, unknown> }) {
  return (ctx: CallContext, input: { id: number }) => {
    const c = load(ctx, input.id);
    requireTransition(c, t);
    const { reason, audit: auditDetail } = detail(input as never);
    const db = ctx.services.db();
    const to = t === 'requisition' ? 'requisitioned' : t === 'reject' ? 'rejected' : 'withdrawn';
    // An accepted case is the platform's business too: its withdrawal is queued after its submission.
    const tellPlatform = t === 'withdraw' && !EDITABLE.includes(c.status);
    commit(ctx, c.id, `cases.${t}`, auditDetail, () => {
      caseWrites.setStatus(db, c.id, to, reason, ctx.now);
      if (tellPlatform) enqueueWithdrawal(db, ctx.services.keys, c.id, reason, ctx.now);
      // A case that ends at the counter ends on every track it had opened.
      if (to !== 'requisitioned') {
        db.prepare(
          `UPDATE cases SET track_registration = 'cancelled',
             track_transaction = CASE track_transaction WHEN 'not_applicable' THEN 'not_applicable' ELSE 'cancelled' END,
             track_tax = CASE track_tax WHEN 'not_applicable' THEN 'not_applicable' ELSE 'cancelled' END WHERE id = ?`,
        ).run(c.id);
      }
    });
    if (tellPlatform) ctx.services.sync?.notify();
    return view(ctx, c.id);
  };
}

const requisition: Handler<'cases.requisition'> = simpleTransition('requisition', (i: { missing: string[]; note?: string }) => ({
  reason: `需补正：${i.missing.join('；')}${i.note ? `（${i.note}）` : ''}`,
  audit: { missing: i.missing },
}));
const reject: Handler<'cases.reject'> = simpleTransition('reject', (i: { reasons: string[] }) => ({ reason: i.reasons.join('；'), audit: { reasons: i.reasons } }));
const withdraw: Handler<'cases.withdraw'> = simpleTransition('withdraw', (i: { reason: string }) => ({ reason: i.reason, audit: { reason: i.reason } }));

/** The newest record of a unit in earlier cases (drafts count: a clerk typed it carefully once). */
const lookupUnit: Handler<'cases.lookupUnit'> = (ctx, input) => {
  const code = input.unitCode.toUpperCase().replace(/\s+/g, '');
  const db = ctx.services.db();
  const latest = db
    .prepare('SELECT u.unit_code, u.address, u.use, u.area_m2 FROM case_units u WHERE u.unit_code = ? ORDER BY u.case_id DESC LIMIT 1')
    .get(code) as { unit_code: string; address: string; use: Unit['use']; area_m2: number | null } | undefined;
  if (!latest) return null;
  const cases = db
    .prepare(
      `SELECT DISTINCT c.id, c.case_number AS caseNumber, c.business_type AS businessType, c.status FROM cases c
       JOIN case_units u ON u.case_id = c.id WHERE u.unit_code = ? ORDER BY c.id DESC LIMIT 10`,
    )
    .all(code) as Array<{ id: number; caseNumber: string | null; businessType: string; status: CaseRecord['status'] }>;
  return { unitCode: latest.unit_code, address: latest.address, use: latest.use, areaM2: latest.area_m2, cases };
};

/** A listing names applicants: audited as a view, once per session × query per 10 minutes (the text masked). */
const search: Handler<'cases.search'> = (ctx, input) => {
  const result = searchCases(ctx.services.db(), input);
  const query = { ...input, text: input.text ? maskPersonalText(input.text) : undefined };
  auditView(ctx, 'cases.search', 'cases', { ...query, total: result.total }, JSON.stringify(query));
  return result;
};

const timeline: Handler<'cases.timeline'> = (ctx, input) => {
  load(ctx, input.id);
  return caseTimeline(ctx.services.db(), input.id);
};

export const caseHandlers = {
  'cases.businessTypes': businessTypes,
  'cases.createDraft': createDraft,
  'cases.get': get,
  'cases.saveDraft': saveDraft,
  'cases.attachFile': attachFile,
  'cases.signParty': signParty,
  'cases.overrideFees': overrideFeesHandler,
  'cases.accept': accept,
  'cases.requisition': requisition,
  'cases.reject': reject,
  'cases.withdraw': withdraw,
  'cases.search': search,
  'cases.lookupUnit': lookupUnit,
  'cases.timeline': timeline,
};
