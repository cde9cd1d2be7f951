/**
 * Nation codes of GB 3304 (中国各民族名称的罗马字母拼写法和代码), as carried in the card's text block,
 * plus the two codes used for people who are not one of the 56 nations. Names without 族, as the
 * card prints them after 民族.
 */
const NATIONS_IN_GB3304_ORDER = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜',
  '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳',
  '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔',
  '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
] as const;

export const NATIONS: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(NATIONS_IN_GB3304_ORDER.map((name, i) => [String(i + 1).padStart(2, '0'), name])),
  '97': '其他',
  '98': '外国血统中国籍人士',
});

/** Sex codes of GB/T 2261.1. */
export const SEXES: Readonly<Record<string, string>> = Object.freeze({
  '0': '未知',
  '1': '男',
  '2': '女',
  '9': '未说明',
});
