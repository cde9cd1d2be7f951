import type { MethodInput, MethodOutput } from '../../../../electron/contract';

export type OutboxEntry = MethodOutput<'sync.queue'>['rows'][number];
export type OutboxState = NonNullable<MethodInput<'sync.queue'>['state']>;
export type Upload = MethodOutput<'sync.status'>['uploads'][number];

/** How often the open sync page asks again, besides the 'sync.changed' events. */
export const SYNC_POLL_MS = 3000;

/** What an outbox command asks of the platform. */
export const OUTBOX_KIND_LABELS: Record<OutboxEntry['kind'], string> = {
  'case.submit': '提交受理',
  'case.withdraw': '撤回申请',
  'review.decide': '审核决定',
  'case.supplement': '补正材料',
  'case.issue': '发证',
  'case.issueShipped': '证书寄出',
  'case.issueDelivered': '证书签收',
  'certificate.printed': '证书缮证',
  'ecertificate.upload': '电子证照',
};

/** The queue's tabs, in the order a supervisor looks at them. */
export const OUTBOX_TABS: ReadonlyArray<{ state: OutboxState; label: string; empty: string }> = [
  { state: 'pending', label: '待发送', empty: '没有待发送的业务：本机受理的业务都已上报省级平台。' },
  { state: 'dead', label: '发送失败', empty: '没有发送失败的业务。' },
  { state: 'done', label: '已发送', empty: '本机尚未向省级平台发送过业务。' },
  { state: 'cancelled', label: '已取消', empty: '没有被取消发送的业务。' },
];

export const UPLOAD_STATE: Record<Upload['state'], { label: string; status: 'normal' | 'active' | 'success' | 'exception' }> = {
  waiting: { label: '等待上传', status: 'normal' },
  uploading: { label: '上传中', status: 'active' },
  done: { label: '已完成', status: 'success' },
  failed: { label: '上传失败', status: 'exception' },
};

/** 1536 → "1.5 KB"; scans are a few MB, so one decimal is enough. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
