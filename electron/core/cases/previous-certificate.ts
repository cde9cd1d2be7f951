import { parseCertificateNumber, type CertificateNumber } from '../../contract';
import type { CallContext } from '../services';
import { unitRegisterCache } from '../sync/unit-register-cache';
import type { UnitAnswer } from '../sync/platform-answers';
import type { Unit } from './case-record';

type Check = Unit['previousCertificateCheck'];

/** Same certificate: kind, province, year, place (with or without 市/区/县) and the serial as written. */
export function sameCertificate(a: CertificateNumber, b: CertificateNumber): boolean {
  return a.kind === b.kind && a.provinceCode === b.provinceCode && a.year === b.year && a.placeStem === b.placeStem && a.serial === b.serial;
}

/** Whether the register's answer for the unit names this certificate among its rights. */
export function matchesRegister(number: CertificateNumber, answer: UnitAnswer): boolean {
  return answer.rights.some((r) => {
    if (!r.certificateNumber) return false;
    const theirs = parseCertificateNumber(r.certificateNumber);
    return theirs.valid && sameCertificate(number, theirs);
  });
}

/**
 * The 原不动产权证书号 of a unit, checked: parsed with the tolerant parser (the number is stored as
 * typed, never rewritten), then looked up against the provincial register — online through the
 * sync engine (the answer is cached, as sync.platformUnit does), offline from the cached answer;
 * without either it stays `notChecked`. A number already checked for the same unit keeps its result.
 */
export async function checkPreviousCertificate(ctx: CallContext, unit: Pick<Unit, 'unitCode' | 'previousCertificateNumber'>, before: Unit | undefined): Promise<Check> {
  const typed = unit.previousCertificateNumber;
  if (!typed) return 'notGiven';
  const parsed = parseCertificateNumber(typed);
  if (!parsed.valid) return 'unparsable';
  if (before && before.unitCode === unit.unitCode && before.previousCertificateNumber === typed && (before.previousCertificateCheck === 'matched' || before.previousCertificateCheck === 'notMatched')) {
    return before.previousCertificateCheck;
  }
  const db = ctx.services.db();
  const engine = ctx.services.sync;
  const asked = engine ? await engine.lookupUnit(unit.unitCode) : 'unreachable';
  if (asked !== 'unreachable') {
    if (asked.answer) unitRegisterCache.put(db, unit.unitCode, asked.answer, ctx.services.clock());
    return asked.answer && matchesRegister(parsed, asked.answer) ? 'matched' : 'notMatched';
  }
  const cached = unitRegisterCache.get(db, unit.unitCode);
  if (!cached) return 'notChecked';
  return matchesRegister(parsed, cached.data) ? 'matched' : 'notMatched';
}
