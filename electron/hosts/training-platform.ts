import { join } from 'node:path';
import type { WorkstationConfig } from '../contract';
import type { PlatformConnection } from '../core/sync/platform-connection';

export interface TrainingPlatform {
  /** What the workstation connects to; null when this configuration needs no stand-in. */
  connection: PlatformConnection | null;
  /** A line for the console (where the stand-in listens), or null. */
  banner: string | null;
  stop(): Promise<void>;
}

/** Whether this configuration syncs with the local stand-in (training mode, no platform address). */
export function needsTrainingPlatform(config: WorkstationConfig, env: NodeJS.ProcessEnv = process.env): boolean {
  return config.training && config.platform.url === null && env.BDC_TRAINING_PLATFORM !== '0';
}

/**
 * What a host starts after the first screen rather than before it: the training stand-in (its
 * SQLite, TLS and certificates) attached to the workstation, then the devices (simulators, serial
 * probing, CUPS). Started once, by whichever comes first: the renderer's first call, or `delayMs`.
 */
export function afterFirstScreen(
  start: () => Promise<TrainingPlatform>,
  workstation: { attachPlatform(c: NonNullable<TrainingPlatform['connection']>): void; startDevices(): void },
  log: (message: string) => void,
  delayMs = 1500,
): { trigger(): void; stop(): Promise<void> } {
  let started: Promise<TrainingPlatform | null> | null = null;
  const trigger = () => {
    started ??= start().then(
      (training) => {
        if (training.connection) workstation.attachPlatform(training.connection);
        if (training.banner) log(training.banner);
        workstation.startDevices();
        return training;
      },
      (err: unknown) => {
        log(`培训模式省级平台模拟服务启动失败：${(err as Error).message}`);
        workstation.startDevices();
        return null;
      },
    );
  };
  const timer = setTimeout(trigger, delayMs);
  timer.unref();
  return {
    trigger,
    async stop() {
      clearTimeout(timer);
      const training = await started;
      await training?.stop();
    },
  };
}

/** How long each simulated review / tax / payment / 登簿 step takes in training mode. */
export const TRAINING_STEP_MS = 10_000;

/**
 * 培训模式 with no platform address configured: both hosts start the provincial platform stand-in
 * (test/platform) beside the app, over real mutual TLS on loopback, with automatic decisions, so a
 * trainee sees accepted cases progress through review, tax, payment and 登簿 with no setup. Its
 * data (cases it received, its dev CA) lives in the workstation's data folder and survives restarts.
 * The stand-in is loaded on demand: a production configuration never loads its code.
 */
export async function startTrainingPlatform(
  dataDir: string,
  config: WorkstationConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TrainingPlatform> {
  if (!needsTrainingPlatform(config, env)) return { connection: null, banner: null, stop: async () => undefined };
  const { startPlatform } = await import('../../test/platform/index');
  const stepMs = Number(env.BDC_TRAINING_STEP_MS) > 0 ? Number(env.BDC_TRAINING_STEP_MS) : TRAINING_STEP_MS;
  // The stand-in binds the client certificate to an office, as the real platform does: issue it for
  // this workstation's office and counter once they are known (a fresh install gets them at setup;
  // until the next start it holds the default 430102-A7 certificate).
  const clientCn = config.officeCode ? `${config.officeCode}-${config.workstationId ?? 'A7'}` : undefined;
  const platform = await startPlatform({ dataDir: join(dataDir, 'training-platform'), port: 0, auto: { enabled: true, stepMs }, ...(clientCn ? { clientCn } : {}) });
  return {
    connection: { url: platform.url, ca: platform.certs.caPem, cert: platform.certs.clientCertPem, key: platform.certs.clientKeyPem },
    banner: `培训模式：省级平台模拟服务 ${platform.url}（管理接口 ${platform.adminUrl}）`,
    stop: () => platform.close(),
  };
}
