/**
 * Errors a device driver hands to the UI: a stable code the tests assert and a Chinese message that
 * tells the clerk what to do next. Drivers throw these; the device manager turns them into
 * `{ code, message }` at the contract boundary.
 */
export class DeviceError<C extends string = string> extends Error {
  readonly code: C;
  readonly details?: Record<string, unknown>;

  constructor(code: C, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DeviceError';
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: C; message: string; details?: Record<string, unknown> } {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

/** Errors raised by the serial transport itself, whatever protocol runs over it. */
export type TransportErrorCode =
  | 'DEVICE_TIMEOUT'
  | 'DEVICE_DISCONNECTED'
  | 'DEVICE_NOT_CONNECTED'
  | 'DEVICE_CLOSED'
  | 'CHECKSUM_ERROR';

/** `deviceName` is the word the clerk knows the device by, e.g. 身份证阅读器 or 签名板. */
export function transportError(
  code: TransportErrorCode,
  deviceName: string,
  details?: Record<string, unknown>,
): DeviceError<TransportErrorCode> {
  return new DeviceError(code, transportMessage(code, deviceName), details);
}

function transportMessage(code: TransportErrorCode, deviceName: string): string {
  switch (code) {
    case 'DEVICE_TIMEOUT':
      return `${deviceName}无响应，请检查${deviceName}的电源和连接线，然后重试。`;
    case 'DEVICE_DISCONNECTED':
      return `${deviceName}连接已断开，请检查USB连接线；重新插好后系统会自动重新连接。`;
    case 'DEVICE_NOT_CONNECTED':
      return `${deviceName}未连接，请插好${deviceName}的USB连接线；插好后系统会自动连接。`;
    case 'DEVICE_CLOSED':
      return `${deviceName}已停止使用，请重新打开后再试。`;
    case 'CHECKSUM_ERROR':
      return `${deviceName}数据校验失败，请重试；如反复出现，请检查或更换连接线。`;
  }
}

export function isDeviceError(value: unknown): value is DeviceError {
  return value instanceof DeviceError;
}
