import { isDisposal, restrictionsInForce, since, type ReviewRule } from './rule';

/** 查封: a seized unit may not be transferred, mortgaged or changed until the court lifts it. */
export const seizureBlocksDisposal: ReviewRule = {
  id: 'seizure-blocks-disposal',
  level: 'block',
  source: '《城市房地产管理法》第三十八条；《民法典》第三百九十九条；《不动产登记暂行条例》第二十二条',
  check(input) {
    if (!isDisposal(input.registrationType)) return null;
    const seizures = restrictionsInForce(input, 'seizure');
    if (seizures.length === 0) return { ok: true, message: '登记簿无查封登记。' };
    const list = seizures.map(({ unitCode, r }) => `${unitCode}（${r.holder ?? '查封机关'}${since(r)}）`).join('；');
    return { ok: false, message: `不动产已被查封，不得办理转移、抵押或变更登记：${list}。` };
  },
};
