import { z } from 'zod';

/**
 * Stable error codes that cross the contract. Tests assert the code; the UI shows the message,
 * which is Chinese and says what to do next.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'NOT_AUTHENTICATED',
  'FORBIDDEN',
  'FORBIDDEN_SENDER',
  'SESSION_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'WEAK_PASSWORD',
  'PASSWORD_REUSED',
  'PASSWORD_RECENTLY_USED',
  'USERNAME_TAKEN',
  'USER_NOT_FOUND',
  'LAST_ADMIN',
  'ALREADY_INITIALIZED',
  'NOT_INITIALIZED',
  'INVALID_OFFICE_CODE',
  'CONFIG_INVALID',
  'RECOVERY_MODE',
  'NOT_IN_RECOVERY',
  'BACKUP_NOT_FOUND',
  'BACKUP_INVALID',
  'BACKUP_FAILED',
  'INTERNAL',
  // Devices (native drivers keep the same codes; the message comes from the driver).
  'DEVICE_NOT_CONFIGURED',
  'DEVICE_NOT_SIMULATED',
  'DEVICE_BUSY',
  'DEVICE_TIMEOUT',
  'DEVICE_DISCONNECTED',
  'DEVICE_NOT_CONNECTED',
  'DEVICE_CLOSED',
  'DEVICE_ERROR',
  'CHECKSUM_ERROR',
  'NO_CARD',
  'SELECT_FAILED',
  'READ_FAILED',
  'UNKNOWN_CARD_TYPE',
  'SAM_NOT_AUTHORISED',
  'SAM_SELF_TEST_FAILED',
  'CARD_DATA_INVALID',
  'SIGNATURE_CANCELLED',
  'SIGNATURE_TIMEOUT',
  'SIGNATURE_EMPTY',
  'PRINTER_NOT_FOUND',
  'PRINTER_STOPPED',
  'PRINTER_NOT_ACCEPTING',
  'CUPS_UNAVAILABLE',
  'PRINT_FAILED',
  'PRINT_TIMEOUT',
  'INVALID_PDF',
  'INVALID_PRINT_OPTIONS',
  'INVALID_CALIBRATION',
  // Cases
  'INVALID_ID_NUMBER',
  'INVALID_UNIT_CODE',
  'INVALID_CERTIFICATE_NUMBER',
  'INVALID_PHONE',
  'INVALID_CO_OWNERSHIP',
  'INVALID_CASE_NUMBER',
  'INVALID_FEE_OVERRIDE',
  'CASE_NOT_FOUND',
  'CASE_STATE_CONFLICT',
  'CASE_RULES_NOT_MET',
  'UNKNOWN_BUSINESS_TYPE',
  // Sync
  'OUTBOX_NOT_FOUND',
  'OUTBOX_STATE_CONFLICT',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const contractErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Machine-readable details, e.g. `{ until }` for ACCOUNT_LOCKED or `{ field }` for BAD_REQUEST. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  BAD_REQUEST: '请求内容不正确，请检查填写的内容。',
  UNKNOWN_METHOD: '不支持的操作。',
  NOT_AUTHENTICATED: '请先登录。',
  FORBIDDEN: '当前角色无权执行此操作，请联系管理员分配权限。',
  FORBIDDEN_SENDER: '请求来源不受信任，已拒绝。',
  SESSION_LOCKED: '屏幕已锁定，请输入密码解锁。',
  PASSWORD_CHANGE_REQUIRED: '请先修改密码后再继续操作。',
  INVALID_CREDENTIALS: '用户名或密码错误。',
  ACCOUNT_LOCKED: '账号已被锁定，请稍后再试或联系管理员。',
  ACCOUNT_DISABLED: '账号已停用，请联系管理员。',
  WEAK_PASSWORD: '密码不符合要求：至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类。',
  PASSWORD_REUSED: '新密码不能与当前密码相同。',
  PASSWORD_RECENTLY_USED: '新密码不能与最近 5 次使用过的密码相同，请换一个新密码。',
  USERNAME_TAKEN: '用户名已存在，请换一个。',
  USER_NOT_FOUND: '用户不存在。',
  LAST_ADMIN: '不能停用或降级最后一个可用的系统管理员。',
  ALREADY_INITIALIZED: '系统已完成初始化。',
  NOT_INITIALIZED: '系统尚未初始化，请先设置办理机构和管理员密码。',
  INVALID_OFFICE_CODE: '机构代码应为 6 位县级行政区划代码（GB/T 2260），例如 430102。',
  CONFIG_INVALID: '配置不正确。',
  RECOVERY_MODE: '本地数据库已损坏，系统处于恢复模式，请联系信息技术人员。',
  NOT_IN_RECOVERY: '系统不在恢复模式。',
  BACKUP_NOT_FOUND: '找不到指定的备份文件。',
  BACKUP_INVALID: '备份文件已损坏、不完整或被修改，无法恢复；请选择其他备份。',
  BACKUP_FAILED: '备份失败，请检查磁盘空间后重试；如仍失败，请联系信息技术人员。',
  INTERNAL: '系统内部错误，请重试；如仍失败，请联系信息技术人员。',
  DEVICE_NOT_CONFIGURED: '该设备未配置，请在配置文件的 devices 部分设置端口，或使用模拟设备。',
  DEVICE_NOT_SIMULATED: '该设备不是模拟设备：模拟操作只在培训模式的模拟设备上可用。',
  DEVICE_BUSY: '设备正在执行其他操作，请稍后再试。',
  DEVICE_TIMEOUT: '设备无响应，请检查连接线后重试。',
  DEVICE_DISCONNECTED: '设备已断开，请检查连接线；插回后会自动重新连接。',
  DEVICE_NOT_CONNECTED: '设备未连接，请检查连接线和设备电源。',
  DEVICE_CLOSED: '设备已关闭。',
  DEVICE_ERROR: '设备发生错误，请重试；如仍失败，请重新插拔设备。',
  CHECKSUM_ERROR: '设备数据校验错误，请重试。',
  NO_CARD: '未检测到身份证，请将身份证平放在阅读器感应区。',
  SELECT_FAILED: '选取身份证失败，请将身份证平放在感应区并保持不动，然后重试。',
  READ_FAILED: '读取身份证失败，请将身份证平放在感应区并保持不动，然后重试。',
  UNKNOWN_CARD_TYPE: '无法识别该卡片，请放置第二代居民身份证。',
  SAM_NOT_AUTHORISED: '阅读器安全模块未经授权，无法读取身份证，请联系设备供应商。',
  SAM_SELF_TEST_FAILED: '阅读器安全模块自检失败，请重新插拔阅读器。',
  CARD_DATA_INVALID: '证件数据无法识别，请人工核验证件。',
  SIGNATURE_CANCELLED: '申请人取消了签名。',
  SIGNATURE_TIMEOUT: '等待签名超时，请重新发起签名。',
  SIGNATURE_EMPTY: '没有采集到签名笔迹，请重新签名。',
  PRINTER_NOT_FOUND: '找不到打印机，请在设备检测页确认打印机名称。',
  PRINTER_STOPPED: '打印机已暂停，请检查打印机后在系统打印队列中恢复。',
  PRINTER_NOT_ACCEPTING: '打印机当前不接受打印任务，请检查打印队列。',
  CUPS_UNAVAILABLE: '系统打印服务未运行，请联系信息技术人员。',
  PRINT_FAILED: '打印失败，请检查打印机后重试。',
  PRINT_TIMEOUT: '打印超时，请检查打印机状态。',
  INVALID_PDF: '打印文件格式不正确。',
  INVALID_PRINT_OPTIONS: '打印参数不正确。',
  INVALID_CALIBRATION: '校准偏移应在 −20 至 20 毫米之间。',
  INVALID_ID_NUMBER: '身份证号码不正确，请核对后重新输入。',
  INVALID_UNIT_CODE: '不动产单元代码不正确，请核对后重新输入。',
  INVALID_CERTIFICATE_NUMBER: '不动产权证书号不正确，请核对后重新输入。',
  INVALID_PHONE: '联系电话不正确，请核对后重新输入。',
  INVALID_CO_OWNERSHIP: '共有方式或共有份额不正确。',
  INVALID_CASE_NUMBER: '业务编号不正确。',
  INVALID_FEE_OVERRIDE: '调整收费须填写原因。',
  CASE_NOT_FOUND: '找不到该业务。',
  CASE_STATE_CONFLICT: '该业务当前状态不允许此操作，请刷新后再试。',
  CASE_RULES_NOT_MET: '受理条件未满足，请按提示补齐后再受理。',
  UNKNOWN_BUSINESS_TYPE: '不认识的业务类型。',
  OUTBOX_NOT_FOUND: '找不到该同步指令，请刷新后再试。',
  OUTBOX_STATE_CONFLICT: '只有发送失败（死信）的指令可以重新发送或放弃，请刷新后再试。',
};

/** An error thrown inside core that the dispatcher turns into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toContractError(): ContractError {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}
