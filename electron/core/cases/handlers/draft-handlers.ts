import { AppError, materialsFor, maskPersonalText, maskPhone, SQUARE_METRES_PER, tracksFor, type CatalogEntry, type ParsedInput } from '../../../contract';
import { auditView } from '../../audit/view-audit';
import type { Handler } from '../../handler';
import { audit, requireSession, type CallContext } from '../../services';
import { caseFeeQuote } from '../case-fee-quote';
import type { Application, CaseRecord, Material, Unit } from '../case-record';
import { caseReads, caseWrites } from '../case-repository';
import { indexCase } from '../case-search';
import { checkPreviousCertificate } from '../previous-certificate';
import { performAction } from '../transition';
import { businessTypeOf, caseViewOf, committedView, loadCase } from './case-context';
import { partiesFromInput } from './party-input';

export const businessTypes: Handler<'cases.businessTypes'> = (ctx) =>
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

/** The office's catalogue (登记类型 × 权利类型) as the intake lists it. */
export const catalog: Handler<'cases.catalog'> = (ctx) =>
  ctx.services.catalog().map((e) => ({
    id: e.id,
    registrationType: e.registrationType,
    rightType: e.rightType,
    registrationTypeName: e.registrationTypeName,
    rightTypeName: e.rightTypeName,
    name: e.name,
    enabled: e.enabled,
    origin: e.origin,
    coOwnership: e.coOwnership,
    signaturesRequired: e.signaturesRequired,
    roles: e.roles,
    roleLabels: e.roleLabels,
    materials: e.materials.map((m) => ({ id: m.id, name: m.name, requirement: m.requirement, basis: m.basis ?? null, mortgageKinds: m.mortgageKinds ?? null })),
    feeRule: e.feeRule,
    promisedWorkingDays: e.promisedWorkingDays,
    issues: e.issues,
    unitKind: e.unitKind,
    mortgageKinds: e.mortgageKinds,
    legacyId: e.legacyId,
    basis: e.basis,
  }));

/** Registration always; transaction and tax as the business type and the units say (一窗受理、并行办理). */
function initialTracks(type: CatalogEntry, units: Array<Pick<Unit, 'unitCode'>>): CaseRecord['tracks'] {
  const open = new Set(tracksFor(type, { isHouse: units.length === 0 || units.some((u) => /F\d{8}$/.test(u.unitCode.toUpperCase())) }));
  return {
    registration: 'pending',
    transaction: open.has('transaction') ? 'pending' : 'not_applicable',
    tax: open.has('tax') ? 'pending' : 'not_applicable',
  };
}

export const createDraft: Handler<'cases.createDraft'> = (ctx, input) => {
  const s = requireSession(ctx);
  const type = businessTypeOf(ctx, input.businessType);
  // A first-release id names the type the office configured under it (config `businessTypes`).
  const legacy = ctx.services.businessTypes().find((t) => t.id === input.businessType);
  if (!type.enabled || legacy?.enabled === false) throw new AppError('UNKNOWN_BUSINESS_TYPE', `本机构未开通“${type.name}”业务。`);
  const db = ctx.services.db();
  let id = 0;
  db.transaction(() => {
    id = caseWrites.insertDraft(
      db,
      // Stored as given (a first-release id keeps its id); the catalogue's two dimensions beside it.
      { businessType: input.businessType, registrationType: type.registrationType, rightType: type.rightType, createdBy: s.username, tracks: initialTracks(type, []) },
      ctx.now,
    );
    caseWrites.replaceMaterials(
      db,
      id,
      materialsFor(type).map((m) => ({ materialId: m.id, name: m.name, required: m.requirement === 'required', received: false, copies: 0, form: null, pages: null })),
    );
    const searchable = caseReads.searchable(db, id);
    if (searchable) indexCase(db, searchable);
    audit(ctx, { action: 'cases.createDraft', object: `case:${id}`, result: 'success', detail: { businessType: type.id } });
  })();
  return committedView(ctx, id, type);
};

/** A view of the parties' names (numbers masked): audited once per session × case per 10 minutes. */
export const get: Handler<'cases.get'> = (ctx, input) => {
  const v = caseViewOf(ctx, loadCase(ctx, input.id));
  auditView(ctx, 'cases.view', `case:${v.id}`);
  return v;
};

type SaveInput = ParsedInput<'cases.saveDraft'>;

