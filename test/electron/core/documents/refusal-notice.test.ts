import { afterAll, describe, expect, it } from 'vitest';
import { nonRegistrationGround, NON_REGISTRATION_GROUNDS } from '../../../../electron/contract/validation/legal-grounds';
import { renderRefusalNotice } from '../../../../electron/core/documents/refusal-notice';
import { sampleRefusalNotice } from '../../../fixtures/documents/sample-documents';
import { makeTempDir } from '../../../support/temp-dir';
import { pdfTextCompact, writePdf } from './pdf-inspection';

describe('不予登记告知书 (条例 第二十二条)', () => {
  const dir = makeTempDir('bdc-refusal-');
  afterAll(() => dir.remove());

  it('names the case, gives every ground with its article and the article\'s words, the facts found, and the remedies with their time limits', async () => {
    const text = await pdfTextCompact(writePdf(dir.path, 'sample', await renderRefusalNotice(sampleRefusalNotice())));
    for (const fact of [
      '不予登记告知书编号:430102-20261127-A10001',
      '张晓明、李雪梅、王建国:',
      '你(单位)于2026年11月27日申请办理的转移登记(二手房买卖)(湖南省长沙市芙蓉区朝阳街道八一路288号湘江世纪城二期17栋2单元3205号,受理编号:430102-20261127-A10001)',
      '根据《不动产登记暂行条例》第二十二条的规定,本机构决定不予登记。现将不予登记的全部理由一次性告知如下:',
      '序号不予登记的情形依据',
      '1存在尚未解决的权属争议《不动产登记暂行条例》第二十二条第(二)项',
      '2申请登记的不动产权利超过规定期限《不动产登记暂行条例》第二十二条第(三)项',
      '法律依据:《不动产登记暂行条例》第二十二条第(二)项:存在尚未解决的权属争议的',
      '《不动产登记暂行条例》第二十二条第(三)项:申请登记的不动产权利超过规定期限的',
      '经审查查明:经查,第三人赵某已就该房屋的所有权向长沙市芙蓉区人民法院提起诉讼',
      '申请人可凭本告知书和受理凭证领回申请材料。',
      '自收到本告知书之日起六十日内依法申请行政复议',
      '自收到本告知书之日起六个月内依法向人民法院提起行政诉讼',
      '2026年12月2日',
    ]) {
      expect(text).toContain(fact);
    }
  });

  it('prints each of the four grounds of 第二十二条 with its citation', async () => {
    const data = { ...sampleRefusalNotice(), grounds: [...NON_REGISTRATION_GROUNDS], facts: undefined };
    const text = await pdfTextCompact(writePdf(dir.path, 'all-grounds', await renderRefusalNotice(data)));
    for (const [i, ground] of NON_REGISTRATION_GROUNDS.entries()) {
      expect(text).toContain(`${i + 1}${ground.label}${ground.citation}`.normalize('NFKC'));
    }
    expect(text).not.toContain('经审查查明');
  });

  it('uses the office\'s own wording of the remedies when given, and refuses a notice without a ground', async () => {
    const data = { ...sampleRefusalNotice(), appealNote: '如对本决定不服，可以自收到本告知书之日起六十日内向长沙市芙蓉区人民政府申请行政复议，或者自收到本告知书之日起六个月内向长沙市芙蓉区人民法院提起行政诉讼。' };
    const text = await pdfTextCompact(writePdf(dir.path, 'office-remedies', await renderRefusalNotice(data)));
    expect(text).toContain('向长沙市芙蓉区人民政府申请行政复议');
    await expect(renderRefusalNotice({ ...data, grounds: [] })).rejects.toMatchObject({ code: 'DOCUMENT_DATA_INVALID', message: expect.stringContaining('法定情形') });
    expect(nonRegistrationGround('violatesLaw').citation).toContain('第二十二条');
  });
});
