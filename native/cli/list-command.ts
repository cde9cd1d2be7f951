import { SerialPort } from 'serialport';
import { EXIT, type Output } from './output';

/** Serial ports with the USB identity the OS reports, for writing the device section of config.json. */
export async function listPorts(out: Output): Promise<number> {
  const ports = (await SerialPort.list()).map((p) => ({
    path: p.path,
    vendorId: p.vendorId ?? null,
    productId: p.productId ?? null,
    serialNumber: p.serialNumber ?? null,
    manufacturer: p.manufacturer ?? null,
  }));
  out.result(ports, () =>
    ports.length === 0
      ? '未发现串口设备。'
      : ports
          .map((p) => `${p.path}\t${p.vendorId && p.productId ? `usb:${p.vendorId}:${p.productId}${p.serialNumber ? `:${p.serialNumber}` : ''}` : '（非 USB）'}\t${p.manufacturer ?? ''}`)
          .join('\n'),
  );
  return EXIT.ok;
}
