import { z } from 'zod';
import { offsetMmSchema } from './calibration';
import { printErrorMessage, type PrintErrorCode } from './print-error';
import type { PrintError, PrintOptions } from './printer';
import { printerNameSchema } from './printer-name';

/**
 * A CUPS media name: a keyword such as `A4`, `A5`, `iso_a4_210x297mm`, or a custom size such as
 * `Custom.240x170mm` for certificate forms. It is passed as `-o media=…`, where a comma or a space
 * would start another option: the alphabet excludes both.
 */
export const MEDIA_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const printOptionsSchema = z
  .object({
    printer: printerNameSchema,
    copies: z
      .number({ error: '份数必须是数字' })
      .int({ error: '份数必须是整数' })
      .min(1, { error: '份数至少为 1' })
      .max(99, { error: '份数最多为 99' }),
    media: z.string({ error: '纸张规格必须是文字' }).regex(MEDIA_PATTERN, { error: '纸张规格应为 A4 或 Custom.240x170mm 这样的名称' }),
    title: z
      .string({ error: '任务标题必须是文字' })
      .min(1, { error: '任务标题不能为空' })
      .max(200, { error: '任务标题最长 200 个字符' })
      // eslint-disable-next-line no-control-regex
      .refine((title) => !/[\u0000-\u001f\u007f]/.test(title), { error: '任务标题不能包含控制字符' }),
    offsetMm: offsetMmSchema.optional(),
    timeoutMs: z.number().int().min(1000, { error: '等待时间至少 1 秒' }).max(600_000, { error: '等待时间最多 10 分钟' }).optional(),
  })
  .strict();

/**
 * Validates print options before anything is spawned. A bad printer name is reported as
 * PRINTER_NOT_FOUND (no such queue can exist); anything else as INVALID_PRINT_OPTIONS naming the
 * first problem.
 */
export function parsePrintOptions(options: unknown): { ok: true; value: PrintOptions } | { ok: false; error: PrintError } {
  const parsed = printOptionsSchema.safeParse(options);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const given = (options as { printer?: unknown } | null)?.printer;
  const printer = typeof given === 'string' ? given : '';
  const code: PrintErrorCode = field === 'printer' ? 'PRINTER_NOT_FOUND' : 'INVALID_PRINT_OPTIONS';
  const detail = issue?.message ?? '参数格式不正确';
  return {
    ok: false,
    error: {
      code,
      message: printErrorMessage(code, { printer, detail }),
      details: { field, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
    },
  };
}
