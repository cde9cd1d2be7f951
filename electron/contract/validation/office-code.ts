/**
 * Office codes are county-level administrative division codes (GB/T 2260): 2 digits province,
 * 2 digits prefecture, 2 digits county. A registration office sits at county level, so neither
 * the prefecture nor the county part may be 00. Hong Kong, Macao and Taiwan have no office on
 * the provincial platform.
 */
const PROVINCES: Record<string, string> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
};

export type OfficeCodeCheck = { ok: true; province: string } | { ok: false; reason: string };

export function checkOfficeCode(code: string): OfficeCodeCheck {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: '机构代码应为 6 位数字' };
  const province = PROVINCES[code.slice(0, 2)];
  if (!province) return { ok: false, reason: `前两位 ${code.slice(0, 2)} 不是有效的省级行政区划代码` };
  if (code.slice(2, 4) === '00') return { ok: false, reason: '第 3–4 位（地级）不能为 00：请填写县级行政区划代码' };
  if (code.slice(4, 6) === '00') return { ok: false, reason: '第 5–6 位（县级）不能为 00：请填写县级行政区划代码' };
  return { ok: true, province };
}
