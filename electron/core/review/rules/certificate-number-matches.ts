import { currentOwnership, type ReviewRule } from './rule';

/** Brackets and blanks as clerks type them: （2019） and (2019) are the same number. */
function normalise(n: string): string {
  return n.replace(/（/g, '(').replace(/）/g, ')').replace(/\s/g, '').toUpperCase();
}

/** The 原证号 on the application is the register's certificate of the current right. */
export const certificateNumberMatches: ReviewRule = {
  id: 'certificate-number-matches',
  level: 'block',
  source: '《不动产登记暂行条例》第十八条',
  check(input) {
    const named = input.body.units.filter((u) => u.previousCertificateNumber);
    if (named.length === 0) return null;
    const problems: string[] = [];
    for (const u of named) {
      const record = input.records.get(u.unitCode);
      if (!record) continue;
      const registered = currentOwnership(record)?.certificateNumber ?? null;
      if (!registered || normalise(registered) !== normalise(u.previousCertificateNumber ?? '')) {
        problems.push(`${u.unitCode} 申请原证号 ${u.previousCertificateNumber}，登记簿为 ${registered ?? '无'}`);
      }
    }
    if (problems.length === 0) return { ok: true, message: '申请书所填原证号与登记簿一致。' };
    return { ok: false, message: `原证号与登记簿不一致：${problems.join('；')}。` };
  },
};
