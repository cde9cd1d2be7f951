import { readdirSync } from 'node:fs';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, rgb } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ElectronPrinterBackend, type ElectronPrinterBackendDeps } from '../../../../electron/hosts/electron/electron-printer-backend';
import { createPrintWindow, PRINT_PARTITION } from '../../../../electron/hosts/electron/print-window';
import type { PrintOptions } from '../../../../native/printer/printer';
import { makeTempDir } from '../../../support/temp-dir';
import { FakeElectronPrinting } from './print-fakes';

// What Electron 41's getPrintersAsync returns on Windows: no status, no isDefault, and options
// that only describe the driver.
const WINDOWS_PRINTERS = [
  {
    name: 'HP LaserJet M403 (网络)',
    displayName: 'HP LaserJet M403 (网络)',
    description: '二楼 3 号窗口',
    options: { 'printer-location': '二楼', 'printer-make-and-model': 'HP LaserJet Pro M403 PCL 6', system_driverinfo: 'HP;6.1;x64' },
  },
  {
    name: 'CERT-A4',
    displayName: 'CERT-A4',
    description: '',
    options: { 'printer-make-and-model': 'EPSON LQ-1600KIVH', system_driverinfo: 'EPSON' },
  },
];

let tmp: ReturnType<typeof makeTempDir>;
let world: FakeElectronPrinting;
let pdf: Uint8Array;

beforeEach(async () => {
  tmp = makeTempDir('bdc-electron-print-');
  world = new FakeElectronPrinting();
  pdf = await samplePdf();
});

afterEach(() => tmp.remove());

function makeBackend(overrides: Partial<ElectronPrinterBackendDeps> = {}): ElectronPrinterBackend {
  return new ElectronPrinterBackend({
    printerSource: () => ({ getPrintersAsync: () => Promise.resolve(WINDOWS_PRINTERS) }),
    createWindow: () => createPrintWindow({ BrowserWindow: world.BrowserWindow, session: world.session.asElectron() }),
    tempRoot: tmp.path,
    ...overrides,
  });
}

const job = (overrides: Partial<PrintOptions> = {}): PrintOptions => ({
  printer: 'CERT-A4',
  copies: 1,
  media: 'A4',
  title: '不动产权证书',
  ...overrides,
});

/** Starts a print, answers the print call as the test says, returns the result. */
async function printAnswering(
  backend: ElectronPrinterBackend,
  options: PrintOptions,
  answer: { success: boolean; reason?: string },
  document: Uint8Array = pdf,
) {
  const next = world.windows.length;
  const result = backend.print(document, options);
  const win = await world.windowCreated(next);
  const call = await win.webContents.printRequested();
  call.respond(answer.success, answer.reason);
  return { result: await result, win, call };
}

const tempLeftovers = () => readdirSync(tmp.path);

