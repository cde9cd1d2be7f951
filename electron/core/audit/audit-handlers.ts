import type { Handler } from '../handler';
import { audit } from '../services';
import { verifyAuditChain } from './audit-chain';
import { auditKeyOf } from './audit-key';
import { listAudit, toAuditRecordView } from './audit-log';

const list: Handler<'audit.list'> = (ctx, input) => {
  const { rows, total } = listAudit(ctx.services.db(), input);
  return {
    total,
    records: rows.map(toAuditRecordView),
  };
};

const verify: Handler<'audit.verify'> = (ctx) => {
  const db = ctx.services.db();
  const result = verifyAuditChain(db, auditKeyOf(db));
  // The check itself is recorded after it ran, so it never reports on its own record.
  audit(ctx, {
    action: 'audit.verify',
    object: 'audit_log',
    result: result.ok ? 'success' : 'failure',
    detail: { checked: result.checked, firstBroken: result.firstBroken?.seq ?? null },
  });
  return result;
};

export const auditHandlers = { 'audit.list': list, 'audit.verify': verify };
