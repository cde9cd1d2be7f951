import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from '../support/browser';
import { acceptedTransferVia, apiCall } from '../support/e2e-api';
import { openCounterSession, type CounterSession } from '../support/e2e-counter';

/**
 * 核验 (issue #17): a clerk scans the QR of a printed 受理凭证 with a keyboard-wedge scanner (it
 * types the text and Enter into whatever has the focus) and sees whether the paper is genuine,
 * which case it belongs to, what kind of document it is, when it was produced here (Asia/Shanghai)
 * and the parties with masked numbers; one changed character is 不通过 with the reason.
 */
describe('核验 page e2e (1366×768)', () => {
  let s: CounterSession;

  beforeAll(async () => {
    s = await openCounterSession('bdc-e2e-verify-');
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await s.shot(`failed-verify-${ctx.task.name.slice(0, 30)}`);
      console.log(s.host.output());
    }
  });

  afterAll(async () => {
    await s?.close();
  });

  it('a scanned receipt QR is 真实 with its case; one changed character is 不通过', async () => {
    const { page } = s;
    const { id, caseNumber } = await acceptedTransferVia(page);
    // The receipt as the clerk previews it (no printer needed), its QR read back from a rendering.
    const doc = await apiCall<{ pdfBase64: string }>(page, 'cases.document', { id, kind: 'acceptanceReceipt' });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdf = join(s.dataDir, 'receipt.pdf');
    writeFileSync(pdf, Buffer.from(doc.pdfBase64, 'base64'));
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(s.dataDir, 'receipt')]);
    const code = execFileSync('zbarimg', ['--raw', '-q', join(s.dataDir, 'receipt.png')], { encoding: 'utf8' }).trim();
    expect(code).toContain(caseNumber);

    // The scanner types into the focused box: no click on the box first.
    await page.getByRole('menuitem', { name: '核验' }).click();
    const box = page.getByLabel('核验码');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    const boxTop = (await box.boundingBox())?.y;
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    const result = page.getByTestId('verify-result');
    await result.getByText('真实：本登记机构出具的不动产登记受理凭证').waitFor({ timeout: 20_000 });
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain(caseNumber);
    expect(shown).toContain('转移登记');
    expect(shown).toContain('龙金花');
    expect(shown).toContain('433124********0267');
    expect(shown).not.toContain('433124199211080267');
    expect(shown).toContain('430102003004GB00123F00010203');
    // When it was produced here, in Asia/Shanghai (the host's clock is UTC; +8 h).
    const produced = (await apiCall<{ case: { producedAt: string[] } }>(page, 'documents.verify', { text: code })).case.producedAt[0];
    const shanghai = new Date(new Date(produced).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(shown).toContain(shanghai);
    await expect(result.getByRole('link', { name: caseNumber }).getAttribute('href')).resolves.toBe(`#/cases/${id}`);
    // The answer does not move the box, and the box keeps the focus for the next scan.
    expect((await box.boundingBox())?.y).toBe(boxTop);
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await s.shot('h17-30-verify-genuine');

    // One character of the signed digest changed: 不通过, with the reason. The selected text is replaced by the next scan.
    const fields = code.split('|');
    const digest = fields[6];
    fields[6] = `${digest.slice(0, 5)}${digest[5] === '0' ? '1' : '0'}${digest.slice(6)}`;
    const tampered = fields.join('|');
    expect(tampered).not.toBe(code);
    await page.keyboard.type(tampered);
    await page.keyboard.press('Enter');
    await result.getByText('核验不通过').waitFor({ timeout: 20_000 });
    await expect(result.textContent()).resolves.toContain('签名核验未通过');
    await expect(result.textContent()).resolves.not.toContain(caseNumber);
    await expect(box.inputValue()).resolves.toBe(tampered);
    await s.shot('h17-31-verify-tampered');
  }, 180_000);
});
