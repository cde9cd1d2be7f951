import type { Rule } from 'antd/es/form';
import { passwordPolicyProblems } from '../../../../electron/contract';

/** Live check of the same password policy the back end enforces. */
export const passwordPolicyRule: Rule = {
  validator: (_rule, value: string | undefined) => {
    const problems = passwordPolicyProblems(value ?? '');
    return problems.length === 0 ? Promise.resolve() : Promise.reject(new Error(`密码${problems.join('；')}`));
  },
};

export function confirmMatches(field: string): Rule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: string | undefined) =>
      !value || getFieldValue(field) === value ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
  });
}
