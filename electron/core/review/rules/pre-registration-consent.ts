import { isDisposal, restrictionsInForce, type ReviewRule } from './rule';

/**
 * 预告: disposing of the unit without the 预告权利人's consent has no effect on the property
 * (民法典 第221条). Passes when the 预告权利人 is the new holder (the 预告 converts) or a consent
 * material is in the application.
 */
export const preRegistrationConsent: ReviewRule = {
  id: 'pre-registration-consent',
  level: 'block',
  source: '《民法典》第二百二十一条',
  check(input) {
    if (!isDisposal(input.registrationType)) return null;
    const pre = restrictionsInForce(input, 'preRegistration');
    if (pre.length === 0) return { ok: true, message: '登记簿无预告登记。' };
    const holders = new Set(input.body.parties.filter((p) => p.role === 'holder').map((p) => p.name));
    const consent = input.body.materials.some((m) => /consent|同意/i.test(`${m.materialId} ${m.name}`) && m.files.length > 0);
    const blocking = pre.filter(({ r }) => !(r.holder && holders.has(r.holder)) && !consent);
    if (blocking.length === 0) return { ok: true, message: '存在预告登记，预告权利人为本次申请的权利人或已提交其书面同意。' };
    const list = blocking.map(({ unitCode, r }) => `${unitCode}（预告权利人 ${r.holder ?? '—'}）`).join('；');
    return { ok: false, message: `存在预告登记，未见预告权利人的书面同意：${list}。` };
  },
};
