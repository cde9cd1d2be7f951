import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

const ADMIN_PASSWORD = 'Office#2026x';
const CLERK_TEMP_PASSWORD = 'Temp#2026ab';
const CLERK_PASSWORD = 'Clerk#2026ok';

/**
 * The newcomer's path through the foundation, in real Chromium against the real web host:
 * first start → office and admin password → admin creates a clerk → clerk logs in and changes
 * the temporary password → idle lock keeps the work underneath → 5 wrong passwords lock the
 * account. Screenshots of every screen land in test-results/screenshots.
 */
describe('foundation e2e (Chromium + web host)', () => {
  const data = makeTempDir('bdc-e2e-');
  let host: RunningWebHost;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    // A short idle lock so the lock screen shows within the test.
    writeFileSync(join(data.path, 'config.json'), JSON.stringify({ security: { idleLockSeconds: 6 } }));
    host = await startWebHostProcess(data.path);
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    page.setDefaultTimeout(10_000);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    data.remove();
  });

  it('first start asks for the office code and the administrator password, then logs in', async () => {
    await page.goto(host.url);
    await page.getByText('首次启动设置').first().waitFor();
    await page.locator('#setup-office-code').fill('430100');
    await page.locator('#setup-office-name').click();
    await page.getByText('第 5–6 位（县级）不能为 00').waitFor();
    await screenshot(page, '01-setup-invalid-office-code');
    await page.locator('#setup-office-code').fill('430102');
    await page.getByText('所属：湖南省').waitFor();
    await page.locator('#setup-office-name').fill('长沙市不动产登记中心芙蓉分中心');
    await page.locator('#setup-admin-name').fill('王管理');
    await page.locator('#setup-password').fill('weakpass');
    await page.locator('#setup-confirm').click();
    await page.getByText('至少包含大写字母、小写字母、数字、符号中的 3 类').first().waitFor();
    await page.locator('#setup-password').fill(ADMIN_PASSWORD);
    await page.locator('#setup-confirm').fill(ADMIN_PASSWORD);
    await screenshot(page, '02-setup-filled');
    await page.getByRole('button', { name: '完成设置并登录' }).click();
    await page.getByTestId('training-badge').waitFor();
    await expect(page.getByTestId('office').textContent()).resolves.toContain('430102');
    await page.getByText('本机构概况').waitFor();
    await screenshot(page, '03-admin-workbench');
  });

  it('the administrator creates a clerk with a temporary password', async () => {
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    await page.locator('#user-username').fill('clerk1');
    await page.locator('#user-display-name').fill('张受理');
    await page.locator('#user-temporary-password').fill(CLERK_TEMP_PASSWORD);
    await screenshot(page, '04-create-user');
    await page.getByRole('button', { name: '创建' }).click();
    await expect(page.getByTestId('temporary-password').textContent()).resolves.toContain(CLERK_TEMP_PASSWORD);
    await page.getByRole('button', { name: /知道了|OK|确定/ }).click();
    await page.getByRole('cell', { name: 'clerk1' }).waitFor();
    await page.getByText('待修改密码').waitFor();
    await screenshot(page, '05-users');
  });

  it('the audit log lists what happened and its hash chain verifies', async () => {
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('cell', { name: '新建用户' }).waitFor();
    await page.getByRole('button', { name: '校验完整性' }).click();
    await page.getByText(/审计日志完整：已校验 \d+ 条记录/).waitFor();
    // It also says whether it was compared with the platform's receipt, never silently.
    await page.getByText(/省级平台/).first().waitFor();
    await screenshot(page, '06-audit');
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByText('当前生效的配置').waitFor();
    await screenshot(page, '07-settings');
  });

  it('the clerk logs in, must change the temporary password, and sees the clerk workbench', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#login-username').fill('clerk1');
    await page.locator('#login-password').fill(CLERK_TEMP_PASSWORD);
    await screenshot(page, '08-login');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('请设置新密码').waitFor();
    await page.locator('#current-password').fill(CLERK_TEMP_PASSWORD);
    await page.locator('#new-password').fill(CLERK_PASSWORD);
    await page.locator('#confirm-password').fill(CLERK_PASSWORD);
    await screenshot(page, '09-change-password');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('张受理，您好').waitFor();
    await page.getByText('窗口受理各类不动产登记业务（一窗受理）').waitFor();
    await expect(page.getByRole('menuitem', { name: '用户管理' }).count()).resolves.toBe(0);
    await screenshot(page, '10-clerk-workbench');
  });

  it('after the idle time a lock screen covers the work, which is still there after unlocking', async () => {
    await page.getByRole('menuitem', { name: '我的账号' }).click();
    await page.locator('#current-password').fill('work in progress');
    await page.getByRole('dialog', { name: '屏幕已锁定' }).waitFor({ timeout: 15_000 });
    await screenshot(page, '11-idle-lock');
    await page.locator('#unlock-password').fill('Wrong#2026');
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await page.locator('#unlock-password').fill(CLERK_PASSWORD);
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('dialog', { name: '屏幕已锁定' }).waitFor({ state: 'detached' });
    await expect(page.locator('#current-password').inputValue()).resolves.toBe('work in progress');
  });

  it('five wrong passwords lock the account and the screen says until when', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    for (let i = 1; i <= 5; i++) {
      await page.locator('#login-username').fill('clerk1');
      await page.locator('#login-password').fill(`Wrong#${i}abcd`);
      // Each answer before the next try (the answer no longer counts down: it must not reveal the account exists).
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth.login')), page.getByRole('button', { name: '登录' }).click()]);
      if (i < 5) await page.getByText('连续多次输错密码，账号将被暂时锁定。').waitFor();
    }
    await page.getByText(/账号已锁定，锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/).waitFor();
    await screenshot(page, '12-account-locked');
    // Even the right password is refused while locked.
    await page.locator('#login-password').fill(CLERK_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText(/账号已锁定，锁定至/).waitFor();
    await expect(page.getByText('张受理，您好').count()).resolves.toBe(0);
  });
});
