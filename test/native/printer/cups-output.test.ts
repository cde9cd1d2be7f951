import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJobAttributes } from '../../../native/printer/ipp-job-attributes';
import { parseLpOutcome } from '../../../native/printer/lp-output';
import { parseLpstatPrinters, schedulerIsRunning } from '../../../native/printer/lpstat-output';
import { pdfProblem } from '../../../native/printer/pdf-bytes';

// Output captured from CUPS 2.4.2 on Debian 12 (LC_ALL=C), trimmed of the long-listing lines we skip.
const LPSTAT = [
  'printer certA is idle.  enabled since Fri Nov 27 23:37:07 2026',
  '\tForm mounted:',
  '\tContent types: any',
  '\tPrinter types: unknown',
  '\tDescription: 证书打印机 A',
  '\tAlerts: none',
  '\tLocation: ',
  '\tConnection: direct',
  '\tInterface: /etc/cups/ppd/certA.ppd',
  '\tUsers allowed:',
  '\t\t(all)',
  'printer certB-2 now printing certB-2-6.  enabled since Fri Nov 27 23:42:00 2026',
  '\tForm mounted:',
  '\tDescription: certB-2',
  '\tAlerts: none',
  'printer receipt disabled since Fri Nov 27 23:38:41 2026 -',
  '\tout of paper',
  '\tForm mounted:',
  '\tDescription: 收件凭证打印机',
  '\tAlerts: paused',
  'certA accepting requests since Fri Nov 27 23:37:07 2026',
  'certB-2 accepting requests since Fri Nov 27 23:42:00 2026',
  'receipt not accepting requests since Fri Nov 27 23:38:41 2026 -',
  '\tout of paper',
  'system default destination: certA',
  '',
].join('\n');

describe('lpstat output', () => {
  it('reads name, description, state, accepting, default, reasons and message of every queue', () => {
    expect(parseLpstatPrinters(LPSTAT)).toEqual([
      { name: 'certA', description: '证书打印机 A', state: 'idle', acceptingJobs: true, isDefault: true, reasons: [], message: '' },
      { name: 'certB-2', description: 'certB-2', state: 'printing', acceptingJobs: true, isDefault: false, reasons: [], message: '' },
      {
        name: 'receipt',
        description: '收件凭证打印机',
        state: 'stopped',
        acceptingJobs: false,
        isDefault: false,
        reasons: ['paused'],
        message: 'out of paper',
      },
    ]);
  });

  it('treats "no system default destination" and an empty listing as nothing special', () => {
    expect(parseLpstatPrinters('no system default destination\n')).toEqual([]);
    expect(parseLpstatPrinters('')).toEqual([]);
  });

  it('tells a running scheduler from a stopped one', () => {
    expect(schedulerIsRunning('scheduler is running\n')).toBe(true);
    expect(schedulerIsRunning('scheduler is not running\n')).toBe(false);
    expect(schedulerIsRunning('')).toBe(false);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(Array.isArray(parseLpstatPrinters(text))).toBe(true);
        schedulerIsRunning(text);
      }),
    );
  });
});

const IPPTOOL_COMPLETED = `"/usr/share/cups/ipptool/get-job-attributes.test":
    Get-Job-Attributes:
        attributes-charset (charset) = utf-8
        job-uri (uri) = ipp://localhost:631/jobs/7
    Get job info with get-job-attributes                                 [PASS]
        RECEIVED: 1192 bytes in response
        status-code = successful-ok (successful-ok)
        attributes-charset (charset) = utf-8
        job-printer-uri (uri) = ipp://localhost:631/printers/certA
        copies (integer) = 2
        job-state (enum) = completed
        job-state-reasons (keyword) = processing-to-stop-point
        job-impressions-completed (integer) = 2
        job-printer-state-message (textWithoutLanguage) = 
`;

describe('ipptool get-job-attributes output', () => {
  it('reads state, reasons, printer, copies and impressions of a job', () => {
    expect(parseJobAttributes(IPPTOOL_COMPLETED, 7)).toEqual({
      kind: 'found',
      status: {
        jobId: 7,
        state: 'completed',
        reasons: ['processing-to-stop-point'],
        printer: 'certA',
        copies: 2,
        impressionsCompleted: 2,
        printerMessage: '',
      },
    });
  });

  it.each([
    ['pending', 'pending'],
    ['pending-held', 'held'],
    ['processing', 'processing'],
    ['processing-stopped', 'stopped'],
    ['canceled', 'cancelled'],
    ['aborted', 'aborted'],
  ])('maps job-state %s to %s', (ipp, state) => {
    const reply = parseJobAttributes(IPPTOOL_COMPLETED.replace('= completed', `= ${ipp}`), 7);
    expect(reply.kind === 'found' && reply.status.state).toBe(state);
  });

  it('reports a job CUPS does not know as not found', () => {
    const output = '        status-code = client-error-not-found (Job #99 does not exist.)\n        EXPECTED: job-state\n';
    expect(parseJobAttributes(output, 99)).toEqual({ kind: 'not-found' });
  });

  it('reports an unreachable scheduler (no status line) as unreachable', () => {
    expect(parseJobAttributes('', 1).kind).toBe('unreachable');
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 1 }), (text, id) => {
        expect(['found', 'not-found', 'unreachable']).toContain(parseJobAttributes(text, id).kind);
        expect(['found', 'not-found', 'unreachable']).toContain(
          parseJobAttributes(`  status-code = successful-ok (x)\n${text}`, id).kind,
        );
      }),
    );
  });
});

describe('lp output', () => {
  it('reads the job id, also when the printer name contains hyphens', () => {
    expect(parseLpOutcome(0, 'request id is bdc-test-1-ab-42 (0 file(s))\n', '')).toEqual({ kind: 'submitted', jobId: 42 });
  });

  it.each([
    ['lp: Destination "certA" is not accepting jobs.', 'not-accepting'],
    ['lp: Error - The printer or class does not exist.', 'no-such-printer'],
    ['lp: Error - Scheduler is not running.', 'unreachable'],
    ['lp: Error - something new', 'failed'],
  ])('classifies "%s" as %s', (stderr, kind) => {
    expect(parseLpOutcome(1, '', stderr).kind).toBe(kind);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.option(fc.integer(), { nil: null }), fc.string(), fc.string(), (code, out, err) => {
        parseLpOutcome(code, out, err);
      }),
    );
  });
});

describe('PDF check before sending', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('accepts a complete PDF and names what is wrong with anything else', () => {
    expect(pdfProblem(encode('%PDF-1.7\n…\n%%EOF\n'))).toBeNull();
    expect(pdfProblem(new Uint8Array(0))).toBe('文件为空');
    expect(pdfProblem(encode('不动产登记收件凭证'))).toBe('文件开头不是 %PDF-');
    expect(pdfProblem(encode('%PDF-1.7\n1 0 obj <<'))).toContain('文件不完整');
  });

  it('rejects any bytes that do not start with %PDF-', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const startsWithHeader = new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-';
        fc.pre(!startsWithHeader);
        expect(pdfProblem(bytes)).not.toBeNull();
      }),
    );
  });
});
