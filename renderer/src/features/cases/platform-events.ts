import type { CaseView } from '../../../../electron/contract';
import { trackStatus, TRACK_LABELS } from './case-labels';
import { formatTime } from '../../app/shanghai-time';
import { splitPayment } from './payment-split';

/** The actor of timeline entries that came from the provincial platform's change feed. */
export const PLATFORM_ACTOR = '省级平台';

export interface PlatformEventText {
  /** One line: what happened, with the fact that matters (统一受理编号, amount, decision). */
  title: string;
  /** Further facts, one per line (tax items, reasons, payment time). */
  lines: string[];
  tone: 'info' | 'success' | 'warning' | 'danger';
}

/**
 * A platform change (timeline action `platform.<kind>`, data as in test/platform/API.md "Change
 * feed") in the words of the counter. Data is read defensively: whatever the platform left out is
 * left out of the sentence, never shown as “undefined”. Not a platform action → null.
 */
export function platformEventText(action: string, data: Record<string, unknown>, context: { taxAssessedFen: number | null } = { taxAssessedFen: null }): PlatformEventText | null {
  if (!action.startsWith('platform.')) return null;
  const kind = action.slice('platform.'.length);
  switch (kind) {
    case 'case.received': {
      const number = str(data.officialNumber);
      return { title: number ? `平台已接收（统一受理编号 ${number}）` : '平台已接收', lines: [], tone: 'info' };
    }
    case 'track.changed': {
      const track = str(data.track);
      const name = track && track in TRACK_LABELS ? TRACK_LABELS[track as keyof CaseView['tracks']] : '办理';
      const label = str(data.label) ?? (str(data.status) ? trackStatus(str(data.status) as string).label : '状态变更');
      const status = str(data.status);
      return { title: `${name}：${label}`, lines: [], tone: status === 'unpaid' || status === 'failed' ? 'warning' : 'info' };
    }
    case 'tax.notice': {
      const items = Array.isArray(data.items) ? data.items.map(taxItem).filter((t): t is string => t !== null) : [];
      const total = num(data.totalFen);
      return { title: `税务核税通知${total !== null ? `（合计 ${formatRmb(total)}）` : ''}`, lines: items, tone: 'warning' };
    }
    case 'payment.result': {
      // One payment may hold the office's fees and 税务's taxes: named apart, never one as the other.
      const amount = num(data.amountFen);
      const split = amount === null ? null : splitPayment(amount, context.taxAssessedFen);
      const what = !split ? '缴费结果' : split.taxFen > 0 && split.feesFen === 0 ? '缴税结果' : '缴费结果';
      const parts =
        split && split.taxFen > 0 && split.feesFen > 0
          ? [`其中登记费 ${formatRmb(split.feesFen)}（登记机构收取），税款 ${formatRmb(split.taxFen)}（税务部门征收）`]
          : split && split.taxFen === 0
            ? ['登记费（登记机构收取），不含税款']
            : [];
      if (data.paid === true) {
        const how = [str(data.paidAt) ? `缴款时间 ${formatTime(str(data.paidAt) as string)}` : null, str(data.channel) ? `渠道 ${str(data.channel)}` : null].filter(
          (l): l is string => l !== null,
        );
        return { title: `${what}：已缴${amount !== null ? ` ${formatRmb(amount)}` : ''}`, lines: [...parts, ...(how.length ? [how.join('，')] : [])], tone: 'success' };
      }
      return { title: `${what}：未缴`, lines: amount !== null ? [`应缴 ${formatRmb(amount)}`, ...parts] : [], tone: 'danger' };
    }
    case 'review.decision': {
      const reasons = Array.isArray(data.reasons) ? data.reasons.map(String).filter(Boolean) : [];
      const because = reasons.length ? [`理由：${reasons.join('；')}`] : [];
      if (data.decision === 'approve') return { title: '审核决定：准予登记', lines: because, tone: 'success' };
      if (data.decision === 'requisition') return { title: '审核决定：要求补正', lines: because, tone: 'warning' };
      if (data.decision === 'reject') return { title: '审核决定：不予登记', lines: because, tone: 'danger' };
      return { title: '审核决定', lines: because, tone: 'info' };
    }
    case 'registered': {
      const numbers = Array.isArray(data.certificateNumbers) ? data.certificateNumbers.map(String).filter(Boolean) : [];
      return { title: numbers.length ? `已登簿（证书号 ${numbers.join('、')}）` : '已登簿', lines: [], tone: 'success' };
    }
    case 'case.withdrawn': {
      const reason = str(data.reason);
      return { title: '撤回生效', lines: reason ? [`原因：${reason}`] : [], tone: 'info' };
    }
    default:
      return { title: `平台通知（${kind}）`, lines: [], tone: 'info' };
  }
}

/** 123456 fen → "¥1,234.56". */
export function formatRmb(fen: number): string {
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function taxItem(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const { name, amountFen } = item as { name?: unknown; amountFen?: unknown };
  const amount = num(amountFen);
  return `${str(name) ?? '税费'} ${amount !== null ? formatRmb(amount) : ''}`.trim();
}


function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
