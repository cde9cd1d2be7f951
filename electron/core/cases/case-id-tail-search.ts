import type { PersonalDataKeys } from '../crypto/personal-data';
import { normaliseIdNumber, SEALED } from '../crypto/personal-data';
import type { Db } from '../store/database';

/** A name with the last 4–6 characters of that person's ID number, as a clerk types them. */
export interface NameAndIdTail {
  name: string;
  tail: string;
}

// A name (Han characters, letters, the middle dot of minority and foreign names) and 4–6 digits
// (the last may be X), in either order, apart or together: 张三 1234, 1234张三, 张三，04２X.
const NAME = '([\\p{Script=Han}A-Za-z·•.]{2,30})';
const TAIL = '(\\d{3,5}[\\dX])';
const NAME_FIRST = new RegExp(`^${NAME}[\\s,，、/]*${TAIL}$`, 'u');
const TAIL_FIRST = new RegExp(`^${TAIL}[\\s,，、/]*${NAME}$`, 'u');

/** Reads "name + last digits of the ID number", or null. Folded as the validators fold (NFKC, X). */
export function parseNameAndIdTail(text: string): NameAndIdTail | null {
  const folded = text.normalize('NFKC').trim().replace(/(\d)x/g, '$1X');
  const nameFirst = NAME_FIRST.exec(folded);
  if (nameFirst) return { name: nameFirst[1].replace(/•/g, '·'), tail: nameFirst[2] };
  const tailFirst = TAIL_FIRST.exec(folded);
  if (tailFirst) return { name: tailFirst[2].replace(/•/g, '·'), tail: tailFirst[1] };
  return null;
}

/**
 * Cases where one party has exactly this name AND an ID number ending in these characters.
 * ID numbers are sealed and a 4-digit tail has no lookup tag (it would identify nobody and
 * could be brute-forced from the tag), so the name narrows the parties through the name index
 * and only those parties' ID numbers are opened here, in memory, and compared. Returns null when
 * nobody has that name: then the text was not a name (an address such as 五一大道1234) and the
 * caller searches it as free text.
 */
export function idsWithNameAndIdTail(db: Db, keys: PersonalDataKeys, wanted: NameAndIdTail): number[] | null {
  const parties = db
    .prepare(
      `SELECT p.case_id, p.id_number_sealed FROM case_parties p
       WHERE p.case_id IN (SELECT case_id FROM case_name_suffixes WHERE suffix = @name) AND p.name = @name`,
    )
    .all({ name: wanted.name }) as Array<{ case_id: number; id_number_sealed: Buffer }>;
  if (parties.length === 0) return null;
  const ids = new Set<number>();
  for (const p of parties) {
    if (ids.has(p.case_id)) continue;
    const idNumber = normaliseIdNumber(keys.openText(SEALED.partyIdNumber, p.id_number_sealed));
    if (idNumber.endsWith(wanted.tail)) ids.add(p.case_id);
  }
  return [...ids].sort((a, b) => a - b);
}
