import type { WebContentsPrintOptions } from 'electron';
import { z } from 'zod';
import { printErrorMessage, type PrintErrorCode } from '../../../native/printer/print-error';
import { printOptionsSchema } from '../../../native/printer/print-options';
import type { PrintError, PrintOptions } from '../../../native/printer/printer';

export type ElectronPageSize = NonNullable<WebContentsPrintOptions['pageSize']>;

export interface ElectronPrintJob {
  options: PrintOptions;
  pageSize: ElectronPageSize;
}

/**
 * Checks print options for Chromium's printing before anything is created. The shared schema
 * (print-options.ts) applies, except for the printer name: see `electronPrinterNameSchema`.
 * A name that cannot be a printer is PRINTER_NOT_FOUND, anything else INVALID_PRINT_OPTIONS naming
 * the first problem, as with CUPS; a media name Chromium cannot express is INVALID_PRINT_OPTIONS too.
 */
export function parseElectronPrintOptions(options: unknown): { ok: true; value: ElectronPrintJob } | { ok: false; error: PrintError } {
  const parsed = electronPrintOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const given = (options as { printer?: unknown } | null)?.printer;
    const code: PrintErrorCode = field === 'printer' ? 'PRINTER_NOT_FOUND' : 'INVALID_PRINT_OPTIONS';
    return invalid(code, typeof given === 'string' ? given : '', issue?.message ?? '参数格式不正确', field);
  }
  const pageSize = pageSizeFor(parsed.data.media);
  if (!pageSize) {
    const detail = `纸张规格“${parsed.data.media}”无法用于本机打印，请使用 A4 或 Custom.240x170mm 这样的名称`;
    return invalid('INVALID_PRINT_OPTIONS', parsed.data.printer, detail, 'media');
  }
  return { ok: true, value: { options: parsed.data, pageSize } };
}

/**
 * What `webContents.print` is given. Silent: the clerk chose the printer in the workstation, and a
 * dialog would let the paper size or scale drift from what the form needs. No margins: the PDF
 * already places everything on the sheet (and the calibration offset moved it).
 */
export function electronPrintSettings(job: ElectronPrintJob): WebContentsPrintOptions {
  return {
    silent: true,
    deviceName: job.options.printer,
    copies: job.options.copies,
    pageSize: job.pageSize,
    margins: { marginType: 'none' },
    printBackground: true,
  };
}

/**
 * A CUPS-style media name as Chromium's page size: the paper names Electron knows, or
 * `Custom.WxHmm` as an object in microns (Electron's unit for pageSize). Null when neither.
 */
export function pageSizeFor(media: string): ElectronPageSize | null {
  const named = NAMED_SIZES.find((name) => name.toLowerCase() === media.toLowerCase());
  if (named) return named;
  const custom = CUSTOM_MEDIA.exec(media);
  if (!custom) return null;
  const widthMm = Number(custom[1]);
  const heightMm = Number(custom[2]);
  if (![widthMm, heightMm].every((mm) => mm >= CUSTOM_MIN_MM && mm <= CUSTOM_MAX_MM)) return null;
  return { width: Math.round(widthMm * 1000), height: Math.round(heightMm * 1000) };
}

const NAMED_SIZES = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'Legal', 'Letter', 'Tabloid'] as const;

/** `Custom.240x170mm`, as CUPS spells a certificate form; decimals allowed (`Custom.210.5x297mm`). */
const CUSTOM_MEDIA = /^Custom\.(\d{1,4}(?:\.\d{1,3})?)x(\d{1,4}(?:\.\d{1,3})?)mm$/;

// A form under 1 cm or beyond A0's long side is a typing mistake, not paper.
const CUSTOM_MIN_MM = 10;
const CUSTOM_MAX_MM = 1189;

/**
 * Windows printer names hold spaces, brackets and Chinese (“HP LaserJet M403 (网络)”), and a
 * shared printer is named `\\server\printer`. Here the name reaches no command line, only
 * Chromium as a string, so the CUPS alphabet (printer-name.ts) would refuse real printers for no
 * gain; the real check is that the OS lists the name (ElectronPrinterBackend). Control characters
 * are still refused: no printer has them, and they would garble messages and logs.
 */
const electronPrinterNameSchema = z
  .string({ error: '打印机名称必须是文字' })
  .min(1, { error: '打印机名称不能为空' })
  .max(256, { error: '打印机名称最长 256 个字符' })
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f-\u009f]/.test(name), { error: '打印机名称不能包含控制字符' });

const electronPrintOptionsSchema = printOptionsSchema.extend({ printer: electronPrinterNameSchema });

function invalid(code: PrintErrorCode, printer: string, detail: string, field: string): { ok: false; error: PrintError } {
  return { ok: false, error: { code, message: printErrorMessage(code, { printer, detail }), details: { field } } };
}
