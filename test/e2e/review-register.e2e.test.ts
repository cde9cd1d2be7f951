import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCupsPdfQueue, type CupsPdfQueue } from '../native/printer/cups-pdf-queue';
import { SAMPLE_UNITS, startPlatform } from '../platform/index';
import { launchChromium, screenshot, SCREENSHOT_DIR } from '../support/browser';
import { BUYER, SELLER_1, SELLER_2, TRANSFER_RECEIVED, UNIT } from '../support/cases';
import { firstLogin, initializeOffice } from '../support/e2e-office';
import { platformConfigFor } from '../support/sync-cases';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

const ADMIN_PASSWORD = 'Office#2026x';
const TEMP_PASSWORD = 'Temp#2026ab';
const PASSWORDS = { clerk1: 'Clerk#2026ok', rev1: 'Review#2026ok', rev2: 'Second#2026ok', reg1: 'Regist#2026ok' } as const;
type Username = keyof typeof PASSWORDS;
const SEIZED_UNIT = { unitCode: SAMPLE_UNITS.seized, address: '湖南省长沙市天心区书院路五十六号2栋1单元501室', use: 'residential' as const, areaM2: 112.3 };

/**
 * Review and 登簿 at the office (issue #11), in Chromium against the web host and the platform
 * stand-in (mutual TLS on loopback, automatic decisions off): four people on one workstation — a
 * clerk accepts a 二手房转移, a reviewer asks for a 补正, the clerk receives it, the reviewer passes
 * it, a second reviewer passes the 复审, the registrar registers it; the register shows the buyer
 * 现势 and the sellers 历史, and the case carries the certificate number. A second case on a 查封
 * unit is stopped in review by the named rule.
 */
