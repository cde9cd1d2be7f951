import { AppError, ISSUANCE_STATE_LABELS, maskPersonalText, maskPhone, validatePhone, validateWaybill, type IssuanceMethod, type ParsedInput } from '../../contract';
import { audited } from '../audit/audited-step';
import type { SignatureCapture } from '../../../native/sigpad/strokes';
import type { Session } from '../auth/sessions';
import { auditView } from '../audit/view-audit';
import { workstationIdFor } from '../cases/workstation-id';
import { DeviceManager } from '../devices/device-manager';
import type { Handler } from '../handler';
import { officeCases, type OfficeCaseRow } from '../review/office-cache';
import { actorOf, businessTypeLabel, requireOfficeCase } from '../review/review-view';
import { audit, requireSession, type CallContext } from '../services';
import { outboxWrites, type OutboxKind } from '../sync/outbox-repository';
import { matchCollector } from './collector-match';
import { issuances, printedCertificates, type NewIssuance } from './issuance-repository';
import { blockedBy } from './issuance-rules';
import { factsOf, issuanceCaseOf, issuanceQueue } from './issuance-view';

const object = (row: Pick<OfficeCaseRow, 'caseNumber'>) => `officeCase:${row.caseNumber}`;
const SIGNATURE_MEDIA = 'application/vnd.bdc.signature+json';
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

// Documents (pdf-lib, fontkit, the SM2 curve) load with the first 领证单, not at start.
const documents = () => import('./collection-record');
const officeKeys = () => import('../crypto/office-key');
const fonts = () => import('../../contract');

function workstation(ctx: CallContext): string {
  const config = ctx.services.config.value;
  return `${config.officeCode ?? '000000'}-${workstationIdFor(ctx.services.db(), config)}`;
}

function requireOpen(ctx: CallContext, row: OfficeCaseRow, method: IssuanceMethod): void {
  const blocked = blockedBy(factsOf(ctx, row), method);
  if (blocked) throw new AppError(blocked.code, blocked.message);
}

function cardOf(ctx: CallContext, token: string): { name: string; idNumber: string } {
  const card = ctx.services.devices.cardTokens.resolve(token, ctx.now.getTime());
  if (!card) throw new AppError('NO_CARD', '身份证读卡结果已过期（10分钟），请重新读卡。');
  return { name: card.name, idNumber: card.idNumber };
}

function collectorOf(ctx: CallContext, row: OfficeCaseRow, token: string, asAgent: boolean) {
  const body = officeCases.body(ctx.services.db(), ctx.services.keys, row.id);
  if (!body) throw new AppError('CASE_STATE_CONFLICT', '本机尚未收到该业务的申请内容，请同步后再试。');
  const card = cardOf(ctx, token);
  return { card, match: matchCollector(body, card, asAgent), body };
}

const queue: Handler<'issuance.queue'> = (ctx, input) => {
  const card = input.cardToken ? cardOf(ctx, input.cardToken) : null;
  const result = issuanceQueue(ctx, input, card?.idNumber ?? null);
  auditView(ctx, 'issuance.queue', 'officeCases', { issued: input.issued, byCard: card !== null, matching: result.matching }, `officeCases:issuance:${input.issued}`);
  return result;
};

const detail: Handler<'issuance.case'> = (ctx, input) => {
  const row = requireOfficeCase(ctx, input.caseId);
  const view = issuanceCaseOf(ctx, row.id);
  auditView(ctx, 'issuance.case', object(row), { stage: row.stage }, object(row));
  return view;
};

const checkCollector: Handler<'issuance.checkCollector'> = (ctx, input) => {
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'issuance.checkCollector', object(row), { asAgent: input.asAgent }, () => {
    requireOpen(ctx, row, 'counter');
    const { match } = collectorOf(ctx, row, input.cardToken, input.asAgent);
    return { role: match.role, name: match.name, idNumberMasked: match.idNumberMasked };
  });
};

