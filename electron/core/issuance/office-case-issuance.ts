import { z } from 'zod';
import { CARRIER_LABELS, CARRIERS, ISSUANCE_METHOD_LABELS, ISSUANCE_METHODS, ISSUANCE_STATES, type IssuanceState } from '../../contract';
import { shanghaiDateTime } from './shanghai-time';
import type { OfficeCaseData } from '../review/office-cache';
import { officeCases } from '../review/office-cache';
import type { Db } from '../store/database';
import { issuances, printedCertificates } from './issuance-repository';

/**
 * The `issuance` of `office.case` as the platform shares it with every workstation of the office
 * (API.md "发证"): masked values only — the full collector and courier data stay with the counter
 * that issued and with the platform.
 */
export const platformIssuanceSchema = z.object({
  method: z.enum(ISSUANCE_METHODS),
  state: z.enum(ISSUANCE_STATES),
  at: z.string(),
  actorName: z.string(),
  workstation: z.string(),
  collector: z.object({ role: z.enum(['holder', 'agent']), name: z.string(), idNumberMasked: z.string() }).nullable().optional(),
  courier: z
    .object({ recipient: z.string(), addressMasked: z.string(), phoneMasked: z.string(), carrier: z.enum(CARRIERS).nullable(), waybill: z.string().nullable() })
    .nullable()
    .optional(),
});

const ORDER: Record<IssuanceState, number> = { issued: 0, toShip: 0, shipped: 1, delivered: 2 };

/**
 * Applies the issue-#12 parts of one `office.case` to the office cache, in the caller's
 * transaction: certificate numbers, the printed list, and an issuance made at any counter (a
 * courier's later states too). A state only moves forward, so a late change never undoes a newer
 * one recorded here.
 */
export function applyOfficeCaseIssuance(db: Db, officeCaseId: number, d: OfficeCaseData, now: Date, log: (m: string) => void): void {
  if (d.certificateNumbers && d.certificateNumbers.length > 0) officeCases.setCertificateNumbers(db, officeCaseId, d.certificateNumbers, now);
  if (d.printed) printedCertificates.set(db, officeCaseId, d.printed.map((p) => ({ number: p.number, formSerial: p.formSerial ?? null, at: p.at ?? null })));
  if (!d.issuance) return;
  const parsed = platformIssuanceSchema.safeParse(d.issuance);
  if (!parsed.success) {
    log(`office.case issuance of office case ${officeCaseId} is malformed at ${parsed.error.issues[0]?.path.join('.')}`);
    return;
  }
  const p = parsed.data;
  const existing = issuances.byOfficeCase(db, officeCaseId);
  if (!existing) {
    const id = issuances.insert(
      db,
      null,
      {
        officeCaseId,
        method: p.method,
        state: p.state,
        at: p.at,
        actor: '',
        actorName: p.actorName,
        workstation: p.workstation,
        collectorRole: p.collector?.role ?? null,
        collectorName: p.collector?.name ?? null,
        collectorIdMasked: p.collector?.idNumberMasked ?? null,
        recipientName: p.courier?.recipient ?? null,
        addressMasked: p.courier?.addressMasked ?? null,
        phoneMasked: p.courier?.phoneMasked ?? null,
        carrier: p.courier?.carrier ?? null,
        waybill: p.courier?.waybill ?? null,
        signatureBlob: null,
        powerOfAttorneyBlob: null,
        personal: null,
        local: false,
      },
      now,
    );
    issuances.addEvent(db, id, { at: p.at, state: p.state, actorName: p.actorName, detail: `${p.workstation}` });
    return;
  }
  if (ORDER[p.state] > ORDER[existing.state]) {
    const shipping = p.courier?.carrier && p.courier.waybill ? { carrier: p.courier.carrier, waybill: p.courier.waybill } : undefined;
    if (issuances.moveState(db, existing.id, existing.state, p.state, now, shipping)) {
      issuances.addEvent(db, existing.id, { at: now.toISOString(), state: p.state, actorName: p.actorName, detail: p.workstation });
    }
  }
}

/** What the case detail of the accepting counter says about the issuance (its status reason): how, when (Asia/Shanghai), who. */
export function issuedReason(p: z.infer<typeof platformIssuanceSchema>): string {
  const how = ISSUANCE_METHOD_LABELS[p.method];
  const who = p.collector ? `，领证人${p.collector.name}（${p.collector.role === 'agent' ? '代理人' : '权利人'}）` : p.courier ? `，收件人${p.courier.recipient}` : '';
  const waybill = p.courier?.carrier && p.courier.waybill ? `，${CARRIER_LABELS[p.courier.carrier]} ${p.courier.waybill}` : '';
  return `已发证：${how}${who}${waybill}；${shanghaiDateTime(p.at).text}，${p.actorName}（${p.workstation}）`;
}
