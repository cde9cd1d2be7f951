import { describe, expect, it } from 'vitest';
import { reviewSupplementItems } from '../../../../electron/core/cases/review-supplement-items';

describe('the 补正 items a reviewer asked for, read back from the counter case', () => {
  it('lists each item of the feed reason on its own line', () => {
    expect(reviewSupplementItems('审核要求补正：转移合同：缺少买受人签字页；完税凭证；请补正后再审。')).toEqual(['转移合同：缺少买受人签字页', '完税凭证', '请补正后再审。']);
  });

  it('gives nothing for a reason that is not a review 补正 (a counter 补正 keeps its own list)', () => {
    expect(reviewSupplementItems('需补正：转移合同')).toEqual([]);
    expect(reviewSupplementItems(null)).toEqual([]);
    expect(reviewSupplementItems('审核要求补正：')).toEqual([]);
  });
});