describe('review and 登簿 e2e: queues, workspace, 补正, 复审, 登簿 (Chromium + web host + platform stand-in)', () => {
  const data = makeTempDir('bdc-e2e-review-');
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  let host: RunningWebHost;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let printer: CupsPdfQueue;

  beforeAll(async () => {
    printer = await createCupsPdfQueue({ description: '受理窗口 A4 打印机' });
    platform = await startPlatform({ dataDir: join(data.path, 'platform'), port: 0, auto: { enabled: false, stepMs: 1000 } });
    writeFileSync(
      join(data.path, 'config.json'),
      JSON.stringify({ workstationId: 'A7', devices: { printer: printer.name }, platform: platformConfigFor(platform, { timeoutMs: 3000, pollSeconds: 1, retryBaseMs: 50, retryMaxMs: 500 }) }),
    );
    host = await startWebHostProcess(data.path);
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    page.setDefaultTimeout(15_000);
    // A script error in the page fails loudly in the output (a blank page alone says nothing).
    page.on('pageerror', (e) => console.log(`pageerror: ${e.message}\n${e.stack ?? ''}`));
    await initializeOffice(page, {
      url: host.url,
      officeName: '长沙市不动产登记中心芙蓉分中心',
      adminPassword: ADMIN_PASSWORD,
      temporaryPassword: TEMP_PASSWORD,
      users: [
        { username: 'clerk1', displayName: '张受理', role: 'clerk' },
        { username: 'rev1', displayName: '李初审', role: 'reviewer' },
        { username: 'rev2', displayName: '赵复审', role: 'reviewer' },
        { username: 'reg1', displayName: '王登簿', role: 'registrar' },
      ],
    });
    for (const user of Object.keys(PASSWORDS) as Username[]) {
      await firstLogin(page, user, TEMP_PASSWORD, PASSWORDS[user]);
      await logout();
    }
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await screenshot(page, `failed-review-${ctx.task.name.slice(0, 30)}`);
      console.log(host.output());
    }
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    await platform?.close();
    await printer?.remove();
    data.remove();
  });

  async function login(user: Username) {
    // After a failed test the page may be anywhere: start from the login screen.
    if (!(await page.locator('#login-username').isVisible())) await page.reload();
    await page.locator('#login-username').fill(user);
    await page.locator('#login-password').fill(PASSWORDS[user]);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
  }

  async function logout() {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#login-username').waitFor();
  }

  /** Calls the contract as the logged-in user; the error code comes back instead of a value when refused. */
  async function call<T>(method: string, input: unknown): Promise<T> {
    const r = await tryCall<T>(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  }
  async function tryCall<T>(method: string, input: unknown) {
    return (await page.evaluate(
      async ({ method, input }) => (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json(),
      { method, input },
    )) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  }

  async function shot(name: string) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  /** A two-page scan of the sale contract, a real PDF (the viewer renders it with pdfjs). */
  async function contractPdf(): Promise<string> {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 2; i++) pdf.addPage([595, 842]).drawText(`Housing sale contract - page ${i}`, { x: 60, y: 760, size: 24, font });
    return Buffer.from(await pdf.save()).toString('base64');
  }

  /**
   * A 二手房转移 accepted through the contract by the logged-in clerk (the 受理 wizard itself is the
   * intake e2e's): the parties sign on the simulated pad, the contract is attached as a PDF scan.
   */
  async function acceptTransfer(unit: typeof UNIT, sellers: Array<{ role: 'obligor'; name: string; idNumber: string; phone: string | null }>): Promise<{ id: number; caseNumber: string }> {
    const draft = await call<{ id: number }>('cases.createDraft', { businessType: 'transfer' });
    await call('cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, ...sellers], units: [unit], materialsReceived: TRANSFER_RECEIVED });
    await call('cases.attachFile', { id: draft.id, materialId: 'transferContract', fileName: '买卖合同.pdf', mediaType: 'application/pdf', dataBase64: await contractPdf() });
    await expect
      .poll(async () => (await call<{ devices: Array<{ kind: string; state: string }> }>('status.get', {})).devices.find((d) => d.kind === 'sigpad')?.state, { timeout: 15_000 })
      .toBe('connected');
    const samples = ['zhangSan', 'liSi', 'loops'] as const;
    for (let ordinal = 1; ordinal <= 1 + sellers.length; ordinal++) {
      const signing = call('cases.signParty', { id: draft.id, ordinal, timeoutSeconds: 20 });
      await expect.poll(async () => (await call<{ sigpad: { signing: boolean } | null }>('devices.simulation', {})).sigpad?.signing).toBe(true);
      await call('devices.simulateSign', { sample: samples[(ordinal - 1) % samples.length] });
      await signing;
    }
    return call<{ id: number; caseNumber: string }>('cases.accept', { id: draft.id });
  }

  const stageOf = (caseNumber: string) => platform.admin.review(caseNumber)?.stage;
  const queueRow = (caseNumber: string) => page.getByTestId('review-queues').getByRole('row').filter({ hasText: caseNumber });

  /** Opens 审核, the given tab, and waits for the case to be listed (the office feed brings it). */
  async function openQueue(tab: string, caseNumber: string) {
    await page.getByRole('menuitem', { name: '审核' }).click();
    await page.getByRole('tab', { name: new RegExp(tab) }).click();
    await queueRow(caseNumber).waitFor({ timeout: 20_000 });
  }

  /** Claims the case from its row; the workspace (or the 登簿 screen) opens. */
  async function claimFromQueue(caseNumber: string) {
    await queueRow(caseNumber).getByRole('button', { name: '认领' }).click();
  }

  async function sendDecision(key: string, opinion: string) {
    await page.keyboard.press(key);
    await page.getByLabel('审核意见内容').fill(opinion);
    await page.getByTestId('send-decision').click();
  }

  it('二手房转移: 初审 asks for a 补正, the clerk receives it, 初审 and 复审 pass, 登簿; buyer 现势, sellers 历史, the certificate number on the case', async () => {
    await login('clerk1');
    const accepted = await acceptTransfer(UNIT, [SELLER_1, SELLER_2]);
    await expect.poll(() => stageOf(accepted.caseNumber), { timeout: 30_000 }).toBe('firstReview');
    await logout();

    // 初审: the queue lists it with its countdown; 认领 opens the workspace.
    await login('rev1');
    await openQueue('待初审', accepted.caseNumber);
    await expect(queueRow(accepted.caseNumber).textContent()).resolves.toMatch(/个工作日|今日到期/);
    await shot('70-review-queue-first');
    await claimFromQueue(accepted.caseNumber);
    await page.getByTestId('review-workspace').waitFor();
    await page.getByTestId('workspace-claim').filter({ hasText: '本人办理中' }).waitFor();
    // The contract scan, downloaded and drawn by pdfjs; the register record and the named checks.
    await page.getByTestId('viewer-canvas').waitFor({ timeout: 20_000 });
    await page.getByTestId('viewer-page').filter({ hasText: '1 / 2 页' }).waitFor();
    await page.keyboard.press('PageDown');
    await page.getByTestId('viewer-page').filter({ hasText: '2 / 2 页' }).waitFor();
    await page.getByTestId('register-panel').getByText('周晓岚').first().waitFor();
    await page.getByTestId('review-checks').locator('[data-rule="mortgage-on-transfer"]').waitFor();
    await shot('71-review-workspace');

    // 补正: one item, then the decision goes out (outbox) and the case leaves 初审.
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: '添加一项' }).click();
    await page.getByLabel('第 1 项问题').fill('转移合同缺少买受人签字页');
    await page.getByLabel('审核意见内容').fill('转移合同不完整，请补正后再审。');
    await shot('72-review-supplement');
    await page.getByTestId('send-decision').click();
    await page.getByText('已作出补正决定').waitFor();
    await expect.poll(() => stageOf(accepted.caseNumber), { timeout: 30_000 }).toBe('supplementing');
    await shot('73-review-supplement-sent');
    await logout();

    // The counter: the case says 审核补正中; 接收补正材料 sends it back to 初审.
    await login('clerk1');
    await page.goto(`${host.origin}/#/cases/${accepted.id}`);
    await page.getByTestId('case-status').filter({ hasText: '审核补正中' }).waitFor({ timeout: 30_000 });
    // The 补正通知书 for the applicant, printed through CUPS and read back: it lists the reviewer's item.
    await page.getByRole('button', { name: /打印补正通知书/ }).click();
    await page.getByText(/补正通知书已打印（打印机 \S+，作业 \d+）/).waitFor({ timeout: 20_000 });
    const printed = await printer.waitForNewOutput(new Set());
    const noticeText = execFileSync('pdftotext', [printed, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, '');
    expect(noticeText).toContain(accepted.caseNumber);
    expect(noticeText).toContain('转移合同缺少买受人签字页');
    mkdirSync(join(SCREENSHOT_DIR, '..', 'documents'), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', printed, join(SCREENSHOT_DIR, '..', 'documents', 'review-requisition-notice')]);
    await page.getByRole('button', { name: '接收补正材料' }).click();
    await page.getByLabel('接收补正材料').getByRole('textbox').first().fill('转移合同签字页（买受人已签字）');
    await shot('74-counter-receive-supplement');
    await page.getByRole('button', { name: '确认接收' }).click();
    await expect.poll(() => stageOf(accepted.caseNumber), { timeout: 30_000 }).toBe('firstReview');
    await logout();

    // 初审 again: 通过 goes to 复审 (转移 has a second review).
    await login('rev1');
    await openQueue('待初审', accepted.caseNumber);
    await claimFromQueue(accepted.caseNumber);
    await page.getByTestId('workspace-claim').filter({ hasText: '本人办理中' }).waitFor();
    await sendDecision('Alt+1', '申请材料齐全，符合法定形式。');
    await expect.poll(() => stageOf(accepted.caseNumber), { timeout: 30_000 }).toBe('secondReview');
    await logout();

    // 复审 by another reviewer.
    await login('rev2');
    await openQueue('待复审', accepted.caseNumber);
    await claimFromQueue(accepted.caseNumber);
    await page.getByTestId('workspace-claim').filter({ hasText: '本人办理中' }).waitFor();
    await page.getByText('补正').first().waitFor();
    await shot('75-review-second');
    await sendDecision('Alt+1', '经审核，符合登记条件，同意登记。');
    await expect.poll(() => stageOf(accepted.caseNumber), { timeout: 30_000 }).toBe('registration');
    await logout();

    // 登簿: the preview, then the register written by the platform.
    await login('reg1');
    await page.getByRole('menuitem', { name: '审核' }).click();
    await queueRow(accepted.caseNumber).waitFor({ timeout: 20_000 });
    await shot('76-registrar-queue');
    await claimFromQueue(accepted.caseNumber);
    await page.getByTestId('register-screen').waitFor();
    await page.getByTestId('preview-new-rights').getByText(/龙金花/).waitFor();
    await page.getByTestId('preview-historic').getByText(/周晓岚/).waitFor();
    await expect(page.getByTestId('register-button').isEnabled()).resolves.toBe(true);
    await shot('77-registration-preview');
    await page.getByTestId('register-button').click();
    const issued = page.getByTestId('issued-numbers');
    await issued.getByText(/湘\(2026\)长沙市不动产权第\d{7}号|湘（2026）长沙市不动产权第\d{7}号/).waitFor({ timeout: 20_000 });
    const certificate = ((await issued.textContent()) ?? '').trim();
    await shot('78-registered');

    const rights = platform.admin.registerRights(UNIT.unitCode).filter((r) => r.kind === 'ownership');
    expect(rights.find((r) => r.state === 'current')?.holders).toEqual(['龙金花']);
    expect(rights.find((r) => r.state === 'historic')?.holders).toEqual(['周晓岚', '刘德顺']);
    // The screen's register record shows the same after 登簿.
    await page.getByTestId('register-panel').locator('tr[data-state="current"]').filter({ hasText: '龙金花' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('register-panel').locator('tr[data-state="historic"]').filter({ hasText: '周晓岚' }).waitFor();
    await shot('79-register-after');
    await logout();

    // The counter's case carries the certificate number (the platform's `registered` change).
    await login('clerk1');
    await page.goto(`${host.origin}/#/cases/${accepted.id}`);
    await page.getByTestId('certificate-numbers').filter({ hasText: certificate }).waitFor({ timeout: 30_000 });
    await shot('80-case-certificate-number');
    await logout();
  }, 420_000);

  it('a transfer of a 查封 unit is stopped in review by the named rule: 通过 stays disabled with the reason, and core refuses it', async () => {
    await login('clerk1');
    const seller = { ...SELLER_2, name: '陈志强' };
    const accepted = await acceptTransfer(SEIZED_UNIT, [seller]);
    await expect.poll(() => stageOf(accepted.caseNumber), { timeout: 30_000 }).toBe('firstReview');
    await logout();

    await login('rev1');
    await openQueue('待初审', accepted.caseNumber);
    await claimFromQueue(accepted.caseNumber);
    await page.getByTestId('workspace-claim').filter({ hasText: '本人办理中' }).waitFor();
    const rule = page.getByTestId('review-checks').locator('[data-rule="seizure-blocks-disposal"]');
    await rule.waitFor();
    await expect(rule.getAttribute('data-ok')).resolves.toBe('false');
    await page.keyboard.press('Alt+1');
    await page.getByLabel('审核意见内容').fill('同意登记。');
    await page.getByTestId('decision-reason').getByText(/查封限制处分/).waitFor();
    await expect(page.getByTestId('send-decision').isDisabled()).resolves.toBe(true);
    await shot('81-review-seizure-blocks');

    // The back end refuses it too, naming the rule, whatever the screen allows.
    const caseId = Number(/\/review\/(\d+)/.exec(page.url())?.[1]);
    const refused = await tryCall('review.decide', { caseId, decision: 'pass', opinion: '同意登记。' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REVIEW_RULE_BLOCKS' } });
    expect(stageOf(accepted.caseNumber)).toBe('firstReview');
    await logout();
  }, 240_000);
});