describe('ElectronPrinterBackend.list', () => {
  it('maps Windows printers: the admin comment as description, idle, accepting, no reasons', async () => {
    const printers = await makeBackend().list();
    expect(printers).toEqual([
      { name: 'HP LaserJet M403 (网络)', description: '二楼 3 号窗口', state: 'idle', acceptingJobs: true, isDefault: false, reasons: [], message: '' },
      { name: 'CERT-A4', description: '', state: 'idle', acceptingJobs: true, isDefault: false, reasons: [], message: '' },
    ]);
  });

  it('uses the IPP state Chromium passes through where it prints via CUPS', async () => {
    const backend = makeBackend({
      printerSource: () => ({
        getPrintersAsync: async () => [
          {
            name: 'cert_240x170',
            displayName: '证书打印机',
            description: 'EPSON LQ-1600K',
            isDefault: true,
            options: {
              'printer-state': '5',
              'printer-is-accepting-jobs': 'false',
              'printer-state-reasons': 'paused,media-empty-error',
              'printer-state-message': '缺纸',
            },
          },
          { name: 'busy', displayName: 'busy', description: '', options: { 'printer-state': '4', 'printer-state-reasons': 'none' } },
        ],
      }),
    });
    expect(await backend.list()).toEqual([
      { name: 'cert_240x170', description: '证书打印机', state: 'stopped', acceptingJobs: false, isDefault: true, reasons: ['paused', 'media-empty-error'], message: '缺纸' },
      { name: 'busy', description: '', state: 'printing', acceptingJobs: true, isDefault: false, reasons: [], message: '' },
    ]);
  });

  it('drops entries without a name rather than failing the whole list', async () => {
    const backend = makeBackend({
      printerSource: () => ({ getPrintersAsync: async () => [{ displayName: 'x' }, null, { name: '' }, { name: 'ok', options: 'garbled' }] }),
    });
    expect((await backend.list()).map((p) => p.name)).toEqual(['ok']);
  });

  it('asks through a hidden print window while there is no main window, then destroys it', async () => {
    const backend = makeBackend({ printerSource: () => null });
    expect(await backend.list()).toEqual([]); // the fake window's Chromium knows no printers
    expect(world.windows).toHaveLength(1);
    expect(world.windows[0].options.show).toBe(false);
    expect(world.windows[0].destroyed).toBe(true);
    expect(world.windows[0].loaded).toEqual([]);
  });

  it('reports a spooler that does not answer, or fails, as a coded error naming the Windows service', async () => {
    const hanging = makeBackend({ listTimeoutMs: 20, printerSource: () => ({ getPrintersAsync: () => new Promise(() => {}) }) });
    await expect(hanging.list()).rejects.toMatchObject({ code: 'CUPS_UNAVAILABLE', message: expect.stringContaining('Print Spooler') });
    const failing = makeBackend({ printerSource: () => ({ getPrintersAsync: () => Promise.reject(new Error('RPC server unavailable')) }) });
    await expect(failing.list()).rejects.toMatchObject({ code: 'CUPS_UNAVAILABLE', message: expect.stringContaining('打印服务无响应') });
  });
});