const captureSignature: Handler<'issuance.captureSignature'> = (ctx, input) => {
  const row = requireOfficeCase(ctx, input.caseId);
  const detail: Record<string, unknown> = {};
  return audited(ctx, 'issuance.captureSignature', object(row), detail, async () => {
    requireOpen(ctx, row, 'counter');
    const card = cardOf(ctx, input.cardToken);
    // The pad names the signer, so nobody writes on it before their turn (pad-prompt.ts).
    const prompt = [...`请${card.name}签名确认领证：${row.caseNumber}`].slice(0, 64).join('');
    const capture = await ctx.services.devices.captureSignatureStrokes(prompt, input.timeoutSeconds * 1000);
    const signatureId = ctx.services.blobs.put(ctx.services.db(), Buffer.from(JSON.stringify(capture)), SIGNATURE_MEDIA, ctx.now);
    Object.assign(detail, { strokes: capture.strokes.length, blob: signatureId.slice(0, 16) });
    return { signatureId, svg: DeviceManager.signatureView(capture).svg };
  });
};

function signatureOf(ctx: CallContext, id: string): SignatureCapture {
  const known = ctx.services.db().prepare('SELECT media_type FROM blobs WHERE hash = ?').get(id) as { media_type: string } | undefined;
  if (known?.media_type !== SIGNATURE_MEDIA) throw new AppError('COLLECTOR_SIGNATURE_REQUIRED');
  return JSON.parse(Buffer.from(ctx.services.blobs.get(id)).toString('utf8')) as SignatureCapture;
}

/** The 领证单, rendered before the issuance commits so the record and its archived sheet go together. */
async function renderRecord(ctx: CallContext, s: Session, row: OfficeCaseRow, collector: { role: 'holder' | 'agent'; name: string; idNumberMasked: string }, poa: boolean, signature: SignatureCapture, at: Date) {
  const [{ renderCollectionRecord }, { officeKeyPair }, { configuredDocumentFont }] = await Promise.all([documents(), officeKeys(), fonts()]);
  const db = ctx.services.db();
  const body = officeCases.body(db, ctx.services.keys, row.id);
  const printed = new Map((printedCertificates.of(db, row.id) ?? []).map((p) => [p.number, p.formSerial]));
  const config = ctx.services.config.value;
  return renderCollectionRecord(
    {
      office: { name: config.officeName ?? '不动产登记机构', code: config.officeCode ?? '000000' },
      caseNumber: row.caseNumber,
      officialNumber: row.officialNumber,
      businessTypeName: businessTypeLabel(ctx, row.businessType),
      holders: (body?.parties ?? []).filter((p) => p.role === 'holder').map((p) => p.name),
      addresses: (body?.units ?? []).map((u) => maskPersonalText(u.address)),
      certificates: row.certificateNumbers.map((number) => ({ number, formSerial: printed.get(number) ?? null })),
      collector,
      powerOfAttorney: poa,
      issuedAt: at.toISOString(),
      clerkName: s.displayName,
      signature,
    },
    { signingKey: officeKeyPair(ctx.services.dataDir), font: configuredDocumentFont(config.documents) },
  );
}

/** The issuance row, its first event, its outbox command and the audit record: one transaction. */
function commit(ctx: CallContext, row: OfficeCaseRow, n: NewIssuance, command: Record<string, unknown>, extra: { poa?: { bytes: Buffer; mediaType: string }; pdf?: Uint8Array }, auditDetail: Record<string, unknown>): void {
  const db = ctx.services.db();
  db.transaction(() => {
    // Decided inside the transaction: two counters of this workstation's UI cannot both issue.
    if (issuances.byOfficeCase(db, row.id)) throw new AppError('ALREADY_ISSUED');
    const poaBlob = extra.poa ? ctx.services.blobs.put(db, extra.poa.bytes, extra.poa.mediaType, ctx.now) : null;
    const id = issuances.insert(db, ctx.services.keys, { ...n, powerOfAttorneyBlob: poaBlob }, ctx.now);
    issuances.addEvent(db, id, { at: n.at, state: n.state, actorName: n.actorName, detail: null });
    if (extra.pdf) issuances.setDocument(db, id, ctx.services.blobs.put(db, extra.pdf, 'application/pdf', ctx.now));
    outboxWrites.enqueueOffice(db, ctx.services.keys, { officeCaseId: row.id, kind: 'case.issue', body: JSON.stringify({ ...command, ...(poaBlob ? { powerOfAttorney: { sm3: poaBlob } } : {}) }) }, ctx.now);
    audit(ctx, { action: 'issuance.issue', object: object(row), result: 'success', detail: auditDetail });
  })();
  ctx.services.sync?.notify();
}

