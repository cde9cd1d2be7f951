import { restrictionsInForce, since, type ReviewRule } from './rule';

/** 异议: shown to the reviewer, who decides explicitly whether to go on (the applicant bears the risk). */
export const objectionNeedsDecision: ReviewRule = {
  id: 'objection-needs-decision',
  level: 'decide',
  source: '《民法典》第二百二十条；《不动产登记暂行条例实施细则》第八十四条',
  check(input) {
    if (input.registrationType === 'objectionCancellation') return null;
    const objections = restrictionsInForce(input, 'objection');
    if (objections.length === 0) return { ok: true, message: '登记簿无异议登记。' };
    const list = objections.map(({ unitCode, r }) => `${unitCode}（异议人 ${r.holder ?? '—'}${since(r)}）`).join('；');
    return { ok: false, message: `存在异议登记：${list}。须审核人员确认后方可继续办理，申请人自行承担风险。` };
  },
};
