import { LEGACY_BUSINESS_TYPE_MAP } from '../../../contract/validation/registration-catalog';
import type { Migration } from './migration';

/**
 * The first-release business type ids as 登记类型 × 权利类型 of the registration catalogue
 * (LEGACY_BUSINESS_TYPE_MAP: `transfer` → `transfer.stateLandHouse`).
 */
const LEGACY_TYPES_0008: Record<string, { registrationType: string; rightType: string }> = Object.fromEntries(
  Object.entries(LEGACY_BUSINESS_TYPE_MAP).map(([legacy, key]) => {
    const [registrationType, rightType] = key.split('.');
    return [legacy, { registrationType, rightType }];
  }),
);

const STATUSES = "'draft','requisitioned','accepted','submitted','reviewing','supplementing','approved','registered','certified','delivered','closed','rejected','withdrawn','refused'";

/**
 * Case model v2 (issue #10): the states of the whole lifecycle (a post-acceptance 补正
 * `supplementing`, and `refused` for 不予登记), the catalogue's 登记类型 × 权利类型, and the parts
 * of the official 申请书: per applicant 通讯地址, 邮编, 法定代表人/负责人 (ID number sealed), the
 * principals an agent acts for, 代理机构 and an organisation's e-seal; per unit 不动产类型, 规划用途,
 * 面积 with its unit and the 原不动产权证书号 with whether the register matched it; per material
 * 原件/复印件 and pages; per case the application block (登记原因, mortgage, 需役地, 证书版式, 领证方式,
 * 申请渠道; the mail recipient's phone sealed), the fee payer, the 补正 deadline and decision grounds.
 *
 * `cases` is rebuilt (its status CHECK lists the states) with foreign keys off, as SQLite's
 * "making other kinds of table schema changes" procedure says; the foreign keys are checked before
 * the commit. Existing cases keep every value; their business type is mapped to the catalogue, and
 * the payer of an accepted case is its first 权利人, as the fee notice named them.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'case-model-v2',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
      CREATE TABLE cases_v8 (
        id INTEGER PRIMARY KEY,
        case_number TEXT UNIQUE,
        official_number TEXT UNIQUE,
        business_type TEXT NOT NULL,
        registration_type TEXT,
        right_type TEXT,
        status TEXT NOT NULL CHECK (status IN (${STATUSES})),
        co_ownership TEXT CHECK (co_ownership IN ('sole','joint','shares')),
        track_registration TEXT NOT NULL DEFAULT 'pending',
        track_transaction TEXT NOT NULL DEFAULT 'not_applicable',
        track_tax TEXT NOT NULL DEFAULT 'not_applicable',
        fee_total_fen INTEGER NOT NULL DEFAULT 0 CHECK (fee_total_fen >= 0),
        fee_override_reason TEXT,
        fee_payer TEXT,
        promised_date TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        accepted_at TEXT,
        accepted_by TEXT,
        updated_at TEXT NOT NULL,
        status_reason TEXT,
        certificate_numbers TEXT NOT NULL DEFAULT '[]',
        requisition_deadline TEXT,
        decision_grounds TEXT NOT NULL DEFAULT '[]',
        application TEXT NOT NULL DEFAULT '{}',
        collection_phone_sealed BLOB
      ) STRICT;
    `);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('cases')").all() as Array<{ name: string }>).map((c) => c.name);
    const kept = [
      'id', 'case_number', 'official_number', 'business_type', 'status', 'co_ownership', 'track_registration', 'track_transaction', 'track_tax',
      'fee_total_fen', 'fee_override_reason', 'promised_date', 'created_at', 'created_by', 'accepted_at', 'accepted_by', 'updated_at', 'status_reason',
      'certificate_numbers',
    ].filter((c) => columns.includes(c));
    db.exec(`INSERT INTO cases_v8 (${kept.join(', ')}) SELECT ${kept.join(', ')} FROM cases;`);
    const setType = db.prepare('UPDATE cases_v8 SET registration_type = ?, right_type = ? WHERE business_type = ?');
    for (const [legacy, t] of Object.entries(LEGACY_TYPES_0008)) setType.run(t.registrationType, t.rightType, legacy);
    db.exec(`
      UPDATE cases_v8 SET fee_payer = (SELECT p.name FROM case_parties p WHERE p.case_id = cases_v8.id AND p.role = 'holder' ORDER BY p.ordinal LIMIT 1)
        WHERE status != 'draft';
      DROP TABLE cases;
      ALTER TABLE cases_v8 RENAME TO cases;
      CREATE INDEX cases_status ON cases(status, updated_at);
      CREATE INDEX cases_accepted_at ON cases(accepted_at);
      CREATE INDEX cases_catalogue ON cases(registration_type, right_type);

      ALTER TABLE case_parties ADD COLUMN address TEXT;
      ALTER TABLE case_parties ADD COLUMN postal_code TEXT;
      ALTER TABLE case_parties ADD COLUMN legal_rep TEXT;
      ALTER TABLE case_parties ADD COLUMN legal_rep_id_sealed BLOB;
      ALTER TABLE case_parties ADD COLUMN acts_for TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE case_parties ADD COLUMN agency TEXT;
      ALTER TABLE case_parties ADD COLUMN seal TEXT;

      ALTER TABLE case_units ADD COLUMN real_estate_type TEXT CHECK (real_estate_type IN ('land','house','structure','forest','sea','other'));
      ALTER TABLE case_units ADD COLUMN planned_use TEXT;
      ALTER TABLE case_units ADD COLUMN area_value REAL CHECK (area_value IS NULL OR area_value > 0);
      ALTER TABLE case_units ADD COLUMN area_unit TEXT CHECK (area_unit IN ('m2','mu','hectare'));
      ALTER TABLE case_units ADD COLUMN previous_certificate TEXT;
      ALTER TABLE case_units ADD COLUMN previous_certificate_check TEXT NOT NULL DEFAULT 'notGiven'
        CHECK (previous_certificate_check IN ('notGiven','unparsable','notChecked','matched','notMatched'));
      UPDATE case_units SET area_value = area_m2, area_unit = 'm2' WHERE area_m2 IS NOT NULL;

      ALTER TABLE case_materials ADD COLUMN form TEXT CHECK (form IN ('original','copy'));
      ALTER TABLE case_materials ADD COLUMN pages INTEGER CHECK (pages IS NULL OR pages > 0);
    `);
  },
};
