import type { ReactNode } from 'react';

/** The reasons a field is wrong, under the field: small, red, one per line. */
export function FieldReasons({ reasons, plain }: { reasons: readonly string[]; plain?: boolean }) {
  return (
    <div aria-live={plain ? undefined : 'polite'} style={{ fontSize: plain ? 14 : 12, lineHeight: 1.5, color: plain ? undefined : '#cf1322', marginTop: plain ? 0 : 2 }}>
      {reasons.map((r) => (
        <div key={r}>{r}</div>
      ))}
    </div>
  );
}

/**
 * The line under a field in a table row, always there: a reason appearing on blur fills reserved
 * space instead of growing the row, so nothing moves under the clerk's pointer between mouse-down
 * and mouse-up (the first click on 读取身份证 used to miss). One line; the whole text is in the
 * tooltip and for screen readers.
 */
export function ReasonLine({ reasons, tone = 'error', children }: { reasons?: readonly string[]; tone?: 'error' | 'success' | 'secondary'; children?: ReactNode }) {
  const text = reasons && reasons.length > 0 ? reasons.join('；') : null;
  const color = text ? '#cf1322' : tone === 'success' ? '#389e0d' : 'rgba(0,0,0,0.45)';
  return (
    <div
      aria-live="polite"
      title={text ?? undefined}
      data-testid="reason-line"
      style={{ height: 18, fontSize: 12, lineHeight: '18px', marginTop: 2, color, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
    >
      {text ?? children}
    </div>
  );
}
