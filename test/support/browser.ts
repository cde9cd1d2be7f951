import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from './web-host-process';

export const CHROMIUM = process.env.BDC_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results', 'screenshots');

/**
 * Debian's Chromium, driven by playwright-core. A missing browser fails the run loudly: the e2e
 * tests are part of `npm test`, never silently skipped. Playwright gives every launch a fresh,
 * temporary profile (the equivalent of a new --user-data-dir).
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) — e2e tests cannot be skipped.`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
