import type { PortSelector } from '../serial/port-selector';
import { CliFailure, EXIT } from './output';

/**
 * `--port` takes a path (/dev/ttyUSB0, COM3) or a USB identity `usb:VID:PID[:SERIAL]` (hex ids as
 * `list` prints them), which finds the device whichever socket it is plugged into.
 */
export function parsePortArgument(value: string | undefined): PortSelector {
  if (!value) throw new CliFailure('USAGE', '请用 --port 指定串口，例如 --port /dev/ttyUSB0 或 --port usb:0400:c35a', EXIT.usage);
  const usb = /^usb:([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4})(?::(.+))?$/.exec(value);
  if (usb) return { usb: { vendorId: usb[1], productId: usb[2], ...(usb[3] ? { serialNumber: usb[3] } : {}) } };
  if (value.startsWith('usb:')) throw new CliFailure('USAGE', 'USB 设备应写作 usb:厂商编号:产品编号[:序列号]，例如 usb:0400:c35a', EXIT.usage);
  return { path: value };
}
