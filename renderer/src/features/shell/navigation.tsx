import { ApiOutlined, AuditOutlined, SafetyCertificateOutlined,
  ScanOutlined, CheckSquareOutlined, CloudSyncOutlined, FileSearchOutlined, FormOutlined, HomeOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Role } from '../../../../electron/contract';
import { WorkbenchPage } from '../workbench/WorkbenchPage';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Roles that see the entry; the back end checks the same roles on every call. */
  roles: readonly Role[] | 'any';
  page: ComponentType | LazyExoticComponent<ComponentType>;
  /** Also serves the routes below the path (`/cases/12`); the page reads the rest of the route. */
  prefix?: boolean;
}

// Screens other than the workbench load on first use, keeping the start-up bundle small.
const UsersPage = lazy(() => import('../users/UsersPage'));
const AuditPage = lazy(() => import('../audit/AuditPage'));
const SettingsPage = lazy(() => import('../settings/SettingsPage'));
const AccountPage = lazy(() => import('../settings/AccountPage'));
const DevicesPage = lazy(() => import('../devices/DevicesPage'));
const IntakePage = lazy(() => import('../intake/IntakePage'));
const CasesPage = lazy(() => import('../cases/CasesPage'));
const SyncPage = lazy(() => import('../sync/SyncPage'));
const ReviewPage = lazy(() => import('../review/ReviewPage'));
const IssuancePage = lazy(() => import('../issuance/IssuancePage'));
const VerifyPage = lazy(() => import('../verify/VerifyPage'));

/** 平台同步: the top bar's platform slot and a dead-letter case link here. */
export const SYNC_PATH = '/sync';

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, roles: 'any', page: WorkbenchPage },
  { path: '/intake', label: '受理', icon: <FormOutlined />, roles: ['clerk', 'supervisor', 'admin'], page: IntakePage, prefix: true },
  { path: '/review', label: '审核', icon: <CheckSquareOutlined />, roles: ['reviewer', 'registrar', 'supervisor'], page: ReviewPage, prefix: true },
  { path: '/issuance', label: '发证', icon: <SafetyCertificateOutlined />, roles: ['clerk', 'supervisor'], page: IssuancePage, prefix: true },
  { path: '/cases', label: '业务查询', icon: <FileSearchOutlined />, roles: ['clerk', 'reviewer', 'registrar', 'supervisor', 'admin'], page: CasesPage, prefix: true },
  { path: '/verify', label: '核验', icon: <ScanOutlined />, roles: ['clerk', 'reviewer', 'registrar', 'supervisor', 'admin'], page: VerifyPage },
  { path: SYNC_PATH, label: '平台同步', icon: <CloudSyncOutlined />, roles: ['clerk', 'reviewer', 'registrar', 'supervisor', 'admin'], page: SyncPage },
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, roles: ['admin'], page: UsersPage },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['admin'], page: AuditPage },
  { path: '/devices', label: '设备检测', icon: <ApiOutlined />, roles: 'any', page: DevicesPage },
  { path: '/settings', label: '系统设置', icon: <SettingOutlined />, roles: 'any', page: SettingsPage },
  { path: '/account', label: '我的账号', icon: <UserOutlined />, roles: 'any', page: AccountPage },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles === 'any' || item.roles.includes(role));
}

/** The entry serving a route: an exact path, or a prefix entry's detail route (`/cases/12`). */
export function matchNav(items: readonly NavItem[], route: string): NavItem | undefined {
  return items.find((i) => i.path === route) ?? items.find((i) => i.prefix && route.startsWith(`${i.path}/`));
}
