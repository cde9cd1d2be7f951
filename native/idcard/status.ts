import { DeviceError } from '../serial/device-error';

/**
 * Every SW3 status byte of the GA 450 SAM protocol (DOMAIN.md §4) as a stable code and a Chinese
 * message that tells the clerk what to do. 90 and 9F are successes; everything else is an error.
 */
export type SamStatusCode =
  | 'OK'
  | 'CARD_FOUND'
  | 'NO_CONTENT'
  | 'CHECKSUM_ERROR'
  | 'LENGTH_ERROR'
  | 'COMMAND_ERROR'
  | 'NOT_AUTHORISED'
  | 'UNKNOWN_ERROR'
  | 'AUTHENTICATION_FAILED'
  | 'FINGERPRINT_ERROR'
  | 'UNKNOWN_CARD_TYPE'
  | 'READ_FAILED'
  | 'RANDOM_NUMBER_FAILED'
  | 'SAM_SELF_TEST_FAILED'
  | 'SAM_NOT_AUTHORISED'
  | 'NO_CARD'
  | 'SELECT_FAILED';

export interface SamStatus {
  sw3: number;
  code: SamStatusCode;
  success: boolean;
  message: string;
}

const RETRY_WIRE = '请重试；如反复出现，请检查或更换阅读器连接线。';
const AUTHENTICATION = '身份证与阅读器安全模块认证失败，请重新放置身份证；如仍失败，该证件芯片可能损坏，请人工核验证件。';

const TABLE: Record<number, { code: SamStatusCode; success: boolean; message: string }> = {
  0x90: { code: 'OK', success: true, message: '操作成功。' },
  0x9f: { code: 'CARD_FOUND', success: true, message: '已找到身份证。' },
  0x91: { code: 'NO_CONTENT', success: false, message: '证件中没有可读取的该项内容（例如没有指纹信息），请改用不含该项的读卡方式。' },
  0x10: { code: 'CHECKSUM_ERROR', success: false, message: `阅读器收到的数据校验错误，${RETRY_WIRE}` },
  0x11: { code: 'LENGTH_ERROR', success: false, message: `阅读器收到的数据长度错误，${RETRY_WIRE}` },
  0x21: { code: 'COMMAND_ERROR', success: false, message: '阅读器不支持该命令，请确认阅读器型号与设备配置一致，或联系信息技术人员。' },
  0x23: { code: 'NOT_AUTHORISED', success: false, message: '阅读器拒绝执行该操作（越权），请联系信息技术人员检查阅读器。' },
  0x24: { code: 'UNKNOWN_ERROR', success: false, message: '阅读器发生未知错误，请重新放置身份证后重试；如仍失败，请重新插拔阅读器。' },
  0x31: { code: 'AUTHENTICATION_FAILED', success: false, message: AUTHENTICATION },
  0x32: { code: 'AUTHENTICATION_FAILED', success: false, message: AUTHENTICATION },
  0x33: { code: 'AUTHENTICATION_FAILED', success: false, message: AUTHENTICATION },
  0x37: { code: 'FINGERPRINT_ERROR', success: false, message: '指纹信息校验错误，请重新放置身份证后重试。' },
  0x40: { code: 'UNKNOWN_CARD_TYPE', success: false, message: '无法识别该卡片，请放置第二代居民身份证。' },
  0x41: { code: 'READ_FAILED', success: false, message: '读取身份证失败，请将身份证平放在感应区并保持不动，然后重试。' },
  0x47: { code: 'RANDOM_NUMBER_FAILED', success: false, message: '阅读器取随机数失败，请重新放置身份证后重试。' },
  0x60: { code: 'SAM_SELF_TEST_FAILED', success: false, message: '阅读器安全模块自检失败，请重新插拔阅读器；如仍失败，请联系设备维护人员。' },
  0x66: { code: 'SAM_NOT_AUTHORISED', success: false, message: '阅读器安全模块未经授权，无法读取身份证，请联系设备供应商。' },
  0x80: { code: 'NO_CARD', success: false, message: '未检测到身份证，请将身份证平放在阅读器感应区。' },
  0x81: { code: 'SELECT_FAILED', success: false, message: '选取身份证失败，请将身份证平放在感应区并保持不动，然后重试。' },
};

export function describeSamStatus(sw3: number): SamStatus {
  const known = TABLE[sw3];
  if (known) return { sw3, ...known };
  return {
    sw3,
    code: 'UNKNOWN_ERROR',
    success: false,
    message: `阅读器返回未知状态（0x${hex(sw3)}），请重试；如仍失败，请重新插拔阅读器。`,
  };
}

/** A failed status as a throwable coded error. */
export function samStatusError(sw3: number): DeviceError<SamStatusCode> {
  const status = describeSamStatus(sw3);
  return new DeviceError(status.code, status.message, { sw3: `0x${hex(sw3)}` });
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
