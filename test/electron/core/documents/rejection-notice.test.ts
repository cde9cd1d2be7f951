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
    expect(text).toContain('本机构决定不予受理');
    expect(text).toContain('1申请登记的不动产已被长沙市芙蓉区人民法院查封,查封期间不得办理转移登记。《不动产登记暂行条例》第二十二条第(三)项');
    expect(text).toContain('六十日内依法申请行政复议');
    expect(text).toContain('六个月内依法向人民法院提起行政诉讼');
  });

  it('uses the office’s own wording of the remedies when given, and numbers several reasons', async () => {
    const data = longestRejectionNotice();
    const text = await pdfTextCompact(writePdf(dir.path, 'longest', await renderRejectionNotice(data)));
    expect(text).toContain('向长沙市芙蓉区人民政府申请行政复议');
    expect(text).toContain('3申请人提交的继承公证书');
    expect(text).toContain('《不动产登记暂行条例》第十七条第(四)项');
  });
});
