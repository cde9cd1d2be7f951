import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_CALENDAR, REFUSAL_GROUNDS, type CaseView } from '../../electron/contract';
import { addWorkingDays } from '../../electron/core/cases/working-days';
import { screenshot } from '../support/browser';
import { BUYER, SELLER_1, UNIT } from '../support/cases';
import { openCounterSession, type CounterSession } from '../support/e2e-counter';

/** The text of a printed PDF with all white space removed (the layout breaks lines anywhere). */
const squeezed = (text: string) => text.replace(/\s+/g, '');

/**
 * Case model v2 (issue #10) in Chromium at 1366×768 against one web host in training mode, the
 * cases in sequence: the notices with their legal basis (不予受理 on the grounds of 条例 第17条, 补正
 * with its working-day deadline), then the catalogue's distinctive cases; every document printed
 * through CUPS and read back with pdftotext.
 */
describe('case model v2 e2e: notices and the catalogue (Chromium + web host, training mode)', () => {
  let session: CounterSession;
  let page: Page;
  // The session's helpers, by their short names.
  const shot = (name: string) => session.shot(name);
  const stepTitle = (title: string) => session.stepTitle(title);
  const pick = (label: string, option: string) => session.pick(label, option);
  const printFromDetail = (button: string | RegExp, file: string) => session.printAndRead(button, file);

  beforeAll(async () => {
    session = await openCounterSession('bdc-e2e-catalogue-');
    page = session.page;
    // Starting the host and setting up an office takes a minute on a loaded 2-core machine.
  }, 150_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await screenshot(page, `failed-catalogue-${ctx.task.name.slice(0, 30)}`);
      console.log(session.host.output());
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  /** A contract call from the page, with the clerk's session (set-up steps other e2e cover by UI). */
  async function api<T>(method: string, input: unknown): Promise<T> {
    const r = await page.evaluate(
      async ({ method, input }) =>
        (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json(),
      { method, input },
    );
    if (r.ok !== true) throw new Error(`${method} failed: ${JSON.stringify(r)}`);
    return r.value as T;
  }

  async function openDetail(id: number) {
    await page.goto(`${new URL(page.url()).origin}/#/cases/${id}`);
    await page.getByTestId('case-status').waitFor();
  }

  const next = () => page.getByRole('button', { name: /下一步/ }).click();

  /** 受理 → the type found by its words in the search box, its card chosen; the wizard on 申请人. */
  async function startIntake(search: string, typeId: string) {
    await page.getByRole('menuitem', { name: '受理' }).click();
    await page.getByLabel('搜索业务类型').waitFor();
    await page.getByLabel('搜索业务类型').fill(search);
    await page.locator(`button[data-type="${typeId}"]`).click();
    await stepTitle('申请人').waitFor();
  }

  async function fillParty(ordinal: number, name: string, idNumber: string) {
    await page.getByLabel(`第 ${ordinal} 位申请人姓名`).fill(name);
    await page.getByLabel(`第 ${ordinal} 位申请人证件号码`).fill(idNumber);
  }

  async function fillUnit(ordinal: number, u: { code: string; address: string; area: string; type?: string; plannedUse?: string; certificate?: string }) {
    await page.getByLabel(`第 ${ordinal} 个不动产单元代码`).fill(u.code);
    await page.getByLabel(`第 ${ordinal} 个不动产单元坐落`).fill(u.address);
    await page.getByLabel(`第 ${ordinal} 个不动产单元面积`).fill(u.area);
    if (u.type) await pick(`第 ${ordinal} 个不动产单元不动产类型`, u.type);
    if (u.plannedUse) {
      // A searchable list (and a virtual one: options below the fold are not rendered): type to find.
      await page.getByLabel(`第 ${ordinal} 个不动产单元规划用途`).fill(u.plannedUse);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${u.plannedUse}$`) }).first().click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    }
    if (u.certificate) await page.getByLabel(`第 ${ordinal} 个不动产单元原不动产权证书号`).fill(u.certificate);
  }

  /** 申请材料 (all due received) → 收费 (the total read) → 签名 on the simulated pad → 受理; the case number. */
  async function finishIntake(signers: string[], shotPrefix: string): Promise<{ caseNumber: string; fee: string }> {
    await stepTitle('申请材料').waitFor();
    await page.getByRole('button', { name: '必交材料全部收到' }).click();
    await shot(`${shotPrefix}-materials`);
    await next();
    await stepTitle('收费').waitFor();
    const fee = (await page.getByTestId('fee-total').textContent()) ?? '';
    await shot(`${shotPrefix}-fees`);
    await next();
    await stepTitle('签名').waitFor();
    await page.getByRole('button', { name: /依次签名/ }).click();
    await page.getByRole('button', { name: '模拟设备' }).click();
    for (const name of signers) {
      await page.getByRole('alert').filter({ hasText: `签名板显示：请${name}签名` }).waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: '用样例签名' }).click();
    }
    await page.locator('.ant-drawer-close').click();
    await page.getByText('全部申请人已签名').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '下一步：受理' }).click();
    await stepTitle('受理').waitFor();
    await page.getByRole('button', { name: /^受\s*理$/ }).click();
    const caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
    expect(caseNumber).toMatch(/^430102-\d{8}-A7-\d{4}$/);
    await page.getByRole('button', { name: '查看业务详情' }).click();
    await page.getByTestId('case-title').filter({ hasText: caseNumber }).waitFor();
    return { caseNumber, fee };
  }

  /** A 二手房转移 draft with a buyer, a seller and a flat, no material received yet. */
  async function transferDraft(): Promise<number> {
    const draft = await api<CaseView>('cases.createDraft', { businessType: 'transfer' });
    await api('cases.saveDraft', { id: draft.id, coOwnership: 'sole', parties: [BUYER, SELLER_1], units: [UNIT], materialsReceived: [] });
    return draft.id;
  }

  it('不予受理 picks the grounds of 条例 第17条 and prints them with the article; 补正 prints its working-day deadline', async () => {
    // 不予受理: nothing picked and nothing written is named at the picker; then a ground and words.
    const rejected = await transferDraft();
    await openDetail(rejected);
    await page.getByRole('button', { name: '不予受理' }).click();
    const rejectModal = page.locator('.ant-modal').filter({ hasText: '不予受理的法定情形' });
    for (const g of REFUSAL_GROUNDS) await rejectModal.getByText(g.citation, { exact: false }).first().waitFor();
    await shot('70-catalogue-reject-grounds');
    const words = rejectModal.getByLabel('具体说明（可选，每行一条）');
    const wordsTop = (await words.boundingBox())!.y;
    await page.getByRole('button', { name: '确认不予受理' }).click();
    await rejectModal.getByText('请选择不予受理的法定情形，或在下方写明理由').waitFor();
    // The message takes the line reserved under the picker: nothing below it moves.
    expect((await words.boundingBox())!.y).toBe(wordsTop);
    await shot('71-catalogue-reject-nothing-chosen');
    const jurisdiction = REFUSAL_GROUNDS.find((g) => g.id === 'outsideJurisdiction')!;
    await rejectModal.getByRole('checkbox', { name: jurisdiction.label }).check();
    await words.fill('该房屋坐落于天心区，应向天心区不动产登记中心申请');
    await page.getByRole('button', { name: '确认不予受理' }).click();
    await page.getByTestId('case-status').filter({ hasText: '不予受理' }).waitFor();
    await page.getByText(jurisdiction.label).first().waitFor();
    await page.getByTestId('case-timeline').getByText(`理由：${jurisdiction.label}；该房屋坐落于天心区`, { exact: false }).waitFor();
    await shot('72-catalogue-rejected-detail');
    const rejection = squeezed(await printFromDetail('打印不予受理通知书', 'catalogue-rejection-notice'));
    expect(rejection).toContain('不予受理通知书');
    expect(rejection).toContain(squeezed(jurisdiction.label));
    expect(rejection).toContain(squeezed(jurisdiction.citation));
    // The article's own words, not only its number (法律依据).
    expect(rejection).toContain(squeezed(jurisdiction.text));
    expect(rejection).toContain('该房屋坐落于天心区，应向天心区不动产登记中心申请');
    // The ground not chosen is not on the notice.
    expect(rejection).not.toContain(squeezed(REFUSAL_GROUNDS.find((g) => g.id === 'incompleteMaterials')!.label));

    // 补正: the office default is offered; the clerk gives 3 working days; the notice prints the date.
    const requisitioned = await transferDraft();
    await openDetail(requisitioned);
    await page.getByRole('button', { name: '补正' }).click();
    const requisitionModal = page.locator('.ant-modal').filter({ hasText: '补正期限' });
    await requisitionModal.getByText(/不填则按本机构规定的 5 个工作日/).waitFor();
    await requisitionModal.getByLabel('补正期限（工作日）').fill('40');
    await requisitionModal.getByText('补正期限应为 1 至 30 个工作日').waitFor();
    await shot('73-catalogue-requisition-deadline-error');
    await requisitionModal.getByLabel('补正期限（工作日）').fill('3');
    await expect.poll(() => requisitionModal.getByText('补正期限应为 1 至 30 个工作日').count()).toBe(0);
    await shot('74-catalogue-requisition-deadline');
    await page.getByRole('button', { name: '确认补正' }).click();
    await page.getByTestId('case-status').filter({ hasText: '待补正' }).waitFor();
    const view = await api<CaseView>('cases.get', { id: requisitioned });
    const shanghaiToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const deadline = addWorkingDays(shanghaiToday, 3, DEFAULT_HOLIDAY_CALENDAR);
    expect(view.requisitionDeadline).toBe(deadline);
    const [y, m, d] = deadline.split('-').map(Number);
    await page.getByTestId('requisition-deadline').getByText(`补正期限：${deadline}`).waitFor();
    await page.getByTestId('case-timeline').getByText(`补正期限：${deadline}`).waitFor();
    await shot('75-catalogue-requisitioned-detail');
    const requisition = squeezed(await printFromDetail('打印补正通知书', 'catalogue-requisition-notice'));
    expect(requisition).toContain(`补正期限：${y}年${m}月${d}日前`);
    expect(requisition).toContain('转移合同');
  }, 180_000);
  it('宅基地使用权及房屋所有权首次登记: found in the whole catalogue, its own materials, 工本费 only; 申请书 and 受理凭证 printed', async () => {
    await page.getByRole('menuitem', { name: '受理' }).click();
    await page.getByLabel('搜索业务类型').waitFor();
    // Before a search the everyday types show; the switch opens the whole catalogue.
    await expect(page.locator('button[data-type="first.homestead"]').count()).resolves.toBe(0);
    // An everyday card says of which right it is: 转移登记 is the 国有建设用地使用权及房屋所有权 one.
    await expect(page.locator('button[data-type="transfer"]').innerText()).resolves.toContain('国有建设用地使用权及房屋所有权');
    await page.getByRole('button', { name: /全部登记业务（另有 \d+ 项）/ }).click();
    await page.locator('button[data-type="first.homestead"]').waitFor();
    // The whole catalogue comes in sections by 权利类型, each card named by its 登记类型 there.
    const homestead = page.getByRole('region', { name: '宅基地使用权及房屋所有权' });
    await expect(homestead.locator('button[data-type="first.homestead"]').innerText()).resolves.toMatch(/^首次登记/);
    await expect(page.getByRole('region', { name: '居住权' }).locator('button[data-type]').count()).resolves.toBeGreaterThan(0);
    await shot('76-catalogue-all-types');
    await page.getByRole('button', { name: '只看常用业务' }).click();
    await startIntake('宅基地房屋首次', 'first.homestead');
    await shot('77-catalogue-homestead-parties');
    await fillParty(1, '龙金花', '433124199211080267');
    await next();
    await stepTitle('不动产单元').waitFor();
    await fillUnit(1, { code: '430102003004JC00456F00010001', address: '湖南省长沙市芙蓉区东屯渡街道东湖村五组18号', area: '168.5', type: '房屋', plannedUse: '宅基地' });
    await next();
    // 宅基地 asks for the approval of the land and the house's planning documents (实施细则 第41条).
    await stepTitle('申请材料').waitFor();
    await page.getByText('有批准权的人民政府批准用地的文件等权属来源材料').waitFor();
    await page.getByText('房屋符合规划或者建设的相关材料').waitFor();
    const { caseNumber, fee } = await finishIntake(['龙金花'], '78-catalogue-homestead');
    // 宅基地使用权及房屋所有权: no 登记费, only the certificate's 工本费, 10 元 a book (发改价格规〔2016〕2559号).
    expect(fee).toBe('10.00 元');
    await shot('79-catalogue-homestead-detail');
    const form = squeezed(await printFromDetail(/打印申请书/, 'catalogue-homestead-application'));
    expect(form).toContain('宅基地使用权及房屋所有权');
    expect(form).toContain('首次登记');
    expect(form).toContain('宅基地');
    const receipt = squeezed(await printFromDetail(/打印受理凭证/, 'catalogue-homestead-receipt'));
    expect(receipt).toContain(caseNumber);
    expect(receipt).toContain('房屋符合规划或者建设的相关材料');
  }, 180_000);

  it('居住权首次登记: the owner grants, the resident holds; the 居住权合同 asked; 申请书 names 居住权', async () => {
    await startIntake('居住权首次', 'first.residence');
    await fillParty(1, '龙金花', '433124199211080267');
    await fillParty(2, '周晓岚', '43010219860314042X');
    await next();
    await stepTitle('不动产单元').waitFor();
    await fillUnit(1, { code: '430102003004GB00123F00010207', address: '湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元207室', area: '88.3', type: '房屋', plannedUse: '成套住宅' });
    await page.getByLabel('登记原因', { exact: true }).fill('设立居住权');
    await next();
    await stepTitle('申请材料').waitFor();
    await page.getByText('居住权合同（或设立居住权的遗嘱）').waitFor();
    const { caseNumber, fee } = await finishIntake(['龙金花', '周晓岚'], '80-catalogue-residence');
    expect(fee).toBe('80.00 元');
    const form = squeezed(await printFromDetail(/打印申请书/, 'catalogue-residence-application'));
    expect(form).toContain('居住权');
    expect(form).toContain('设立居住权');
    const receipt = squeezed(await printFromDetail(/打印受理凭证/, 'catalogue-residence-receipt'));
    expect(receipt).toContain(caseNumber);
  }, 180_000);

  it('换证: the 原证号 read by the tolerant parser at the field; the 申请书 prints it as typed', async () => {
    await startIntake('国有建设用地使用权及房屋所有权换证', 'certificateReplacement.stateLandHouse');
    await fillParty(1, '周晓岚', '43010219860314042X');
    await next();
    await stepTitle('不动产单元').waitFor();
    await fillUnit(1, { code: '430102003004GB00123F00010208', address: '湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元208室', area: '91.2', type: '房屋', plannedUse: '成套住宅', certificate: '湘(2018)长沙市不动产权第0015979号' });
    await page.getByTestId('previous-certificate-message-1').getByText(/✓ 可识别/).waitFor();
    await page.getByLabel('登记原因', { exact: true }).fill('证书破损换发');
    await next();
    const { caseNumber, fee } = await finishIntake(['周晓岚'], '81-catalogue-replacement');
    await page.getByText('原证号：湘(2018)长沙市不动产权第0015979号').waitFor();
    const form = squeezed(await printFromDetail(/打印申请书/, 'catalogue-replacement-application'));
    expect(form).toContain('换证');
    expect(form).toContain(squeezed('湘(2018)长沙市不动产权第0015979号'));
    const receipt = squeezed(await printFromDetail(/打印受理凭证/, 'catalogue-replacement-receipt'));
    expect(receipt).toContain(caseNumber);
    // 换证: the new certificate's 工本费 only.
    expect(fee).toBe('10.00 元');
    expect(receipt).toContain('¥10.00（壹拾元整）');
  }, 180_000);

  it('three flats mortgaged on one parcel are one 件: 80 元 on the fee step, the detail, the 缴费通知书 and the 受理凭证', async () => {
    await startIntake('抵押首次', 'mortgageFirst');
    await fillParty(1, '刘德顺', '430103195502010178');
    await fillParty(2, '周晓岚', '43010219860314042X');
    await next();
    await stepTitle('不动产单元').waitFor();
    for (const [i, room] of ['201', '202', '203'].entries()) {
      if (i > 0) await page.getByRole('button', { name: '添加不动产单元' }).click();
      await fillUnit(i + 1, { code: `430102003004GB00123F00010${room}`, address: `湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元${room}室`, area: '76.5', type: '房屋', plannedUse: '成套住宅' });
    }
    await page.getByLabel('被担保主债权数额').fill('600000');
    await page.getByLabel('债务履行期限起').fill('2026-12-04');
    await page.getByLabel('债务履行期限止').fill('2031-12-03');
    await page.getByLabel('抵押顺位').fill('1');
    await page.getByLabel('担保范围').fill('主债权及利息');
    await page.getByLabel('登记原因', { exact: true }).fill('借款抵押');
    await shot('82-catalogue-three-units');
    await next();
    const { fee } = await finishIntake(['刘德顺', '周晓岚'], '83-catalogue-three-units');
    expect(fee).toBe('80.00 元');
    await page.getByTestId('fee-pieces').getByText('登记费按件收取（共 1 件）').waitFor();
    await page.getByTestId('fee-payer').getByText('缴费人：刘德顺').waitFor();
    await shot('84-catalogue-three-units-detail');
    const notice = squeezed(await printFromDetail(/打印缴费通知书/, 'catalogue-three-units-payment'));
    expect(notice).toContain('80.00');
    expect(notice).not.toContain('240.00');
    expect(notice).toContain('刘德顺');
    const receipt = squeezed(await printFromDetail(/打印受理凭证/, 'catalogue-three-units-receipt'));
    expect(receipt).toContain('80.00');
    for (const room of ['201', '202', '203']) expect(receipt).toContain(`430102003004GB00123F00010${room}`);
  }, 180_000);

  it('二手房转移: 规划用途, 原证号 and 登记原因 typed at the counter are on the printed 申请书; the detail shows the v2 fields', async () => {
    await startIntake('转移', 'transfer');
    await fillParty(1, '龙金花', '433124199211080267');
    await fillParty(2, '周晓岚', '43010219860314042X');
    await page.getByLabel(/更多信息（第 1 位）/).click();
    await page.getByLabel('第 1 位申请人通讯地址').fill('湖南省长沙市芙蓉区解放西路66号');
    await page.getByLabel('第 1 位申请人邮编').fill('410005');
    await next();
    await stepTitle('不动产单元').waitFor();
    await fillUnit(1, { code: '430102003004GB00123F00010209', address: '湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元209室', area: '102.4', type: '房屋', plannedUse: '成套住宅', certificate: '湘（2019）长沙市不动产权第0012345号' });
    await page.getByLabel('登记原因', { exact: true }).fill('买卖');
    await page.getByLabel('登记原因证明文件').fill('存量房买卖合同');
    await next();
    await finishIntake(['龙金花', '周晓岚'], '85-catalogue-transfer');
    const detail = page.getByTestId('case-application');
    await detail.getByText('国有建设用地使用权及房屋所有权').waitFor();
    await detail.getByText('转移登记').waitFor();
    await detail.getByText('存量房买卖合同').waitFor();
    await page.getByText('规划用途：成套住宅').waitFor();
    await page.getByText('原证号：湘（2019）长沙市不动产权第0012345号').waitFor();
    await page.getByText('湖南省长沙市芙蓉区解放西路66号').waitFor();
    await shot('86-catalogue-transfer-detail');
    const form = squeezed(await printFromDetail(/打印申请书/, 'catalogue-transfer-application'));
    expect(form).toContain(squeezed('湘（2019）长沙市不动产权第0012345号'));
    expect(form).toContain('买卖');
    expect(form).toContain('存量房买卖合同');
    expect(form).toContain('成套住宅');
  }, 180_000);
});
