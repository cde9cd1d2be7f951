/**
 * The 31 province-level divisions of the mainland (GB/T 2260 two-digit codes) with the one-character
 * abbreviations (简称) that open certificate numbers. Where a province has two abbreviations the
 * first is the one its certificates commonly use (黔 for 贵州 and 云 for 云南 are both seen, so both
 * are accepted). Hong Kong, Macao and Taiwan have no office on the registration platforms.
 */
export interface MainlandProvince {
  readonly code: string;
  readonly name: string;
  readonly abbreviations: readonly string[];
}

export const MAINLAND_PROVINCES: readonly MainlandProvince[] = [
  { code: '11', name: '北京市', abbreviations: ['京'] },
  { code: '12', name: '天津市', abbreviations: ['津'] },
  { code: '13', name: '河北省', abbreviations: ['冀'] },
  { code: '14', name: '山西省', abbreviations: ['晋'] },
  { code: '15', name: '内蒙古自治区', abbreviations: ['蒙'] },
  { code: '21', name: '辽宁省', abbreviations: ['辽'] },
  { code: '22', name: '吉林省', abbreviations: ['吉'] },
  { code: '23', name: '黑龙江省', abbreviations: ['黑'] },
  { code: '31', name: '上海市', abbreviations: ['沪'] },
  { code: '32', name: '江苏省', abbreviations: ['苏'] },
  { code: '33', name: '浙江省', abbreviations: ['浙'] },
  { code: '34', name: '安徽省', abbreviations: ['皖'] },
  { code: '35', name: '福建省', abbreviations: ['闽'] },
  { code: '36', name: '江西省', abbreviations: ['赣'] },
  { code: '37', name: '山东省', abbreviations: ['鲁'] },
  { code: '41', name: '河南省', abbreviations: ['豫'] },
  { code: '42', name: '湖北省', abbreviations: ['鄂'] },
  { code: '43', name: '湖南省', abbreviations: ['湘'] },
  { code: '44', name: '广东省', abbreviations: ['粤'] },
  { code: '45', name: '广西壮族自治区', abbreviations: ['桂'] },
  { code: '46', name: '海南省', abbreviations: ['琼'] },
  { code: '50', name: '重庆市', abbreviations: ['渝'] },
  { code: '51', name: '四川省', abbreviations: ['川'] },
  { code: '52', name: '贵州省', abbreviations: ['贵', '黔'] },
  { code: '53', name: '云南省', abbreviations: ['云', '滇'] },
  { code: '54', name: '西藏自治区', abbreviations: ['藏'] },
  { code: '61', name: '陕西省', abbreviations: ['陕', '秦'] },
  { code: '62', name: '甘肃省', abbreviations: ['甘', '陇'] },
  { code: '63', name: '青海省', abbreviations: ['青'] },
  { code: '64', name: '宁夏回族自治区', abbreviations: ['宁'] },
  { code: '65', name: '新疆维吾尔自治区', abbreviations: ['新'] },
];

export function provinceByCode(code: string): MainlandProvince | undefined {
  return MAINLAND_PROVINCES.find((p) => p.code === code);
}

export function provinceByAbbreviation(abbreviation: string): MainlandProvince | undefined {
  return MAINLAND_PROVINCES.find((p) => p.abbreviations.includes(abbreviation));
}
