/**
 * A random temporary password that meets the policy (upper, lower, digit, symbol), without
 * characters that are easy to misread when read out at a counter (0/O, 1/l/I).
 */
const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@!?'];

export function generateTemporaryPassword(length = 12): string {
  const random = (n: number) => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    return buf[0] % n;
  };
  const pick = (set: string) => set[random(set.length)];
  const chars = SETS.map(pick);
  const all = SETS.join('');
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
