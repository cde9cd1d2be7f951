import { describe, expect, it } from 'vitest';
import { DEFAULT_FEE_SCHEDULE, feeScheduleSchema } from '../../../../electron/contract/validation/fee-schedule';

describe('fee schedule (configurable data)', () => {
  it('defaults to 2559号: 80 元 residential, 550 元 non-residential, 80 元 parking, 10 元 per extra certificate', () => {
    expect(feeScheduleSchema.safeParse(DEFAULT_FEE_SCHEDULE).success).toBe(true);
    expect(DEFAULT_FEE_SCHEDULE.registration.residential).toEqual({ code: '1041501', name: '住宅类不动产登记费', amountFen: 8000 });
    expect(DEFAULT_FEE_SCHEDULE.registration.nonResidential).toMatchObject({ code: '1041502', amountFen: 55000 });
    expect(DEFAULT_FEE_SCHEDULE.registration.parking).toMatchObject({ amountFen: 8000 });
    expect(DEFAULT_FEE_SCHEDULE.extraCertificate).toMatchObject({ code: '1041503', amountFen: 1000 });
  });

  it('rejects fractional fen, bad item codes and duplicate exemption ids', () => {
    const broken = {
      ...DEFAULT_FEE_SCHEDULE,
      extraCertificate: { code: '10415X', name: '工本费', amountFen: 10.5 },
      exemptions: [DEFAULT_FEE_SCHEDULE.exemptions[0], DEFAULT_FEE_SCHEDULE.exemptions[0]],
    };
    const issues = feeScheduleSchema.safeParse(broken).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues).toEqual(expect.arrayContaining(['extraCertificate.code', 'extraCertificate.amountFen']));
    const duplicate = feeScheduleSchema.safeParse({ ...DEFAULT_FEE_SCHEDULE, exemptions: broken.exemptions });
    expect(duplicate.error?.issues.map((i) => i.message)).toEqual(['减免项目编号 smallEnterprise 重复']);
  });
});