describe('ElectronPrinterBackend.print', () => {
  it('prints silently from a hidden, sandboxed window, then destroys it and deletes the temp file', async () => {
    const backend = makeBackend();
    const { result, win, call } = await printAnswering(backend, job({ copies: 2 }), { success: true });

    expect(result).toEqual({
      ok: true,
      jobId: 1,
      state: 'completed',
      status: { jobId: 1, state: 'completed', reasons: [], printer: 'CERT-A4', copies: 2, printerMessage: '' },
    });
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      plugins: true,
      devTools: false,
      session: world.session,
    });
    expect(win.options.webPreferences?.preload).toBeUndefined();
    expect(call.options).toEqual({
      silent: true,
      deviceName: 'CERT-A4',
      copies: 2,
      pageSize: 'A4',
      margins: { marginType: 'none' },
      printBackground: true,
    });
    expect(win.loaded).toHaveLength(1);
    expect(win.loaded[0].bytes).toEqual(pdf); // no offset: the document as given
    if (process.platform !== 'win32') expect(win.loaded[0].mode).toBe(0o600);
    expect(win.loaded[0].path.startsWith(tmp.path)).toBe(true);
    expect(win.destroyed).toBe(true);
    expect(tempLeftovers()).toEqual([]);
    expect(await backend.jobState(1)).toMatchObject({ jobId: 1, state: 'completed' });
  });

  it('gives a certificate form its size in microns (Custom.240x170mm)', async () => {
    const { result, call } = await printAnswering(makeBackend(), job({ media: 'Custom.240x170mm' }), { success: true });
    expect(result.ok).toBe(true);
    expect(call.options.pageSize).toEqual({ width: 240_000, height: 170_000 });
  });

  it('accepts Windows printer names with spaces, brackets and Chinese', async () => {
    const { result, call } = await printAnswering(makeBackend(), job({ printer: 'HP LaserJet M403 (网络)' }), { success: true });
    expect(result.ok).toBe(true);
    expect(call.options.deviceName).toBe('HP LaserJet M403 (网络)');
  });

  it('numbers jobs itself, increasing, and knows nothing of ids it never gave', async () => {
    const backend = makeBackend();
    expect((await printAnswering(backend, job(), { success: true })).result.jobId).toBe(1);
    expect((await printAnswering(backend, job(), { success: false, reason: 'Print job failed' })).result.jobId).toBe(2);
    expect((await printAnswering(backend, job(), { success: true })).result.jobId).toBe(3);
    expect(await backend.jobState(2)).toMatchObject({ jobId: 2, state: 'aborted' });
    expect(await backend.jobState(99)).toBeNull();
    expect(world.windows.every((w) => w.destroyed)).toBe(true);
  });

  it.each([
    { reason: 'Print job canceled', state: 'cancelled', detail: '任务被打印系统取消' },
    { reason: 'cancelled', state: 'cancelled', detail: '任务被打印系统取消' },
    { reason: 'Print job failed', state: 'aborted', detail: '打印机驱动报告错误' },
    { reason: 'failed', state: 'aborted', detail: '打印机驱动报告错误' },
    { reason: 'Invalid printer settings', state: 'aborted', detail: '不接受所选的纸张规格' },
    { reason: 'Something new', state: 'aborted', detail: '未知错误' },
  ])('maps the failure reason "$reason" to PRINT_FAILED ($state)', async ({ reason, state, detail }) => {
    const backend = makeBackend();
    const { result, win } = await printAnswering(backend, job(), { success: false, reason });
    expect(result).toMatchObject({ ok: false, jobId: 1, state, error: { code: 'PRINT_FAILED', details: { reason } } });
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.message).toContain('打印任务 1 失败');
    expect(result.error.message).toContain(detail);
    expect(win.destroyed).toBe(true);
    expect(tempLeftovers()).toEqual([]);
    expect(await backend.jobState(1)).toMatchObject({ state });
  });

  it('gives up with PRINT_TIMEOUT when the print callback never comes, and still cleans up', async () => {
    const backend = makeBackend({ jobTimeoutMs: 50 });
    const result = await backend.print(pdf, job());
    expect(result).toMatchObject({ ok: false, jobId: 1, state: 'timed-out', error: { code: 'PRINT_TIMEOUT' } });
    expect(world.windows[0].webContents.printCalls).toHaveLength(1); // asked, never answered
    expect(world.windows[0].destroyed).toBe(true);
    expect(tempLeftovers()).toEqual([]);
    expect(await backend.jobState(1)).toMatchObject({ state: 'cancelled' });
  });

  it('never prints before the PDF viewer says it is ready: a viewer that never is times out', async () => {
    world.loadBehaviour = 'never-ready';
    const result = await makeBackend({ jobTimeoutMs: 50 }).print(pdf, job());
    expect(result).toMatchObject({ ok: false, state: 'timed-out', error: { code: 'PRINT_TIMEOUT' } });
    expect(world.windows[0].webContents.printCalls).toEqual([]);
    expect(world.windows[0].destroyed).toBe(true);
    expect(tempLeftovers()).toEqual([]);
  });

  it.each(['fail-load', 'reject-load'] as const)('reports a document that does not load (%s) as PRINT_FAILED', async (behaviour) => {
    world.loadBehaviour = behaviour;
    const result = await makeBackend().print(pdf, job());
    expect(result).toMatchObject({ ok: false, jobId: 1, state: 'aborted', error: { code: 'PRINT_FAILED' } });
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.message).toContain('无法打开要打印的文档');
    expect(world.windows[0].webContents.printCalls).toEqual([]);
    expect(world.windows[0].destroyed).toBe(true);
    expect(tempLeftovers()).toEqual([]);
  });

  it('refuses a printer the OS does not list, before any window exists', async () => {
    const result = await makeBackend().print(pdf, job({ printer: 'HP_LaserJet_1020' }));
    expect(result).toMatchObject({ ok: false, jobId: null, state: 'not-submitted', error: { code: 'PRINTER_NOT_FOUND' } });
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.message).toContain('找不到打印机“HP_LaserJet_1020”');
    expect(world.windows).toEqual([]);
    expect(tempLeftovers()).toEqual([]);
  });

  it('refuses bytes that are not a complete PDF, before any window exists', async () => {
    for (const bytes of [new Uint8Array(), new TextEncoder().encode('张三 不动产权证书'), pdf.subarray(0, pdf.length - 200)]) {
      const result = await makeBackend().print(bytes, job());
      expect(result).toMatchObject({ ok: false, jobId: null, state: 'not-submitted', error: { code: 'INVALID_PDF' } });
    }
    expect(world.windows).toEqual([]);
    expect(tempLeftovers()).toEqual([]);
  });

  it('refuses invalid options before any window exists', async () => {
    const cases: Array<[Partial<PrintOptions>, string]> = [
      [{ copies: 0 }, 'INVALID_PRINT_OPTIONS'],
      [{ media: 'B5' }, 'INVALID_PRINT_OPTIONS'], // a CUPS name Chromium has no size for
      [{ media: 'Custom.240x170in' }, 'INVALID_PRINT_OPTIONS'],
      [{ title: '' }, 'INVALID_PRINT_OPTIONS'],
      [{ offsetMm: { x: 50, y: 0 } }, 'INVALID_PRINT_OPTIONS'],
      [{ printer: 'CERT\nA4' }, 'PRINTER_NOT_FOUND'],
      [{ printer: '' }, 'PRINTER_NOT_FOUND'],
    ];
    for (const [overrides, code] of cases) {
      const result = await makeBackend().print(pdf, job(overrides));
      expect(result, JSON.stringify(overrides)).toMatchObject({ ok: false, jobId: null, state: 'not-submitted', error: { code } });
    }
    const withExtra = await makeBackend().print(pdf, { ...job(), duplex: true } as PrintOptions);
    expect(withExtra).toMatchObject({ error: { code: 'INVALID_PRINT_OPTIONS' } });
    expect(world.windows).toEqual([]);
  });

  it('refuses a printer Chromium reports as stopped or not accepting (where it can tell)', async () => {
    const backend = makeBackend({
      printerSource: () => ({
        getPrintersAsync: async () => [
          { name: 'paused', options: { 'printer-state': '5', 'printer-state-message': '卡纸' } },
          { name: 'rejecting', options: { 'printer-is-accepting-jobs': 'false' } },
        ],
      }),
    });
    expect(await backend.print(pdf, job({ printer: 'paused' }))).toMatchObject({ state: 'not-submitted', error: { code: 'PRINTER_STOPPED' } });
    expect(await backend.print(pdf, job({ printer: 'rejecting' }))).toMatchObject({ state: 'not-submitted', error: { code: 'PRINTER_NOT_ACCEPTING' } });
    expect(world.windows).toEqual([]);
  });

  it('applies the calibration offset: the loaded PDF is the shifted document', async () => {
    const { result, win } = await printAnswering(makeBackend(), job({ offsetMm: { x: 2, y: -1.5 } }), { success: true });
    expect(result.ok).toBe(true);
    const printed = win.loaded[0].bytes;
    expect(printed).not.toEqual(pdf);
    const shifted = await PDFDocument.load(printed, { updateMetadata: false });
    expect(shifted.getProducer()).toBe('bdc-workstation printer calibration');
    expect(shifted.getPageCount()).toBe(1);
    expect(shifted.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    // The original page is drawn moved 2 mm right and 1.5 mm up (y = -1.5 is upwards on paper).
    expect(pageContent(shifted)).toMatch(/1 0 0 1 5\.669 4\.252 cm/);
    expect(tempLeftovers()).toEqual([]);
  });

  it('prints the document untouched when the offset is zero', async () => {
    const { win } = await printAnswering(makeBackend(), job({ offsetMm: { x: 0, y: 0 } }), { success: true });
    expect(win.loaded[0].bytes).toEqual(pdf);
  });

  it('keeps print windows in their own session', () => {
    expect(PRINT_PARTITION).toBe('bdc-print');
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false); // in memory: nothing cached on disk
  });
});

function pageContent(doc: PDFDocument): string {
  const contents = doc.getPage(0).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) => (stream instanceof PDFRawStream ? new TextDecoder().decode(decodePDFRawStream(stream).decode()) : ''))
    .join('\n');
}

async function samplePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawRectangle({ x: 72, y: 700, width: 200, height: 40, color: rgb(0, 0, 0) });
  return doc.save();
}
