import { afterEach, describe, expect, it } from 'vitest';
import { BUYER, SELLER_1, SELLER_2, TRANSFER_RECEIVED, UNIT, until } from '../../../support/cases';
import { makeWorkstation, type TestWorkstation } from '../../../support/workstation';

/** The pad names whose turn it is and who signs next (issue #17: nobody writes before their turn). */
describe('signature pad prompt: whose turn, and who is next', () => {
  let t: TestWorkstation;
  afterEach(() => t.close());

  it('shows 请X签名 with the next unsigned person, and none after the last', async () => {
    t = makeWorkstation({ config: { workstationId: 'A7', devices: { idcard: 'none', printer: 'none-printer' } }, startDevices: true });
    await t.setup();
    await t.userWithRole('clerk', 'clerk');
    const draft = await t.ok('clerk', 'cases.createDraft', { businessType: 'transfer' });
    await t.ok('clerk', 'cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1, SELLER_2], units: [UNIT], materialsReceived: TRANSFER_RECEIVED });
    await until(async () => ((await t.ok('clerk', 'status.get', {})).devices.find((d) => d.kind === 'sigpad')?.state === 'connected' ? true : undefined), 'pad', 15_000);
    const prompts: string[] = [];
    // 周晓岚 (2) signs first on her own: the prompt for 龙金花 (1) then names 刘德顺 (3) as next.
    for (const ordinal of [2, 1, 3]) {
      const signing = t.call('clerk', 'cases.signParty', { id: draft.id, ordinal, timeoutSeconds: 20 });
      const sim = await until(async () => {
        const s = (await t.ok('clerk', 'devices.simulation', {})).sigpad;
        return s?.signing ? s : undefined;
      }, 'pad signing');
      // Strokes written while the pad still showed the previous signer are refused with a message,
      // never signed in this signer's name.
      if (prompts.length > 0) {
        expect(await t.call('clerk', 'devices.simulateSign', { sample: 'loops', forPrompt: prompts.at(-1) })).toMatchObject({
          ok: false,
          error: { code: 'SIGNATURE_TURN_CHANGED', message: expect.stringContaining(`现在显示“${sim.prompt}”`) },
        });
      }
      prompts.push(sim.prompt);
      await t.ok('clerk', 'devices.simulateSign', { sample: 'loops', forPrompt: sim.prompt });
      expect((await signing).ok).toBe(true);
    }
    expect(prompts[0]).toMatch(/^请周晓岚签名（下一位：刘德顺）：/);
    expect(prompts[1]).toMatch(/^请龙金花签名（下一位：刘德顺）：/);
    expect(prompts[2]).toMatch(/^请刘德顺签名：.*申请$/);
    for (const p of prompts) expect([...p].length).toBeLessThanOrEqual(64);
    // After the last one the pad is idle: strokes for it are refused, saying the signing ended.
    expect(await t.call('clerk', 'devices.simulateSign', { sample: 'loops', forPrompt: prompts[2] })).toMatchObject({ ok: false, error: { code: 'SIGNATURE_TURN_CHANGED' } });
  });
});
