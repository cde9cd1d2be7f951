import { afterAll, describe, expect, it } from 'vitest';
import { renderPaymentNotice } from '../../../../electron/core/documents/payment-notice';
import { longestPaymentNotice, mortgagePaymentNotice, platformPaymentNotice, samplePaymentNotice } from '../../../fixtures/documents/sample-documents';
import { makeTempDir } from '../../../support/temp-dir';
import { decodeQrCodes, pdfTextCompact, renderWithoutSystemFonts, writePdf } from './pdf-inspection';

describe('payment notice (缴费通知书)', () => {
  const dir = makeTempDir('bdc-payment-');
  afterAll(() => dir.remove());

  it('lists each fee with its non-tax item code and shows the total in figures and in capitals', async () => {
    const text = await pdfTextCompact(writePdf(dir.path, 'sample', await renderPaymentNotice(samplePaymentNotice())));
    expect(text).toContain('11041501住宅类不动产登记费80.00');
    expect(text).toContain('21041503不动产权属证书工本费(第二本起)10.00');
    expect(text).toContain('合计(小写)¥90.00');
    expect(text).toContain('合计(大写)人民币玖拾元整');
    expect(text).toContain('合计人民币玖拾元整(¥90.00),请于2026年12月4日前缴纳');
    expect(text).toContain('发改价格规〔2016〕2559号');
  });

  it('adds up odd amounts to the fen, in figures and capitals that agree', async () => {
    const data = longestPaymentNotice();
    const total = data.fees.reduce((sum, fee) => sum + fee.amountFen, 0);
    expect(total).toBe(74050);
    const text = await pdfTextCompact(writePdf(dir.path, 'longest', await renderPaymentNotice(data)));
    expect(text).toContain('51041599其他(依申请复制登记资料,每页0.5元)0.50');
    expect(text).toContain('合计(小写)¥740.50');
    expect(text).toContain('合计(大写)人民币柒佰肆拾元伍角');
  });

  it('writes thousands separators for large totals', async () => {
    const data = samplePaymentNotice();
    data.fees = [{ code: '1041502', name: '非住宅类不动产登记费', amountFen: 123_456_789 }];
    const text = await pdfTextCompact(writePdf(dir.path, 'large', await renderPaymentNotice(data)));
    expect(text).toContain('¥1,234,567.89');
    expect(text).toContain('人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');
  });

  it('is addressed to the payer and carries the platform\'s 缴款码, payment QR and deadline', async () => {
    const path = writePdf(dir.path, 'platform', await renderPaymentNotice(platformPaymentNotice()));
    const text = await pdfTextCompact(path);
    expect(text).toMatch(/^不动产登记缴费通知书受理编号:430102-20261127-A10001张晓明、李雪梅:/);
    expect(text).toContain('二、缴费信息缴费人张晓明、李雪梅缴款码4301022611270001234缴费期限2026年12月4日前');
    expect(text).toContain('扫码缴费');
    const [page] = await renderWithoutSystemFonts(path, dir.path, 'platform-150', 150);
    expect(await decodeQrCodes(page)).toEqual(['https://fs.hunan.gov.cn/pay?jkm=4301022611270001234']);
  });

  it('before the platform answers, says the 缴款码 and deadline are still to come and prints no QR', async () => {
    const data = samplePaymentNotice();
    delete data.payBefore;
    const path = writePdf(dir.path, 'pending', await renderPaymentNotice(data));
    const text = await pdfTextCompact(path);
    expect(text).toContain('缴款码待缴费平台生成缴费期限待缴费平台生成');
    expect(text).toContain('请及时缴纳');
    const [page] = await renderWithoutSystemFonts(path, dir.path, 'pending-150', 150);
    expect(await decodeQrCodes(page)).toEqual([]);
  });

  it('lists taxes apart, for information, never as fees and never in the total', async () => {
    const text = await pdfTextCompact(writePdf(dir.path, 'taxes', await renderPaymentNotice(platformPaymentNotice())));
    const [fees, taxes] = text.split('三、相关税款');
    expect(fees).toContain('一、不动产登记费用');
    expect(fees).toContain('合计(小写)¥90.00');
    expect(fees).not.toContain('契税');
    expect(fees).not.toMatch(/已缴税|完税/);
    expect(taxes).toContain('(由税务机关征收,不在本通知书缴纳,不计入上述合计)');
    expect(taxes).toContain('1契税36,000.00已完税');
    expect(taxes).not.toContain('登记费');
  });

  it('a mortgage\'s notice is addressed to the bank (抵押权人) and shows its 80 元 as a fee, with no tax section', async () => {
    const text = await pdfTextCompact(writePdf(dir.path, 'mortgage', await renderPaymentNotice(mortgagePaymentNotice())));
    expect(text).toContain('受理编号:430102-20261127-A10002中国建设银行股份有限公司长沙芙蓉支行:');
    expect(text).not.toContain('张晓明:');
    expect(text).toContain('11041501住宅类不动产登记费(抵押权首次登记)80.00');
    expect(text).not.toMatch(/税款|已缴税|契税|税额/);
  });
});
