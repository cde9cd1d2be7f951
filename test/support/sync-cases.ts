import { randomBytes } from 'node:crypto';
import type { PlatformConfig } from '../../electron/contract';
import type { RunningPlatform } from '../platform/index';
import { UNIT } from './cases';
import type { TestWorkstation } from './workstation';

/** The 查封登记 checklist: a court's commission has no applicants and no signatures, only papers. */
export const SEIZURE_MATERIALS = ['courtAssistanceNotice', 'courtRuling', 'courtOfficerCredentials'] as const;

/** Bytes that pass the PDF content check (`%PDF-` first) and are unique, so every file is a new blob. */
export function fakeScan(bytes: number): Buffer {
  const body = randomBytes(Math.max(bytes, 16));
  body.write('%PDF-1.7\n', 0, 'latin1');
  return body;
}

/**
 * A 查封登记 accepted through the contract, with `files` attached as scans of its materials (the
 * rest marked as received on paper). The fastest real accepted case: no pad, no card reader.
 * Returns the case id and number, and the SM3 names of the attached files as the case view lists them.
 */
export async function acceptSeizure(
  t: TestWorkstation,
  clerk: string,
  files: Buffer[] = [],
  /** Called just before 受理 (benchmarks start their clock there). */
  beforeAccept: () => void = () => undefined,
): Promise<{ id: number; caseNumber: string }> {
  const draft = await t.ok(clerk, 'cases.createDraft', { businessType: 'seizure' });
  await t.ok(clerk, 'cases.saveDraft', {
    id: draft.id,
    coOwnership: null,
    parties: [],
    units: [UNIT],
    materialsReceived: SEIZURE_MATERIALS.map((materialId) => ({ materialId, copies: 1 })),
  });
  for (const [i, bytes] of files.entries()) {
    await t.ok(clerk, 'cases.attachFile', {
      id: draft.id,
      materialId: SEIZURE_MATERIALS[i % SEIZURE_MATERIALS.length],
      fileName: `协助执行通知书-${i + 1}.pdf`,
      mediaType: 'application/pdf',
      dataBase64: bytes.toString('base64'),
    });
  }
  beforeAccept();
  const accepted = await t.ok(clerk, 'cases.accept', { id: draft.id });
  if (!accepted.caseNumber) throw new Error('accepted without a case number');
  return { id: accepted.id, caseNumber: accepted.caseNumber };
}

/** config.json's `platform` block pointing at a running stand-in (its URL and dev certificate files). */
export function platformConfigFor(platform: RunningPlatform, extra: Partial<PlatformConfig> = {}) {
  const files = platform.certs.files;
  return { url: platform.url, caFile: files.ca, certFile: files.clientCert, keyFile: files.clientKey, ...extra };
}

/**
 * Waits until nothing is queued and no upload is unfinished, asking for a sync each round; a dead
 * letter or the time limit fails with the status (as `onWait` reports it, every ~2 s, if given).
 */
export async function waitSyncDrained(t: TestWorkstation, user: string, limitMs: number, onWait?: (status: unknown) => void): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (let round = 0; ; round++) {
    await t.ok(user, 'sync.now', {});
    const s = await t.ok(user, 'sync.status', {});
    if (s.platform.deadLetters > 0) throw new Error(`dead letter while draining: ${s.platform.detail}`);
    if (s.platform.queued === 0 && s.uploads.every((u) => u.state === 'done')) return;
    if (Date.now() > deadline) throw new Error(`queue not drained after ${limitMs} ms: ${JSON.stringify(s.platform)}`);
    if (onWait && round % 80 === 0) onWait({ platform: s.platform, uploads: s.uploads });
    await new Promise((r) => setTimeout(r, 25));
  }
}
