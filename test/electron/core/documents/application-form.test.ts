import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderApplicationForm } from '../../../../electron/core/documents/application-form';
import { sampleApplicationForm } from '../../../fixtures/documents/sample-documents';
import { makeTempDir } from '../../../support/temp-dir';
import { countOperator, imageCount, pageContents, pdfTextCompact, writePdf } from './pdf-inspection';

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
      '申请登记原因买卖',
      '权利人张晓明居民身份证43010219880715231813807311234共同共有',
      '义务人王建国居民身份证4301031965091800190731-84561234单独所有',
      '1430102003004GB00123F00010203湖南省长沙市芙蓉区朝阳街道八一路288号湘江世纪城二期17栋2单元3205号住宅128.46',
      '本申请人对填写的上述内容及提交的申请材料的真实性负责',
      '权利人张晓明日期2026年11月27日',
    ]) {
      expect(text).toContain(fact);
    }
  });

  it('draws each signature as vector pen strokes, not as an image', async () => {
    const [page] = await pageContents(signed);
    const [blankPage] = await pageContents(unsigned);
    // Each pad sample becomes a Bézier segment (pdf-lib writes the SVG's quadratic curves as 'v'),
    // each stroke is stroked ('S') with round caps ('1 J').
    const curves = countCurves(page) - countCurves(blankPage);
    expect(curves).toBeGreaterThan(300);
    expect(countOperator(page, 'S') - countOperator(blankPage, 'S')).toBeGreaterThanOrEqual(10);
    expect(countOperator(page, '1 J')).toBeGreaterThan(0);
    expect(await imageCount(signed)).toBe(0);
  });

  it('leaves an unsigned applicant an empty box with a signing line and a blank date', async () => {
    const [blankPage] = await pageContents(unsigned);
    expect(countCurves(blankPage)).toBe(0);
    expect(await imageCount(unsigned)).toBe(0);
    const text = await pdfTextCompact(writePdf(dir.path, 'unsigned', unsigned));
    expect(text).toContain('权利人张晓明日期年月日');
    expect(text).not.toContain('张晓明日期2026');
  });
});

function countCurves(content: string): number {
  return countOperator(content, 'c') + countOperator(content, 'v') + countOperator(content, 'y');
}