const issue: Handler<'issuance.issue'> = async (ctx, input) => {
  const s = requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  const at = ctx.now;
  const base = {
    officeCaseId: row.id,
    method: input.method,
    at: at.toISOString(),
    actor: s.username,
    actorName: s.displayName,
    workstation: workstation(ctx),
    collectorRole: null,
    collectorName: null,
    collectorIdMasked: null,
    recipientName: null,
    addressMasked: null,
    phoneMasked: null,
    carrier: null,
    waybill: null,
    signatureBlob: null,
    powerOfAttorneyBlob: null,
    personal: null,
    local: true,
  } satisfies Omit<NewIssuance, 'state'>;
  const command = { method: input.method, actor: actorOf(s), at: base.at, workstation: base.workstation };
  const fail = (err: unknown): never => {
    const code = err instanceof AppError ? err.code : 'INTERNAL';
    audit(ctx, { action: 'issuance.issue', object: object(row), result: 'failure', detail: { method: input.method, code } });
    throw err;
  };
  try {
    requireOpen(ctx, row, input.method);
    if (input.method === 'electronic') {
      commit(ctx, row, { ...base, state: 'issued' }, command, {}, { method: 'electronic' });
    } else if (input.method === 'counter') {
      const { match, card } = collectorOf(ctx, row, input.cardToken, input.asAgent);
      let poa: { bytes: Buffer; mediaType: string } | undefined;
      if (match.role === 'agent') {
        if (!input.powerOfAttorney) throw new AppError('POWER_OF_ATTORNEY_REQUIRED');
        const bytes = Buffer.from(input.powerOfAttorney.dataBase64, 'base64');
        if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE', undefined, { bytes: bytes.length });
        if (!MAGIC[input.powerOfAttorney.mediaType](bytes)) throw new AppError('ATTACHMENT_TYPE_MISMATCH', '授权委托书文件内容与类型不符，请检查文件。');
        poa = { bytes, mediaType: input.powerOfAttorney.mediaType };
      }
      const signature = signatureOf(ctx, input.signatureId);
      const collector = { role: match.role, name: match.name, idNumberMasked: match.idNumberMasked };
      const pdf = await renderRecord(ctx, s, row, collector, poa !== undefined, signature, at);
      commit(
        ctx,
        row,
        { ...base, state: 'issued', collectorRole: match.role, collectorName: match.name, collectorIdMasked: match.idNumberMasked, signatureBlob: input.signatureId, personal: { collectorIdNumber: card.idNumber } },
        { ...command, collector: { role: match.role, name: card.name, idNumber: card.idNumber }, signature: { sm3: input.signatureId } },
        { poa, pdf },
        { method: 'counter', collectorRole: match.role, collector: match.idNumberMasked, powerOfAttorney: poa !== undefined },
      );
    } else {
      const phone = validatePhone(input.phone);
      if (!phone.valid) throw new AppError('INVALID_PHONE', phone.reasons.join(''), { field: 'phone' });
      let shipping: { carrier: 'ems' | 'sf'; waybill: string } | null = null;
      if (input.waybill) {
        if (!input.carrier) throw new AppError('INVALID_WAYBILL', '请选择承运公司。', { field: 'carrier' });
        const check = validateWaybill(input.carrier, input.waybill);
        if (!check.valid) throw new AppError('INVALID_WAYBILL', check.reasons.join(''), { field: 'waybill' });
        shipping = { carrier: input.carrier, waybill: check.normalized };
      }
      const state = shipping ? 'shipped' : 'toShip';
      commit(
        ctx,
        row,
        {
          ...base,
          state,
          recipientName: input.recipient,
          addressMasked: maskPersonalText(input.address),
          phoneMasked: maskPhone(phone.normalized),
          carrier: shipping?.carrier ?? null,
          waybill: shipping?.waybill ?? null,
          personal: { address: input.address, phone: phone.normalized },
        },
        { ...command, courier: { recipient: input.recipient, address: input.address, phone: phone.normalized, carrier: shipping?.carrier ?? null, waybill: shipping?.waybill ?? null } },
        {},
        { method: 'courier', state, carrier: shipping?.carrier ?? null },
      );
    }
  } catch (err) {
    return fail(err);
  }
  return issuanceCaseOf(ctx, row.id);
};

