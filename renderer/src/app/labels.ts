/** Chinese names of audit actions, for the audit screen and the workbench. */
export const ACTION_LABELS: Record<string, string> = {
  'setup.initialize': '首次启动设置',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lockout': '账号锁定',
  'auth.lock': '锁屏',
  'auth.unlock': '解锁屏幕',
  'auth.changePassword': '修改密码',
  'cases.view': '查看业务（含申请人信息）',
  'cases.search': '查询业务',
  'cases.revealParty': '显示完整证件号码或电话',
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
  'backups.create': '生成备份',
  'backups.restore': '从备份恢复数据库',
  'devices.readIdCard': '读取身份证',
  'devices.captureSignature': '采集签名',
  'devices.printTestPage': '打印测试页',
  'devices.setCalibration': '打印校准',
  'cases.createDraft': '开始受理',
  'cases.saveDraft': '保存申请信息',
  'cases.signParty': '申请人签名',
  'cases.attachFile': '添加材料扫描件',
  'cases.purge': '清理本机已办结业务',
  'cases.overrideFees': '调整收费',
  'cases.accept': '受理',
  'cases.requisition': '补正',
  'cases.reject': '不予受理',
  'cases.withdraw': '撤回',
  'cases.document': '生成文书',
  'cases.print': '打印文书',
  'sync.deadLetter': '上报省级平台失败（死信）',
  'sync.resend': '重新发送至省级平台',
  'sync.cancel': '取消发送至省级平台',
  'sync.platformUnit': '查询登记簿',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** Times on screens are Asia/Shanghai, whatever the machine's zone: see shanghai-time.ts. */
export { formatTime } from './shanghai-time';
