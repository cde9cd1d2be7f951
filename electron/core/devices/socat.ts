import { spawnSync } from 'node:child_process';

let available: boolean | undefined;

/**
 * Whether socat is installed: the simulators make their pseudo-terminal pairs with it. Asked once
 * per process (it is a synchronous spawn at start-up).
 */
export function hasSocat(): boolean {
  available ??= spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
  return available;
}
