import type { BusinessType, Material, Track } from './business-types';

/**
 * Rules that check one intake against its business type, named for what they check and attached to
 * a moment: `acceptance` (受理, at the window) or `entry` (登簿, when the register is written).
 * Contract filing and the other tracks' results are never asked for at acceptance
 * (一窗受理、并行办理); they can only be requiredBeforeEntry.
 */
export type IntakeMoment = 'acceptance' | 'entry';

export interface ApplicantCounts {
  holders: number;
  obligors: number;
  agents: number;
}

/** The materials still missing at this moment; `received` holds material ids. */
export function missingMaterials(
  type: Pick<BusinessType, 'materials'>,
  intake: { received: readonly string[]; hasAgent: boolean; moment: IntakeMoment },
): Material[] {
  const received = new Set(intake.received);
  return type.materials.filter((m) => !received.has(m.id) && isDue(m, intake.hasAgent, intake.moment));
}

/** Reasons in Chinese for applicants missing or not allowed in this business type. */
export function applicantRoleProblems(type: Pick<BusinessType, 'name' | 'roles' | 'roleLabels' | 'origin'>, counts: ApplicantCounts): string[] {
  const problems: string[] = [];
  const entries = [
    ['holder', counts.holders],
    ['obligor', counts.obligors],
    ['agent', counts.agents],
  ] as const;
  for (const [role, count] of entries) {
    const label = type.roleLabels[role];
    if (type.roles[role] === 'required' && count === 0) problems.push(`${type.name}须填写${label}。`);
    if (type.roles[role] === 'none' && count > 0) {
      problems.push(type.origin === 'commission' ? `${type.name}为嘱托登记，不填写${label}。` : `${type.name}不适用${label}，请删除。`);
    }
  }
  return problems;
}

/** Registration always; transaction and tax as the type says (transaction for houses only where so set). */
export function tracksFor(type: Pick<BusinessType, 'tracks'>, unit: { isHouse: boolean }): Track[] {
  const tracks: Track[] = ['registration'];
  if (type.tracks.transaction === 'always' || (type.tracks.transaction === 'houses' && unit.isHouse)) tracks.push('transaction');
  if (type.tracks.tax === 'always') tracks.push('tax');
  return tracks;
}

function isDue(material: Material, hasAgent: boolean, moment: IntakeMoment): boolean {
  switch (material.requirement) {
    case 'required':
      return true;
    case 'withAgent':
      return hasAgent;
    case 'requiredBeforeEntry':
      return moment === 'entry';
    case 'optional':
      return false;
  }
}
