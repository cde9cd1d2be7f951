import { shanghaiDate, type WorkstationConfig } from '../../contract';
import type { Db } from '../store/database';
import { caseWrites } from './case-repository';
import { workstationIdFor } from './workstation-id';

/**
 * The number of a notice given at the counter before acceptance (补正告知书, 不予受理告知书), when
 * the case has no case number yet:
 *
 *   430102-20261204-A7-N001
 *   office  date     ws  notice sequence of the day
 *
 * It reads like a case number (so a clerk finds the case by it) and cannot be one: the N. The
 * sequence is the case-number sequence table's own row for notices of the day, allocated inside the
 * caller's transaction, so two clerks at one workstation never get the same number. A case keeps
 * its first notice number (a second 补正 of the same draft is the same 收件).
 */
export const NOTICE_NUMBER_PATTERN = /^\d{6}-\d{8}-[0-9A-Z]{2}-N\d{3,4}$/;

export function assignNoticeNumber(db: Db, c: { id: number; noticeNumber: string | null }, config: WorkstationConfig, now: Date): string {
  if (c.noticeNumber) return c.noticeNumber;
  const day = shanghaiDate(now);
  const sequence = caseWrites.nextSequence(db, `notice:${day}`);
  const number = `${config.officeCode ?? '000000'}-${day.replaceAll('-', '')}-${workstationIdFor(db, config)}-N${String(sequence).padStart(3, '0')}`;
  caseWrites.setNoticeNumber(db, c.id, number);
  return number;
}
