import { provinceByCode } from './provinces';

/**
 * Office codes are county-level administrative division codes (GB/T 2260): 2 digits province,
 * 2 digits prefecture, 2 digits county. A registration office sits at county level, so neither
 * the prefecture nor the county part may be 00. Hong Kong, Macao and Taiwan have no office on
 * the provincial platform. The province table is the one of provinces.ts.
 */

export type OfficeCodeCheck = { ok: true; province: string } | { ok: false; reason: string };

export function checkOfficeCode(code: string): OfficeCodeCheck {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: '机构代码应为 6 位数字' };
  const province = provinceByCode(code.slice(0, 2))?.name;
  if (!province) return { ok: false, reason: `前两位 ${code.slice(0, 2)} 不是有效的省级行政区划代码` };
  if (code.slice(2, 4) === '00') return { ok: false, reason: '第 3–4 位（地级）不能为 00：请填写县级行政区划代码' };
  if (code.slice(4, 6) === '00') return { ok: false, reason: '第 5–6 位（县级）不能为 00：请填写县级行政区划代码' };
  return { ok: true, province };
}
