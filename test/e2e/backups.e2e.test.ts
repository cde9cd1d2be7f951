import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';
import { ADMIN, makeWorkstation } from '../support/workstation';

/**
 * 设置 → 备份与恢复 in real Chromium against the web host: the administrator takes a backup, sees
 * it listed as verified and encrypted, restores it behind a confirmation that says what happens,
 * and is sent back to the login screen.
 */
describe('backups e2e (Chromium + web host)', () => {
  const data = makeTempDir('bdc-e2e-backups-');
  let host: RunningWebHost;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const t = makeWorkstation({ dataDir: data.path });
    await t.setup();
    await t.ws.close();
    host = await startWebHostProcess(data.path);
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(String(e.stack ?? e)));
  }, 60_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    data.remove();
  });

  it('backs up now, lists the backup, and restores it after a confirmation; everyone logs in again', async () => {
    await page.goto(host.url);
    await page.locator('#login-username').fill(ADMIN.username);
    await page.locator('#login-password').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByText('备份与恢复').waitFor();
    await page.getByText('还没有备份').waitFor();
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByRole('cell', { name: '手动备份' }).waitFor();
    await expect(page.getByText('已校验').count()).resolves.toBe(1);
    await page.getByText('备份与恢复').scrollIntoViewIfNeeded();
    await screenshot(page, 'backups-01-list');
    await page.getByRole('button', { name: '恢复' }).first().click();
    await page.locator('.ant-modal-confirm-title', { hasText: '从备份恢复数据库？' }).waitFor();
    await screenshot(page, 'backups-02-confirm');
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '恢复' }).click();
    // The restore ends every session: the login form is the sign it finished; errors thrown on the
    // way there (a failed reload, a broken store) are in pageErrors by then.
    await page.locator('#login-username').waitFor();
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(pageErrors).toEqual([]);
    await screenshot(page, 'backups-03-login-again');
  }, 60_000);
});
