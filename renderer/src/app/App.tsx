import { Result, Spin } from 'antd';
import { useAppInfoQuery, useSessionQuery } from '../api/api-slice';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RecoveryPage } from '../features/recovery/RecoveryPage';
import { SetupPage } from '../features/setup/SetupPage';
import { Shell } from '../features/shell/Shell';

/**
 * What the window shows follows from two facts: the app's state (damaged database, not yet set
 * up, ready) and the session (none, must change password, locked, active).
 */
export function App() {
  const info = useAppInfoQuery();
  const session = useSessionQuery(undefined, { skip: !info.data?.initialized });

  if (info.isLoading) return <FullPageSpin />;
  if (info.error || !info.data) {
    return <Result status="error" title="无法连接工作站后台服务" subTitle="请确认程序仍在运行，然后刷新页面。" />;
  }
  if (info.data.recovery) return <RecoveryPage info={info.data} />;
  if (!info.data.initialized) return <SetupPage />;
  if (session.isLoading) return <FullPageSpin />;
  if (!session.data) return <LoginPage info={info.data} />;
  if (session.data.mustChangePassword) return <ChangePasswordPage forced info={info.data} />;
  return <Shell info={info.data} session={session.data} />;
}

function FullPageSpin() {
  return (
    <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}
