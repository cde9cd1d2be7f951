import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { PROJECT_ROOT } from '../support/web-host-process';
import { certificateCn } from './certificates';
import { clientFor, command, customCertificates, submission } from './harness';
import { startPlatform } from './index';

/**
 * A real platform binds a workstation certificate to its office: the stand-in issues client
 * certificates per office and counter, and refuses a case of another office (it used to file
 * 430104's cases under 430102, the certificate's office).
 */
describe('the platform binds a client certificate to its office', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('a 430102 certificate cannot submit a 430104 case: 403 with the reason, nothing stored', async () => {
    const temp = makeTempDir('bdc-platform-');
    cleanups.push(() => temp.remove());
    const certs = await customCertificates(`${temp.path}/certs`, '430102-A7');
    const running = await startPlatform({ dataDir: `${temp.path}/data`, certificates: certs });
    cleanups.push(() => running.close());
    const client = clientFor(running, certs);
    const foreign = submission([], { officeCode: '430104', caseNumber: '430104-20261127-A7-0001' });
    const refused = await command(client, '/api/v1/cases', foreign);
    expect(refused.status).toBe(403);
    expect(refused.data).toMatchObject({ error: { code: 'CERTIFICATE_OFFICE_MISMATCH', message: expect.stringContaining('430104') } });
    // A case number of another office under the right officeCode is refused too.
    const smuggled = await command(client, '/api/v1/cases', submission([], { caseNumber: '430104-20261127-A7-0002' }));
    expect(smuggled.status).toBe(403);
    expect(running.admin.cases()).toEqual([]);
    expect((await command(client, '/api/v1/cases', submission([]))).status).toBe(201);
  });

  it('the CLI issues the client certificate for the office and counter it is given', async () => {
    const temp = makeTempDir('bdc-platform-cli-');
    cleanups.push(() => temp.remove());
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/platform/cli.ts', '--data', temp.path, '--port', '0', '--admin-port', '0', '--office', '430104', '--workstation', 'B2'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the platform CLI did not start:\n${out}`)), 30_000);
      child.stdout.on('data', () => {
        if (out.includes('"keyFile"') || out.includes('keyFile')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`the platform CLI exited:\n${out}`)));
    });
    const certFile = /客户端证书 Cert:\s+(\S+?\.pem)/.exec(out)?.[1];
    expect(certFile, out).toBeTruthy();
    const { readFileSync } = await import('node:fs');
    expect(certificateCn(readFileSync(certFile as string, 'utf8'))).toBe('430104-B2');
    expect(out).toContain('只能提交机构 430104 的案件');
  });
});
