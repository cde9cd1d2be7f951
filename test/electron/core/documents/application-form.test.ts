import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderApplicationForm } from '../../../../electron/core/documents/application-form';
import {
  bankMortgageApplicationForm,
  easementApplicationForm,
  sampleApplicationForm,
  transferApplicationForm,
} from '../../../fixtures/documents/sample-documents';
import { ApplicationFormData } from '../../../../electron/core/documents/document-data';
import { makeTempDir } from '../../../support/temp-dir';
import { countOperator, imageCount, keepRendering, pageContents, pdfPageCount, pdfTextCompact, writePdf } from './pdf-inspection';

describe('application form (申请书)', () => {
  const dir = makeTempDir('bdc-application-');
  let signed: Uint8Array;
  let unsigned: Uint8Array;

  beforeAll(async () => {
    signed = await renderApplicationForm(sampleApplicationForm({ signed: true }));
    unsigned = await renderApplicationForm(sampleApplicationForm({ signed: false }));
  });
  afterAll(() => dir.remove());

  it('lists every applicant with ID and share, the unit, the business and the declaration', async () => {
    const text = await pdfTextCompact(writePdf(dir.path, 'signed', signed));
    for (const fact of [
      '受理编号:430102-20261127-A10001',
      '申请登记事项转移登记(二手房买卖)',
      '登记原因买卖',
      '权利人姓名(名称)张晓明证件种类居民身份证证件号430102198807152318',
      '联系电话13807311234',
      '共有方式/份额共同共有',
      '义务人姓名(名称)王建国证件种类居民身份证证件号430103196509180019',
      '联系电话0731-84561234',
      '坐落湖南省长沙市芙蓉区朝阳街道八一路288号湘江世纪城二期17栋2单元3205号',
      '不动产单元号430102003004GB00123F00010203',
      '面积128.46平方米规划用途住宅',
      '本申请人对填写的上述内容及提交的申请材料的真实性负责',
      '权利人张晓明日期2026年11月27日',
    ]) {
      expect(text).toContain(fact);
    }
  });

  it('draws each signature as vector pen strokes, not as an image', async () => {
    // The signature block may be on any page: count over all of them.
    const page = (await pageContents(signed)).join('\n');
    const blankPage = (await pageContents(unsigned)).join('\n');
    // Each pad sample becomes a Bézier segment (pdf-lib writes the SVG's quadratic curves as 'v'),
    // each stroke is stroked ('S') with round caps ('1 J').
    const curves = countCurves(page) - countCurves(blankPage);
    expect(curves).toBeGreaterThan(300);
    expect(countOperator(page, 'S') - countOperator(blankPage, 'S')).toBeGreaterThanOrEqual(10);
    expect(countOperator(page, '1 J')).toBeGreaterThan(0);
    expect(await imageCount(signed)).toBe(0);
  });

  it('leaves an unsigned applicant an empty box with a signing line and a blank date', async () => {
    const blankPage = (await pageContents(unsigned)).join('\n');
    expect(countCurves(blankPage)).toBe(0);
    expect(await imageCount(unsigned)).toBe(0);
    const text = await pdfTextCompact(writePdf(dir.path, 'unsigned', unsigned));
    expect(text).toContain('权利人张晓明日期年月日');
    expect(text).not.toContain('张晓明日期2026');
  });
});

