import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useAppInfoQuery, useSessionQuery } from '../api/api-slice';
import { LoginPage } from '../features/auth/LoginPage';

// The login page is what a counter shows every morning: it loads first, the rest on demand.
// Every other screen is a lazy import here (or in the Shell's routes): see README, "Adding a screen".
const Shell = lazy(() => import('../features/shell/Shell'));
const SetupPage = lazy(() => import('../features/setup/SetupPage'));
const RecoveryPage = lazy(() => import('../features/recovery/RecoveryPage'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));
const ConnectionErrorPage = lazy(() => import('./ConnectionErrorPage'));

/**
 * What the window shows follows from two facts: the app's state (damaged database, not yet set
 * up, ready) and the session (none, must change password, locked, active).
 */
export function App() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Screen />
    </Suspense>
  );
}

function Screen() {
  const info = useAppInfoQuery();
  const session = useSessionQuery(undefined, { skip: !info.data?.initialized });

  if (info.isLoading) return <FullPageSpin />;
  if (info.error || !info.data) {
    return <ConnectionErrorPage />;
  }
  if (info.data.recovery) return <RecoveryPage info={info.data} />;
  if (!info.data.initialized) return <SetupPage />;
  if (session.isLoading) return <FullPageSpin />;
  if (!session.data) return <LoginPage info={info.data} />;
  if (session.data.mustChangePassword) return <ChangePasswordPage forced info={info.data} expired={session.data.passwordExpired} />;
  return <Shell info={info.data} session={session.data} />;
}

function FullPageSpin() {
  return (
    <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}
