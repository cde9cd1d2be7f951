import { afterAll, describe, expect, it } from 'vitest';
import { renderRejectionNotice } from '../../../../electron/core/documents/rejection-notice';
import { longestRejectionNotice, sampleRejectionNotice } from '../../../fixtures/documents/sample-documents';
import { makeTempDir } from '../../../support/temp-dir';
import { pdfTextCompact, writePdf } from './pdf-inspection';

describe('rejection notice (不予受理通知书)', () => {
  const dir = makeTempDir('bdc-rejection-');
  afterAll(() => dir.remove());

  it('gives each reason with its legal basis, and the remedies', async () => {
    const text = await pdfTextCompact(writePdf(dir.path, 'sample', await renderRejectionNotice(sampleRejectionNotice())));
    expect(text).toContain('根据《不动产登记暂行条例》第十七条的规定,本机构决定不予受理。现将不予受理的全部理由一次性告知如下:');
    expect(text).toContain('1申请登记的不动产不属于本机构登记范围《不动产登记暂行条例》第十七条第一款第(四)项');
    expect(text).toContain('2申请登记的不动产坐落于长沙县黄兴镇,不属于本登记机构的登记范围,请向长沙县不动产登记中心申请。《不动产登记暂行条例》第十七条第一款第(四)项');
    // The article itself, not only its number.
    expect(text).toContain('法律依据:《不动产登记暂行条例》第十七条第一款第(四)项:申请登记的不动产不属于本机构登记范围的,应当当场书面告知申请人不予受理并告知申请人向有登记权的机构申请');
    expect(text).toContain('六十日内依法申请行政复议');
    expect(text).toContain('六个月内依法向人民法院提起行政诉讼');
  });

  it('uses the office’s own wording of the remedies when given, and numbers several reasons', async () => {
    const data = longestRejectionNotice();
    const text = await pdfTextCompact(writePdf(dir.path, 'longest', await renderRejectionNotice(data)));
    expect(text).toContain('向长沙市芙蓉区人民政府申请行政复议');
    expect(text).toContain('4申请人未提交被继承人的死亡证明');
    expect(text).toContain('2申请材料不齐全或者不符合法定形式《不动产登记暂行条例》第十七条第一款第(三)项');
    expect(text).toContain('《不动产登记暂行条例》第十七条第一款第(三)项:申请材料不齐全或者不符合法定形式的,应当当场书面告知申请人不予受理并一次性告知需要补正的全部内容');
  });

  it('still prints a reason written in words when no ground was chosen, and refuses a notice with neither', async () => {
    const data = { ...sampleRejectionNotice(), grounds: undefined };
    const text = await pdfTextCompact(writePdf(dir.path, 'reasons-only', await renderRejectionNotice(data)));
    expect(text).toContain('1申请登记的不动产坐落于长沙县黄兴镇');
    expect(text).not.toContain('法律依据');
    await expect(renderRejectionNotice({ ...data, reasons: [] })).rejects.toMatchObject({ code: 'DOCUMENT_DATA_INVALID' });
  });
});
