import { z } from 'zod';

/**
 * The queue names this module will pass to the CUPS tools. CUPS itself accepts more (any printable
 * character but space, / \ ? ' " #), but a name reaches `lp` and `lpstat` as an argument: starting
 * with a letter or digit means it can never be read as an option (`-x`), and the small alphabet
 * keeps it free of characters a tool might interpret. Queues are created by our installer and by
 * IT staff, who can keep to it; 127 is CUPS's own limit.
 */
export const PRINTER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,126}$/;

export function isValidPrinterName(name: unknown): name is string {
  return typeof name === 'string' && PRINTER_NAME_PATTERN.test(name);
}

export const printerNameSchema = z
  .string({ error: '打印机名称必须是文字' })
  .regex(PRINTER_NAME_PATTERN, { error: '打印机名称只能包含字母、数字、下划线、点和连字符，且以字母或数字开头' });
