import { describe, expect, it } from 'vitest';
import { portSelectorSchema, resolvePortPath } from '../../../native/serial/port-selector';

const ports = [
  { path: '/dev/ttyS0' },
  { path: '/dev/ttyUSB0', vendorId: '1A86', productId: '7523', serialNumber: 'A' },
  { path: '/dev/ttyUSB1', vendorId: '0400', productId: 'c35a', serialNumber: 'B' },
  { path: '/dev/ttyUSB2', vendorId: '400', productId: 'C35A', serialNumber: 'C' },
];
const list = async () => ports;

describe('port selector', () => {
  it('uses a configured path as is', async () => {
    expect(await resolvePortPath({ path: 'COM3' }, list)).toBe('COM3');
  });

  it('finds a device by USB vendor and product id, whatever their case or 0x prefix', async () => {
    expect(await resolvePortPath({ usb: { vendorId: '0x1a86', productId: '7523' } }, list)).toBe('/dev/ttyUSB0');
  });

  it('tells two identical readers apart by serial number', async () => {
    expect(await resolvePortPath({ usb: { vendorId: '0400', productId: 'C35A', serialNumber: 'C' } }, list)).toBe('/dev/ttyUSB2');
  });

  it('returns null when the device is not plugged in', async () => {
    expect(await resolvePortPath({ usb: { vendorId: '056a', productId: '00a8' } }, list)).toBeNull();
  });

  it('rejects a malformed selector with a message naming the problem', () => {
    const result = portSelectorSchema.safeParse({ usb: { vendorId: 'xyz', productId: '1' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('十六进制');
  });
});
