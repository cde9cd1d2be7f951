import { readFileSync } from 'node:fs';
import { isDeviceError } from '../serial/device-error';
import { CupsBackend } from '../printer/cups-backend';
import { CliFailure, EXIT, type Output } from './output';

const STATE_WORDS = { idle: '就绪', printing: '打印中', stopped: '已暂停' } as const;

export async function printerList(out: Output): Promise<number> {
  try {
    const printers = await new CupsBackend().list();
    out.result(printers, () =>
      printers.length === 0
        ? '系统中没有打印机。'
        : printers
            .map((p) => `${p.isDefault ? '*' : ' '} ${p.name}\t${STATE_WORDS[p.state]}${p.acceptingJobs ? '' : '，拒收任务'}\t${p.description}`)
            .join('\n'),
    );
    return EXIT.ok;
  } catch (err) {
    if (isDeviceError(err)) throw new CliFailure(err.code, err.message, EXIT.device);
    throw err;
  }
}

/** `printer print --printer NAME FILE.pdf [--copies N] [--media A4]`: waits for the job's end. */
export async function printerPrint(out: Output, opts: { printer?: string; file?: string; copies?: string; media?: string }): Promise<number> {
  if (!opts.printer || !opts.file) throw new CliFailure('USAGE', '用法：printer print --printer 名称 文件.pdf', EXIT.usage);
  let pdf: Buffer;
  try {
    pdf = readFileSync(opts.file);
  } catch {
    throw new CliFailure('FILE_NOT_FOUND', `无法读取文件：${opts.file}`, EXIT.usage);
  }
  const result = await new CupsBackend().print(pdf, {
    printer: opts.printer,
    copies: opts.copies ? Number(opts.copies) : 1,
    media: opts.media ?? 'A4',
    title: opts.file.split(/[\\/]/).pop() ?? 'document.pdf',
  });
  if (!result.ok) throw new CliFailure(result.error.code, result.error.message, EXIT.device);
  out.result({ jobId: result.jobId, state: result.state, printer: opts.printer }, () => `打印完成：打印机 ${opts.printer}，作业 ${result.jobId}`);
  return EXIT.ok;
}
