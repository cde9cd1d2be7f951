import type { AxiosInstance } from 'axios';
import { makeTempDir } from '../support/temp-dir';
import { clientFor, command, customCertificates, submission, type TestFile } from './harness';
import { startPlatform, type PlatformOptions, type RunningPlatform } from './index';

/**
 * Office review tests: one platform, two workstations of office 430102 (A7 at the counter, B3 at a
 * reviewer's desk), one workstation of another office (430103-C1, 天心区), and the acting users the
 * commands name.
 */
export const CLERK = { userId: 'u-clerk', name: '张受理', role: 'clerk' } as const;
export const REVIEWER = { userId: 'u-rev1', name: '李初审', role: 'reviewer' } as const;
export const REVIEWER2 = { userId: 'u-rev2', name: '王复审', role: 'reviewer' } as const;
export const REGISTRAR = { userId: 'u-reg', name: '赵登簿', role: 'registrar' } as const;
export const SUPERVISOR = { userId: 'u-sup', name: '钱科长', role: 'supervisor' } as const;

export interface OfficeTest {
  platform: RunningPlatform;
  counter: AxiosInstance;
  desk: AxiosInstance;
  /** A workstation of office 430103: none of 430102's cases are its business. */
  otherOffice: AxiosInstance;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startOffice(options: Partial<PlatformOptions> = {}): Promise<OfficeTest> {
  const temp = makeTempDir('bdc-office-');
  const certs = await customCertificates(`${temp.path}/certs`, '430102-A7', '430102-B3', ['430103-C1']);
  const dataDir = `${temp.path}/data`;
  const state = {
    platform: await startPlatform({ dataDir, certificates: certs, ...options }),
  } as OfficeTest;
  const connect = (): void => {
    state.counter = clientFor(state.platform, certs);
    state.desk = clientFor(state.platform, { caPem: certs.caPem, clientCertPem: certs.second.certPem, clientKeyPem: certs.second.keyPem });
    state.otherOffice = clientFor(state.platform, { caPem: certs.caPem, clientCertPem: certs.more[0].certPem, clientKeyPem: certs.more[0].keyPem });
  };
  connect();
  state.restart = async () => {
    const port = state.platform.port;
    await state.platform.close();
    state.platform = await startPlatform({ dataDir, certificates: certs, ...options, port });
    connect();
  };
  state.dispose = async () => {
    await state.platform.close();
    temp.remove();
  };
  return state;
}

/** Submits a case at the counter; returns its number. */
export async function submitAt(t: OfficeTest, files: TestFile[] = [], overrides: Record<string, unknown> = {}): Promise<string> {
  const body = submission(files, overrides);
  const res = await command(t.counter, '/api/v1/cases', body);
  if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${JSON.stringify(res.data)}`);
  return body.caseNumber as string;
}

export const casePath = (caseNumber: string, tail: string): string => `/api/v1/cases/${caseNumber}/${tail}`;

export async function claim(client: AxiosInstance, caseNumber: string, stage: string, actor: object, key?: string) {
  return command(client, casePath(caseNumber, 'claim'), { stage, actor }, key);
}

export async function decide(client: AxiosInstance, caseNumber: string, body: Record<string, unknown>, key?: string) {
  return command(client, casePath(caseNumber, 'review-decisions'), { opinion: '', ...body }, key);
}

/** Claims and passes through every review stage up to 待登簿 (reading the stage from administration), then claims for 登簿. */
export async function toRegistration(t: OfficeTest, caseNumber: string, client: AxiosInstance = t.desk): Promise<void> {
  for (;;) {
    const stage = t.platform.admin.review(caseNumber)?.stage;
    if (!stage) throw new Error(`case ${caseNumber} is not under office review`);
    const actor = stage === 'registration' ? REGISTRAR : stage === 'secondReview' ? REVIEWER2 : REVIEWER;
    const claimed = await claim(client, caseNumber, stage, actor);
    if (claimed.status !== 200) throw new Error(`claim failed: ${JSON.stringify(claimed.data)}`);
    if (stage === 'registration') return;
    const passed = await decide(client, caseNumber, { stage, decision: 'pass', actor });
    if (passed.status !== 200) throw new Error(`pass failed: ${JSON.stringify(passed.data)}`);
  }
}

export async function unitRecord(client: AxiosInstance, unitCode: string) {
  const res = await client.get(`/api/v1/units/${unitCode}`);
  if (res.status !== 200) throw new Error(`unit ${unitCode}: ${res.status}`);
  return res.data as {
    registerVersion: number;
    rights: Array<{ id: number; kind: string; holders: string[]; state: string; certificateNumber: string | null; holderShares: unknown[]; caseNumber: string | null }>;
    restrictions: Array<{ id: number; kind: string; state: string; holder: string | null }>;
    history: Array<{ entry: string; kind: string; state: string; holders: string[]; endedBy: string | null }>;
  };
}

export async function register(client: AxiosInstance, caseNumber: string, unitCodes: string[], key?: string, actor: object = REGISTRAR) {
  const basis = [];
  for (const unitCode of unitCodes) basis.push({ unitCode, registerVersion: (await unitRecord(client, unitCode)).registerVersion });
  return command(client, casePath(caseNumber, 'registration'), { actor, basis }, key);
}
