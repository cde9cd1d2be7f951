import { afterAll, describe, expect, it } from 'vitest';
import { renderRequisitionNotice } from '../../../../electron/core/documents/requisition-notice';
import { sampleRequisitionNotice } from '../../../fixtures/documents/sample-documents';
import { makeTempDir } from '../../../support/temp-dir';
import { pdfTextCompact, writePdf } from './pdf-inspection';

describe('requisition notice (补正材料通知书)', () => {
  const dir = makeTempDir('bdc-requisition-');
  afterAll(() => dir.remove());

  it('lists everything missing at once, with what to supply and by when, and nothing already received', async () => {
    const text = await pdfTextCompact(writePdf(dir.path, 'sample', await renderRequisitionNotice(sampleRequisitionNotice())));
    expect(text).toContain('张晓明、李雪梅、王建国:');
    expect(text).toContain('《不动产登记暂行条例》第十七条第(三)项');
    expect(text).toContain('现一次性告知需要补正的全部内容');
    expect(text).toContain('请于2026年12月11日前按要求提交全部补正材料');
    expect(text).toContain('1婚姻关系证明1提交复印件;请提交结婚证复印件并出示原件核对');
    expect(text).toContain('补正期限:2026年12月11日前');
    expect(text).not.toContain('存量房买卖合同');
    expect(text).not.toContain('不动产权证书');
  });

  it('leaves the deadline out of the sentence when none is set', async () => {
    const data = { ...sampleRequisitionNotice(), deadline: undefined };
    const text = await pdfTextCompact(writePdf(dir.path, 'no-deadline', await renderRequisitionNotice(data)));
    expect(text).toContain('请按要求提交全部补正材料');
    expect(text).not.toContain('补正期限');
  });
});
