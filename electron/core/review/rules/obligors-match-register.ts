import { currentOwnership, type ReviewRule } from './rule';

/** The obligors (义务人) are the register's current holders, with the same shares. */
export const obligorsMatchRegister: ReviewRule = {
  id: 'obligors-match-register',
  level: 'block',
  source: '《不动产登记暂行条例》第十八条',
  check(input) {
    if (!['transfer', 'mortgageFirst', 'change', 'cancellation'].includes(input.registrationType)) return null;
    const obligors = input.body.parties.filter((p) => p.role === 'obligor');
    const problems: string[] = [];
    for (const unit of input.body.units) {
      const record = input.records.get(unit.unitCode);
      if (!record) continue;
      const right = currentOwnership(record);
      if (!right) {
        problems.push(`${unit.unitCode} 登记簿无现势所有权`);
        continue;
      }
      const registered = [...right.holders].sort();
      const named = obligors.map((p) => p.name).sort();
      if (registered.join('、') !== named.join('、')) {
        problems.push(`${unit.unitCode} 登记簿权利人为 ${registered.join('、') || '—'}，申请义务人为 ${named.join('、') || '—'}`);
        continue;
      }
      for (const h of right.holderShares ?? []) {
        const p = obligors.find((o) => o.name === h.name);
        if (h.share && p?.share && h.share !== p.share) problems.push(`${unit.unitCode} ${h.name} 登记份额 ${h.share}，申请 ${p.share}`);
      }
    }
    if (problems.length === 0) return { ok: true, message: '义务人与登记簿现势权利人及份额一致。' };
    return { ok: false, message: `义务人与登记簿不一致：${problems.join('；')}。` };
  },
};
