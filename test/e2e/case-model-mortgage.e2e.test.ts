import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { BANK, bankSealFile, SEAL_PIN } from '../support/e-seal';
import { openCounterSession, type CounterSession } from '../support/e2e-counter';

/**
 * Case model v2 at the counter (issue #10), in Chromium at 1366×768 against the web host in training
 * mode: 最高额抵押权首次登记 by a bank, with an agent acting for the bank and the bank's e-seal; the
 * 申请书's new fields each with their message at the field; printed through CUPS and read back.
 */
describe('case model v2 e2e: 最高额抵押 by a bank with an agent and an e-seal (Chromium + web host, training mode)', () => {
  let session: CounterSession;
  let page: Page;
  let sealFile: string;
  const shot = (name: string) => session.shot(name);
  const stepTitle = (title: string) => session.stepTitle(title);
  const pick = (label: string | Locator, option: string) => session.pick(label, option);

  beforeAll(async () => {
    session = await openCounterSession('bdc-e2e-case-model-', (dir) => {
      sealFile = join(dir, 'bank-seal.json');
      writeFileSync(sealFile, JSON.stringify(bankSealFile()));
    });
    page = session.page;
    // Starting the host and setting up an office takes a minute on a loaded 2-core machine.
  }, 150_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await screenshot(page, `failed-case-model-${ctx.task.name.slice(0, 30)}`);
      console.log(session.host.output());
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Where a control is on the page: a message appearing at a field must not move it. */
  const topOf = async (label: string) => (await page.getByLabel(label).boundingBox())!.y;

  it('最高额抵押权首次登记: bank + agent acting for it + owner; more info, mortgage block, 邮寄, 原件/页数, e-seal; 受理 and the 申请书 and receipt printed', async () => {
    await page.getByRole('menuitem', { name: '受理' }).click();
    // The search box: typing on the cards searches, Enter takes the first match.
    await page.locator('button[data-type="mortgageFirst"]').waitFor();
    await page.getByLabel('搜索业务类型').fill('抵押首次');
    await expect.poll(() => page.locator('button[data-type]').count()).toBe(1);
    await shot('60-case-model-type-search');
    await page.getByLabel('搜索业务类型').press('Enter');
    await stepTitle('申请人').waitFor();

    // Row 1, the mortgagee: the bank by its credit code; its 更多信息 asks for the 法定代表人.
    await pick('第 1 位申请人证件类型', '信用代码');
    await page.getByLabel('第 1 位申请人姓名').fill(BANK.name);
    await page.getByLabel('第 1 位申请人证件号码').fill(BANK.idNumber);
    await page.getByLabel(/更多信息（第 1 位）/).click();
    await page.getByLabel('第 1 位申请人通讯地址').fill('湖南省长沙市芙蓉区五一大道88号');
    const postalTop = await topOf('第 1 位申请人邮编');
    await page.getByLabel('第 1 位申请人邮编').fill('41000');
    await page.getByTestId('party-more-1').getByText('邮政编码应为 6 位数字').waitFor();
    expect(await topOf('第 1 位申请人邮编')).toBe(postalTop);
    await shot('61-case-model-party-more-postal-error');
    await page.getByLabel('第 1 位申请人邮编').fill('410011');
    await expect.poll(() => page.getByText('邮政编码应为 6 位数字').count()).toBe(0);
    await page.getByLabel('第 1 位申请人法定代表人姓名').fill('王建设');

    // Row 2, the mortgagor (owner), typed.
    await page.getByLabel('第 2 位申请人姓名').fill('周晓岚');
    await page.getByLabel('第 2 位申请人证件号码').fill('43010219860314042X');

    // Row 3, the bank's agent: the row opens with 代理谁 and asks for the principal.
    await page.getByRole('button', { name: '添加申请人' }).click();
    await pick(page.getByLabel('申请人类别', { exact: true }).nth(2), '代理人');
    await page.getByLabel('第 3 位申请人姓名').fill('刘代办');
    await page.getByLabel('第 3 位申请人证件号码').fill('433124199211080267');
    await page.getByTestId('party-more-3').getByText('请选择该代理人代理的申请人').waitFor();
    await page.getByLabel('第 3 位申请人代理机构', { exact: true }).fill('长沙安居不动产代理有限公司');
    await page.getByTestId('party-more-3').getByRole('checkbox', { name: new RegExp(BANK.name) }).check();
    await expect.poll(() => page.getByText('请选择该代理人代理的申请人').count()).toBe(0);
    await shot('62-case-model-parties-agent');
    await page.getByRole('button', { name: /下一步/ }).click();

    // 不动产单元 and 登记事项.
    await stepTitle('不动产单元').waitFor();
    await page.getByLabel('第 1 个不动产单元代码').fill('430102003004GB00123F00010206');
    await page.getByLabel('第 1 个不动产单元坐落').fill('湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元206室');
    await page.getByLabel('第 1 个不动产单元面积').fill('98.6');
    await pick('第 1 个不动产单元不动产类型', '房屋');
    await pick('第 1 个不动产单元规划用途', '成套住宅');
    const certTop = await topOf('第 1 个不动产单元原不动产权证书号');
    await page.getByLabel('第 1 个不动产单元原不动产权证书号').fill('(2019)长沙市不动产权第0012345号');
    await page.getByTestId('previous-certificate-message-1').getByText(/缺少省、自治区、直辖市的简称/).waitFor();
    expect(await topOf('第 1 个不动产单元原不动产权证书号')).toBe(certTop);
    await page.getByLabel('第 1 个不动产单元原不动产权证书号').fill('湘（2019）长沙市不动产权第0012345号');
    await page.getByTestId('previous-certificate-message-1').getByText(/✓ 可识别：不动产权证书：湘（2019）长沙市 第 0012345 号/).waitFor();

    // The mortgage block is there for a mortgage; 最高额 renames the amount and the term.
    const block = page.getByTestId('mortgage-block');
    await block.getByText('被担保主债权数额（元）').waitFor();
    await block.getByText('最高额抵押').click();
    await block.getByText('最高债权额（元）').waitFor();
    await block.getByText('债权确定期间').waitFor();
    await page.getByLabel('最高债权额').fill('1500000');
    await page.getByLabel('债权确定期间起').fill('2026-12-03');
    await page.getByLabel('债权确定期间止').fill('2025-12-02');
    await block.getByText('债权确定期间的起始日期不能晚于截止日期').waitFor();
    await page.getByLabel('债权确定期间止').fill('2036-12-02');
    await page.getByLabel('抵押顺位').fill('1');
    await page.getByLabel('担保范围').fill('主债权及利息、违约金、实现债权的费用');
    await page.getByLabel('登记原因', { exact: true }).fill('最高额抵押借款');
    await page.getByLabel('登记原因证明文件').fill('最高额抵押合同、最高额借款合同');
    // 邮寄: leaving the step without recipient, address and phone names each at its field.
    await pick('领证方式', '邮寄');
    await pick('申请渠道', '银行网点');
    await page.getByTestId('mail-collection').waitFor();
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByText('请修正标红的登记事项。').waitFor();
    await page.getByTestId('mail-collection').getByText('邮寄领证请填写收件人', { exact: true }).waitFor();
    await page.getByTestId('mail-collection').getByText('邮寄领证请填写邮寄地址').waitFor();
    await page.getByTestId('mail-collection').getByText('邮寄领证请填写收件人电话').waitFor();
    await shot('63-case-model-units-application-errors');
    await page.getByLabel('收件人', { exact: true }).fill('周晓岚');
    await page.getByLabel('邮寄地址').fill('湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元206室');
    await page.getByLabel('收件人电话').fill('13807310001');
    await shot('64-case-model-units-application');
    await page.getByRole('button', { name: /下一步/ }).click();

    // 申请材料: all due received; 原件/复印件 and 页数 per material.
    await stepTitle('申请材料').waitFor();
    await page.getByRole('button', { name: '必交材料全部收到' }).click();
    const firstMaterial = page.locator('.ant-table-row').first();
    const materialName = (await firstMaterial.locator('td').nth(1).textContent()) ?? '';
    await pick(`原件或复印件：${materialName}`, '原件');
    await page.getByLabel(`页数：${materialName}`).fill('3');
    await shot('65-case-model-materials');
    await page.getByRole('button', { name: /下一步/ }).click();

    await stepTitle('收费').waitFor();
    const fee = await page.getByTestId('fee-total').textContent();
    await page.getByRole('button', { name: /下一步/ }).click();

    // 签名: the bank applies its e-seal (file + PIN; a wrong PIN is named at the PIN field); the owner and the agent sign.
    await stepTitle('签名').waitFor();
    await page.getByRole('button', { name: `加盖电子印章：${BANK.name}` }).click();
    await page.getByTestId('seal-file').setInputFiles(sealFile);
    await page.getByLabel('电子印章口令').fill('999999');
    await page.getByRole('button', { name: '加盖电子印章', exact: true }).click();
    await page.locator('.ant-modal').getByText('电子印章口令不正确，请重新输入。').waitFor();
    await shot('66-case-model-seal-wrong-pin');
    await page.getByLabel('电子印章口令').fill(SEAL_PIN);
    await page.getByRole('button', { name: '加盖电子印章', exact: true }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row').filter({ hasText: BANK.name }).getByText('已盖电子章').waitFor();
    await page.getByRole('button', { name: /依次签名/ }).click();
    await page.getByRole('button', { name: '模拟设备' }).click();
    for (const name of ['周晓岚', '刘代办']) {
      await page.getByRole('alert').filter({ hasText: `签名板显示：请${name}签名` }).waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: '用样例签名' }).click();
    }
    await page.locator('.ant-drawer-close').click();
    await page.getByText('全部申请人已签名').waitFor({ timeout: 15_000 });
    await shot('67-case-model-signatures-seal');
    await page.getByRole('button', { name: '下一步：受理' }).click();
    await stepTitle('受理').waitFor();
    await page.getByRole('button', { name: /^受\s*理$/ }).click();
    const caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
    expect(caseNumber).toMatch(/^430102-\d{8}-A7-\d{4}$/);

    // The detail: actions from allowedActions; the bank sealed, the agent signed.
    await page.getByRole('button', { name: '查看业务详情' }).click();
    await page.getByTestId('case-title').filter({ hasText: caseNumber }).waitFor();
    await expect(page.getByTestId('case-actions').getByRole('button').allTextContents()).resolves.toEqual(['撤回']);
    await shot('68-case-model-detail');

    // Printed through CUPS and read back.
    for (const [button, file] of [
      [/打印不动产登记申请书|打印申请书/, 'application'],
      [/打印受理凭证/, 'receipt'],
    ] as const) {
      const text = await session.printAndRead(button, `case-model-mortgage-${file}`);
      expect(text.replace(/\s+/g, '')).toContain(BANK.name.replace(/\s+/g, ''));
      if (file === 'receipt') expect(text).toContain(caseNumber);
    }
    console.log(`最高额抵押权首次登记（银行+代理人+电子印章）受理：${caseNumber}，收费 ${fee}`);
  }, 180_000);
});
