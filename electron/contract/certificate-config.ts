import { z } from 'zod';
import { validateCreditCode } from './validation/credit-code';
import { provinceByAbbreviation } from './validation/provinces';

/**
 * The issuing office as certificates print it (颁发机构, its 统一社会信用代码 as 颁发机构代码, the
 * 行政区划代码, and the 省简称/市县 of certificate numbers) and the 证照类型代码 of the e-certificate
 * identifier (GB/T 36904; DOMAIN.md §5: the type codes a public vendor implementation uses, gtmap
 * via GitHub yanFranklin/bdc20230104, are the defaults — offices set their province's).
 * The training defaults are a made-up but well-formed office (the credit code's check character is
 * correct per GB 32100-2015), so a fresh install issues certificates that verify.
 */
export const certificateTypeCodeSchema = z.string().regex(/^[0-9A-Z]{21}$/, '证照类型代码应为 21 位数字或大写字母');

export const certificatesConfigSchema = z
  .object({
    issuerName: z.string().trim().min(2).max(60).default('长沙市芙蓉区不动产登记中心'),
    creditCode: z
      .string()
      .default('12430102MB0000001A')
      .superRefine((value, ctx) => {
        const check = validateCreditCode(value);
        if (!check.valid) ctx.addIssue({ code: 'custom', message: check.reasons.join('') });
      }),
    regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字').default('430102'),
    provinceShort: z
      .string()
      .default('湘')
      .refine((v) => provinceByAbbreviation(v) !== undefined, { message: '省简称应为一个省级行政区的简称，例如 湘' }),
    cityCounty: z.string().trim().min(1).max(20).default('长沙市'),
    typeCodes: z
      .object({ certificate: certificateTypeCodeSchema.default('11100000MB03271699001'), proof: certificateTypeCodeSchema.default('11100000MB03271699022') })
      .strict()
      .default({ certificate: '11100000MB03271699001', proof: '11100000MB03271699022' }),
  })
  .strict()
  .superRefine((c, ctx) => {
    // The credit code's positions 3–8 are the division where the office is registered.
    if (c.creditCode.slice(2, 8) !== c.regionCode) {
      ctx.addIssue({ code: 'custom', path: ['creditCode'], message: `统一社会信用代码第 3–8 位（${c.creditCode.slice(2, 8)}）应与行政区划代码 ${c.regionCode} 一致` });
    }
  });
export type CertificatesConfig = z.infer<typeof certificatesConfigSchema>;
export const DEFAULT_CERTIFICATES_CONFIG: CertificatesConfig = certificatesConfigSchema.parse({});
