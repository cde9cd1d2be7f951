import { DeviceError, type TransportErrorCode } from '../serial/device-error';

/** Every code a signature pad rejects with: the transport's, and the capture's own. */
export type SignaturePadErrorCode = TransportErrorCode | SignatureErrorCode;

export type SignatureErrorCode =
  | 'SIGNATURE_CANCELLED'
  | 'SIGNATURE_TIMEOUT'
  | 'SIGNATURE_EMPTY'
  | 'SIGNATURE_BUSY'
  | 'SIGNATURE_PROMPT_INVALID'
  | 'SIGPAD_REJECTED'
  | 'UNEXPECTED_RESPONSE';

const MESSAGES: Record<SignatureErrorCode, string> = {
  SIGNATURE_CANCELLED: '签名已取消。如需签名，请重新发起签名。',
  SIGNATURE_TIMEOUT: '签名超时：签字人未在规定时间内按“确认”。请重新发起签名，并提示签字人签完后按签名板上的“确认”。',
  SIGNATURE_EMPTY: '未采集到签名笔迹。请签字人在签名板上签名后再按“确认”。',
  SIGNATURE_BUSY: '签名板正在采集签名，请先完成或取消当前签名。',
  SIGNATURE_PROMPT_INVALID: '签名提示文字不符合要求（1–64个字符，不含控制字符），请修改后重试。',
  SIGPAD_REJECTED: '签名板拒绝执行该操作，请重试；如仍失败，请重新插拔签名板或联系信息技术人员。',
  UNEXPECTED_RESPONSE: '签名板返回的数据无法识别，请重试；如反复出现，请确认签名板型号与设备配置一致。',
};

const CANCELLED_BY: Record<'signer' | 'clerk', string> = {
  signer: '签字人在签名板上取消了签名。如需签名，请重新发起签名。',
  clerk: '签名已由窗口人员取消。如需签名，请重新发起签名。',
};

export function signatureError(
  code: SignatureErrorCode,
  details?: Record<string, unknown>,
): DeviceError<SignatureErrorCode> {
  return new DeviceError(code, MESSAGES[code], details);
}

export function cancelledError(by: 'signer' | 'clerk'): DeviceError<'SIGNATURE_CANCELLED'> {
  return new DeviceError('SIGNATURE_CANCELLED', CANCELLED_BY[by], { by });
}

const NAK_MESSAGES: Record<number, string> = {
  0x01: '签名板收到的数据校验错误，请重试；如反复出现，请检查或更换签名板连接线。',
  0x02: '签名板无法处理该指令的内容，请重试；如仍失败，请确认签名板型号与设备配置一致。',
  0x03: '签名板正忙，请稍候再试；如一直如此，请重新插拔签名板。',
};

/** The pad answered NAK: `code` is the pad's reason (PROTOCOL.md, NAK codes). */
export function rejectedError(command: string | null, code: number): DeviceError<'SIGPAD_REJECTED'> {
  return new DeviceError('SIGPAD_REJECTED', NAK_MESSAGES[code] ?? MESSAGES.SIGPAD_REJECTED, {
    command,
    nakCode: `0x${code.toString(16).toUpperCase().padStart(2, '0')}`,
  });
}
