import { randomBytes } from 'node:crypto';
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
