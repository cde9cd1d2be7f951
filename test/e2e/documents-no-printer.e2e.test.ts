import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUYER, SELLER_1, SELLER_2, TRANSFER_RECEIVED, UNIT } from '../support/cases';
import { launchChromium, screenshot, SCREENSHOT_DIR } from '../support/browser';
import { firstLogin, initializeOffice } from '../support/e2e-office';
import { startEmptyCups, type EmptyCups } from '../support/empty-cups';
import { withoutSystemFonts } from '../support/no-system-fonts';
import { poll } from '../support/poll';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

const ADMIN_PASSWORD = 'Office#2026x';
const CLERK_TEMP_PASSWORD = 'Temp#2026ab';
const CLERK_PASSWORD = 'Clerk#2026ok';

/**
 * A freshly installed workstation (issue #17): CUPS runs but has no queue and no default printer
 * (a scheduler of the test's own, so queues other tests add cannot leak in), devices.printer is
 * not set, and the web host sees no system font. The clerk still previews every document on
 * screen and saves it as PDF; 打印 says what to do instead, with the technical detail behind 详情.
 */
describe('documents without a printer e2e (no CUPS queue, no system fonts, 1366×768)', () => {
  const data = makeTempDir('bdc-e2e-no-printer-');
  let cups: EmptyCups;
  let host: RunningWebHost;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let fontsBack: () => void = () => {};
  let noFontEnv: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    cups = await startEmptyCups();
    // withoutSystemFonts holds its fontconfig folder for as long as its callback runs: until afterAll.
    noFontEnv = await new Promise<NodeJS.ProcessEnv>((resolve, reject) => {
      withoutSystemFonts((env) => {
        resolve(env);
        return new Promise<void>((done) => (fontsBack = done));
      }).catch(reject);
    });
    const hostEnv = Object.fromEntries(Object.entries({ ...noFontEnv, CUPS_SERVER: cups.server, BDC_TRAINING_PLATFORM: '0' }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    host = await startWebHostProcess(data.path, hostEnv);
    chromium = await launchChromium();
    const context = await chromium.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', reducedMotion: 'reduce', acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await initializeOffice(page, {
      url: host.url,
      officeName: '长沙市不动产登记中心芙蓉分中心',
      adminPassword: ADMIN_PASSWORD,
      temporaryPassword: CLERK_TEMP_PASSWORD,
      users: [{ username: 'clerk1', displayName: '张受理', role: 'clerk' }],
    });
    await firstLogin(page, 'clerk1', CLERK_TEMP_PASSWORD, CLERK_PASSWORD);
    await page.getByLabel('签名板：已连接').waitFor({ timeout: 15_000 });
  }, 120_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await screenshot(page, `failed-no-printer-${ctx.task.name.slice(0, 30)}`);
      console.log(host.output());
    }
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    await cups?.stop();
    fontsBack();
    data.remove();
  });

  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = (await page.evaluate(
      async ({ method, input }) => (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json(),
      { method, input },
    )) as { ok: boolean; value?: T; error?: unknown };
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };

  /** A transfer accepted through the API (the wizard has its own e2e): three signatures on the simulated pad. */
  async function acceptedTransfer(): Promise<{ id: number; caseNumber: string }> {
    const draft = await call<{ id: number }>('cases.createDraft', { businessType: 'transfer' });
    await call('cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1, SELLER_2], units: [UNIT], materialsReceived: TRANSFER_RECEIVED });
    for (const ordinal of [1, 2, 3]) {
      const signing = call('cases.signParty', { id: draft.id, ordinal, timeoutSeconds: 20 });
      await poll(async () => (await call<{ sigpad?: { signing?: unknown } }>('devices.simulation', {})).sigpad?.signing, 'the pad waiting for a signature', 15_000, 50);
      await call('devices.simulateSign', { sample: 'loops' });
      await signing;
    }
    const accepted = await call<{ caseNumber: string }>('cases.accept', { id: draft.id });
    return { id: draft.id, caseNumber: accepted.caseNumber };
  }

  const shot = async (name: string) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  };

  it('preview and save as PDF work with no printer; 打印 says what to do, 详情 says why', async () => {
    // The top bar agrees that there is no printer: the scheduler runs and has no queue.
    await page.getByLabel(/打印机：未配置/).waitFor({ timeout: 40_000 });
    const { id, caseNumber } = await acceptedTransfer();
    await page.evaluate((path) => (window.location.hash = path), `/cases/${id}`);
    await page.getByText(`业务编号 ${caseNumber}`).waitFor();
    const card = page.locator('.ant-card').filter({ has: page.getByText('文书', { exact: true }) });
    await card.getByTestId('no-printer-hint').waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot('h17-20-documents-no-printer');

    // 打印: a clerk's message, the technical detail one click away.
    await card.getByRole('button', { name: '打印受理凭证' }).click();
    const problem = card.getByRole('alert').filter({ hasText: '这台电脑还没有可用的打印机' });
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('保存为 PDF');
    await expect(problem.getByTestId('print-problem-detail').count()).resolves.toBe(0);
    await problem.getByText('详情').click();
    await expect(problem.getByTestId('print-problem-detail').textContent()).resolves.toMatch(/NO_PRINTER：配置文件未设置 devices\.printer，系统打印服务中没有任何打印队列/);
    await shot('h17-21-print-no-printer-detail');

    // 预览: every page drawn from the PDF's own fonts, with ink on it.
    await card.getByRole('button', { name: '预览受理凭证' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '预览：不动产登记受理凭证' });
    await dialog.locator('canvas[data-drawn="yes"]').first().waitFor({ timeout: 20_000 });
    const ink = await dialog.locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 1] < 128 && d[i + 2] < 128) dark++;
      return { dark, pixels: d.length / 4 };
    });
    expect(ink.dark).toBeGreaterThan(ink.pixels / 200);
    await shot('h17-22-document-preview');

    // 保存为 PDF from the preview: a real PDF, its text and fonts inside it.
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '保存为 PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`不动产登记受理凭证-${caseNumber}.pdf`);
    const saved = join(data.path, 'saved.pdf');
    await file.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('受理凭证');
    expect(text).toContain(caseNumber);
    const fonts = execFileSync('pdffonts', [saved], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
    // Rendered where fontconfig has no font either: the ink comes from the PDF.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', saved, join(SCREENSHOT_DIR, 'h17-23-saved-receipt')], { env: noFontEnv });
    await page.getByText(/已保存不动产登记受理凭证/).waitFor();
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click();

    // The other documents of the case preview too (a supervisor reads the 申请书 the same way).
    await card.getByRole('button', { name: '预览申请书' }).click();
    await page.getByRole('dialog').filter({ hasText: '预览：不动产登记申请书' }).locator('canvas[data-drawn="yes"]').first().waitFor({ timeout: 20_000 });
    await page.getByRole('dialog').filter({ hasText: '预览：不动产登记申请书' }).getByRole('button', { name: '关闭', exact: true }).last().click();
  }, 120_000);
});
