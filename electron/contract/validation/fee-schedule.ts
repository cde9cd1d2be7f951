import { z } from 'zod';

/**
 * The fee schedule as configurable data (发改价格规〔2016〕2559号, DOMAIN.md §2): the registration fee
 * per case (件) by the unit's use, and 工本费 for each certificate after the first. Amounts are in
 * fen (integers), item codes are the non-tax (非税) item codes seen in practice. Kept in the
 * contract so the configuration file and the settings screen validate it with the same schema.
 */
export const UNIT_USES = ['residential', 'nonResidential', 'parking'] as const;
export const unitUseSchema = z.enum(UNIT_USES);
export type UnitUse = z.infer<typeof unitUseSchema>;
export const UNIT_USE_LABELS: Record<UnitUse, string> = {
  residential: '住宅',
  nonResidential: '非住宅',
  parking: '车位、车库、储藏室',
};

export const feeItemSchema = z
  .object({
    /** 非税收入项目编码. */
    code: z.string().regex(/^\d{5,12}$/, { message: '收费项目编码应为5–12位数字' }),
    name: z.string().trim().min(1).max(40),
    amountFen: z.number().int().min(0),
  })
  .strict();
export type FeeItem = z.infer<typeof feeItemSchema>;

/**
 * A reduction the clerk applies with the applicant's proof. `registration`: waive or halve the
 * registration fee; `certificates`: whether extra-certificate 工本费 is waived too.
 */
export const feeExemptionSchema = z
  .object({
    id: z.string().regex(/^[a-z][A-Za-z0-9]{1,47}$/, { message: '减免项目编号应为英文字母开头的字母或数字' }),
    name: z.string().trim().min(1).max(80),
    registration: z.enum(['waive', 'half']),
    /** waive: no 工本费; charge: the first certificate free, then per extra one; chargeAll: 工本费 for every certificate (2559号 工本费-only cases). */
    certificates: z.enum(['waive', 'charge', 'chargeAll']),
    basis: z.string().trim().max(120).optional(),
  })
  .strict();
export type FeeExemption = z.infer<typeof feeExemptionSchema>;

/**
 * 异议登记 and ordinary (not the office's error) 更正登记: charged in full, halved or free. Offices
 * differ; the default halves both, as 财税〔2016〕79号 is reprinted in DOMAIN.md §2 (the circular's
 * own text was not at hand: unconfirmed, hence configurable).
 */
export const reducedRateSchema = z.enum(['full', 'half', 'free']);
export type ReducedRate = z.infer<typeof reducedRateSchema>;
export const feeRatesSchema = z.object({ objection: reducedRateSchema, correction: reducedRateSchema }).strict();
export type FeeRates = z.infer<typeof feeRatesSchema>;
export const DEFAULT_FEE_RATES: FeeRates = { objection: 'half', correction: 'half' };

export const feeScheduleSchema = z
  .object({
    registration: z.object({ residential: feeItemSchema, nonResidential: feeItemSchema, parking: feeItemSchema }).strict(),
    extraCertificate: feeItemSchema,
    exemptions: z.array(feeExemptionSchema),
    /** Rates where offices differ (fee-calculation.ts); absent = DEFAULT_FEE_RATES. */
    rates: feeRatesSchema.optional(),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const ids = new Set<string>();
    schedule.exemptions.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['exemptions', i, 'id'], message: `减免项目编号 ${e.id} 重复` });
      ids.add(e.id);
    });
  });
export type FeeSchedule = z.infer<typeof feeScheduleSchema>;

/**
 * Defaults: 80 元 residential, 550 元 non-residential, 80 元 parking space / garage / storage room,
 * 10 元 per extra certificate (2559号). Which item code the reduced parking fee is booked under is
 * unconfirmed (it is a non-residential use charged at 80 元): 1041502 here, configurable.
 * The exemptions are those public office pages cite (2559号, 财税〔2016〕79号, 财税〔2019〕45号); their
 * exact scope is unconfirmed, so they are data an office edits.
 */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  registration: {
    residential: { code: '1041501', name: '住宅类不动产登记费', amountFen: 8000 },
    nonResidential: { code: '1041502', name: '非住宅类不动产登记费', amountFen: 55000 },
    parking: { code: '1041502', name: '车位、车库、储藏室不动产登记费', amountFen: 8000 },
  },
  extraCertificate: { code: '1041503', name: '不动产权属证书工本费', amountFen: 1000 },
  exemptions: [
    {
      id: 'smallEnterprise',
      name: '小微企业（含个体工商户）申请不动产登记',
      registration: 'waive',
      certificates: 'charge',
      basis: '财税〔2019〕45号',
    },
    {
      id: 'officeError',
      name: '因不动产登记机构错误导致的更正登记',
      registration: 'waive',
      certificates: 'waive',
      basis: '发改价格规〔2016〕2559号',
    },
    {
      id: 'ancillaryParking',
      name: '与房屋配套的车库、车位、储藏室，不单独核发不动产权属证书',
      registration: 'waive',
      certificates: 'charge',
      basis: '财税〔2016〕79号',
    },
    {
      id: 'divisionRename',
      name: '因行政区划调整导致坐落的街道、门牌号或房屋名称变更而申请变更登记',
      registration: 'waive',
      certificates: 'charge',
      basis: '财税〔2016〕79号',
    },
    {
      id: 'homestead',
      name: '单独申请宅基地使用权登记或申请宅基地使用权及地上房屋所有权登记，只收取证书工本费',
      registration: 'waive',
      certificates: 'chargeAll',
      basis: '发改价格规〔2016〕2559号',
    },
    {
      id: 'spouseChange',
      name: '夫妻间不动产权利人变更申请登记，只收取证书工本费',
      registration: 'waive',
      certificates: 'chargeAll',
      basis: '发改价格规〔2016〕2559号',
    },
    {
      id: 'certificateReplacement',
      name: '因不动产权属证书丢失、损坏等原因申请补发、换发证书，只收取证书工本费',
      registration: 'waive',
      certificates: 'chargeAll',
      basis: '发改价格规〔2016〕2559号',
    },
    {
      id: 'affordableHousing',
      name: '廉租住房、公共租赁住房、经济适用住房和棚户区改造安置住房办理不动产登记，登记收费标准为零',
      registration: 'waive',
      certificates: 'charge',
      basis: '财税〔2016〕79号',
    },
  ],
};
