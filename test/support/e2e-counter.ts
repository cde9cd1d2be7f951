import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createCupsPdfQueue, type CupsPdfQueue } from '../native/printer/cups-pdf-queue';
import { launchChromium, SCREENSHOT_DIR } from './browser';
import { firstLogin, initializeOffice } from './e2e-office';
import { makeTempDir } from './temp-dir';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

const ADMIN_PASSWORD = 'Office#2026x'; // never the username (the password policy refuses it)
const CLERK_TEMP_PASSWORD = 'Temp#2026ab';
const CLERK_PASSWORD = 'Clerk#2026ok';

/** One counter for an e2e file: a web host in training mode with a CUPS-PDF printer, Chromium, a clerk logged in. */
export interface CounterSession {
  host: RunningWebHost;
  page: Page;
  queue: CupsPdfQueue;
  /** The host's data folder (files a test hands the browser, e.g. an e-seal file, go here). */
  dataDir: string;
  /** A full-page screenshot, transitions finished, into test-results/screenshots/. */
  shot(name: string): Promise<void>;
  /** The wizard's active step, by its title. */
  stepTitle(title: string): Locator;
  /** Opens a select (by its label) and clicks an option (rendered, i.e. near the top of the list). */
  pick(label: string | Locator, option: string): Promise<void>;
  /**
   * Clicks a print button on the case detail, waits for the job to land in the CUPS-PDF folder and
   * returns its text (pdftotext -raw); text and a 60 dpi rendering are kept beside the screenshots.
   */
  printAndRead(button: string | RegExp, file: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Sets up the counter every case-model e2e starts from: the office 长沙市不动产登记中心芙蓉分中心
 * (430102) with workstation A7 and a printer, a clerk 张受理 (clerk1) after the forced password
 * change, the signature pad connected. `prepare` may write files into the data folder first.
 */
export async function openCounterSession(prefix: string, prepare?: (dataDir: string) => void): Promise<CounterSession> {
  const data = makeTempDir(prefix);
  // What is up so far, taken down in reverse if the set-up fails half-way (no queue or host left behind).
  const undo: Array<() => Promise<unknown> | void> = [() => data.remove()];
  const close = async () => {
    for (const step of undo.reverse()) await step();
  };
  let queue: CupsPdfQueue;
  let host: RunningWebHost;
  let page: Page;
  try {
    queue = await createCupsPdfQueue({ description: '受理窗口 A4 打印机' });
    undo.push(() => queue.remove());
    writeFileSync(join(data.path, 'config.json'), JSON.stringify({ workstationId: 'A7', devices: { printer: queue.name } }));
    prepare?.(data.path);
    host = await startWebHostProcess(data.path);
    undo.push(() => host.stop());
    const chromium = await launchChromium();
    undo.push(() => chromium.close());
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
    await page.getByLabel('签名板：已连接').waitFor({ timeout: 15_000 });
  } catch (err) {
    await close();
    throw err;
  }

  const shot = async (name: string) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  };
  return {
    host,
    page,
    queue,
    dataDir: data.path,
    shot,
    stepTitle: (title) => page.getByLabel('受理步骤').locator('.ant-steps-item-active').filter({ hasText: title }),
    async pick(label, option) {
      await (typeof label === 'string' ? page.getByLabel(label) : label).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    },
    async printAndRead(button, file) {
      const before = new Set(queue.outputFiles());
      await page.getByRole('button', { name: button }).click();
      // Producing and printing a document takes long on the loaded 2-core test machine.
      await page.getByText(/已打印（打印机 \S+，作业 \d+）/).last().waitFor({ timeout: 60_000 });
      const pdf = await queue.waitForNewOutput(before);
      const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      writeFileSync(join(SCREENSHOT_DIR, `${file}.txt`), text);
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOT_DIR, file)]);
      return text;
    },
    close,
  };
}
