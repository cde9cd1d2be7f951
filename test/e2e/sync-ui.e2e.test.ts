import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_UNITS, startPlatform } from '../platform/index';
import { launchChromium, screenshot, SCREENSHOT_DIR } from '../support/browser';
import { BUYER, SELLER_1, SELLER_2, TRANSFER_RECEIVED, UNIT } from '../support/cases';
import { firstLogin, initializeOffice } from '../support/e2e-office';
import { platformConfigFor } from '../support/sync-cases';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

const ADMIN_PASSWORD = 'Office#2026x';
const TEMP_PASSWORD = 'Temp#2026ab';
const PASSWORDS = { clerk1: 'Clerk#2026ok', sup1: 'Super#2026ok' } as const;
type Username = keyof typeof PASSWORDS;

/**
 * What staff see of the provincial platform, in Chromium against the web host and the platform
 * stand-in (mutual TLS on loopback): a case the platform refuses becomes a dead letter, shown in red
 * in the top bar and on 平台同步, which only a supervisor may resend; once resent, the platform's
 * decisions show in the case's timeline. And 查询登记簿 in the intake's unit step: restrictions
 * from the register, and the offline cache when the platform cannot be reached.
 * (The offline → online journey of accepted cases is covered by its own e2e test.)
 */
describe('sync UI e2e: platform slot, 平台同步 dead letters, 查询登记簿 (Chromium + web host + platform stand-in)', () => {
  const data = makeTempDir('bdc-e2e-sync-ui-');
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  let host: RunningWebHost;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    platform = await startPlatform({ dataDir: join(data.path, 'platform'), port: 0, auto: { enabled: false, stepMs: 1000 } });
    writeFileSync(
      join(data.path, 'config.json'),
      JSON.stringify({
        workstationId: 'A7',
        // Short waits so a retry or a feed read happens within a test's patience.
        platform: platformConfigFor(platform, { timeoutMs: 3000, pollSeconds: 1, retryBaseMs: 50, retryMaxMs: 500 }),
      }),
    );
    host = await startWebHostProcess(data.path);
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    page.setDefaultTimeout(10_000);
    await initializeOffice(page, {
      url: host.url,
      officeName: '长沙市不动产登记中心芙蓉分中心',
      adminPassword: ADMIN_PASSWORD,
      temporaryPassword: TEMP_PASSWORD,
      users: [
        { username: 'clerk1', displayName: '张受理', role: 'clerk' },
        { username: 'sup1', displayName: '李主管', role: 'supervisor' },
      ],
    });
    for (const user of ['clerk1', 'sup1'] as const) {
      await firstLogin(page, user, TEMP_PASSWORD, PASSWORDS[user]);
      await logout();
    }
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await screenshot(page, `failed-sync-ui-${ctx.task.name.slice(0, 30)}`);
      console.log(host.output());
    }
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    await platform?.close();
    data.remove();
  });

  async function login(user: Username) {
    await page.locator('#login-username').fill(user);
    await page.locator('#login-password').fill(PASSWORDS[user]);
    await page.getByRole('button', { name: '登录' }).click();
    // The same user logging in again stays on the page they were on (not always 工作台): the top bar says we are in.
    await page.getByTestId('platform-slot').waitFor();
  }

  /** Toasts (“密码已修改”, “已重新放入…”) cover the top bar: screenshots wait until they are gone. */
  async function noToasts() {
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
  }

  /**
   * A second-hand flat transfer accepted through the contract as the logged-in clerk, every party
   * signing on the simulated pad (as test/support/cases.ts acceptTransfer does in core tests).
   */
  async function acceptTransfer(): Promise<{ id: number; caseNumber: string }> {
    const draft = await call<{ id: number }>('cases.createDraft', { businessType: 'transfer' });
    await call('cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1, SELLER_2], units: [UNIT], materialsReceived: TRANSFER_RECEIVED });
    await expect
      .poll(async () => (await call<{ devices: Array<{ kind: string; state: string }> }>('status.get', {})).devices.find((d) => d.kind === 'sigpad')?.state, { timeout: 15_000 })
      .toBe('connected');
    for (const [ordinal, sample] of [[1, 'zhangSan'], [2, 'liSi'], [3, 'loops']] as const) {
      const signing = call('cases.signParty', { id: draft.id, ordinal, timeoutSeconds: 20 });
      await expect.poll(async () => (await call<{ sigpad: { signing: boolean } | null }>('devices.simulation', {})).sigpad?.signing).toBe(true);
      await call('devices.simulateSign', { sample });
      await signing;
    }
    return call<{ id: number; caseNumber: string }>('cases.accept', { id: draft.id });
  }

  async function logout() {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#login-username').waitFor();
  }

  /** Calls the contract as the logged-in user (the page's session), failing on an error result. */
  async function call<T>(method: string, input: unknown): Promise<T> {
    const r = (await page.evaluate(
      async ({ method, input }) => (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json(),
      { method, input },
    )) as { ok: boolean; value?: T; error?: { code: string } };
    if (!r.ok) throw new Error(`${method} failed: ${r.error?.code}`);
    return r.value as T;
  }

  /** A full-page screenshot with transitions finished. */
  async function shot(name: string) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  /** The top bar alone, with the platform slot's tooltip when `hover`. */
  async function shotTopBar(name: string, hover = false) {
    await noToasts();
    if (hover) {
      await page.getByTestId('platform-slot').hover();
      await page.getByRole('tooltip').waitFor();
    }
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), clip: { x: 0, y: 0, width: 1280, height: hover ? 130 : 56 }, animations: 'disabled' });
    if (hover) await page.mouse.move(640, 600);
  }

  it('a case the platform refuses is a dead letter: red in the top bar, explained to a clerk, resent by a supervisor; then the platform’s decisions show in the case', async () => {
    await login('clerk1');
    await page.getByTestId('platform-state').filter({ hasText: '平台在线' }).waitFor({ timeout: 15_000 });
    await shotTopBar('60-topbar-online', true);

    // The platform refuses the next submission (a 4xx other than 408/429: no retry helps).
    platform.admin.setFaults([{ match: { method: 'POST', pathPrefix: '/api/v1/cases' }, action: 'status', status: 422, times: 1 }]);
    const accepted = await acceptTransfer();

    // The top bar says so in red; the clerk's 平台同步 explains that a supervisor decides.
    await page.getByTestId('platform-dead').filter({ hasText: '失败 1' }).waitFor({ timeout: 20_000 });
    await shotTopBar('60-topbar-dead-letter');
    await page.getByTestId('platform-slot').click();
    await page.mouse.move(640, 700);
    await page.getByTestId('outbox-tab-dead').waitFor();
    const deadTable = page.getByTestId('outbox-table-dead');
    await deadTable.getByRole('row').filter({ hasText: accepted.caseNumber }).waitFor();
    await page.getByText('发送失败的业务需由主管决定').waitFor();
    await expect(deadTable.getByRole('button', { name: /重新发送/ }).count()).resolves.toBe(0);
    await shot('60-sync-dead-letter-clerk');

    // The case itself says 上报失败 and links to 平台同步.
    await deadTable.getByRole('link', { name: accepted.caseNumber }).click();
    await page.getByTestId('case-sync').filter({ hasText: '上报失败' }).waitFor();
    await shot('60-case-dead-letter');
    await logout();

    // The supervisor: the cancel dialog wants a reason; 重新发送 delivers it with the same key.
    await login('sup1');
    await page.getByTestId('platform-slot').click();
    await page.mouse.move(640, 700);
    const row = page.getByTestId('outbox-table-dead').getByRole('row').filter({ hasText: accepted.caseNumber });
    await row.waitFor();
    await noToasts();
    await shot('60-sync-dead-letter-supervisor');
    await row.getByRole('button', { name: /取消发送/ }).click();
    await page.getByRole('button', { name: '确认取消发送' }).click();
    await page.getByText('请填写取消原因').waitFor();
    await page.locator('#cancel-send-reason').fill('错');
    await page.getByText('原因至少 2 个字').waitFor();
    await shot('60-sync-cancel-needs-reason');
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await row.getByRole('button', { name: /重新发送/ }).click();
    await page.getByTestId('outbox-table-dead').getByText('没有发送失败的业务。').waitFor({ timeout: 20_000 });
    await page.getByTestId('platform-dead').waitFor({ state: 'detached' });
    await page.getByTestId('outbox-tab-done').click();
    await page.getByTestId('outbox-table-done').getByRole('row').filter({ hasText: accepted.caseNumber }).waitFor({ timeout: 20_000 });
    await expect.poll(() => platform.admin.cases().filter((c) => c.caseNumber === accepted.caseNumber).length).toBe(1);
    const official = platform.admin.cases().find((c) => c.caseNumber === accepted.caseNumber)?.officialNumber ?? '';
    expect(official).not.toBe('');
    await noToasts();
    await shot('60-sync-sent');

    // The platform's decisions arrive through the change feed and show in the case.
    const changes: Array<[string, Record<string, unknown>]> = [
      ['track.changed', { track: 'registration', status: 'reviewing', label: '审核中' }],
      ['track.changed', { track: 'tax', status: 'assessing', label: '核税中' }],
      ['tax.notice', { items: [{ name: '契税', amountFen: 2_685_000 }, { name: '个人所得税', amountFen: 895_000 }], totalFen: 3_580_000 }],
      ['payment.result', { paid: true, amountFen: 3_580_000, paidAt: new Date().toISOString(), channel: '银联' }],
      ['track.changed', { track: 'transaction', status: 'filed', label: '已备案' }],
      ['track.changed', { track: 'tax', status: 'paid', label: '已缴税' }],
      ['review.decision', { decision: 'approve', reasons: [] }],
      ['registered', { registeredAt: new Date().toISOString(), certificateNumbers: ['湘(2026)长沙市不动产权第0900017号'] }],
      ['track.changed', { track: 'registration', status: 'registered', label: '已登簿' }],
    ];
    for (const [kind, change] of changes) platform.admin.appendChange(accepted.caseNumber, kind, change);
    await page.getByTestId('outbox-table-done').getByRole('link', { name: accepted.caseNumber }).click();
    // The open case refetches on 'sync.changed': no reload.
    await page.getByTestId('certificate-numbers').filter({ hasText: '湘(2026)长沙市不动产权第0900017号' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('official-number').filter({ hasText: official }).waitFor();
    await page.getByTestId('case-sync').filter({ hasText: '已上报' }).waitFor();
    const timeline = page.getByTestId('case-timeline');
    for (const text of [`平台已接收（统一受理编号 ${official}）`, '登记：审核中', '税务：核税中', '税务核税通知（合计 ¥35,800.00）', '缴税结果：已缴 ¥35,800.00', '审核决定：准予登记', '已登簿（证书号 湘(2026)长沙市不动产权第0900017号）']) {
      await timeline.getByText(text).waitFor();
    }
    await page.getByLabel('办理进度').getByText('已备案').waitFor();
    // Taxes apart from the registration fee, never added to it (issue #17).
    await expect(page.getByTestId('case-fee-total').textContent()).resolves.toBe('80.00 元');
    await expect(page.getByTestId('tax-total').textContent()).resolves.toBe('35800.00 元');
    await page.getByTestId('tax-panel').getByText('契税').waitFor();
    await noToasts();
    await shot('60-case-platform-events');
    await logout();
  }, 180_000);

  it('查询登记簿 in the unit step: a seized unit in red, “采用登记簿信息” fills the form, a unit the register lacks, and the offline cache', async () => {
    await login('clerk1');
    const draft = await call<{ id: number }>('cases.createDraft', { businessType: 'transfer' });
    await call('cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [], materialsReceived: TRANSFER_RECEIVED });
    await page.evaluate((id) => (window.location.hash = `/intake/${id}`), draft.id);
    await page.getByLabel('受理步骤').getByText('不动产单元').click();
    const code = page.getByLabel('第 1 个不动产单元代码');
    const lookup = page.getByRole('button', { name: '查询登记簿（第 1 个不动产单元）' });

    // Not a complete code yet: nothing to ask.
    await code.fill(SAMPLE_UNITS.seized.slice(0, 20));
    await expect(lookup.isDisabled()).resolves.toBe(true);

    await code.fill(SAMPLE_UNITS.seized);
    await lookup.click();
    const record = page.getByTestId('register-record');
    await record.getByText('湖南省长沙市天心区书院路五十六号2栋1单元501室').waitFor();
    await record.getByText('陈志强').waitFor();
    await record.locator('.ant-tag').filter({ hasText: '查封' }).waitFor();
    await record.locator('.ant-tag').filter({ hasText: '抵押' }).waitFor();
    await record.getByText('查封解除前不能办理转移登记').waitFor();
    await record.getByRole('button', { name: '采用登记簿信息' }).click();
    await expect.poll(() => page.getByLabel('第 1 个不动产单元坐落').inputValue()).toBe('湖南省长沙市天心区书院路五十六号2栋1单元501室');
    await expect.poll(() => page.getByLabel('第 1 个不动产单元面积').inputValue()).toBe('112.30');
    await record.getByText('与登记簿一致').waitFor();
    await noToasts();
    await shot('60-intake-register-seized');

    // A valid code the register does not hold.
    await code.fill('430102009009GB00999F00990999');
    await lookup.click();
    await page.getByText('登记簿中未查到该单元').waitFor();

    // The platform unreachable: the answer comes from the cache, and says so.
    await code.fill(SAMPLE_UNITS.preRegistered);
    await lookup.click();
    await record.getByText('远大一路二百一十号').waitFor();
    platform.admin.setFaults([{ match: { pathPrefix: '/api/v1/' }, action: 'drop-before', times: 0 }]);
    await lookup.click();
    await page.getByTestId('register-source').filter({ hasText: '离线缓存，查询于' }).waitFor({ timeout: 20_000 });
    await record.locator('.ant-tag').filter({ hasText: '预告登记' }).waitFor();
    await shot('60-intake-register-cache');
    platform.admin.clearFaults();
    await logout();
  }, 120_000);

  it('offline: a case accepted while the platform is down waits in the queue, then syncs when it returns and receives its number and the review decision', async () => {
    await login('clerk1');
    await page.getByTestId('platform-state').filter({ hasText: '平台在线' }).waitFor({ timeout: 15_000 });

    // The extranet goes down: the stand-in stops (its port refuses connections).
    const port = platform.port;
    await platform.close();
    await page.getByTestId('platform-state').filter({ hasText: '平台离线' }).waitFor({ timeout: 20_000 });

    // The counter keeps working: 受理 succeeds and the case waits in the queue.
    const accepted = await acceptTransfer();
    await page.getByTestId('platform-queued').filter({ hasText: '待发送 1' }).waitFor({ timeout: 20_000 });
    await shotTopBar('61-topbar-offline-queued', true);
    await page.getByTestId('platform-slot').click();
    await page.mouse.move(640, 700);
    await page.getByTestId('outbox-table-pending').getByRole('row').filter({ hasText: accepted.caseNumber }).waitFor();
    await noToasts();
    await shot('61-sync-offline-pending');

    // The link returns (same address, same data): the queue drains on its own and the case gets its number.
    platform = await startPlatform({ dataDir: join(data.path, 'platform'), port, auto: { enabled: false, stepMs: 1000 } });
    await page.getByTestId('platform-state').filter({ hasText: '平台在线' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('platform-queued').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => platform.admin.cases().filter((c) => c.caseNumber === accepted.caseNumber).length, { timeout: 20_000 }).toBe(1);
    const remote = platform.admin.cases().find((c) => c.caseNumber === accepted.caseNumber)!;
    expect(remote.submitKeys).toHaveLength(1);
    expect(remote.blobs.every((b) => b.complete)).toBe(true);
    const official = remote.officialNumber ?? '';
    expect(official).not.toBe('');

    // The reviewer's decision on the platform comes back through the change feed.
    platform.admin.appendChange(accepted.caseNumber, 'review.decision', { decision: 'approve', reasons: [] });
    await page.evaluate((id) => (window.location.hash = `/cases/${id}`), accepted.id);
    await page.getByTestId('official-number').filter({ hasText: official }).waitFor({ timeout: 20_000 });
    await page.getByTestId('case-sync').filter({ hasText: '已上报' }).waitFor();
    const timeline = page.getByTestId('case-timeline');
    await timeline.getByText(`平台已接收（统一受理编号 ${official}）`).waitFor();
    await timeline.getByText('审核决定：准予登记').waitFor({ timeout: 20_000 });
    await noToasts();
    await shot('61-case-synced-after-outage');
    await logout();
  }, 180_000);
});
