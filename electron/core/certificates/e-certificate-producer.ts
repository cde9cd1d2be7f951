import { maskPersonalText } from '../../contract';
import { appendAudit } from '../audit/audit-log';
import { officeCases } from '../review/office-cache';
import type { Services } from '../services';
import { outboxWrites } from '../sync/outbox-repository';
import { sm3Hex } from '../crypto/sm3';
import { certificateFactsFor, certificateOfficeOf, type FactsBody } from './certificate-facts-builder';
import { eCertificates, type ECertificateRow } from './e-certificate-repository';
import { RenditionsUnavailable } from './e-certificate-renditions';
import { eCertificateUploadBody } from './e-certificate-upload';

/**
 * Producing the e-certificate of one number a 登簿 issued: facts → 证照标识 → sealed OFD and PDF
 * (the renditions port) → both files in the blob store, the row `produced` and the outbox command
 * `ecertificate.upload`, in ONE transaction. The 登簿 itself was stored before (the pending row came
 * with it), so a renderer or seal failure only leaves the row pending with its error and a back-off;
 * `produceDue` (the duty, and every 登簿) tries again. Every attempt is audited.
 */
const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 3_600_000;

export type ProductionOutcome = { id: number; ok: true; identifier: string } | { id: number; ok: false; error: string };

export async function produceECertificate(services: Services, id: number, actor: { id: number | null; name: string | null } = { id: null, name: null }): Promise<ProductionOutcome> {
  const now = services.clock();
  const db = services.db();
  const row = eCertificates.byId(db, id);
  if (!row || row.production !== 'pending') return { id, ok: false, error: 'not pending' };
  const object = `eCertificate:${row.number}`;
  try {
    const renditions = services.eCertificateRenditions;
    if (!renditions) throw new RenditionsUnavailable();
    const officeCase = officeCases.byId(db, row.officeCaseId);
    const body = officeCases.body(db, services.keys, row.officeCaseId) as FactsBody | null;
    if (!officeCase || !body) throw new Error('本机没有该业务的申请内容');
    const answer = eCertificates.answer(db, services.keys, id);
    const office = certificateOfficeOf(services.config.value);
    const facts = certificateFactsFor(body, answer, row.number, office, { catalog: services.catalog(), businessNumber: officeCase.officialNumber });
    const typeCode = services.config.value.certificates.typeCodes[row.kind];
    const serial = `${facts.year}${String(facts.sequence).padStart(7, '0')}`;
    const identifier = renditions.identifier({ typeCode, authorityCode: office.creditCode, serial });
    const { ofd, pdf } = await renditions.render(facts, identifier, now);
    const upload = eCertificateUploadBody(facts, {
      identifier,
      typeCode,
      unitCodes: body.units.map((u) => u.unitCode),
      ofd: { sm3: sm3Hex(ofd), size: ofd.length },
      pdf: { sm3: sm3Hex(pdf), size: pdf.length },
    });
    const written = db.transaction(() => {
      const ofdHash = services.blobs.put(db, ofd, 'application/ofd', now);
      const pdfHash = services.blobs.put(db, pdf, 'application/pdf', now);
      if (!eCertificates.markProduced(db, services.keys, id, { identifier, facts, ofdHash, pdfHash }, now)) return false;
      outboxWrites.enqueueOffice(db, services.keys, { officeCaseId: row.officeCaseId, kind: 'ecertificate.upload', body: JSON.stringify(upload) }, now);
      appendAudit(db, { actorId: actor.id, actor: actor.name, action: 'certificate.produce', object, result: 'success', detail: { identifier, attempt: row.attempts + 1 } }, now);
      return true;
    })();
    if (!written) return { id, ok: false, error: 'voided meanwhile' };
    services.sync?.notify();
    return { id, ok: true, identifier };
  } catch (err) {
    // Renderer errors may quote the facts: masked before they are stored or logged.
    const error = maskPersonalText(err instanceof Error ? err.message : String(err));
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(row.attempts, 10));
    db.transaction(() => {
      eCertificates.markFailed(db, id, error.slice(0, 500), new Date(now.getTime() + delay).toISOString());
      appendAudit(db, { actorId: actor.id, actor: actor.name, action: 'certificate.produce', object, result: 'failure', detail: { code: 'ECERTIFICATE_PRODUCTION_FAILED', attempt: row.attempts + 1, error: error.slice(0, 200) } }, now);
    })();
    return { id, ok: false, error };
  }
}

/** Produces every pending e-certificate that is due (of one office case, or all), one after the other. */
export async function produceDue(services: Services, filter: { officeCaseId?: number; force?: boolean } = {}, actor?: { id: number | null; name: string | null }): Promise<ProductionOutcome[]> {
  const db = services.db();
  const due: ECertificateRow[] =
    filter.officeCaseId !== undefined
      ? eCertificates.list(db, filter.officeCaseId).filter((r) => r.production === 'pending' && (filter.force || !r.nextAttemptAt || r.nextAttemptAt <= services.clock().toISOString()))
      : eCertificates.due(db, services.clock().toISOString());
  const outcomes: ProductionOutcome[] = [];
  for (const row of due) outcomes.push(await produceECertificate(services, row.id, actor));
  return outcomes;
}

/** Retries pending productions in the background (a seal key that was locked, a renderer fixed by an update). */
export function startECertificateDuty(services: Services, log: (m: string) => void, everyMs = 15_000): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running || services.recovery) return;
    running = true;
    produceDue(services)
      .then((outcomes) => {
        for (const o of outcomes) if (!o.ok) log(`电子证照生成失败（第 ${o.id} 条，稍后重试）：${o.error}`);
      })
      .catch((err: unknown) => log(`电子证照生成任务出错：${(err as Error).message}`))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
