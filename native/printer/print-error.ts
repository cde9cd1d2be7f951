import { DeviceError } from '../serial/device-error';

/**
 * Printing faults the clerk can meet, each with a Chinese message that says what to do next.
 * INVALID_PRINT_OPTIONS and INVALID_CALIBRATION are caller mistakes (copies 0, an offset of 50 mm);
 * the others come from the printer or the printing system.
 */
export type PrintErrorCode =
  | 'PRINTER_NOT_FOUND'
  | 'PRINTER_STOPPED'
  | 'PRINTER_NOT_ACCEPTING'
  | 'CUPS_UNAVAILABLE'
  | 'PRINT_FAILED'
  | 'PRINT_TIMEOUT'
  | 'INVALID_PDF'
  | 'INVALID_PRINT_OPTIONS'
  | 'INVALID_CALIBRATION';

export interface PrintErrorContext {
  printer?: string;
  jobId?: number;
  timeoutMs?: number;
  /** A short Chinese explanation (the reason a queue was stopped, which check failed, …). */
  detail?: string;
}

export function printError(
  code: PrintErrorCode,
  context: PrintErrorContext = {},
  details?: Record<string, unknown>,
): DeviceError<PrintErrorCode> {
  return new DeviceError(code, printErrorMessage(code, context), details);
}

export function printErrorMessage(code: PrintErrorCode, context: PrintErrorContext): string {
  const printer = displayName(context.printer ?? '');
  const job = context.jobId === undefined ? '' : ` ${context.jobId} `;
  const detail = context.detail ? `（${context.detail}）` : '';
  switch (code) {
    case 'PRINTER_NOT_FOUND':
      return `找不到打印机“${printer}”，请在设备检测页确认打印机名称。`;
    case 'PRINTER_STOPPED':
      return `打印机“${printer}”已暂停${detail}，请检查打印机是否缺纸、卡纸或脱机，在打印管理中恢复打印机后重新打印。`;
    case 'PRINTER_NOT_ACCEPTING':
      return `打印机“${printer}”当前不接受打印任务${detail}，请联系管理员在打印管理中设置为“接受任务”后重试。`;
    case 'CUPS_UNAVAILABLE':
      return `打印服务（CUPS）未运行或无响应${detail}，请重新启动打印服务或联系管理员后重试。`;
    case 'PRINT_FAILED':
      return `打印任务${job}失败${detail}，请检查打印机后重新打印。`;
    case 'PRINT_TIMEOUT':
      return `打印任务${job}在 ${seconds(context.timeoutMs ?? 0)} 秒内未完成，已取消该任务；请检查打印机是否正常工作后重新打印。`;
    case 'INVALID_PDF':
      return `要打印的文件不是有效的 PDF 文档${detail}，请重新生成文档后再打印。`;
    case 'INVALID_PRINT_OPTIONS':
      return `打印参数无效${detail}，请检查打印设置。`;
    case 'INVALID_CALIBRATION':
      return `打印校准偏移无效${detail}，请输入 -20 至 20 毫米之间的数值。`;
  }
}

function seconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}

/** A printer name as it may appear in a message: no control characters, bounded length. */
function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 64)}…` : clean;
}
