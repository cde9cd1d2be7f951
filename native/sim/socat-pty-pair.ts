import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, unlinkSync } from 'node:fs';

/**
 * Two pseudo-terminals joined back to back by socat, reachable through symlinks: what one side
 * writes, the other reads, through real ttys that the serialport library opens like any device.
 * Node cannot allocate a pty by itself, hence socat (TOOLCHAIN.md). Killing socat makes both ttys
 * vanish, which is how the simulator unplugs its device.
 */
export class SocatPtyPair {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private stderrTail = '';
  private watchdog: ChildProcess | null = null;

  constructor(
    readonly deviceLink: string,
    readonly clientLink: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async open(timeoutMs = 3000): Promise<void> {
    if (this.child) return;
    removeStaleLink(this.deviceLink);
    removeStaleLink(this.clientLink);
    const child = spawn(
      'socat',
      ['-d', '-d', `pty,raw,echo=0,link=${this.deviceLink}`, `pty,raw,echo=0,link=${this.clientLink}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    if (child.pid !== undefined) {
      livePids.add(child.pid);
      this.watchdog = watchParent(child.pid);
    }
    child.stderr?.on('data', (data: Buffer) => {
      this.stderrTail = (this.stderrTail + data.toString()).slice(-2000);
    });
    let spawnError: Error | null = null;
    child.on('error', (error) => {
      spawnError = error;
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', () => {
        if (child.pid !== undefined) livePids.delete(child.pid);
        resolve();
      });
    });
    const deadline = Date.now() + timeoutMs;
    // socat creates the links once both ptys exist (~100 ms): poll for them with a deadline.
    while (!(isSymlink(this.deviceLink) && isSymlink(this.clientLink))) {
      if (spawnError || child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        await this.close();
        throw new Error(`socat did not create ${this.clientLink}: ${spawnError ?? this.stderrTail.trim()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Kills socat by its PID and waits for it; socat removes its links as it exits. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    // The watchdog first: it must never outlive socat and then signal a reused PID.
    this.watchdog?.kill('SIGKILL');
    this.watchdog = null;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = await Promise.race([
        this.exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000)),
      ]);
      if (!killed) {
        child.kill('SIGKILL');
        await this.exited;
      }
    }
    removeStaleLink(this.deviceLink);
    removeStaleLink(this.clientLink);
  }
}

/**
 * socat must die with us however we die: `process.on('exit')` below covers a normal exit, but a
 * SIGKILL or a crash of the runtime runs no JavaScript. So a tiny watchdog (`sh`) holds the read
 * end of a pipe from this process: the kernel closes our end when we die, whatever the cause; the
 * watchdog reads end-of-file and terminates socat. Its own process group, so a Ctrl+C meant for us
 * reaches socat anyway, and the watchdog and its pipe do not keep our event loop alive.
 */
function watchParent(socatPid: number): ChildProcess | null {
  const script = 'cat >/dev/null; kill -TERM "$1" 2>/dev/null';
  try {
    const watchdog = spawn('sh', ['-c', script, 'bdc-socat-watchdog', String(socatPid)], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    watchdog.on('error', () => undefined);
    watchdog.stdin?.on('error', () => undefined);
    watchdog.unref();
    (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    if (watchdog.pid !== undefined) livePids.add(watchdog.pid);
    watchdog.once('exit', () => {
      if (watchdog.pid !== undefined) livePids.delete(watchdog.pid);
    });
    return watchdog;
  } catch {
    return null;
  }
}

/** socat processes (and their watchdogs) still running, killed if this process exits without closing them. */
const livePids = new Set<number>();
process.once('exit', () => {
  for (const pid of livePids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Removes a symlink left by a socat that died; refuses to touch anything that is not a symlink. */
function removeStaleLink(path: string): void {
  try {
    const stat = lstatSync(path);
    if (!stat.isSymbolicLink()) throw new Error(`${path} exists and is not a symlink; choose another link path`);
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
