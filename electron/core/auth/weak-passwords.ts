import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords an attacker tries first, refused even when they meet the class rule (`Aa123456`,
 * `1qaz@WSX`, `Qwer1234!`, `Password@2026`):
 *  - the 49,233 most common passwords of @zxcvbn-ts/language-common (MIT; the zxcvbn list drawn
 *    from leaked password sets), compared case-insensitively, also with the digits and symbols
 *    people add at either end taken off (`Password@2026` → `password`);
 *  - keyboard walks, generated here from the keyboard's rows, columns and diagonals (forwards
 *    and backwards, shifted symbols read as their keys) plus alphabet and digit runs and repeated
 *    characters: a password made of at most three such pieces is refused;
 *  - a password containing the account's username or the office code.
 * Core only: the renderer keeps the short class rule (the list would weigh on its bundle).
 */
export interface PasswordContext {
  username?: string | null;
  officeCode?: string | null;
}

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  return common;
}

/** Shifted symbols on a US/Chinese keyboard, read as the key they sit on. */
const SHIFTED: Record<string, string> = {
  '!': '1', '@': '2', '#': '3', $: '4', '%': '5', '^': '6', '&': '7', '*': '8', '(': '9', ')': '0',
  _: '-', '+': '=', '{': '[', '}': ']', '|': '\\', ':': ';', '"': "'", '<': ',', '>': '.', '?': '/', '~': '`',
};

const ROWS = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];

/** Every line a finger can run along: rows, columns (1qaz) and the other diagonal (1zaq reversed: zaq1). */
function keyboardLines(): string[] {
  const lines = [...ROWS, 'abcdefghijklmnopqrstuvwxyz', '01234567890'];
  const grid = [ROWS[0].slice(1), ROWS[1], ROWS[2], ROWS[3]]; // row 0 without ` so columns line up
  for (let col = 0; col < grid[0].length; col++) {
    lines.push(grid.map((row) => row[col] ?? '').join('')); // 1qaz, 2wsx…
    lines.push(grid.map((row, i) => row[col - i] ?? '').join('')); // 1qa… diagonal to the left: 3wa, 4esz
  }
  return [...lines, ...lines.map((l) => [...l].reverse().join(''))].filter((l) => l.length >= 3);
}

let walks: Set<string> | null = null;
/** Every piece of length ≥ 3 of a keyboard line (generated once). */
function walkPieces(): Set<string> {
  if (walks) return walks;
  walks = new Set();
  for (const line of keyboardLines()) {
    for (let i = 0; i < line.length; i++) for (let j = i + 3; j <= line.length; j++) walks.add(line.slice(i, j));
  }
  return walks;
}

function unshift(text: string): string {
  return [...text.toLowerCase()].map((c) => SHIFTED[c] ?? c).join('');
}

/**
 * True when `text` is made of at most `maxPieces` pieces, each a keyboard walk (≥ 3 keys), a run
 * of one repeated character, or a single odd character (`Qwer1234!` = qwer + 1234 + !).
 */
export function isKeyboardPattern(text: string, maxPieces = 3): boolean {
  const s = unshift(text);
  const pieces = walkPieces();
  // best[i] = fewest pieces covering s[0..i)
  const best = new Array<number>(s.length + 1).fill(Infinity);
  best[0] = 0;
  for (let i = 0; i < s.length; i++) {
    if (best[i] === Infinity) continue;
    for (let j = i + 1; j <= s.length; j++) {
      const piece = s.slice(i, j);
      if (j === i + 1 || pieces.has(piece) || /^(.)\1+$/.test(piece)) best[j] = Math.min(best[j], best[i] + 1);
    }
  }
  return best[s.length] <= maxPieces;
}

/** Why a password that meets the class rule is still too easy to guess, in Chinese (empty: fine). */
export function weakPasswordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const list = commonPasswords();
  if (list.has(lower) || list.has(unshift(lower)) || (core.length >= 4 && list.has(core))) problems.push('不能使用常见密码');
  else if (isKeyboardPattern(password)) problems.push('不能使用键盘顺序或重复字符（如 1qaz@WSX、Qwer1234）');
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) problems.push('不能包含用户名');
  if (context.officeCode && password.includes(context.officeCode)) problems.push('不能包含机构代码');
  return problems;
}
