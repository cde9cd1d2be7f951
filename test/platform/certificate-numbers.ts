import { nextCounter, type Db } from './database';
import { certificateCounter, ISSUED_SERIAL_BASE, type CertificateKind } from './numbers';

/**
 * Certificate and proof numbers from the office's template for the year (API.md "Certificate
 * numbers"). Every number that exists — issued, reserved by the office, or voided by a 登簿退回 — is a
 * row of `certificate_numbers` keyed by the number itself; allocation takes the next serial of the
 * template's sequence and skips any number that already has a row, so a voided or reserved number
 * is never issued and no number is issued twice, whatever the sequence says.
 */
export type NumberStatus = 'issued' | 'reserved' | 'voided';

const DEFAULT_TEMPLATES: Record<CertificateKind, string> = {
  certificate: '湘({year})长沙市不动产权第{serial}号',
  proof: '湘({year})长沙市不动产证明第{serial}号',
};

export function templateFor(db: Db, office: string, year: number, kind: CertificateKind): string {
  const row = db.prepare('SELECT template FROM number_templates WHERE office = ? AND year = ? AND kind = ?').get(office, year, kind) as { template: string } | undefined;
  return row?.template ?? DEFAULT_TEMPLATES[kind];
}

export function setTemplate(db: Db, office: string, year: number, kind: CertificateKind, template: string): void {
  if (!template.includes('{serial}')) throw new RangeError('a number template needs {serial}');
  db.prepare('INSERT INTO number_templates (office, year, kind, template) VALUES (?, ?, ?, ?) ON CONFLICT(office, year, kind) DO UPDATE SET template = excluded.template').run(office, year, kind, template);
}

function render(template: string, year: number, serial: number): string {
  return template.replace('{year}', String(year)).replace('{serial}', String(serial).padStart(7, '0'));
}

/** The sequence behind a template: the default templates keep the version-1 counters (no number issued twice after an upgrade). */
function counterOf(template: string, kind: CertificateKind, year: number): string {
  return template === DEFAULT_TEMPLATES[kind] ? certificateCounter(kind, year) : `template:${render(template, year, 0)}`;
}

/** Issues `count` numbers (inside the 登簿's transaction). */
export function issueNumbers(db: Db, args: { office: string; year: number; kind: CertificateKind; count: number; caseNumber: string; at: string }): string[] {
  const template = templateFor(db, args.office, args.year, args.kind);
  const counter = counterOf(template, args.kind, args.year);
  const taken = db.prepare('SELECT 1 FROM certificate_numbers WHERE number = ?');
  const numbers: string[] = [];
  while (numbers.length < args.count) {
    const serial = ISSUED_SERIAL_BASE + nextCounter(db, counter);
    const number = render(template, args.year, serial);
    if (taken.get(number)) continue;
    db.prepare("INSERT INTO certificate_numbers (number, kind, year, serial, status, case_number, at) VALUES (?, ?, ?, ?, 'issued', ?, ?)").run(
      number,
      args.kind,
      args.year,
      serial,
      args.caseNumber,
      args.at,
    );
    numbers.push(number);
  }
  return numbers;
}

/** Numbers the office keeps back (e.g. printed on spoiled forms): allocation skips them. */
export function reserveNumbers(db: Db, args: { office: string; year: number; kind: CertificateKind; serials: number[]; at: string }): string[] {
  const template = templateFor(db, args.office, args.year, args.kind);
  return args.serials.map((serial) => {
    const number = render(template, args.year, serial);
    db.prepare("INSERT OR IGNORE INTO certificate_numbers (number, kind, year, serial, status, case_number, at) VALUES (?, ?, ?, ?, 'reserved', NULL, ?)").run(
      number,
      args.kind,
      args.year,
      serial,
      args.at,
    );
    return number;
  });
}

export function voidNumbers(db: Db, numbers: string[]): void {
  for (const number of numbers) db.prepare("UPDATE certificate_numbers SET status = 'voided' WHERE number = ?").run(number);
}

export function numbersOf(db: Db): Array<{ number: string; status: NumberStatus; caseNumber: string | null }> {
  return db.prepare('SELECT number, status, case_number AS caseNumber FROM certificate_numbers ORDER BY rowid').all() as Array<{
    number: string;
    status: NumberStatus;
    caseNumber: string | null;
  }>;
}
