import { z } from 'zod';
import type { PrinterInfo, PrinterState } from '../../../native/printer/printer';

/**
 * Chromium's printer list (`webContents.getPrintersAsync()`) in the workstation's terms.
 *
 * What is knowable: Electron 36 removed `status` and `isDefault` from its PrinterInfo (Chromium
 * dropped them), so what is left is `name`, `displayName`, `description` and a platform-specific
 * `options` map. On Windows that map only describes the driver (`printer-location`,
 * `printer-make-and-model`, `system_driverinfo`): a paused, offline or out-of-paper printer looks
 * exactly like a ready one, so every Windows printer reads as idle, accepting, with no reasons,
 * and none as the default. Where Chromium prints through CUPS the map carries the IPP attributes
 * (`printer-state`, `printer-is-accepting-jobs`, `printer-state-reasons`), and they are used.
 * `isDefault` is still read in case an Electron build supplies it.
 *
 * Entries without a usable name are dropped: a printer that cannot be named cannot be chosen.
 */
export function toPrinterInfos(reply: unknown): PrinterInfo[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((entry) => {
    const parsed = electronPrinterSchema.safeParse(entry);
    return parsed.success ? [toPrinterInfo(parsed.data)] : [];
  });
}

const electronPrinterSchema = z.object({
  name: z.string().min(1),
  displayName: z.string().optional().catch(undefined),
  description: z.string().optional().catch(undefined),
  isDefault: z.boolean().optional().catch(undefined),
  options: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

type ElectronPrinter = z.infer<typeof electronPrinterSchema>;

function toPrinterInfo(printer: ElectronPrinter): PrinterInfo {
  const options = printer.options ?? {};
  return {
    name: printer.name,
    description: humanName(printer),
    state: stateOf(text(options['printer-state'])),
    acceptingJobs: text(options['printer-is-accepting-jobs']) !== 'false',
    isDefault: printer.isDefault === true,
    reasons: reasonsOf(text(options['printer-state-reasons'])),
    message: text(options['printer-state-message']) ?? '',
  };
}

/**
 * Our `description` is the name a person gave the printer. Through CUPS that is Chromium's
 * displayName (printer-info); on Windows displayName repeats the name and `description` holds the
 * comment an administrator typed in the printer's properties.
 */
function humanName(printer: ElectronPrinter): string {
  const display = printer.displayName?.trim();
  if (display && display !== printer.name) return display;
  return printer.description?.trim() ?? '';
}

/** IPP printer-state (RFC 8011 §5.4.11): 3 idle, 4 processing, 5 stopped; absent on Windows. */
function stateOf(ippState: string | undefined): PrinterState {
  if (ippState === '5') return 'stopped';
  if (ippState === '4') return 'printing';
  return 'idle';
}

function reasonsOf(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '' && r !== 'none');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
