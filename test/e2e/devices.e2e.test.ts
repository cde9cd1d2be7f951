import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';
import { createCupsPdfQueue, type CupsPdfQueue } from '../native/printer/cups-pdf-queue';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Training mode end to end: the simulated reader runs on a real pseudo-terminal behind the web
 * host; a trainee places a sample card from the 模拟设备 panel and reads it on the 设备检测 page.
 */
describe('devices e2e: 设备检测 and 模拟设备 (Chromium + web host + simulated reader)', () => {
  const data = makeTempDir('bdc-e2e-devices-');
  let host: RunningWebHost;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let queue: CupsPdfQueue;

  beforeAll(async () => {
    queue = await createCupsPdfQueue({ description: '设备检测 A4 打印机' });
    writeFileSync(join(data.path, 'config.json'), JSON.stringify({ devices: { printer: queue.name } }));
    host = await startWebHostProcess(data.path);
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    page.setDefaultTimeout(10_000);
    await page.goto(host.url);
    await page.getByText('首次启动设置').first().waitFor();
    const r = await page.evaluate(async () => {
      const res = await fetch('/api/setup.initialize', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ officeCode: '433124', officeName: '花垣县不动产登记中心', adminUsername: 'admin', adminDisplayName: '石管理', password: 'Office#2026x' }),
      });
      return res.json();
    });
    expect(r).toMatchObject({ ok: true });
    await page.reload();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await screenshot(page, `failed-devices-${ctx.task.name.slice(0, 30)}`);
      console.log(host.output());
    }
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    await queue?.remove();
    data.remove();
  });

  it('the top bar shows the simulated reader connected', async () => {
    await page.getByRole('menuitem', { name: '设备检测' }).click();
    await page.getByLabel('身份证阅读器：已连接').waitFor();
    await page.getByRole('cell', { name: '身份证阅读器' }).waitFor();
  });

  it('a read without a card says to place the card', async () => {
    await page.getByRole('button', { name: /^(credit-card )?读卡$/ }).click();
    await page.getByRole('alert').filter({ hasText: '未检测到身份证' }).waitFor({ timeout: 15_000 });
    await screenshot(page, '20-devices-no-card');
  });

  it('the 模拟设备 panel places a sample card, clearly labelled as simulation', async () => {
    await page.getByRole('button', { name: '模拟设备' }).click();
    await page.getByText('这里操作的是模拟设备').waitFor();
    await page.getByLabel('样例证件').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '龙金花（苗族）' }).click();
    // The option list animates closed; a click before it is gone lands on the list, not the button.
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '放置证件' }).click();
    await page.getByText('当前：').locator('.ant-tag').filter({ hasText: '龙金花' }).waitFor();
    await screenshot(page, '21-simulation-panel');
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
  });

  it('读卡 shows the card with the ID number masked', async () => {
    await page.getByRole('button', { name: /^(credit-card )?读卡$/ }).click();
    await page.getByText('433124********0267').waitFor();
    await expect(page.getByText('433124199211080267').count()).resolves.toBe(0);
    await page.getByText('照片未解码').waitFor();
    await screenshot(page, '22-devices-card-read');
  });

  it('打印测试页 prints through CUPS and says which job it was', async () => {
    const row = page.getByRole('row').filter({ hasText: queue.name });
    await row.getByText('文书打印').waitFor();
    await row.getByRole('button', { name: /打印测试页/ }).click();
    await page.getByText(/测试页已送到打印机 \S+（作业 \d+）/).waitFor({ timeout: 15_000 });
    await queue.waitForNewOutput(new Set());
    await screenshot(page, '23-devices-printers');
  });

  it('采集签名: the trainee signs with the mouse on the simulated pad and the signature comes back', async () => {
    await page.getByRole('button', { name: /采集签名/ }).click();
    await page.getByText('等待签名人在签名板上签名并确认').waitFor();
    await page.getByRole('button', { name: '模拟设备' }).click();
    // The pad takes ink only once it shows the prompt (an idle pad refuses strokes, with a message).
    await page.getByText('签名板显示：请在签名板上签名').waitFor();
    const canvas = page.getByLabel('签名区（用鼠标书写）');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    // Two strokes: a wave and a cross bar.
    await page.mouse.move(box.x + 30, box.y + 100);
    await page.mouse.down();
    for (let i = 0; i <= 30; i++) await page.mouse.move(box.x + 30 + i * 9, box.y + 100 + Math.sin(i / 3) * 40);
    await page.mouse.up();
    await page.mouse.move(box.x + 60, box.y + 60);
    await page.mouse.down();
    await page.mouse.move(box.x + 300, box.y + 140, { steps: 12 });
    await page.mouse.up();
    await screenshot(page, '24-simulation-signing');
    await page.getByRole('button', { name: '确认签名' }).click();
    await page.locator('.ant-drawer-close').click();
    await page.getByAltText('采集到的签名').waitFor();
    await page.getByText(/共 2 笔/).waitFor();
    await screenshot(page, '25-devices-signature');
  });
});
