import { Layout, Menu, Result, Spin } from 'antd';
import { Suspense, useEffect } from 'react';
import type { AppInfo, SessionView } from '../../../../electron/contract';
import { useLockMutation } from '../../api/api-slice';
import { navigate, useRoute } from '../../app/hash-route';
import { SimulationPanel } from '../devices/SimulationPanel';
import { LockOverlay } from './LockOverlay';
import { matchNav, navFor } from './navigation';
import { TopBar } from './TopBar';
import { useIdleLock } from './use-idle-lock';

/** The logged-in frame: top bar, navigation by role, the current page, and the lock screen. */
export default function Shell({ info, session }: { info: AppInfo; session: NonNullable<SessionView> }) {
  const route = useRoute();
  const [lock] = useLockMutation();
  // A new login starts at the workbench, not on whatever page the previous user left open; the
  // same user reloading this window (or after a crash of it) stays where they were, e.g. in a draft.
  useEffect(() => {
    if (!sameUserAsBefore(session.user.id)) navigate('/');
  }, [session.user.id]);
  useIdleLock(session.idleLockSeconds, !session.locked, () => void lock());
  const items = navFor(session.user.role);
  const current = matchNav(items, route);
  const Page = current?.page;

  return (
    <>
      <Layout style={{ minHeight: '100vh' }} inert={session.locked}>
        <TopBar info={info} session={session} />
        <Layout>
          <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #e5e9f0' }}>
            <Menu
              mode="inline"
              selectedKeys={[current?.path ?? '']}
              items={items.map((i) => ({ key: i.path, icon: i.icon, label: i.label }))}
              onClick={(e) => navigate(e.key)}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
              aria-label="主导航"
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: '24px 24px 96px', background: '#f3f5f9', overflow: 'auto' }}>
            <Suspense fallback={<Spin />}>
              {Page ? <Page /> : <Result status="403" title="无权访问" subTitle="当前角色不能使用此功能。" extra={<a href="#/">返回工作台</a>} />}
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
      {info.training && !session.locked && <SimulationPanel />}
      {session.locked && <LockOverlay session={session} />}
    </>
  );
}

/** Whether this window last showed this user (sessionStorage survives a reload, not a new window). */
function sameUserAsBefore(userId: number): boolean {
  try {
    const before = window.sessionStorage.getItem('bdc.shell.user');
    window.sessionStorage.setItem('bdc.shell.user', String(userId));
    return before === String(userId);
  } catch {
    return false;
  }
}
