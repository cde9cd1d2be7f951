import type { Page } from 'playwright-core';
import { BUYER, SELLER_1, SELLER_2, TRANSFER_RECEIVED, UNIT } from './cases';
import { poll } from './poll';

/** Calls a contract method as the page's session does (the web host's /api), failing on an error answer. */
export async function apiCall<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = (await page.evaluate(
    async ({ method, input }) => (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json(),
    { method, input },
  )) as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** A transfer accepted through the API (the wizard has its own e2e): three signatures on the simulated pad. */
export async function acceptedTransferVia(page: Page): Promise<{ id: number; caseNumber: string }> {
  const { id } = await readyTransferVia(page);
  const accepted = await apiCall<{ caseNumber: string }>(page, 'cases.accept', { id });
  return { id, caseNumber: accepted.caseNumber };
}

/** A transfer draft that meets every acceptance rule (saved and signed through the API), not yet accepted. */
export async function readyTransferVia(page: Page, materialsReceived: unknown[] = TRANSFER_RECEIVED): Promise<{ id: number }> {
  const draft = await apiCall<{ id: number }>(page, 'cases.createDraft', { businessType: 'transfer' });
  await apiCall(page, 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1, SELLER_2], units: [UNIT], materialsReceived });
  for (const ordinal of [1, 2, 3]) {
    const signing = apiCall(page, 'cases.signParty', { id: draft.id, ordinal, timeoutSeconds: 20 });
    await poll(async () => (await apiCall<{ sigpad?: { signing?: unknown } }>(page, 'devices.simulation', {})).sigpad?.signing, 'the pad waiting for a signature', 15_000, 50);
    await apiCall(page, 'devices.simulateSign', { sample: 'loops' });
    await signing;
  }
  return { id: draft.id };
}
