/**
 * One "supervisor" in its own process for the concurrency test: opens the shared database file and
 * tries to use every serial given, printing which it got. Run with tsx.
 */
import { openDatabase } from '../../../../electron/core/store/database';
import { changeForm } from '../../../../electron/core/certificates/paper/form-stock';

const [file, who, ...serials] = process.argv.slice(2);
const db = openDatabase(file);
const got: string[] = [];
for (const serial of serials) {
  try {
    changeForm(db, serial, 'use', { caseNumber: `CASE-${who}`, certificateNumber: `N-${who}-${serial}` }, { id: null, name: who }, new Date());
    got.push(serial);
  } catch (e) {
    if ((e as { code?: string }).code !== 'FORM_STATE_CONFLICT') throw e;
  }
}
db.close();
process.stdout.write(JSON.stringify(got));
