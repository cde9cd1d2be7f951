import { readFileSync } from 'node:fs';
import type { ApiDeps, Route } from './api-routes';
import { decodeParam } from './api-routes';
import { eCertificateByIdentifier, eCertificateSchema, eCertificatesBy, IDENTIFIER, storeECertificate } from './e-certificates';
import { PlatformError } from './http-io';
import { parseBody, parseJson } from './wire-schemas';

/** The e-certificate store's routes (API.md "E-certificates"). */
export function eCertificateRoutes(deps: ApiDeps): Route[] {
  const identifierParam = (raw: string): string => {
    const identifier = decodeParam(raw);
    if (!IDENTIFIER.test(identifier)) throw new PlatformError(400, 'BAD_REQUEST', `${identifier} 不是证照标识（1.2.156.3005.2.…）。`);
    return identifier;
  };
  const found = (identifier: string) => {
    const view = eCertificateByIdentifier(deps.db, deps.blobs, identifier);
    if (!view) throw new PlatformError(404, 'ECERTIFICATE_NOT_FOUND', `平台没有证照标识为 ${identifier} 的电子证照。`);
    return view;
  };
  return [
    {
      method: 'POST',
      template: '/api/v1/e-certificates',
      pattern: /^\/api\/v1\/e-certificates$/,
      kind: 'command',
      prepare: (raw, ctx) => {
        const upload = parseBody(eCertificateSchema, parseJson(raw), '电子证照');
        return () => storeECertificate(deps.db, deps.blobs, ctx.cn, upload, deps.now());
      },
    },
    {
      method: 'GET',
      template: '/api/v1/e-certificates',
      pattern: /^\/api\/v1\/e-certificates$/,
      kind: 'query',
      handle: (ctx) => {
        const number = ctx.query.get('number') ?? undefined;
        const holderIdNumber = ctx.query.get('holderIdNumber') ?? undefined;
        const caseNumber = ctx.query.get('caseNumber') ?? undefined;
        if (!number && !holderIdNumber && !caseNumber) throw new PlatformError(400, 'BAD_REQUEST', '请按 number、holderIdNumber 或 caseNumber 查询电子证照。');
        return { status: 200, body: { eCertificates: eCertificatesBy(deps.db, deps.blobs, { number, holderIdNumber, caseNumber }) } };
      },
    },
    {
      method: 'GET',
      template: '/api/v1/e-certificates/{identifier}',
      pattern: /^\/api\/v1\/e-certificates\/([^/]+)$/,
      kind: 'query',
      handle: (ctx) => ({ status: 200, body: found(identifierParam(ctx.params[0])) }),
    },
    {
      method: 'GET',
      template: '/api/v1/e-certificates/{identifier}/file',
      pattern: /^\/api\/v1\/e-certificates\/([^/]+)\/file$/,
      kind: 'query',
      handle: (ctx) => {
        const view = found(identifierParam(ctx.params[0]));
        const format = ctx.query.get('format') ?? 'ofd';
        if (format !== 'ofd' && format !== 'pdf') throw new PlatformError(400, 'BAD_REQUEST', 'format 应为 ofd 或 pdf。');
        const file = format === 'ofd' ? view.ofd : view.pdf;
        const path = deps.blobs.completePath(file.sm3);
        if (!path) throw new PlatformError(404, 'FILE_NOT_FOUND', '该电子证照的文件尚未上传完整。');
        return { status: 200, raw: readFileSync(path), headers: { 'Content-Type': format === 'ofd' ? 'application/ofd' : 'application/pdf', 'X-ECertificate-State': encodeURIComponent(view.state), 'Cache-Control': 'no-store' } };
      },
    },
  ];
}
