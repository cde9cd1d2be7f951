import type { PrinterInfo, PrinterState } from './printer';

/**
 * Parses `LC_ALL=C lpstat -l -p -a -d` (CUPS 2.x wording, untranslated in the C locale; names and
 * descriptions come through as UTF-8). The three sections look like:
 *
 *   printer certA is idle.  enabled since Fri Nov 27 23:36:30 2026
 *   printer certB now printing certB-12.  enabled since …
 *   printer certC disabled since Fri Nov 27 23:38:41 2026 -
 *   	out of paper                      ← state message, only right after the header
 *   	Description: 证书打印机 A
 *   	Alerts: paused                    ← printer-state-reasons, or "none"
 *   certA accepting requests since …
 *   certC not accepting requests since … -
 *   	out of paper
 *   system default destination: certA  (or: no system default destination)
 *
 * Lines it does not know are skipped, so it never throws on odd output.
 */
export function parseLpstatPrinters(output: string): PrinterInfo[] {
  const printers = new Map<string, PrinterInfo>();
  const accepting = new Map<string, boolean>();
  let defaultName: string | null = null;
  let current: PrinterInfo | null = null;
  let expectMessage = false;

  for (const line of output.split(/\r?\n/)) {
    const header = PRINTER_HEADER.exec(line);
    if (header) {
      current = {
        name: header[1],
        description: '',
        state: stateOf(header[2]),
        acceptingJobs: false,
        isDefault: false,
        reasons: [],
        message: '',
      };
      printers.set(current.name, current);
      expectMessage = true;
      continue;
    }
    const accept = ACCEPTING.exec(line);
    if (accept) {
      accepting.set(accept[1], accept[2] === undefined);
      current = null;
      continue;
    }
    const dflt = DEFAULT.exec(line);
    if (dflt) {
      defaultName = dflt[1];
      current = null;
      continue;
    }
    if (NO_DEFAULT.test(line)) {
      current = null;
      continue;
    }
    if (!current) continue;
    const field = FIELD.exec(line);
    if (field && KNOWN_FIELDS.has(field[1])) {
      expectMessage = false;
      if (field[1] === 'Description') current.description = (field[2] ?? '').trim();
      if (field[1] === 'Alerts') current.reasons = (field[2] ?? '').split(/\s+/).filter((r) => r !== '' && r !== 'none');
      continue;
    }
    const message = MESSAGE.exec(line);
    if (message && expectMessage) {
      current.message = message[1].trim();
      expectMessage = false;
    }
  }

  return [...printers.values()].map((p) => ({
    ...p,
    description: p.description || p.name,
    acceptingJobs: accepting.get(p.name) ?? false,
    isDefault: p.name === defaultName,
  }));
}

/** `lpstat -r`: the only reliable way to tell "CUPS is down" from "no such printer" (TOOLCHAIN.md). */
export function schedulerIsRunning(output: string): boolean {
  return /^scheduler is running$/m.test(output);
}

const PRINTER_HEADER = /^printer (\S+) (is idle\.|is holding new jobs\.|now printing \S+\.|disabled since )/;
const ACCEPTING = /^(\S+) (not )?accepting requests since /;
const DEFAULT = /^system default destination: (\S+)/;
const NO_DEFAULT = /^no system default destination/;
const FIELD = /^\t([A-Za-z][A-Za-z ]*):(?: (.*))?$/;
const MESSAGE = /^\t(\S.*)$/;
const KNOWN_FIELDS = new Set([
  'Form mounted',
  'Content types',
  'Printer types',
  'Description',
  'Alerts',
  'Location',
  'Connection',
  'Interface',
  'On fault',
  'After fault',
  'Users allowed',
  'Users denied',
  'Forms allowed',
  'Charset sets',
  'Default pitch',
  'Default page size',
  'Default port settings',
]);

function stateOf(headerWords: string): PrinterState {
  if (headerWords.startsWith('disabled')) return 'stopped';
  if (headerWords.startsWith('now printing')) return 'printing';
  return 'idle';
}
