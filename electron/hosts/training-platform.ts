import { join } from 'node:path';
import type { WorkstationConfig } from '../contract';
import type { PlatformConnection } from '../core/sync/platform-connection';

export interface TrainingPlatform {
  /** What the workstation connects to; null when this configuration needs no stand-in. */
  connection: PlatformConnection | null;
  /** A line for the console (where the stand-in listens), or null. */
  banner: string | null;
  /** The client certificate's CN the connection presents (office-workstation), or null. */
  clientCn: string | null;
  /** Issues the client certificate for another CN from the stand-in's CA; the connection that presents it. */
  reissue(clientCn: string): Promise<PlatformConnection>;
  stop(): Promise<void>;
}

/** The CN the stand-in binds to this workstation's office and counter (undefined before set-up). */
export function trainingClientCn(config: WorkstationConfig): string | undefined {
  return config.officeCode ? `${config.officeCode}-${config.workstationId ?? 'A7'}` : undefined;
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
  workstation: {
    attachPlatform(c: PlatformConnection): void;
    replacePlatform(c: PlatformConnection): Promise<void>;
    startDevices(): void;
    onEvent(listener: (clientId: string | null, name: string, payload: unknown) => void): () => void;
    readonly services: { config: { value: WorkstationConfig } };
  },
  log: (message: string) => void,
  delayMs = 1500,
): { trigger(): void; stop(): Promise<void> } {
  let started: Promise<TrainingPlatform | null> | null = null;
  const trigger = () => {
    started ??= start().then(
      (training) => {
        if (training.connection) {
          workstation.attachPlatform(training.connection);
          unfollow = followOffice(training, workstation, log);
        }
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
  let unfollow = () => {};
  const timer = setTimeout(trigger, delayMs);
  timer.unref();
  return {
    trigger,
    async stop() {
      clearTimeout(timer);
      unfollow();
      const training = await started;
      await training?.stop();
    },
  };
}

/**
 * A fresh installation starts the stand-in before anyone has set the office up, with the default
 * certificate; the stand-in binds certificates to offices (403 for another office's cases). When
 * set-up names the office (or its counter changes), the certificate follows at once, without a
 * restart: reissued from the stand-in's CA and the sync engine reconnected with it.
 */
function followOffice(
  training: TrainingPlatform,
  workstation: Parameters<typeof afterFirstScreen>[1],
  log: (message: string) => void,
): () => void {
  let current = training.clientCn;
  let chain: Promise<void> = Promise.resolve();
  const check = () => {
    const wanted = trainingClientCn(workstation.services.config.value);
    if (!wanted || wanted === current) return;
    current = wanted;
    chain = chain
      .then(() => training.reissue(wanted))
      .then((connection) => workstation.replacePlatform(connection))
      .then(() => log(`培训模式：省级平台模拟服务的客户端证书已改为 ${wanted}`))
      .catch((err: unknown) => log(`培训模式：客户端证书未能改为 ${wanted}：${(err as Error).message}`));
  };
  check();
  return workstation.onEvent((_client, name) => {
    if (name === 'status.changed') check();
  });
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
  if (!needsTrainingPlatform(config, env)) {
    return { connection: null, banner: null, clientCn: null, reissue: () => Promise.reject(new Error('no training stand-in')), stop: async () => undefined };
  }
  const { startPlatform } = await import('../../test/platform/index');
  const stepMs = Number(env.BDC_TRAINING_STEP_MS) > 0 ? Number(env.BDC_TRAINING_STEP_MS) : TRAINING_STEP_MS;
  // The stand-in binds the client certificate to an office, as the real platform does: issue it for
  // this workstation's office and counter once they are known (a fresh install gets them at setup;
  // until the next start it holds the default 430102-A7 certificate).
  const clientCn = trainingClientCn(config);
  const platformDir = join(dataDir, 'training-platform');
  // BDC_TRAINING_AUTO=0: the stand-in decides nothing by itself; the office's own review desks
  // (审核, 登簿) take each case through the office.case queue, as in production.
  const auto = env.BDC_TRAINING_AUTO !== '0';
  const platform = await startPlatform({ dataDir: platformDir, port: 0, auto: { enabled: auto, stepMs }, ...(clientCn ? { clientCn } : {}) });
  const { ensureDevCertificates, certificateCn } = await import('../../test/platform/certificates');
  return {
    connection: { url: platform.url, ca: platform.certs.caPem, cert: platform.certs.clientCertPem, key: platform.certs.clientKeyPem },
    banner: `培训模式：省级平台模拟服务 ${platform.url}（管理接口 ${platform.adminUrl}）`,
    clientCn: certificateCn(platform.certs.clientCertPem),
    async reissue(cn) {
      // Same CA and server certificate: the running stand-in trusts the new client certificate as is.
      const certs = await ensureDevCertificates(join(platformDir, 'certs'), { clientCn: cn });
      return { url: platform.url, ca: certs.caPem, cert: certs.clientCertPem, key: certs.clientKeyPem };
    },
    stop: () => platform.close(),
  };
}
