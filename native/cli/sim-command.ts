import { createInterface } from 'node:readline';
import { IdCardSimulator } from '../sim/idcard-simulator';
import { SAMPLE_CARDS, type SampleHolder } from '../sim/sample-cards';
import { SigpadSimulator } from '../sim/sigpad-simulator';
import { SAMPLE_SIGNATURES, type SampleSignatureName } from '../sim/sample-signatures';
import { CliFailure, EXIT, type Output } from './output';

const HELP = `控制命令：place <${Object.keys(SAMPLE_CARDS).join('|')}>、remove、unplug、replug、garble <n>、noise <字节数>、slow <毫秒>、silent on|off、quit`;

/**
 * `sim idcard [--link PATH] [--card NAME]`: a simulated ID card reader on a pseudo-terminal. Prints
 * the tty path to open, then takes control commands on standard input until `quit` or a signal.
 */
export async function simIdcard(out: Output, opts: { link?: string; card?: string }): Promise<number> {
  if (opts.card && !(opts.card in SAMPLE_CARDS)) {
    throw new CliFailure('USAGE', `没有名为 ${opts.card} 的样例证件，可选：${Object.keys(SAMPLE_CARDS).join('、')}`, EXIT.usage);
  }
  const sim = new IdCardSimulator({ pace: true });
  const path = await sim.start({ link: opts.link });
  if (opts.card) sim.placeCard(SAMPLE_CARDS[opts.card as SampleHolder]);
  out.result({ device: 'idcard', path }, () => `模拟身份证阅读器已启动：${path}\n${HELP}`);

  return new Promise<number>((resolve) => {
    const stop = () => {
      void sim.close().then(() => resolve(EXIT.ok));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const rl = createInterface({ input: process.stdin });
    rl.on('line', (line) => {
      const [cmd, arg] = line.trim().split(/\s+/);
      const reply = (text: string) => process.stderr.write(`${text}\n`);
      switch (cmd) {
        case 'place':
          if (arg && arg in SAMPLE_CARDS) {
            sim.placeCard(SAMPLE_CARDS[arg as SampleHolder]);
            reply(`已放置证件：${SAMPLE_CARDS[arg as SampleHolder].label}`);
          } else reply(HELP);
          break;
        case 'remove':
          sim.removeCard();
          reply('已取走证件');
          break;
        case 'unplug':
          void sim.unplug().then(() => reply('已拔出'));
          break;
        case 'replug':
          void sim.replug().then(() => reply('已插回'));
          break;
        case 'garble':
          sim.garble(Number(arg) || 1);
          break;
        case 'noise':
          sim.noise(Number(arg) || 16);
          break;
        case 'slow':
          sim.slowDown(Number(arg) || 0);
          break;
        case 'silent':
          sim.silent(arg !== 'off');
          break;
        case 'quit':
          rl.close();
          stop();
          break;
        case '':
        case undefined:
          break;
        default:
          reply(HELP);
      }
    });
  });
}

const PAD_HELP = `控制命令：sign <${Object.keys(SAMPLE_SIGNATURES).join('|')}>、cancel、unplug、replug、garble <n>、slow <毫秒>、quit`;

/**
 * `sim sigpad [--link PATH]`: a simulated signature pad on a pseudo-terminal. When a capture
 * starts, `sign zhangSan` plays a sample signer who then presses 确认.
 */
export async function simSigpad(out: Output, opts: { link?: string }): Promise<number> {
  const sim = new SigpadSimulator();
  const path = await sim.start({ link: opts.link });
  out.result({ device: 'sigpad', path }, () => `模拟签名板已启动：${path}\n${PAD_HELP}`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      void sim.close().then(() => resolve(EXIT.ok));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const rl = createInterface({ input: process.stdin });
    const reply = (text: string) => process.stderr.write(`${text}\n`);
    rl.on('line', (line) => {
      const [cmd, arg] = line.trim().split(/\s+/);
      try {
        if (cmd === 'sign' && arg && arg in SAMPLE_SIGNATURES) {
          void sim.sign(SAMPLE_SIGNATURES[arg as SampleSignatureName]).then(() => reply('已签名并确认'), (e: Error) => reply(e.message));
        } else if (cmd === 'cancel') sim.signerCancels();
        else if (cmd === 'unplug') void sim.unplug().then(() => reply('已拔出'));
        else if (cmd === 'replug') void sim.replug().then(() => reply('已插回'));
        else if (cmd === 'garble') sim.garble(Number(arg) || 1);
        else if (cmd === 'slow') sim.slowDown(Number(arg) || 0);
        else if (cmd === 'quit') {
          rl.close();
          stop();
        } else if (cmd) reply(PAD_HELP);
      } catch (e) {
        reply((e as Error).message);
      }
    });
  });
}
