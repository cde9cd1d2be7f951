/** Chinese names of audit actions, for the audit screen and the workbench. */
export const ACTION_LABELS: Record<string, string> = {
  'setup.initialize': '首次启动设置',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lockout': '账号锁定',
  'auth.lock': '锁屏',
  'auth.unlock': '解锁屏幕',
  'auth.changePassword': '修改密码',
  'users.create': '新建用户',
  'users.update': '修改用户',
  'users.disable': '停用用户',
  'users.enable': '启用用户',
  'users.resetPassword': '重置密码',
  'users.unlock': '解除账号锁定',
  'config.update': '修改配置',
  'config.file_changed': '配置文件被修改',
  'audit.verify': '审计日志校验',
  'access.denied': '越权访问被拒绝',
  'recovery.restoreBackup': '从备份恢复数据库',
  'recovery.startEmpty': '以空数据库重新开始',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { hour12: false });
}
