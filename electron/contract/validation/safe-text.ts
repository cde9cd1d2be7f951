/**
 * Text that may not cross the contract in any string field: a NUL byte (C strings, SQLite and
 * PDF writers cut or choke on it) and a lone UTF-16 surrogate (not a character at all: it turns
 * into U+FFFD, or an error, on the way to UTF-8). Checked once, generically, at the edge, so no
 * method's schema can forget it.
 */
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface UnsafeText {
  /** Dotted path of the field (`parties.0.name`), or `输入` for the whole input. */
  field: string;
  message: string;
}

export function unsafeTextProblem(text: string): string | null {
  if (NUL.test(text)) return '不能包含空字符（NUL）';
  if (LONE_SURROGATE.test(text)) return '包含无法识别的字符（不成对的代理项），请重新输入';
  return null;
}

/** The first string (value or key) in `input` that may not cross the contract, or null. */
export function findUnsafeText(input: unknown, path: string[] = [], depth = 0): UnsafeText | null {
  if (typeof input === 'string') {
    const message = unsafeTextProblem(input);
    return message ? { field: path.join('.') || '输入', message } : null;
  }
  if (input === null || typeof input !== 'object' || depth > 64) return null;
  const entries = Array.isArray(input) ? input.map((v, i) => [String(i), v] as const) : Object.entries(input);
  for (const [key, value] of entries) {
    const keyProblem = unsafeTextProblem(key);
    if (keyProblem) return { field: [...path, '(字段名)'].join('.'), message: keyProblem };
    const found = findUnsafeText(value, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
