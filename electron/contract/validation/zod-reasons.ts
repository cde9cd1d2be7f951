import type { z } from 'zod';

/**
 * Turns zod issues into Chinese reasons that name the field (`businessTypes.transfer.addMaterials.0.name：…`),
 * so an office's configuration error says where to look. Custom messages (refinements) are
 * already Chinese and pass through.
 */
export function zodIssueReasons(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((issue) => `${fieldOf(issue, prefix)}：${describe(issue)}`);
}

function fieldOf(issue: z.core.$ZodIssue, prefix: string): string {
  const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '');
  if (issue.code === 'unrecognized_keys') return [...path, issue.keys.join('、')].join('.');
  return path.join('.');
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return '不认识的字段（是否拼写错误？）';
    case 'invalid_key':
      return '不认识的键（是否拼写错误？）';
    case 'invalid_type':
      return `类型不正确，应为 ${issue.expected}`;
    case 'too_small':
      return `取值过小或过短，最小为 ${String(issue.minimum)}`;
    case 'too_big':
      return `取值过大或过长，最大为 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `取值不在允许范围内（${issue.values.map(String).join(' / ')}）`;
    case 'invalid_format':
      // A pattern with its own (Chinese) message keeps it; zod's English default does not.
      return /^Invalid/.test(issue.message) ? '格式不正确' : issue.message;
    default:
      return issue.message;
  }
}
