import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_CALENDAR, REFUSAL_GROUNDS, type CaseView } from '../../electron/contract';
import { addWorkingDays } from '../../electron/core/cases/working-days';
import { createCupsPdfQueue, type CupsPdfQueue } from '../native/printer/cups-pdf-queue';
import { launchChromium, screenshot, SCREENSHOT_DIR } from '../support/browser';
import { BUYER, SELLER_1, UNIT } from '../support/cases';
import { firstLogin, initializeOffice } from '../support/e2e-office';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

const ADMIN_PASSWORD = 'Office#2026x';
const CLERK_TEMP_PASSWORD = 'Temp#2026ab';
const CLERK_PASSWORD = 'Clerk#2026ok';

/** The text of a printed PDF with all white space removed (the layout breaks lines anywhere). */
const squeezed = (text: string) => text.replace(/\s+/g, '');

/**
 * Case model v2 (issue #10) in Chromium at 1366×768 against one web host in training mode, the
 * cases in sequence: the notices with their legal basis (不予受理 on the grounds of 条例 第17条, 补正
 * with its working-day deadline), then the catalogue's distinctive cases; every document printed
 * through CUPS and read back with pdftotext.
 */
describe('case model v2 e2e: notices and the catalogue (Chromium + web host, training mode)', () => {
  const data = makeTempDir('bdc-e2e-catalogue-');
  let host: RunningWebHost;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let queue: CupsPdfQueue;

  beforeAll(async () => {
    queue = await createCupsPdfQueue({ description: '受理窗口 A4 打印机' });
    writeFileSync(join(data.path, 'config.json'), JSON.stringify({ workstationId: 'A7', devices: { printer: queue.name } }));
    host = await startWebHostProcess(data.path);
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    page.setDefaultTimeout(10_000);
    await initializeOffice(page, {
      url: host.url,
      officeName: '长沙市不动产登记中心芙蓉分中心',
      adminPassword: ADMIN_PASSWORD,
      temporaryPassword: CLERK_TEMP_PASSWORD,
      users: [{ username: 'clerk1', displayName: '张受理', role: 'clerk' }],
    });
    await firstLogin(page, 'clerk1', CLERK_TEMP_PASSWORD, CLERK_PASSWORD);
    await page.getByText('张受理，您好').waitFor();
    // Starting the host and setting up an office takes a minute on a loaded 2-core machine.
  }, 150_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await screenshot(page, `failed-catalogue-${ctx.task.name.slice(0, 30)}`);
      console.log(host.output());
    }
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    await queue?.remove();
    data.remove();
  });

  async function shot(name: string) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  /** A contract call from the page, with the clerk's session (set-up steps other e2e cover by UI). */
  async function api<T>(method: string, input: unknown): Promise<T> {
    const r = await page.evaluate(
      async ({ method, input }) =>
        (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json(),
      { method, input },
    );
    if (r.ok !== true) throw new Error(`${method} failed: ${JSON.stringify(r)}`);
    return r.value as T;
  }

  /** Prints a document from the case detail through CUPS; its text, read back with pdftotext (and kept beside the screenshots). */
  async function printFromDetail(button: string | RegExp, file: string): Promise<string> {
    const before = new Set(queue.outputFiles());
    await page.getByRole('button', { name: button }).click();
    // Producing and printing a document takes long on the loaded 2-core test machine.
    await page.getByText(/已打印（打印机 \S+，作业 \d+）/).last().waitFor({ timeout: 60_000 });
    const pdf = await queue.waitForNewOutput(before);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    writeFileSync(join(SCREENSHOT_DIR, `${file}.txt`), text);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOT_DIR, file)]);
    return text;
  }

  async function openDetail(id: number) {
    await page.goto(`${new URL(page.url()).origin}/#/cases/${id}`);
    await page.getByTestId('case-status').waitFor();
  }

  /** A 二手房转移 draft with a buyer, a seller and a flat, no material received yet. */
  async function transferDraft(): Promise<number> {
    const draft = await api<CaseView>('cases.createDraft', { businessType: 'transfer' });
    await api('cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [UNIT], materialsReceived: [] });
    return draft.id;
  }

  it('不予受理 picks the grounds of 条例 第17条 and prints them with the article; 补正 prints its working-day deadline', async () => {
    // 不予受理: nothing picked and nothing written is named at the picker; then a ground and words.
    const rejected = await transferDraft();
    await openDetail(rejected);
    await page.getByRole('button', { name: '不予受理' }).click();
    const rejectModal = page.locator('.ant-modal').filter({ hasText: '不予受理的法定情形' });
    for (const g of REFUSAL_GROUNDS) await rejectModal.getByText(g.citation, { exact: false }).first().waitFor();
    await shot('70-catalogue-reject-grounds');
    const words = rejectModal.getByLabel('具体说明（可选，每行一条）');
    const wordsTop = (await words.boundingBox())!.y;
    await page.getByRole('button', { name: '确认不予受理' }).click();
    await rejectModal.getByText('请选择不予受理的法定情形，或在下方写明理由').waitFor();
    // The message takes the line reserved under the picker: nothing below it moves.
    expect((await words.boundingBox())!.y).toBe(wordsTop);
    await shot('71-catalogue-reject-nothing-chosen');
    const jurisdiction = REFUSAL_GROUNDS.find((g) => g.id === 'outsideJurisdiction')!;
    await rejectModal.getByRole('checkbox', { name: jurisdiction.label }).check();
    await words.fill('该房屋坐落于天心区，应向天心区不动产登记中心申请');
    await page.getByRole('button', { name: '确认不予受理' }).click();
    await page.getByTestId('case-status').filter({ hasText: '不予受理' }).waitFor();
    await page.getByText(jurisdiction.label).first().waitFor();
    await page.getByTestId('case-timeline').getByText(`理由：${jurisdiction.label}；该房屋坐落于天心区`, { exact: false }).waitFor();
    await shot('72-catalogue-rejected-detail');
    const rejection = squeezed(await printFromDetail('打印不予受理通知书', 'catalogue-rejection-notice'));
    expect(rejection).toContain('不予受理通知书');
    expect(rejection).toContain(squeezed(jurisdiction.label));
    expect(rejection).toContain(squeezed(jurisdiction.citation));
    // The article's own words, not only its number (法律依据).
    expect(rejection).toContain(squeezed(jurisdiction.text));
    expect(rejection).toContain('该房屋坐落于天心区，应向天心区不动产登记中心申请');
    // The ground not chosen is not on the notice.
    expect(rejection).not.toContain(squeezed(REFUSAL_GROUNDS.find((g) => g.id === 'incompleteMaterials')!.label));

    // 补正: the office default is offered; the clerk gives 3 working days; the notice prints the date.
    const requisitioned = await transferDraft();
    await openDetail(requisitioned);
    await page.getByRole('button', { name: '补正' }).click();
    const requisitionModal = page.locator('.ant-modal').filter({ hasText: '补正期限' });
    await requisitionModal.getByText(/不填则按本机构规定的 5 个工作日/).waitFor();
    await requisitionModal.getByLabel('补正期限（工作日）').fill('40');
    await requisitionModal.getByText('补正期限应为 1 至 30 个工作日').waitFor();
    await shot('73-catalogue-requisition-deadline-error');
    await requisitionModal.getByLabel('补正期限（工作日）').fill('3');
    await expect.poll(() => requisitionModal.getByText('补正期限应为 1 至 30 个工作日').count()).toBe(0);
    await shot('74-catalogue-requisition-deadline');
    await page.getByRole('button', { name: '确认补正' }).click();
    await page.getByTestId('case-status').filter({ hasText: '待补正' }).waitFor();
    const view = await api<CaseView>('cases.get', { id: requisitioned });
    const shanghaiToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const deadline = addWorkingDays(shanghaiToday, 3, DEFAULT_HOLIDAY_CALENDAR);
    expect(view.requisitionDeadline).toBe(deadline);
    const [y, m, d] = deadline.split('-').map(Number);
    await page.getByTestId('requisition-deadline').getByText(`补正期限：${deadline}`).waitFor();
    await page.getByTestId('case-timeline').getByText(`补正期限：${deadline}`).waitFor();
    await shot('75-catalogue-requisitioned-detail');
    const requisition = squeezed(await printFromDetail('打印补正通知书', 'catalogue-requisition-notice'));
    expect(requisition).toContain(`补正期限：${y}年${m}月${d}日前`);
    expect(requisition).toContain('转移合同');
  }, 180_000);
});
