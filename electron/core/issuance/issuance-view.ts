import { maskIdNumber, maskPersonalText, type IssuanceCase, type IssuanceView, type MethodOutput, type ParsedInput } from '../../contract';
import { normaliseIdNumber } from '../crypto/personal-data';
import { officeCases, toOfficeCase, type OfficeCaseRow } from '../review/office-cache';
import { businessTypeLabel, requireOfficeCase } from '../review/review-view';
import type { CallContext } from '../services';
import { syncState } from '../sync/sync-state';
import { issuances, printedCertificates, type IssuanceRow } from './issuance-repository';
import { blockedByAll, paperNeeded } from './issuance-rules';

export function issuanceViewOf(ctx: CallContext, row: IssuanceRow): IssuanceView {
  const db = ctx.services.db();
  return {
    method: row.method,
    state: row.state,
    at: row.at,
    actorName: row.actorName,
    workstation: row.workstation,
    collector: row.collectorRole ? { role: row.collectorRole, name: row.collectorName ?? '', idNumberMasked: row.collectorIdMasked ?? '' } : null,
    courier:
      row.method === 'courier'
        ? { recipient: row.recipientName ?? '', addressMasked: row.addressMasked ?? '', phoneMasked: row.phoneMasked ?? '', carrier: row.carrier, waybill: row.waybill }
        : null,
    documentBlob: row.documentBlob,
    pending: issuances.pending(db, row.officeCaseId),
    local: row.local,
    events: issuances.events(db, row.id),
  };
}

/** The facts the rules read, from the office cache and the issuance record. */
export function factsOf(ctx: CallContext, row: OfficeCaseRow) {
  const db = ctx.services.db();
  const printed = printedCertificates.of(db, row.id);
  return {
    stage: row.stage,
    certificateNumbers: row.certificateNumbers,
    printed: printed ? printed.map((p) => p.number) : null,
    issued: issuances.byOfficeCase(db, row.id) !== undefined,
    paperRequired: ctx.services.config.value.issuance.paperRequired,
  };
}

export function issuanceCaseOf(ctx: CallContext, caseId: number): IssuanceCase {
  const db = ctx.services.db();
  const row = requireOfficeCase(ctx, caseId);
  const body = officeCases.body(db, ctx.services.keys, row.id);
  const issued = issuances.byOfficeCase(db, row.id);
  const facts = factsOf(ctx, row);
  return {
    caseId: row.id,
    caseNumber: row.caseNumber,
    officialNumber: row.officialNumber,
    businessTypeLabel: businessTypeLabel(ctx, row.businessType),
    stage: row.stage,
    workstation: row.workstation,
    holders: (body?.parties ?? [])
      .filter((p) => p.role === 'holder')
      .map((p) => ({ ordinal: p.ordinal, name: p.name, idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : '' })),
    units: (body?.units ?? []).map((u) => ({ unitCode: u.unitCode, address: maskPersonalText(u.address) })),
    certificateNumbers: row.certificateNumbers,
    printed: printedCertificates.of(db, row.id),
    paperNeeded: paperNeeded(facts, 'counter'),
    blockedBy: blockedByAll(facts),
    issuance: issued ? issuanceViewOf(ctx, issued) : null,
  };
}

/**
 * 待领证 (registered, not yet issued) or issued cases of the office cache. A card read finds the
 * cases where its holder is a 权利人: the registered cases' applications are opened one by one
 * (the queue of one office's uncollected certificates is small) and compared by full number in
 * memory; nothing but the matches leaves.
 */
export function issuanceQueue(ctx: CallContext, input: ParsedInput<'issuance.queue'>, cardIdNumber: string | null): MethodOutput<'issuance.queue'> {
  const db = ctx.services.db();
  const where = [input.issued ? "(stage = 'issued' OR id IN (SELECT office_case_id FROM issuances))" : "(stage = 'registered' AND id NOT IN (SELECT office_case_id FROM issuances))"];
  const params: Record<string, unknown> = {};
  if (input.query) {
    where.push("(case_number LIKE @q ESCAPE '\\' OR official_number LIKE @q ESCAPE '\\' OR certificate_numbers LIKE @q ESCAPE '\\')");
    params.q = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const rows = (
    db
      .prepare(
        `SELECT id, case_number, platform_case_id, official_number, stage, claim_user_id, claim_name, claim_workstation, claim_since, promised_date,
                workstation, clerk_name, accepted_by, accepted_at, business_type, names, addresses, certificate_numbers, pending_decision, pending_stage,
                local_case_id, body_sealed IS NOT NULL AS has_body
         FROM office_cases WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id DESC`,
      )
      .all(params) as Parameters<typeof toOfficeCase>[0][]
  ).map(toOfficeCase);
  const wanted = cardIdNumber ? normaliseIdNumber(cardIdNumber) : null;
  const matching = wanted
    ? rows.filter((r) => (officeCases.body(db, ctx.services.keys, r.id)?.parties ?? []).some((p) => p.role === 'holder' && p.idNumber && normaliseIdNumber(p.idNumber) === wanted))
    : rows;
  const items = matching.slice(input.offset, input.offset + input.limit).map((r) => {
    const issued = issuances.byOfficeCase(db, r.id);
    return {
      caseId: r.id,
      caseNumber: r.caseNumber,
      officialNumber: r.officialNumber,
      businessTypeLabel: businessTypeLabel(ctx, r.businessType),
      stage: r.stage,
      names: r.names,
      addresses: r.addresses,
      certificateNumbers: r.certificateNumbers,
      workstation: r.workstation,
      issuance: issued ? { method: issued.method, state: issued.state, at: issued.at } : null,
    };
  });
  return { items, matching: matching.length, syncedAt: syncState.get(db, 'last_pull_at') ?? null };
}
