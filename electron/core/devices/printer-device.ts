import { isDeviceError } from '../../../native/serial/device-error';
import { CupsBackend } from '../../../native/printer/cups-backend';
import type { PrinterBackend, PrinterInfo, PrintJobResult, PrintOptions } from '../../../native/printer/printer';
import { DEVICE_LABELS, type DeviceStatus } from './device-status';

export interface PrinterSnapshot {
  printers: PrinterInfo[];
  /** The printer documents go to: the configured one, else the system default. */
  selected: string | null;
  error: { code: string; message: string } | null;
}

/**
 * The A4 printer for receipts and forms, through the system's printing service (CUPS on Linux).
 * Its status is the selected queue's: idle and accepting is "connected".
 */
export class PrinterDevice {
  constructor(
    private readonly configured: string | null,
    private readonly backend: PrinterBackend = new CupsBackend(),
  ) {}

  async snapshot(): Promise<PrinterSnapshot> {
    try {
      const printers = await this.backend.list();
      const selected = this.configured ?? printers.find((p) => p.isDefault)?.name ?? null;
      return { printers, selected, error: null };
    } catch (err) {
      const e = isDeviceError(err) ? err : { code: 'CUPS_UNAVAILABLE', message: (err as Error).message };
      return { printers: [], selected: this.configured, error: { code: e.code, message: e.message } };
    }
  }

  static statusOf(snapshot: PrinterSnapshot): DeviceStatus {
    const base = { kind: 'printer' as const, label: DEVICE_LABELS.printer, simulated: false };
    if (snapshot.error) return { ...base, state: 'error', detail: snapshot.error.message };
    if (!snapshot.selected) return { ...base, state: 'not_configured', detail: '未设置打印机，系统也没有默认打印机' };
    const p = snapshot.printers.find((x) => x.name === snapshot.selected);
    if (!p) return { ...base, state: 'disconnected', detail: `找不到打印机“${snapshot.selected}”` };
    const name = p.description || p.name;
    if (p.state === 'stopped') return { ...base, state: 'error', detail: `${name}：已暂停${p.message ? `（${p.message}）` : ''}` };
    if (!p.acceptingJobs) return { ...base, state: 'error', detail: `${name}：不接受打印任务` };
    return { ...base, state: 'connected', detail: `${name}${p.state === 'printing' ? '：正在打印' : '：就绪'}` };
  }

  print(pdf: Uint8Array, options: PrintOptions): Promise<PrintJobResult> {
    return this.backend.print(pdf, options);
  }
}
