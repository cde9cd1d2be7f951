import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, command, customCertificates, submission } from '../platform/harness';
import { startPlatform } from '../platform/index';
import { register, toRegistration } from '../platform/review-harness';
import { launchChromium, screenshot, SCREENSHOT_DIR } from '../support/browser';
import { firstLogin, initializeOffice } from '../support/e2e-office';
import { platformConfigFor } from '../support/sync-cases';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

const ADMIN_PASSWORD = 'Office#2026x';
const TEMP_PASSWORD = 'Temp#2026ab';
const CLERK_PASSWORD = 'Clerk#2026ok';
const UNIT = '430102003004GB00123F00010203';

/**
 * 发证 (issue #12 part 5) at counter B3 of a case counter A7 accepted: the platform stand-in (mTLS,
 * automatic decisions off) holds two registered transfers submitted, reviewed and registered over
 * A7's certificate; the web host is B3 and knows them only from the office feed. The buyer
 * (龙金花) collects the first with a simulated card read and a pad signature; the 领证单 is
 * rendered and looked at. The second: a collector picked as agent without 授权委托书 is refused,
 * then it goes by courier, a wrong EMS check digit refused and a good one taken.
 */
describe('issuance e2e (Chromium + web host B3 + platform stand-in, case accepted at A7)', () => {
  const data = makeTempDir('bdc-e2e-issuance-');
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  let host: RunningWebHost;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const cases: string[] = [];

  beforeAll(async () => {
    const certs = await customCertificates(join(data.path, 'certs'), '430102-B3', '430102-A7');
    platform = await startPlatform({ dataDir: join(data.path, 'platform'), port: 0, certificates: certs, auto: { enabled: false, stepMs: 1000 } });
    const a7 = clientFor(platform, { caPem: certs.caPem, clientCertPem: certs.second.certPem, clientKeyPem: certs.second.keyPem });
    const office = { platform, desk: a7 } as unknown as Parameters<typeof toRegistration>[0];
    for (let i = 0; i < 2; i++) {
      const body = submission([], { caseNumber: `430102-20261204-A7-${String(9100 + i)}` });
      const res = await command(a7, '/api/v1/cases', body);
      if (res.status !== 201) throw new Error(`submission: ${res.status} ${JSON.stringify(res.data)}`);
      const n = body.caseNumber as string;
      // The paper is printed (the administration flag stands for 缮证 until part 4 lands).
      platform.admin.setCertificatePrinted(n, true);
      await toRegistration(office, n, a7);
      const reg = await register(a7, n, [UNIT]);
      if (reg.status !== 200) throw new Error(`登簿: ${JSON.stringify(reg.data)}`);
      cases.push(n);
    }
    writeFileSync(join(data.path, 'config.json'), JSON.stringify({ workstationId: 'B3', platform: platformConfigFor(platform, { timeoutMs: 3000, pollSeconds: 1, retryBaseMs: 50, retryMaxMs: 500 }) }));
    host = await startWebHostProcess(data.path);
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => console.log(`pageerror: ${e.message}\n${e.stack ?? ''}`));
    await initializeOffice(page, {
      url: host.url,
      officeName: '长沙市不动产登记中心芙蓉分中心',
      adminPassword: ADMIN_PASSWORD,
      temporaryPassword: TEMP_PASSWORD,
      users: [{ username: 'clerk2', displayName: '孙发证', role: 'clerk' }],
    });
    await firstLogin(page, 'clerk2', TEMP_PASSWORD, CLERK_PASSWORD);
  }, 240_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await screenshot(page, `failed-issuance-${ctx.task.name.slice(0, 30)}`);
      console.log(host.output());
    }
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    await platform?.close();
    data.remove();
  });

  async function call<T>(method: string, input: unknown): Promise<T> {
    const r = (await page.evaluate(
      async ({ method, input }) => (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json(),
      { method, input },
    )) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  }

  async function shot(name: string) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  async function openCase(caseNumber: string) {
    await page.goto(`${host.url.split('#')[0]}#/issuance`);
    await page.getByRole('link', { name: caseNumber }).click();
    await page.getByTestId('issuance-case').waitFor();
  }

  /** The pad shows the collector's prompt, the simulated collector signs. */
  async function signOnPad() {
    await expect.poll(async () => (await call<{ sigpad: { signing: boolean } | null }>('devices.simulation', {})).sigpad?.signing, { timeout: 15_000 }).toBe(true);
    await call('devices.simulateSign', { sample: 'zhangSan' });
  }

  it('the office feed brings both registered cases to B3’s 待领证 list', async () => {
    await page.goto(`${host.url.split('#')[0]}#/issuance`);
    for (const n of cases) await expect.poll(async () => page.getByRole('link', { name: n }).count(), { timeout: 30_000 }).toBe(1);
    await page.getByText('430102-A7').first().waitFor();
    await shot('issuance-queue');
  }, 60_000);

  it('the buyer collects at B3: card read, pad signature, 领证单 rendered; the platform closes the case', async () => {
    await openCase(cases[0]);
    await page.getByTestId('issuance-method').getByText('现场领取').click();
    await call('devices.simulatePlaceCard', { card: 'miao' });
    await page.getByRole('button', { name: '读取领证人身份证' }).click();
    await expect.poll(() => page.getByTestId('collector').textContent()).toBe('权利人：龙金花（433124********0267）');
    await page.getByRole('button', { name: '领证人在签名板上签名' }).click();
    await signOnPad();
    await page.getByTestId('collector-signature').locator('img').waitFor();
    await shot('issuance-counter');
    await page.getByRole('button', { name: '确认发证并生成领证单' }).click();
    await page.getByTestId('issuance-record').waitFor();
    await expect.poll(() => page.getByTestId('issuance-record').textContent()).toContain('龙金花（433124********0267，权利人本人）');
    expect(await page.getByTestId('issuance-record').textContent()).not.toContain('433124199211080267');
    await shot('issuance-record-counter');

    const caseId = Number(/#\/issuance\/(\d+)/.exec(page.url())![1]);
    const doc = await call<{ pdfBase64: string }>('issuance.document', { caseId });
    const pdf = join(SCREENSHOT_DIR, 'issuance-collection-record.pdf');
    writeFileSync(pdf, Buffer.from(doc.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('领证单');
    expect(text).toContain(cases[0]);
    expect(text).toContain('433124********0267');
    expect(text).not.toContain('433124199211080267');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, join(SCREENSHOT_DIR, 'issuance-collection-record')]);

    // Through the outbox: the platform's stage is issued (terminal).
    await expect.poll(() => platform.admin.review(cases[0])?.stage, { timeout: 30_000 }).toBe('issued');
  }, 90_000);

  it('an agent without 授权委托书 is refused; then the case goes by courier, a wrong EMS check digit refused', async () => {
    await openCase(cases[1]);
    await page.getByTestId('issuance-method').getByText('现场领取').click();
    await page.getByText('代理人领取（须授权委托书）').click();
    await call('devices.simulatePlaceCard', { card: 'han' });
    await page.getByRole('button', { name: '读取领证人身份证' }).click();
    await expect.poll(() => page.getByTestId('collector').textContent()).toContain('代理人：周晓岚');
    await page.getByRole('button', { name: '领证人在签名板上签名' }).click();
    await signOnPad();
    await page.getByTestId('collector-signature').locator('img').waitFor();
    await page.getByRole('button', { name: '确认发证并生成领证单' }).click();
    await expect.poll(() => page.getByTestId('issuance-error').textContent()).toContain('代理人领证须提供授权委托书');
    await shot('issuance-agent-refused');

    await page.getByTestId('issuance-method').getByText('邮寄').click();
    await page.getByLabel('收件地址').fill('湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元203室');
    await page.getByLabel('联系电话').fill('13807310001');
    await page.getByLabel('运单号').fill('EA123456784CN');
    await expect.poll(() => page.getByTestId('courier-issue').textContent()).toContain('EMS运单号校验位不符');
    expect(await page.getByRole('button', { name: '确认邮寄发证' }).isDisabled()).toBe(true);
    await shot('issuance-courier-bad-waybill');
    await page.getByLabel('运单号').fill('EA123456785CN');
    await page.getByRole('button', { name: '确认邮寄发证' }).click();
    await page.getByTestId('issuance-record').waitFor();
    await expect.poll(() => page.getByTestId('issuance-record').textContent()).toContain('中国邮政EMS EA123456785CN');
    await expect.poll(() => page.getByTestId('issuance-record').textContent()).toContain('138****0001');
    await page.getByRole('button', { name: '登记已签收' }).click();
    await expect.poll(() => page.getByTestId('issuance-record').textContent()).toContain('已签收');
    await shot('issuance-record-courier');
    await expect.poll(() => platform.admin.review(cases[1])?.history.some((h) => (h as { action: string }).action === 'delivered'), { timeout: 30_000 }).toBe(true);
  }, 90_000);
});
