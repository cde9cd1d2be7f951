import type { PrintQueueItem } from '../../../contract';
import { printedCertificates } from '../../issuance/issuance-repository';
import type { Db } from '../../store/database';

/**
 * The office's certificates waiting for 缮证: every number of every registered case in the office
 * cache (the platform's `office.case` feed, whichever counter accepted the case). A number counts as
 * printed when this desk holds a good print of it, or the platform says another desk printed it.
 */
export function printQueue(db: Db, filter: { printed?: boolean } = {}): PrintQueueItem[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.case_number, o.names, o.certificate_numbers,
         (SELECT max(e.at) FROM office_case_events e WHERE e.office_case_id = o.id AND e.stage = 'registered') AS registered_at
       FROM office_cases o WHERE o.stage = 'registered' AND o.certificate_numbers != '[]' ORDER BY registered_at, o.id`,
    )
    .all() as Array<{ id: number; case_number: string; names: string; certificate_numbers: string; registered_at: string | null }>;
  const good = db.prepare("SELECT form_serial FROM certificate_prints WHERE certificate_number = ? AND state = 'printed'");
  const items: PrintQueueItem[] = [];
  for (const r of rows) {
    const elsewhere = printedCertificates.of(db, r.id) ?? [];
    for (const number of JSON.parse(r.certificate_numbers) as string[]) {
      const here = good.get(number) as { form_serial: string } | undefined;
      const there = elsewhere.filter((p) => p.number === number).at(-1);
      const formSerial = here?.form_serial ?? there?.formSerial ?? null;
      const item: PrintQueueItem = {
        caseId: r.id,
        caseNumber: r.case_number,
        number,
        kind: number.includes('不动产证明') ? 'proof' : 'certificate',
        holders: r.names,
        registeredAt: r.registered_at,
        printed: Boolean(here || there),
        formSerial,
      };
      if (filter.printed === undefined || filter.printed === item.printed) items.push(item);
    }
  }
  return items;
}
