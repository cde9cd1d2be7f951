import axios, { type AxiosInstance } from 'axios';
import { randomBytes, randomUUID } from 'node:crypto';
import https from 'node:https';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sm3Hex } from '../../electron/core/crypto/sm3';
import { makeTempDir } from '../support/temp-dir';
import { createCertificateAuthority, issueCertificate, readPlatformCertificates, type PlatformCertificates } from './certificates';
import { startPlatform, type PlatformOptions, type RunningPlatform } from './index';
import { poll } from '../support/poll';

/**
 * What the stand-in's tests share: a platform in a fresh folder, an axios client with mutual TLS
 * (as the workstation's sync client talks), a valid submission and its files, and a poll helper.
 */
export interface TestPlatform {
  platform: RunningPlatform;
  dir: string;
  /** A client with the platform's dev client certificate; never throws on an HTTP status. */
  client: AxiosInstance;
  /** Stops the platform (restart keeps `dir`). */
  stop(): Promise<void>;
  /** Starts again on the same folder and port. */
  restart(options?: Partial<PlatformOptions>): Promise<void>;
  /** Stops the platform and removes the folder. */
  dispose(): Promise<void>;
}

export async function startTestPlatform(options: Partial<PlatformOptions> = {}): Promise<TestPlatform> {
  const temp = makeTempDir('bdc-platform-');
  const dataDir = join(temp.path, 'data');
  const agents: https.Agent[] = [];
  const state: TestPlatform = {
    platform: await startPlatform({ dataDir, ...options }),
    dir: dataDir,
    client: undefined as unknown as AxiosInstance,
    stop: async () => {
      for (const agent of agents.splice(0)) agent.destroy();
      await state.platform.close();
    },
    restart: async (more = {}) => {
      await state.stop();
      state.platform = await startPlatform({ dataDir, ...options, ...more, port: state.platform.port });
      state.client = clientFor(state.platform, state.platform.certs, agents);
    },
    dispose: async () => {
      await state.stop();
      temp.remove();
    },
  };
  state.client = clientFor(state.platform, state.platform.certs, agents);
  return state;
}

/** An axios client as the workstation makes it: pinned CA, its client certificate, keep-alive. */
export function clientFor(
  platform: Pick<RunningPlatform, 'url'>,
  tls: { caPem: string; clientCertPem?: string; clientKeyPem?: string },
  agents?: https.Agent[],
): AxiosInstance {
  const httpsAgent = new https.Agent({ ca: tls.caPem, cert: tls.clientCertPem, key: tls.clientKeyPem, keepAlive: true });
  agents?.push(httpsAgent);
  return axios.create({ baseURL: platform.url, httpsAgent, validateStatus: () => true, timeout: 10_000, maxBodyLength: Infinity, maxContentLength: Infinity });
}

/**
 * A full PKI of its own (CA, server, workstation clients: `clientCn` in the files, `secondCn` returned,
 * and one more per `moreCns`, in order) written to `dir`.
 */
export async function customCertificates(
  dir: string,
  clientCn = '430102-A7',
  secondCn = '430102-B3',
  moreCns: string[] = [],
): Promise<PlatformCertificates & { second: { certPem: string; keyPem: string }; more: Array<{ certPem: string; keyPem: string }> }> {
  const ca = await createCertificateAuthority('Test CA');
  const server = await issueCertificate(ca, { cn: 'platform.test', kind: 'server' });
  const client = await issueCertificate(ca, { cn: clientCn, kind: 'client' });
  const second = await issueCertificate(ca, { cn: secondCn, kind: 'client' });
  const more = [];
  for (const cn of moreCns) more.push(await issueCertificate(ca, { cn, kind: 'client' }));
  mkdirSync(dir, { recursive: true });
  const files = { 'ca.pem': ca.certPem, 'server.pem': server.certPem, 'server-key.pem': server.keyPem, 'client.pem': client.certPem, 'client-key.pem': client.keyPem };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { ...readPlatformCertificates(dir), second, more };
}

export interface TestFile {
  hash: string;
  bytes: Buffer;
}

export function testFile(size: number): TestFile {
  const bytes = randomBytes(size);
  return { hash: sm3Hex(bytes), bytes };
}

let serial = 0;

/** A valid submission (API.md example shape) listing `files`; the case number is new on every call. */
export function submission(files: TestFile[] = [testFile(2048)], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  const [scan, ...rest] = files;
  return {
    caseNumber: `430102-20261127-A7-${String(serial).padStart(4, '0')}`,
    officeCode: '430102',
    workstationId: 'A7',
    businessType: 'transfer',
    acceptedAt: '2026-11-27T08:00:00.000Z',
    acceptedBy: 'clerk',
    promisedDate: '2026-12-04',
    coOwnership: 'sole',
    tracks: { registration: 'pending', transaction: 'pending', tax: 'pending' },
    parties: [
      { ordinal: 1, role: 'holder', name: '龙金花', idType: 'resident_id', idNumber: '433124199211080267', phone: '0731-84001234', share: null, signatureHash: null },
      { ordinal: 2, role: 'obligor', name: '周晓岚', idType: 'resident_id', idNumber: '430102198503150025', phone: null, share: null, signatureHash: null },
    ],
    units: [{ unitCode: '430102003004GB00123F00010203', address: '湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元203室', use: 'residential', areaM2: 89.5 }],
    materials: scan
      ? [{ materialId: 'applicationForm', name: '不动产登记申请书', copies: 1, files: [{ hash: scan.hash, fileName: 'scan.pdf' }] }]
      : [],
    fees: [{ code: '1041501', name: '住宅登记费', amountFen: 8000 }],
    feeTotalFen: 8000,
    blobs: [scan, ...rest].filter(Boolean).map((f) => ({ hash: f.hash, size: f.bytes.length, mediaType: 'application/pdf' })),
    ...overrides,
  };
}

/** POSTs a command with a key (new unless given) and the exact bytes of `body`. */
export async function command(client: AxiosInstance, path: string, body: unknown, key: string = randomUUID()) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return client.post(path, raw, { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key } });
}

export async function patchBlob(client: AxiosInstance, hash: string, offset: number, bytes: Buffer) {
  return client.patch(`/api/v1/blobs/${hash}`, bytes, {
    headers: { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(offset) },
    transformRequest: [(data: Buffer) => data],
  });
}

/** Polls until `check` returns a value (not undefined/false) or the deadline passes. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<Exclude<T, false | undefined>> {
  return poll(check, what, timeoutMs, 10);
}
