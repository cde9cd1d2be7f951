import { partyIsEmpty, partyProblems, unitIsEmpty, unitProblems, type IntakeForm } from './intake-form';

/**
 * What the form on screen already shows as wrong, per acceptance rule. The back end judges the last
 * saved draft; a row that is red cannot be saved, so without this the bar would keep a green tick
 * for a number the clerk has just mistyped. A rule named here is shown as not met, with these reasons.
 */
export function liveFailures(form: IntakeForm): Record<string, string[]> {
  const failures: Record<string, string[]> = {};
  const add = (rule: string, reason: string) => (failures[rule] ??= []).push(reason);
  form.parties.forEach((p, i) => {
    if (partyIsEmpty(p)) return;
    const problems = partyProblems(p, form.coOwnership);
    const who = `第 ${i + 1} 位申请人${p.name.trim() ? p.name.trim() : ''}`;
    for (const r of problems.idNumber ?? []) add('id-numbers-valid', `${who}：${r}`);
    for (const r of problems.phone ?? []) add('phones-valid', `${who}的联系电话：${r}`);
  });
  form.units.forEach((u, i) => {
    if (unitIsEmpty(u)) return;
    const problems = unitProblems(u);
    for (const r of problems.unitCode ?? []) add('units-present-and-codes-valid', `第 ${i + 1} 个不动产单元：${r}`);
  });
  return failures;
}
