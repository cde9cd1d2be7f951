import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatTime } from '../../renderer/src/app/shanghai-time';
import { launchChromium, screenshot } from '../support/browser';
import { firstLogin } from '../support/e2e-office';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

const ADMIN_PASSWORD = 'Office#2026x'; // never the username (the password policy refuses it)
const CLERK_TEMP_PASSWORD = 'Temp#2026ab';
const CLERK_PASSWORD = 'Clerk#2026ok';

/**
 * The clerk's day at the counter (issue #17), at the counter's 1366×768 and with both the browser
 * and the web host on UTC — a workstation whose OS clock zone was never set — so every date on
 * screen must still be Asia/Shanghai.
 */
describe('counter day e2e: set-up form, validation that never moves a control, organisation applicants, Shanghai times (1366×768, UTC)', () => {
  const data = makeTempDir('bdc-e2e-counter-day-');
  let host: RunningWebHost;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    host = await startWebHostProcess(data.path, { TZ: 'UTC' });
    chromium = await launchChromium();
    const context = await chromium.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'UTC', reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await screenshot(page, `failed-counter-day-${ctx.task.name.slice(0, 30)}`);
      console.log(host.output());
    }
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    data.remove();
  });

  const call = (method: string, input: unknown) =>
    page.evaluate(
      async ({ method, input }) => (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json(),
      { method, input },
    ) as Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

  it('set-up form: every label names its input, and the submit button is on screen at 1366×768 without scrolling', async () => {
    await page.goto(host.url);
    await page.getByText('首次启动设置').first().waitFor();
    // getByLabel finds an input only through a bound label (for/id) or aria-label.
    await page.getByLabel('机构代码（县级行政区划代码）').fill('430102');
    await page.getByLabel('机构名称').fill('长沙市不动产登记中心芙蓉分中心');
    await expect(page.getByLabel('管理员用户名').inputValue()).resolves.toBe('admin');
    await page.getByLabel('管理员姓名').fill('王管理');
    await page.getByLabel('管理员密码').fill(ADMIN_PASSWORD);
    await page.getByLabel('确认密码').fill(ADMIN_PASSWORD);
    const submit = page.getByRole('button', { name: '完成设置并登录' });
    const box = (await submit.boundingBox())!;
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await screenshot(page, 'h17-01-setup-1366x768');
    await submit.click();
    await page.getByText('本机构概况').waitFor();
    const created = await call('users.create', { username: 'clerk1', displayName: '张受理', role: 'clerk', temporaryPassword: CLERK_TEMP_PASSWORD });
    expect(created.ok).toBe(true);
    await call('auth.logout', {});
    await firstLogin(page, 'clerk1', CLERK_TEMP_PASSWORD, CLERK_PASSWORD);
    await page.getByLabel('身份证阅读器：已连接').waitFor({ timeout: 15_000 });
  }, 90_000); // the first start, a user and a first login: three password hashings (scrypt) and a page load each

  it('times on screens are Asia/Shanghai on a UTC machine', async () => {
    const summary = (await call('workbench.summary', {})) as { ok: boolean; value: { passwordChangedAt: string } };
    const changed = summary.value.passwordChangedAt;
    // The instant as Shanghai reads it (8 hours ahead of UTC): the hour differs at any time of day.
    await expect.poll(() => page.getByText('密码修改于').locator('xpath=..').textContent()).toContain(formatTime(changed));
    const utcHour = new Date(changed).getUTCHours();
    expect(formatTime(changed).slice(11, 13)).toBe(String((utcHour + 8) % 24).padStart(2, '0'));
    await screenshot(page, 'h17-02-workbench-shanghai-time');
  });

  it('the first click on 读取身份证 of a new row reads the card: the name field\'s blur reason does not move the button', async () => {
    await placeCard('周晓岚（汉族）');
    await page.getByRole('menuitem', { name: '受理' }).click();
    await page.locator('button[data-type="transfer"]').click();
    await page.getByText(/草稿 #\d+/).waitFor();
    await page.getByRole('button', { name: '添加申请人' }).click();
    // The new row's name field has the focus; the clerk goes straight for the card reader.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第 3 位申请人姓名');
    const button = page.getByRole('button', { name: '读取身份证（第 3 位）' });
    const before = (await button.boundingBox())!;
    const rowBefore = (await page.getByLabel('第 3 位申请人姓名').boundingBox())!;
    await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await page.mouse.down();
    // Mouse-down blurred the empty name: its reason shows, in space the row already had.
    const row3 = page.getByRole('row').filter({ has: page.getByLabel('第 3 位申请人姓名') });
    await row3.getByText('请填写姓名或读取身份证').waitFor();
    expect((await button.boundingBox())!.y).toBe(before.y);
    expect((await page.getByLabel('第 3 位申请人姓名').boundingBox())!.y).toBe(rowBefore.y);
    await page.mouse.up();
    await expect.poll(() => page.getByLabel('第 3 位申请人姓名').inputValue()).toBe('周晓岚');
    await screenshot(page, 'h17-03-first-click-reads-card');

    // Typing a name and then going for the button, in one row after the other, does the same.
    await page.getByLabel('第 1 位申请人姓名').click();
    await page.keyboard.type('李');
    await page.keyboard.press('Backspace');
    const first = (await page.getByRole('button', { name: '读取身份证（第 1 位）' }).boundingBox())!;
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => page.getByLabel('第 1 位申请人姓名').inputValue()).toBe('周晓岚');
  });

  it('an organisation applicant has no 读取身份证 button and its name is shown whole', async () => {
    await page.getByLabel('第 2 位申请人证件类型').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '信用代码' }).click();
    await expect.poll(() => page.getByRole('button', { name: '读取身份证（第 2 位）' }).count()).toBe(0);
    await page.getByLabel('第 2 位申请人姓名').fill('长沙市湘江房地产开发有限公司');
    await page.getByLabel('第 2 位申请人证件号码').fill('91430100MA4L0XXXXX');
    const cut = await page.getByLabel('第 2 位申请人姓名').evaluate((el: HTMLInputElement) => el.scrollWidth > el.clientWidth);
    expect(cut).toBe(false);
    // The other rows keep their button.
    await page.getByRole('button', { name: '读取身份证（第 1 位）' }).waitFor();
    await screenshot(page, 'h17-04-organisation-applicant');
  });

  it('受理条件 shows real states: no tick on an empty draft or for a red row; the banner counts what is wrong and goes when fixed', async () => {
    const rule = (name: string) => page.getByTestId('acceptance-bar').locator(`[data-rule="${name}"]`);
    // Nothing is saved yet, and row 2's credit code is red: neither tick may show.
    await expect(rule('id-numbers-valid').getAttribute('data-passed')).resolves.toBe('no');
    await expect(rule('each-applicant-signed-sealed-or-represented-by-their-agent').getAttribute('data-passed')).resolves.toBe('no');
    await page.getByRole('button', { name: '下一步：不动产单元' }).click();
    await expect(page.getByTestId('step-blockers').textContent()).resolves.toBe('请修正标红的申请人信息（1 人）。');
    await screenshot(page, 'h17-05-acceptance-bar-red-row');
    // A second red row is counted as it turns red…
    await page.getByLabel('第 3 位申请人姓名').fill('');
    await expect.poll(() => page.getByTestId('step-blockers').textContent()).toBe('请修正标红的申请人信息（2 人）。');
    await page.getByLabel('第 3 位申请人姓名').fill('周晓岚');
    // …and the banner goes as soon as the last fault is fixed, before any new attempt to move on.
    await page.getByLabel('第 2 位申请人证件号码').fill('911100001000044477');
    await page.getByTestId('step-blockers').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '下一步：不动产单元' }).click();
    await page.getByLabel('受理步骤').locator('.ant-steps-item-active').filter({ hasText: '不动产单元' }).waitFor();
    await expect.poll(() => rule('id-numbers-valid').getAttribute('data-passed')).toBe('yes');
    await expect(rule('each-applicant-signed-sealed-or-represented-by-their-agent').getAttribute('data-passed')).resolves.toBe('no');
    await screenshot(page, 'h17-06-acceptance-bar-saved');
  });

  it('a draft saves as the clerk types and on leaving by the sidebar; 工作台 and 受理 open it again; a reload puts the focus back in the field', async () => {
    const code = page.getByLabel('第 1 个不动产单元代码');
    const address = page.getByLabel('第 1 个不动产单元坐落');
    await code.click();
    await page.keyboard.type('430102003004GB00123F00010203');
    await address.click();
    await page.keyboard.type('湖南省长沙市芙蓉区五一大道一百二十三号');
    // No 下一步: the clerk leaves through the sidebar after the pause that saves.
    await expect.poll(() => page.getByTestId('autosave').textContent(), { timeout: 10_000 }).toBe('（已自动保存）');
    await expect(page.evaluate(() => location.hash)).resolves.toMatch(/^#\/intake\/\d+$/);
    await page.getByRole('menuitem', { name: '工作台' }).click();
    const drafts = page.getByTestId('work-queue').locator('[data-list="myDrafts"]');
    await drafts.getByRole('link', { name: /草稿 #\d+ · 转移登记 · 周晓岚、长沙市湘江房地产开发有限公司/ }).waitFor();
    await expect(page.getByTestId('work-queue').locator('[data-list="acceptedToday"]').getByText('今天还没有受理业务').count()).resolves.toBe(1);
    await screenshot(page, 'h17-07-work-queue');

    // One click: the draft opens at the step and in the field the clerk left, with what was typed.
    await drafts.getByRole('link').first().click();
    await page.getByLabel('受理步骤').locator('.ant-steps-item-active').filter({ hasText: '不动产单元' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), { timeout: 10_000 }).toBe('第 1 个不动产单元坐落');
    await expect(code.inputValue()).resolves.toBe('430102003004GB00123F00010203');
    await expect(address.inputValue()).resolves.toBe('湖南省长沙市芙蓉区五一大道一百二十三号');

    // A reload (or a crash of the window) does the same.
    await page.getByLabel('第 1 个不动产单元面积').click();
    await page.keyboard.type('89.5');
    await expect.poll(() => page.getByTestId('autosave').textContent(), { timeout: 10_000 }).toBe('（已自动保存）');
    await page.reload();
    await page.getByLabel('受理步骤').locator('.ant-steps-item-active').filter({ hasText: '不动产单元' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), { timeout: 10_000 }).toBe('第 1 个不动产单元面积');
    await expect(page.getByLabel('第 1 个不动产单元面积').inputValue()).resolves.toBe('89.50');
    await screenshot(page, 'h17-08-draft-after-reload');

    // 受理 lists it under the business types.
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.getByRole('menuitem', { name: '受理' }).click();
    await page.getByTestId('resumable-drafts').getByRole('link', { name: /继续受理 草稿 #\d+/ }).click();
    await page.getByLabel('受理步骤').locator('.ant-steps-item-active').filter({ hasText: '不动产单元' }).waitFor();
   }, 120_000); // a whole stretch of the clerk's work with a reload, like the intake e2e

  /** The trainee, as the applicant, puts a sample card on the simulated reader. */
  async function placeCard(label: string) {
    await page.getByRole('button', { name: '模拟设备' }).click();
    await page.getByText('这里操作的是模拟设备').waitFor();
    await page.getByLabel('样例证件').click();
    await page.locator('.ant-select-item-option').filter({ hasText: label }).click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.getByRole('button', { name: '放置证件' }).click();
    await page.getByText('当前：').locator('.ant-tag').filter({ hasText: label.replace(/（.*$/, '') }).waitFor();
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
  }
});
