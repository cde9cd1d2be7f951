import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdCardSimulator } from '../../../native/sim/idcard-simulator';
import { SAMPLE_CARDS } from '../../../native/sim/sample-cards';
import { PROJECT_ROOT } from '../../support/web-host-process';

function device(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'device', '--', ...args], { cwd: PROJECT_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run device -- idcard … (technician CLI over a real pty)', () => {
  let sim: IdCardSimulator;
  let port: string;
  beforeEach(async () => {
    sim = new IdCardSimulator();
    port = await sim.start();
  });
  afterEach(async () => {
    await sim.close();
  });

  it('idcard read --json prints exactly one JSON object with the documented fields, ID number masked', async () => {
    sim.placeCard(SAMPLE_CARDS.miao);
    const r = await device(['idcard', 'read', '--port', port, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({
      cardType: 'resident',
      name: '龙金花',
      sex: '女',
      nation: '苗',
      birthDate: '1992-11-08',
      address: '湖南省湘西土家族苗族自治州花垣县边城镇茶峒村三组',
      idNumber: '433124********0267',
      issuer: '花垣县公安局',
      validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      validTo: expect.stringMatching(/^(\d{4}-\d{2}-\d{2}|长期)$/),
      photo: { format: 'wlt', bytes: 1024, decoded: false },
    });
  });

  it('waits for a card placed after the read began', async () => {
    // The first find (and the direct read after it) see no card; the card arrives afterwards.
    let requests = 0;
    const off = sim.on('request', () => {
      if (++requests === 3) {
        off();
        sim.placeCard(SAMPLE_CARDS.han);
      }
    });
    const r = await device(['idcard', 'read', '--port', port, '--json', '--timeout', '5']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).name).toBe('周晓岚');
  });

  it('--unmasked prints the whole ID number', async () => {
    sim.placeCard(SAMPLE_CARDS.miao);
    const r = await device(['idcard', 'read', '--port', port, '--json', '--unmasked']);
    expect(JSON.parse(r.stdout).idNumber).toBe('433124199211080267');
  });

  it('no card within the timeout: exit code 2 and one JSON error NO_CARD on stderr', async () => {
    const r = await device(['idcard', 'read', '--port', port, '--json', '--timeout', '1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toMatchObject({ code: 'NO_CARD', message: expect.stringContaining('身份证') });
  });

  it('a device that is not there: a device error with its code', async () => {
    const r = await device(['idcard', 'read', '--port', `${port}-missing`, '--json', '--timeout', '1']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stderr).code).toMatch(/^DEVICE_/);
  });

  it('usage errors exit 64', async () => {
    const r = await device(['idcard', 'read', '--json']);
    expect(r.code).toBe(64);
    expect(JSON.parse(r.stderr).code).toBe('USAGE');
  });
});
