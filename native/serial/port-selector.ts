import { z } from 'zod';

/**
 * How the workstation config names a device: a fixed path (/dev/ttyUSB0, COM3), or a USB identity,
 * which survives the device being plugged into another socket and getting another path.
 */
const hexId = z
  .string()
  .regex(/^(0x)?[0-9a-fA-F]{1,4}$/, 'USB 厂商/产品编号应为 1–4 位十六进制数，例如 0400')
  .transform(normaliseUsbId);

export const portSelectorSchema = z.union([
  z.object({ path: z.string().min(1, '串口路径不能为空') }).strict(),
  z
    .object({
      usb: z
        .object({ vendorId: hexId, productId: hexId, serialNumber: z.string().min(1).optional() })
        .strict(),
    })
    .strict(),
]);

export type PortSelector = z.input<typeof portSelectorSchema>;
type ParsedSelector = z.output<typeof portSelectorSchema>;

/** The fields of serialport's PortInfo this module reads. */
export interface ListedPort {
  path: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
}

/**
 * The path to open now, or null when no listed port matches (the device is unplugged).
 * `list` is SerialPort.list in production; tests inject a fixed list.
 */
export async function resolvePortPath(
  selector: PortSelector,
  list: () => Promise<ListedPort[]>,
): Promise<string | null> {
  const parsed: ParsedSelector = portSelectorSchema.parse(selector);
  if ('path' in parsed) return parsed.path;
  const { vendorId, productId, serialNumber } = parsed.usb;
  const match = (await list()).find(
    (port) =>
      port.vendorId !== undefined &&
      port.productId !== undefined &&
      normaliseUsbId(port.vendorId) === vendorId &&
      normaliseUsbId(port.productId) === productId &&
      (serialNumber === undefined || port.serialNumber === serialNumber),
  );
  return match?.path ?? null;
}

/** Operating systems report USB ids as '1a86', '1A86' or '0x1a86': compare them as 4 lowercase hex digits. */
function normaliseUsbId(value: string): string {
  return value.replace(/^0x/i, '').toLowerCase().padStart(4, '0');
}
