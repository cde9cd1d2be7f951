import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isDeviceError } from '../serial/device-error';
import { SigpadDriver } from '../sigpad/sigpad-driver';
import { toPng, toSvg } from '../sigpad/strokes';
import { CliFailure, EXIT, type Output } from './output';
import { parsePortArgument } from './port-argument';

/** `sigpad capture --port P --out FILE.svg|png [--timeout S]`: one signature to a file. */
export async function sigpadCapture(out: Output, opts: { port?: string; out?: string; timeoutS: number }): Promise<number> {
  const target = opts.out;
  const format = target ? extname(target).toLowerCase() : '';
  if (!target || (format !== '.svg' && format !== '.png')) {
    throw new CliFailure('USAGE', '请用 --out 指定输出文件，扩展名为 .svg 或 .png', EXIT.usage);
  }
  const pad = SigpadDriver.overSerial({ port: parsePortArgument(opts.port) });
  try {
    const info = await pad.open(3000);
    if (!out.json) process.stderr.write(`签名板：${info.vendor} ${info.model}，请在签名板上签名并按“确认”……\n`);
    const capture = await pad.capture({ prompt: '请在签名板上签名（设备检测）', timeoutMs: Math.round(opts.timeoutS * 1000) });
    writeFileSync(target, format === '.svg' ? toSvg(capture, { widthPx: 600 }) : toPng(capture, { width: 600, height: 300 }));
    const summary = { file: target, strokes: capture.strokes.length, points: capture.strokes.reduce((n, s) => n + s.length, 0), lostPoints: capture.lostPoints ?? 0 };
    out.result(summary, () => `已保存签名：${target}（${summary.strokes} 笔，${summary.points} 个采样点）`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CliFailure) throw err;
    if (isDeviceError(err)) throw new CliFailure(err.code, err.message, EXIT.device);
    throw err;
  } finally {
    await pad.close();
  }
}
