import { afterAll, describe, expect, it } from 'vitest';
import { renderPaymentNotice } from '../../../../electron/core/documents/payment-notice';
import { longestPaymentNotice, samplePaymentNotice } from '../../../fixtures/documents/sample-documents';
import { makeTempDir } from '../../../support/temp-dir';
import { pdfTextCompact, writePdf } from './pdf-inspection';

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
});
