import type { Handler } from '../handler';
import { audit } from '../services';
import { compareWithReceipt } from './audit-anchor';
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

const verify: Handler<'audit.verify'> = async (ctx) => {
  const receipt = ctx.services.sync ? await ctx.services.sync.auditReceipt() : 'unreachable';
  const db = ctx.services.db();
  const local = verifyAuditChain(db, auditKeyOf(db));
  const anchor = compareWithReceipt(db, receipt);
  const result =
    local.ok && anchor.state === 'mismatch'
      ? { ...local, ok: false, firstBroken: { seq: anchor.platformSeq ?? local.checked, reason: anchor.reason ?? '与平台回执不符' }, anchor }
      : { ...local, anchor };
  // The check itself is recorded after it ran, so it never reports on its own record.
  audit(ctx, {
    action: 'audit.verify',
    object: 'audit_log',
    result: result.ok ? 'success' : 'failure',
    detail: { checked: result.checked, firstBroken: result.firstBroken?.seq ?? null, anchor: anchor.state },
  });
  return result;
};

export const auditHandlers = { 'audit.list': list, 'audit.verify': verify };
