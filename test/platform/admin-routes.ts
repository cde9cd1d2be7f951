import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { PlatformAdmin } from './admin';
import { faultSchema } from './faults';
import { asPlatformError, PlatformError, requestTarget, sendError, sendJson } from './http-io';
import { readSmallBody } from './request-body';
import { ensureSealCa, issueTrainingOfficeSeal } from './seal-ca';
import { parseBody, parseJson } from './wire-schemas';

/**
 * The /admin routes of API.md on the admin listener (plain HTTP, 127.0.0.1 only), each a thin
 * mapping onto PlatformAdmin. No faults apply here: a test must always be able to reach the
 * controls, even while the provincial API is "down".
 */
const autoSchema = z.object({ enabled: z.boolean(), stepMs: z.number().int().min(1).max(86_400_000) });
const changeSchema = z.object({ kind: z.string().min(1).max(60), data: z.record(z.string(), z.unknown()).default({}) });
const faultsSchema = z.object({ faults: z.array(faultSchema).max(100) });
const printedSchema = z.object({ printed: z.boolean() });
const reserveSchema = z.object({
  office: z.string().regex(/^\d{6}$/),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(['certificate', 'proof']),
  serials: z.array(z.number().int().min(1).max(9_999_999)).min(1).max(1000),
});
const restrictionSchema = z.object({
  kind: z.enum(['mortgage', 'seizure', 'objection', 'preRegistration', 'residence']),
  holder: z.string().max(200).nullable(),
  since: z.string().max(20).nullable(),
  until: z.string().max(20).nullable(),
  note: z.string().max(500).nullable(),
});
const officeSealSchema = z.object({
  officeName: z.string().min(1).max(100),
  publicKeyHex: z.string().regex(/^04[0-9a-f]{128}$/),
  imagePngBase64: z.string().min(8).max(1_400_000),
});
const ADMIN_BODY_LIMIT = 2 * 1024 * 1024;

export function createAdminHandler(admin: PlatformAdmin, options: { sealCaDir?: string } = {}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const { path } = requestTarget(req);
    const method = req.method ?? 'GET';
    try {
      const body = async (): Promise<unknown> => parseJson(await readSmallBody(req, ADMIN_BODY_LIMIT));
      const changeTarget = /^\/admin\/cases\/([^/]+)\/changes$/.exec(path);
      if (method === 'GET' && path === '/admin/cases') return sendJson(res, 200, { cases: admin.cases() });
      if (method === 'POST' && changeTarget) {
        const change = parseBody(changeSchema, await body(), '变更');
        admin.appendChange(decodeURIComponent(changeTarget[1]), change.kind, change.data);
        return sendJson(res, 201, { ok: true });
      }
      if (method === 'POST' && path === '/admin/auto') {
        admin.setAuto(parseBody(autoSchema, await body(), '自动决定设置'));
        return sendJson(res, 200, { ok: true });
      }
      if (method === 'POST' && path === '/admin/faults') {
        admin.setFaults(parseBody(faultsSchema, await body(), '故障设置').faults);
        return sendJson(res, 200, { ok: true });
      }
      if (method === 'DELETE' && path === '/admin/faults') {
        admin.clearFaults();
        return sendJson(res, 200, { ok: true });
      }
      const printedTarget = /^\/admin\/cases\/([^/]+)\/certificate-printed$/.exec(path);
      if (method === 'POST' && printedTarget) {
        admin.setCertificatePrinted(decodeURIComponent(printedTarget[1]), parseBody(printedSchema, await body(), '证书打印标记').printed);
        return sendJson(res, 200, { ok: true });
      }
      if (method === 'POST' && path === '/admin/certificate-numbers/reserve') {
        const r = parseBody(reserveSchema, await body(), '预留证号');
        return sendJson(res, 201, { numbers: admin.reserveNumbers(r.office, r.year, r.kind, r.serials) });
      }
      const reviewTarget = /^\/admin\/cases\/([^/]+)\/review$/.exec(path);
      if (method === 'GET' && reviewTarget) return sendJson(res, 200, { review: admin.review(decodeURIComponent(reviewTarget[1])) });
      const unitTarget = /^\/admin\/units\/([^/]+)\/(rights|restrictions)$/.exec(path);
      if (method === 'GET' && unitTarget?.[2] === 'rights') return sendJson(res, 200, { rights: admin.registerRights(decodeURIComponent(unitTarget[1])) });
      if (method === 'POST' && unitTarget?.[2] === 'restrictions') {
        const r = parseBody(restrictionSchema, await body(), '限制信息');
        return sendJson(res, 201, { id: admin.addRestriction(decodeURIComponent(unitTarget[1]), r) });
      }
      if (method === 'GET' && path === '/admin/certificate-numbers') return sendJson(res, 200, { numbers: admin.certificateNumbers() });
      if (method === 'GET' && path === '/admin/stats') return sendJson(res, 200, admin.stats());
      // Training set-up of the office seal (API.md): the province seal CA's root, and issuing an office's seal.
      if (options.sealCaDir && method === 'GET' && path === '/admin/seal-ca') {
        return sendJson(res, 200, { rootDerBase64: Buffer.from(ensureSealCa(options.sealCaDir).certificateDer).toString('base64') });
      }
      if (options.sealCaDir && method === 'POST' && path === '/admin/seal-ca/office-seals') {
        const r = parseBody(officeSealSchema, await body(), '印章申请');
        const issued = issueTrainingOfficeSeal(options.sealCaDir, { officeName: r.officeName, publicKeyHex: r.publicKeyHex, imagePng: Buffer.from(r.imagePngBase64, 'base64') });
        const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
        return sendJson(res, 201, { certificateDerBase64: b64(issued.certificateDer), sealDerBase64: b64(issued.sealDer), rootDerBase64: b64(issued.rootDer) });
      }
      throw new PlatformError(404, 'NOT_FOUND', `没有管理接口 ${method} ${path}。`);
    } catch (err) {
      sendError(res, asPlatformError(err));
    }
  };
}
