import { AppError, ERROR_CODES, type ErrorCode } from '../../contract';
import { isDeviceError } from '../../../native/serial/device-error';

const KNOWN = new Set<string>(ERROR_CODES);

/**
 * Driver errors keep their code and the driver's Chinese message across the contract; a code the
 * contract does not list becomes DEVICE_ERROR with the driver's code in the details.
 */
export function deviceErrorToAppError(err: unknown): unknown {
  if (!isDeviceError(err)) return err;
  const code = KNOWN.has(err.code) ? (err.code as ErrorCode) : 'DEVICE_ERROR';
  return new AppError(code, err.message, { ...(err.details ?? {}), ...(code === 'DEVICE_ERROR' ? { deviceCode: err.code } : {}) });
}
