import { restrictionsInForce, since, type ReviewRule } from './rule';

/** A mortgage stays with a transferred unit (民法典 第406条): shown, never blocking. */
export const mortgageOnTransfer: ReviewRule = {
  id: 'mortgage-on-transfer',
  level: 'info',
  source: '《民法典》第四百零六条',
  check(input) {
    if (input.registrationType !== 'transfer') return null;
    const mortgages = restrictionsInForce(input, 'mortgage');
    if (mortgages.length === 0) return null;
    const list = mortgages.map(({ unitCode, r }) => `${unitCode}（抵押权人 ${r.holder ?? '—'}${since(r)}）`).join('；');
    return {
      ok: true,
      message: `存在抵押登记：${list}。抵押期间抵押人可以转让抵押财产，抵押权不受影响；抵押人应当及时通知抵押权人（当事人另有约定的，按照其约定）。`,
    };
  },
};