async function unitsFromInput(ctx: CallContext, c: CaseRecord, input: SaveInput['units']): Promise<Unit[]> {
  const units: Unit[] = [];
  for (const [i, u] of input.entries()) {
    const unitCode = u.unitCode.toUpperCase().replace(/\s+/g, '');
    const area = u.area ?? (u.areaM2 !== null ? { value: u.areaM2, unit: 'm2' as const } : null);
    const previousCertificateNumber = u.previousCertificateNumber || null;
    const before = c.units.find((b) => b.unitCode === unitCode);
    units.push({
      ordinal: i + 1,
      unitCode,
      address: u.address,
      use: u.use,
      areaM2: area ? Math.round(area.value * SQUARE_METRES_PER[area.unit] * 100) / 100 : null,
      area,
      realEstateType: u.realEstateType,
      plannedUse: u.plannedUse,
      previousCertificateNumber,
      previousCertificateCheck: await checkPreviousCertificate(ctx, { unitCode, previousCertificateNumber }, before),
    });
  }
  return units;
}

/**
 * The application block as stored: free text masked (no typed ID numbers or phones). The mail
 * recipient's phone sent back masked (as the screen shows a saved one) keeps the stored number.
 */
function applicationFromInput(a: Application, stored: Application): Application {
  const mask = (t: string | null) => (t ? maskPersonalText(t) : null);
  let phone = a.collection.phone;
  if (phone?.includes('*')) {
    const kept = stored.collection.phone;
    if (!kept || maskPhone(kept) !== phone) throw new AppError('PHONE_INCOMPLETE', '收件人电话需要完整填写。', { field: 'collection.phone' });
    phone = kept;
  }
  return {
    ...a,
    reason: mask(a.reason),
    reasonDocuments: mask(a.reasonDocuments),
    note: mask(a.note),
    mortgage: a.mortgage ? { ...a.mortgage, scope: mask(a.mortgage.scope), constructionScope: mask(a.mortgage.constructionScope) } : null,
    collection: { ...a.collection, address: mask(a.collection.address), phone },
  };
}

export const saveDraft: Handler<'cases.saveDraft'> = async (ctx, input) => {
  const c = loadCase(ctx, input.id);
  const type = businessTypeOf(ctx, c.businessType);
  // The state is checked before anything is looked up; performAction checks it again in the write.
  if (c.status !== 'draft' && c.status !== 'requisitioned') throw new AppError('CASE_NOT_EDITABLE', '已受理的业务不能再修改申请内容。');
  const parties = partiesFromInput(ctx, c, input.parties, input.coOwnership);
  const units = await unitsFromInput(ctx, c, input.units);
  const application = input.application ? applicationFromInput(input.application, c.application) : null;
  // The checklist follows the mortgage kind (在建建筑物抵押 asks for the construction permit …).
  const checklist = checklistFor(type, c.materials, (application ?? c.application).mortgage?.method);
  const received = new Map(input.materialsReceived.map((m) => [m.materialId, m]));
  const unknown = [...received.keys()].filter((id) => !checklist.some((m) => m.materialId === id));
  if (unknown.length > 0) throw new AppError('CASE_MATERIAL_UNKNOWN', `材料清单中没有：${unknown.join('、')}`, { materialIds: unknown });
  const quote = caseFeeQuote(type, units, parties, input.certificates, ctx.services.config.value.fees);
  performAction(ctx, c, type, 'edit', {
    detail: { parties: parties.length, units: units.length, materialsReceived: received.size },
    write: (db) => {
      caseWrites.setCoOwnership(db, c.id, type.coOwnership ? input.coOwnership : null, ctx.now);
      caseWrites.replaceParties(db, ctx.services.keys, c.id, parties);
      caseWrites.replaceUnits(db, c.id, units);
      if (application) caseWrites.setApplication(db, ctx.services.keys, c.id, application);
      caseWrites.replaceMaterials(
        db,
        c.id,
        checklist.map((m) => {
          const r = received.get(m.materialId);
          return {
            materialId: m.materialId,
            name: m.name,
            required: m.required,
            received: r !== undefined || m.files.length > 0,
            copies: r?.copies ?? m.copies,
            form: r ? r.form : m.form,
            pages: r ? r.pages : m.pages,
          };
        }),
      );
      // A fee changed by hand stays as it is; otherwise the fees follow the form (all units).
      if (!c.feeOverrideReason) caseWrites.replaceFees(db, c.id, quote.lines, null, quote.payer);
      const tracks = initialTracks(type, units);
      caseWrites.setTracks(db, c.id, { transaction: tracks.transaction, tax: tracks.tax }, ctx.now);
    },
  });
  return committedView(ctx, c.id, type);
};

/** The case's checklist for its mortgage kind, keeping what was received and attached. */
function checklistFor(type: CatalogEntry, current: Material[], mortgageKind: 'general' | 'maximum' | 'construction' | undefined): Material[] {
  return materialsFor(type, { mortgageKind }).map((m) => {
    const had = current.find((x) => x.materialId === m.id);
    return had ?? { materialId: m.id, name: m.name, required: m.requirement === 'required', received: false, copies: 0, form: null, pages: null, files: [] };
  });
}
