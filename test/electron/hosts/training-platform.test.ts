import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../../electron/contract/config';
import { startTrainingPlatform, trainingAutoDecisions, type TrainingPlatform } from '../../../electron/hosts/training-platform';
import { clientFor, command, submission } from '../../platform/harness';
import { poll } from '../../support/poll';
import { makeTempDir } from '../../support/temp-dir';

/**
 * Training mode's stand-in (issue #11): the office reviews its own cases unless BDC_TRAINING_AUTO=1
 * brings back the automatic decisions. Real stand-in, real mutual TLS with the connection the
 * workstation would get.
 */
describe('training-mode platform stand-in', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(env: NodeJS.ProcessEnv): Promise<NonNullable<TrainingPlatform['connection']>> {
    const dir = makeTempDir('bdc-training-platform-');
    cleanups.push(() => dir.remove());
    const config = configSchema.parse({ officeCode: '430102', workstationId: 'A7', training: true });
    const training = await startTrainingPlatform(dir.path, config, env);
    cleanups.push(() => training.stop());
    expect(training.connection).not.toBeNull();
    return training.connection!;
  }

  async function submitAndRead(connection: NonNullable<TrainingPlatform['connection']>) {
    const client = clientFor(connection, { caPem: String(connection.ca), clientCertPem: String(connection.cert), clientKeyPem: String(connection.key) });
    const body = submission([], { tracks: { registration: 'pending', transaction: 'not_applicable', tax: 'not_applicable' }, fees: [], feeTotalFen: 0 });
    expect((await command(client, '/api/v1/cases', body)).status).toBe(201);
    const kinds = async () => ((await client.get('/api/v1/changes')).data.changes as Array<{ caseNumber: string; kind: string }>).filter((c) => c.caseNumber === body.caseNumber).map((c) => c.kind);
    return kinds;
  }

  it('by default leaves the case to the office: it enters 初审 (office.case) instead of the automatic steps', async () => {
    expect(trainingAutoDecisions({})).toEqual({ enabled: false, stepMs: 10_000 });
    const kinds = await submitAndRead(await start({ BDC_TRAINING_STEP_MS: '5' }));
    expect(await kinds()).toEqual(['case.received', 'office.case']);
  });

  it('with BDC_TRAINING_AUTO=1 the platform reviews and registers the case by itself', async () => {
    expect(trainingAutoDecisions({ BDC_TRAINING_AUTO: '1', BDC_TRAINING_STEP_MS: '20' })).toEqual({ enabled: true, stepMs: 20 });
    const kinds = await submitAndRead(await start({ BDC_TRAINING_AUTO: '1', BDC_TRAINING_STEP_MS: '5' }));
    const done = await poll(async () => {
      const list = await kinds();
      return list.includes('registered') ? list : undefined;
    }, 'the automatic 登簿', 10_000, 20);
    expect(done).not.toContain('office.case');
  });
});
