import { Space } from 'antd';
import { useEffect, useState } from 'react';
import type { SessionView } from '../../../../electron/contract';
import { useSessionQuery, useSyncStatusQuery } from '../../api/api-slice';
import { OutboxTabs } from './OutboxTabs';
import { SyncSummary } from './SyncSummary';
import { UploadsCard } from './UploadsCard';
import { SYNC_POLL_MS, type OutboxState } from './sync-labels';

/**
 * 平台同步: the link to the provincial platform, files uploading, and the outbox by state. Dead
 * letters are a supervisor's decision (resend or cancel with a reason); everyone else sees them.
 */
export default function SyncPage() {
  const session = useSessionQuery().data as NonNullable<SessionView>;
  const status = useSyncStatusQuery(undefined, { pollingInterval: SYNC_POLL_MS });
  const [tab, setTab] = useState<OutboxState | null>(null);
  const platform = status.data?.platform;
  // Opened with dead letters waiting (from the red 失败 tag), the page starts on them; after that
  // the tab stays where it is, even when the last dead letter is resent.
  const initial: OutboxState | null = platform ? (platform.deadLetters > 0 ? 'dead' : 'pending') : null;
  useEffect(() => {
    if (tab === null && initial) setTab(initial);
  }, [tab, initial]);
  const shown: OutboxState = tab ?? initial ?? 'pending';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <SyncSummary status={status.data} error={status.error} loading={status.isLoading} />
      {status.data && status.data.uploads.length > 0 && <UploadsCard uploads={status.data.uploads} />}
      <OutboxTabs
        tab={shown}
        onTab={setTab}
        counts={platform ? { pending: platform.queued, dead: platform.deadLetters } : {}}
        canDecide={session.user.role === 'supervisor' || session.user.role === 'admin'}
      />
    </Space>
  );
}