/** A courier issuance's next state: its own command, queued; decided by a conditional UPDATE. */
function courierStep(ctx: CallContext, input: { caseId: number }, from: 'toShip' | 'shipped', to: 'shipped' | 'delivered', kind: OutboxKind, shipping?: { carrier: 'ems' | 'sf'; waybill: string }) {
  const s = requireSession(ctx);
  const row = requireOfficeCase(ctx, input.caseId);
  const db = ctx.services.db();
  const current = issuances.byOfficeCase(db, row.id);
  if (!current || current.method !== 'courier') throw new AppError('ISSUANCE_STATE_CONFLICT', '该业务没有邮寄发证记录。');
  db.transaction(() => {
    if (!issuances.moveState(db, current.id, from, to, ctx.now, shipping)) {
      throw new AppError('ISSUANCE_STATE_CONFLICT', `邮寄状态为“${ISSUANCE_STATE_LABELS[current.state]}”，不能改为“${ISSUANCE_STATE_LABELS[to]}”。`);
    }
    issuances.addEvent(db, current.id, { at: ctx.now.toISOString(), state: to, actorName: s.displayName, detail: shipping ? `${shipping.carrier.toUpperCase()} ${shipping.waybill}` : null });
    outboxWrites.enqueueOffice(db, ctx.services.keys, { officeCaseId: row.id, kind, body: JSON.stringify({ ...(shipping ?? {}), actor: actorOf(s), at: ctx.now.toISOString() }) }, ctx.now);
  })();
  ctx.services.sync?.notify();
  return issuanceCaseOf(ctx, row.id);
}

const ship: Handler<'issuance.ship'> = (ctx, input) => {
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'issuance.ship', object(row), { carrier: input.carrier }, () => {
    const check = validateWaybill(input.carrier, input.waybill);
    if (!check.valid) throw new AppError('INVALID_WAYBILL', check.reasons.join(''), { field: 'waybill' });
    return courierStep(ctx, input, 'toShip', 'shipped', 'case.issueShipped', { carrier: input.carrier, waybill: check.normalized });
  });
};

const delivered: Handler<'issuance.delivered'> = (ctx, input) => {
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'issuance.delivered', object(row), {}, () => courierStep(ctx, input, 'shipped', 'delivered', 'case.issueDelivered'));
};

function archivedRecord(ctx: CallContext, caseId: number): { pdf: Uint8Array; blobHash: string } {
  const row = requireOfficeCase(ctx, caseId);
  const current = issuances.byOfficeCase(ctx.services.db(), row.id);
  if (!current?.documentBlob) throw new AppError('ISSUANCE_STATE_CONFLICT', '该业务没有在本机现场领取的领证单。');
  return { pdf: ctx.services.blobs.get(current.documentBlob), blobHash: current.documentBlob };
}

const document: Handler<'issuance.document'> = (ctx, input: ParsedInput<'issuance.document'>) => {
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'issuance.document', object(row), {}, () => {
    const { pdf, blobHash } = archivedRecord(ctx, input.caseId);
    return { fileName: `领证单-${row.caseNumber}.pdf`, pdfBase64: Buffer.from(pdf).toString('base64'), bytes: pdf.length, blobHash };
  });
};

const printDocument: Handler<'issuance.printDocument'> = (ctx, input) => {
  const row = requireOfficeCase(ctx, input.caseId);
  return audited(ctx, 'issuance.print', object(row), {}, async () => {
    const { pdf, blobHash } = archivedRecord(ctx, input.caseId);
    const job = await ctx.services.devices.printDocument(pdf, { title: '领证单', copies: 1 });
    return { ...job, blobHash };
  });
};

export const issuanceHandlers = {
  'issuance.queue': queue,
  'issuance.case': detail,
  'issuance.checkCollector': checkCollector,
  'issuance.captureSignature': captureSignature,
  'issuance.issue': issue,
  'issuance.ship': ship,
  'issuance.delivered': delivered,
  'issuance.document': document,
  'issuance.printDocument': printDocument,
};
