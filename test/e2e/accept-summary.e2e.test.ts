import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TRANSFER_RECEIVED } from '../support/cases';
import { apiCall, readyTransferVia } from '../support/e2e-api';
import { openCounterSession, type CounterSession } from '../support/e2e-counter';

/**
 * The accept step (issue #17): before 受理 the clerk reads back what is being accepted — parties
 * with masked numbers, units, materials with 原件/复印件 and 页数, the fee and the tax apart, the
 * promised date — and, as the office configures (documents.printReceiptOnAccept), the 受理凭证
 * prints on 受理; when it cannot print, the receipt opens as a preview to save as PDF.
 */
describe('accept step summary and receipt printed on 受理 e2e (1366×768)', () => {
  let s: CounterSession;

  beforeAll(async () => {
    s = await openCounterSession('bdc-e2e-accept-', (dir) => {
      const file = join(dir, 'config.json');
      const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify({ ...config, documents: { printReceiptOnAccept: true } }));
    });
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await s.shot(`failed-accept-${ctx.task.name.slice(0, 30)}`);
      console.log(s.host.output());
    }
  });

  afterAll(async () => {
    await s?.close();
  });

  const materials = TRANSFER_RECEIVED.map((m, i) => ({ ...m, form: i === 3 ? 'copy' : 'original', pages: i + 1 }));

  async function openAcceptStep(id: number) {
    const { page } = s;
    await page.evaluate((path) => (window.location.hash = path), `/intake/${id}`);
    await page.getByLabel('受理步骤').getByText('受理', { exact: true }).click();
    await s.stepTitle('受理').waitFor();
    return page.getByTestId('accept-summary');
  }

  it('the summary shows what is accepted; 受理 prints the receipt at once', async () => {
    const { page, queue } = s;
    const { id } = await readyTransferVia(page, materials);
    const summary = await openAcceptStep(id);
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('权利人：龙金花（433124********0267）');
    expect(text).not.toContain('433124199211080267');
    expect(text).toContain('430102003004GB00123F00010203');
    // Materials with 原件/复印件 and 页数, as the receipt lists them.
    const rows = await summary.getByTestId('summary-material').allTextContents();
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/：原件，1 页$/);
    expect(rows[3]).toMatch(/：复印件，4 页$/);
    // The fee and the tax apart: a transfer's tax is 税务's, never in the fee.
    const view = await apiCall<{ feeTotalFen: number; promisedDateIfAcceptedNow: string | null }>(page, 'cases.get', { id });
    await expect(summary.getByTestId('summary-fee').textContent()).resolves.toBe(`${(view.feeTotalFen / 100).toFixed(2)} 元`);
    await expect(summary.getByTestId('summary-tax').textContent()).resolves.toContain('税务部门另行核定征收');
    expect(view.promisedDateIfAcceptedNow).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(summary.getByTestId('summary-promised').textContent()).resolves.toBe(view.promisedDateIfAcceptedNow);
    await s.shot('h17-40-accept-summary');

    const before = new Set(queue.outputFiles());
    await page.getByRole('button', { name: '受理', exact: true }).click();
    const caseNumber = (await page.getByTestId('case-number').textContent())?.trim() ?? '';
    expect(caseNumber).toMatch(/^430102-\d{8}-A7-\d{4}$/);
    await page.getByTestId('auto-receipt').getByText(/受理凭证已自动打印（打印机 \S+，作业 \d+）/).waitFor({ timeout: 60_000 });
    const pdf = await queue.waitForNewOutput(before);
    const printed = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(printed).toContain('受理凭证');
    expect(printed).toContain(caseNumber);
    // The promised date the summary showed is the one 受理 set.
    await expect(page.getByTestId('promised-date').textContent()).resolves.toContain(view.promisedDateIfAcceptedNow);
    await s.shot('h17-41-accepted-receipt-printed');
  }, 180_000);

  it('when the receipt cannot print, 受理 opens it as a preview to save as PDF', async () => {
    const { page, queue } = s;
    // The office printer goes away (queue deleted in CUPS): the next print fails.
    await queue.remove();
    const { id } = await readyTransferVia(page, materials);
    await (await openAcceptStep(id)).waitFor();
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByTestId('case-number').waitFor();
    await page.getByTestId('auto-receipt').getByText('受理凭证没有打印出来，已打开预览').waitFor({ timeout: 60_000 });
    const dialog = page.getByRole('dialog').filter({ hasText: '预览：不动产登记受理凭证' });
    await dialog.locator('canvas[data-drawn="yes"]').first().waitFor({ timeout: 30_000 });
    await expect(dialog.getByRole('button', { name: '保存为 PDF' }).isVisible()).resolves.toBe(true);
    await s.shot('h17-42-accepted-receipt-preview');
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click();
  }, 180_000);

  it('系统设置 shows the office setting', async () => {
    const { page } = s;
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    const row = page.locator('.ant-descriptions-item-label').filter({ hasText: '受理后自动打印受理凭证' });
    await row.waitFor();
    await expect(row.locator('xpath=following-sibling::*[1]').textContent()).resolves.toBe('是（无打印机时打开预览）');
    await s.shot('h17-43-settings-print-on-accept');
  }, 60_000);
});
