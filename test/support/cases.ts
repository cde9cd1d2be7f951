import { poll } from './poll';
import type { TestWorkstation } from './workstation';

/** Waits until `probe` returns a value (test/support/poll.ts). */
export async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 8000): Promise<T> {
  return (await poll(probe, what, ms, 20)) as T;
}

// Fictional people with valid GB 11643 check characters (the simulator's sample cards).
export const SELLER_1 = { role: 'obligor' as const, name: '周晓岚', idNumber: '43010219860314042X', phone: '13807310001' };
export const SELLER_2 = { role: 'obligor' as const, name: '刘德顺', idNumber: '430103195502010178', phone: null };
export const BUYER = { role: 'holder' as const, name: '龙金花', idNumber: '433124199211080267', phone: '0731-84001234' };
export const UNIT = { unitCode: '430102003004GB00123F00010203', address: '湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元203室', use: 'residential' as const, areaM2: 89.5 };
export const TRANSFER_RECEIVED = ['applicationForm', 'applicantIdentity', 'titleCertificate', 'transferContract'].map((materialId) => ({ materialId, copies: 1 }));

/**
 * A second-hand flat transfer accepted through the contract by `clerk` (the workstation must run
 * the simulated signature pad): one buyer, two sellers, every party signs on the pad.
 */
export async function acceptTransfer(t: TestWorkstation, clerk = 'clerk'): Promise<number> {
  const draft = await t.ok(clerk, 'cases.createDraft', { businessType: 'transfer' });
  await t.ok(clerk, 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1, SELLER_2], units: [UNIT], materialsReceived: TRANSFER_RECEIVED });
  await until(async () => ((await t.ok(clerk, 'status.get', {})).devices.find((d) => d.kind === 'sigpad')?.state === 'connected' ? true : undefined), 'pad');
  for (const ordinal of [1, 2, 3]) {
    const signing = t.call(clerk, 'cases.signParty', { id: draft.id, ordinal, timeoutSeconds: 20 });
    await until(async () => ((await t.ok(clerk, 'devices.simulation', {})).sigpad?.signing ? true : undefined), 'pad signing');
    await t.ok(clerk, 'devices.simulateSign', { sample: ordinal === 1 ? 'zhangSan' : ordinal === 2 ? 'liSi' : 'loops' });
    const r = await signing;
    if (!r.ok) throw new Error(`signing failed: ${r.error.code}`);
  }
  await t.ok(clerk, 'cases.accept', { id: draft.id });
  return draft.id;
}
