import { App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useDispatch } from 'react-redux';
import { contract, type Role } from '../../../../electron/contract';
import { api } from '../../api/api-slice';
import { call } from '../../api/client';

/** How long a shown value stays on screen before it is masked again. */
export const REVEAL_SECONDS = 30;

/** The roles the contract lets see a full value (cases.revealParty). */
export function canReveal(role: Role): boolean {
  const access = contract['cases.revealParty'].access;
  return access !== 'public' && access !== 'any' && access.includes(role);
}

/**
 * A masked ID number or phone with a “显示” button: the full value comes from core (audited there),
 * stays in this component only — never in the store — and is masked again after 30 seconds.
 */
export function RevealableValue(props: { caseId: number; ordinal: number; field: 'idNumber' | 'phone'; masked: string | null; role: Role; code?: boolean }) {
  const { caseId, ordinal, field, masked, role } = props;
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const dispatch = useDispatch();

  useEffect(() => {
    if (shown === null) return;
    const timer = setTimeout(() => setShown(null), REVEAL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [shown]);

  if (masked === null) return <>—</>;
  const text = shown ?? masked;
  const value = props.code ? <code>{text}</code> : <span>{text}</span>;
  if (!masked.includes('*') || !canReveal(role)) return value;
  const label = field === 'idNumber' ? '证件号码' : '联系电话';

  async function reveal() {
    setBusy(true);
    try {
      const r = await call('cases.revealParty', { id: caseId, ordinal, field });
      setShown(r.value ?? masked);
      // The show is in the case's history now.
      dispatch(api.util.invalidateTags([{ type: 'CaseTimeline', id: caseId }]));
    } catch (err) {
      void message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {value}{' '}
      {shown === null ? (
        <Button type="link" size="small" loading={busy} onClick={() => void reveal()} aria-label={`显示完整${label}`} title={`显示完整${label}（记入审计日志，${REVEAL_SECONDS} 秒后自动隐藏）`}>
          显示
        </Button>
      ) : (
        <Button type="link" size="small" onClick={() => setShown(null)} aria-label={`隐藏${label}`} title={`${REVEAL_SECONDS} 秒后自动隐藏`}>
          隐藏
        </Button>
      )}
    </span>
  );
}
