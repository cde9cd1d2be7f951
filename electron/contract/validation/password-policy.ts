/**
 * 等保三级 practice: at least 8 characters from at least 3 of the 4 classes
 * (upper case, lower case, digits, symbols). Returns the unmet requirements in Chinese.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_CLASSES = 3;

export function passwordPolicyProblems(password: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`长度至少 ${PASSWORD_MIN_LENGTH} 位`);
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < PASSWORD_MIN_CLASSES) problems.push('至少包含大写字母、小写字母、数字、符号中的 3 类');
  if (/^\s|\s$/.test(password)) problems.push('首尾不能是空格');
  return problems;
}