describe('application form in the layout of the official 申请审批表', () => {
  const dir = makeTempDir('bdc-application-official-');
  afterAll(() => dir.remove());

  async function textOf(name: string, data: ApplicationFormData): Promise<string> {
    return pdfTextCompact(writePdf(dir.path, name, await renderApplicationForm(data)));
  }

  it('a 二手房转移 shows 权利类型 and 登记类型 ticked, addresses, the agent, 原证号, 登记原因 with its documents, 规划用途 and the requests', async () => {
    const text = await textOf('transfer', transferApplicationForm());
    for (const fact of [
      '■国有建设用地使用权',
      '■房屋所有权',
      '□宅基地使用权',
      '□首次登记■转移登记□变更登记',
      '□其他',
      '通讯地址湖南省长沙市芙蓉区五一大道123号邮编410011',
      '通讯地址湖南省长沙市天心区坡子街56号邮编410002',
      '代理人姓名欧阳晓雯代理人电话15073112345代理机构名称长沙市安居房地产经纪有限公司',
      '不动产类型房屋等建筑物',
      '面积128.46平方米规划用途成套住宅原不动产权证书号湘(2018)长沙市不动产权第0123456号',
      '登记原因买卖',
      '登记原因证明文件1.存量房买卖合同2.契税完税凭证',
      '申请证书版式■单一版□集成版申请分别持证□是■否',
      '领证方式□窗口领取■邮寄□仅电子证照邮寄地址:湖南省长沙市芙蓉区五一大道123号张晓明13807311234',
      '申请渠道■窗口□网上□银行网点□开发企业',
      '单位■平方米□公顷(□亩)、元',
      '义务人王建国代理人欧阳晓雯代日期2026年11月27日',
      '不动产登记审批情况(申请人请勿填写)',
      '初审意见审查人(签章):年月日',
      '复审意见审查人(签章):年月日',
      '核定意见负责人(签章):(登记机构公章)年月日',
    ]) {
      expect(text).toContain(fact.normalize('NFKC'));
    }
    // No mortgage or easement block on a transfer.
    expect(text).not.toContain('抵押情况');
    expect(text).not.toContain('需役地');
  });

  it('a bank 最高额抵押 prints the mortgage block, the bank with its 法定代表人 and agent, and its verified e-seal', async () => {
    const bytes = await renderApplicationForm(bankMortgageApplicationForm());
    const text = await pdfTextCompact(writePdf(dir.path, 'bank', bytes));
    for (const fact of [
      '■抵押权',
      '■首次登记',
      '权利人姓名(名称)中国建设银行股份有限公司长沙芙蓉支行证件种类统一社会信用代码证件号91430102MA4L0XXX8K',
      '法定代表人或负责人周志强',
      '代理人姓名彭丽娟',
      '抵押情况(最高额抵押)',
      '最高债权额1,500,000.00元(壹佰伍拾万元整)',
      '债权确定期间2026年11月27日起至2046年11月26日止',
      '抵押顺位第1顺位是否约定禁止转让■是□否',
      '担保范围主债权及利息、违约金、损害赔偿金和实现债权的费用',
      '在建建筑物抵押范围',
      '登记原因证明文件1.最高额借款合同2.最高额抵押合同',
      '领证方式□窗口领取□邮寄■仅电子证照',
      '申请渠道□窗口□网上■银行网点□开发企业',
      '电子签章已验证签章人:彭丽娟',
    ]) {
      expect(text).toContain(fact.normalize('NFKC'));
    }
    // The seal is the form's only picture (pdf-lib stores its alpha channel as a second image).
    expect(await imageCount(bytes)).toBeGreaterThan(0);
    expect(await imageCount(await renderApplicationForm(transferApplicationForm()))).toBe(0);
    const unverified = await textOf('bank-unverified', bankMortgageApplicationForm({ sealVerified: false }));
    expect(unverified).toContain('电子签章未通过验证');
    expect(unverified).not.toContain('电子签章已验证');
  });

  it('a general mortgage names the 被担保主债权数额 and 债务履行期限 instead', async () => {
    const data = bankMortgageApplicationForm();
    data.mortgage = { maximum: false, amountFen: 80_000_000, periodFrom: '2026-12-01', periodTo: '2036-11-30', underConstructionScope: '在建的1至5栋' };
    const text = await textOf('general-mortgage', data);
    expect(text).toContain('抵押情况(一般抵押)');
    expect(text).toContain('被担保主债权数额800,000.00元(捌拾万元整)');
    expect(text).toContain('债务履行期限2026年12月1日起至2036年11月30日止');
    expect(text).toContain('在建建筑物抵押范围在建的1至5栋');
    expect(text).toContain('是否约定禁止转让□是□否');
  });

  it('an easement prints its 需役地, and land measured in 公顷 with that unit ticked', async () => {
    const text = await textOf('easement', easementApplicationForm());
    for (const fact of [
      '■地役权',
      '地役权情况',
      '需役地坐落湖南省长沙市芙蓉区东屯渡街道浏阳河村六组',
      '需役地不动产单元号430102003004GB00125W00000000',
      '面积0.125公顷',
      '单位□平方米■公顷(□亩)、元',
      '不动产类型土地',
    ]) {
      expect(text).toContain(fact.normalize('NFKC'));
    }
  });

  it('marks a type the form has no box for under 其他 by name', async () => {
    const data = transferApplicationForm();
    const text = await textOf('other', { ...data, rightType: '海域使用权及构筑物所有权', registrationType: '换证' });
    expect(text).toContain('■海域使用权');
    expect(text).toContain('■构筑物所有权');
    expect(text).toContain('□查封登记■其他(换证)');
  });

  it('keeps every applicant and unit block whole and renders every page with system fonts hidden', async () => {
    const data = transferApplicationForm();
    data.applicants = [...data.applicants, ...data.applicants, ...data.applicants];
    const path = writePdf(dir.path, 'many', await renderApplicationForm(data));
    const pages = await pdfPageCount(path);
    expect(pages).toBeGreaterThan(2);
    expect(await keepRendering(path, dir.path, 'application-form-many')).toHaveLength(pages);
    const text = await pdfTextCompact(path);
    // Each applicant's three or four rows read in one run: no page break inside a block.
    expect(text.split('义务人姓名(名称)王建国证件种类居民身份证证件号430103196509180019通讯地址湖南省长沙市天心区坡子街56号')).toHaveLength(4);
  });
});

function countCurves(content: string): number {
  return countOperator(content, 'c') + countOperator(content, 'v') + countOperator(content, 'y');
}
