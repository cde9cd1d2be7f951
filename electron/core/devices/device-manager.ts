import { AppError, type WorkstationConfig } from '../../contract';
import type { CardReading } from '../../../native/idcard/card-reading';
import { deviceErrorToAppError } from './device-error-mapping';
import { DEVICE_LABELS, type DeviceKind, type DeviceStatus } from './device-status';
import { openIdCardDevice, type IdCardDevice } from './idcard-device';
import { CardTokens } from './card-tokens';
import { PrinterDevice, type PrinterSnapshot } from './printer-device';
import { openSigpadDevice, type SigpadDevice } from './sigpad-device';
import { toPng, toSvg } from '../../../native/sigpad/strokes';
import type { PenPoint, SignatureCapture } from '../../../native/sigpad/strokes';
import { SAMPLE_SIGNATURES, type SampleSignatureName } from '../../../native/sim/sample-signatures';
import { SIMULATED_CARDS } from './simulated-cards';

type DevicesConfig = WorkstationConfig['devices'];

/**
 * Turns the `devices` section of the config into running drivers and keeps their status for the
 * top bar. A device that is missing, unplugged or broken never stops the app: its status says
 * what is wrong and calls that need it answer with a coded error.
 */
export class DeviceManager {
  private readonly statuses = new Map<DeviceKind, DeviceStatus>();
  private idcard: IdCardDevice | null = null;
  private sigpad: SigpadDevice | null = null;
  private placedCard: string | null = null;
  private busy = new Set<DeviceKind>();
  private closed = false;
  private readonly printer: PrinterDevice;
  /** Full card data behind opaque tokens, for intake forms (card-tokens.ts). */
  readonly cardTokens = new CardTokens();
  private printerTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: DevicesConfig,
    private readonly onChange: () => void,
    private readonly log: (message: string) => void,
    printerDevice?: PrinterDevice,
  ) {
    this.printer = printerDevice ?? new PrinterDevice(config.printer);
    for (const kind of ['idcard', 'sigpad', 'printer'] as const) {
      this.statuses.set(kind, { kind, label: DEVICE_LABELS[kind], state: 'not_configured', detail: '未配置', simulated: false });
    }
  }

  /** Opens the configured devices in the background; status events report progress. */
  async start(): Promise<void> {
    // The printing service is asked now and every 30 s: a paused or removed queue shows in the top bar.
    void this.printers();
    this.printerTimer = setInterval(() => void this.printers(), 30_000);
    this.printerTimer.unref();
    await Promise.all([this.startIdCard(), this.startSigpad()]);
  }

  private async startSigpad(): Promise<void> {
    const { sigpad } = this.config;
    if (sigpad === 'none') return;
    this.setStatus({ kind: 'sigpad', label: DEVICE_LABELS.sigpad, state: 'connecting', detail: '正在连接…', simulated: sigpad === 'sim' });
    try {
      const device = await openSigpadDevice(sigpad, (s) => this.setStatus(s));
      if (this.closed) return void (await device.close());
      this.sigpad = device;
      // Reads the pad's description once connected; a pad that is absent shows in its status.
      device.pad.open(5000).catch((err: Error) => this.log(`signature pad not ready: ${err.message}`));
    } catch (err) {
      this.log(`signature pad failed to open: ${(err as Error).message}`);
      this.setStatus({ kind: 'sigpad', label: DEVICE_LABELS.sigpad, state: 'error', detail: `无法打开：${(err as Error).message}`, simulated: sigpad === 'sim' });
    }
  }

  private async startIdCard(): Promise<void> {
    const { idcard } = this.config;
    if (idcard !== 'none') {
      this.setStatus({ kind: 'idcard', label: DEVICE_LABELS.idcard, state: 'connecting', detail: '正在连接…', simulated: idcard === 'sim' });
      try {
        const device = await openIdCardDevice(idcard, (s) => this.setStatus(s));
        if (this.closed) return void (await device.close());
        this.idcard = device;
      } catch (err) {
        this.log(`ID card reader failed to open: ${(err as Error).message}`);
        this.setStatus({ kind: 'idcard', label: DEVICE_LABELS.idcard, state: 'error', detail: `无法打开：${(err as Error).message}`, simulated: idcard === 'sim' });
      }
    }
  }

  status(): DeviceStatus[] {
    return [...this.statuses.values()];
  }

  async readIdCard(timeoutMs: number): Promise<CardReading> {
    const device = this.requireIdCard();
    return this.exclusive('idcard', () => device.reader.readOnce(timeoutMs));
  }

  async samInfo(): Promise<{ status: string; samId: string | null }> {
    const device = this.requireIdCard();
    return this.exclusive('idcard', async () => {
      const status = await device.reader.samStatus();
      const id = status.success ? await device.reader.samId() : null;
      return { status: status.message, samId: id?.formatted ?? null };
    });
  }

  /** The printers the system knows, the selected one, and the top bar status derived from them. */
  async printers(): Promise<PrinterSnapshot> {
    const snapshot = await this.printer.snapshot();
    this.setStatus(PrinterDevice.statusOf(snapshot));
    return snapshot;
  }

  /** Prints the A4 calibration test page with the chosen printer's stored calibration applied. */
  async printTestPage(
    printerName: string | undefined,
    calibrationOf: (printer: string) => { x: number; y: number } | null,
  ): Promise<{ jobId: number; printer: string }> {
    const printer = printerName ?? (await this.selectedPrinter());
    const offsetMm = calibrationOf(printer);
    // pdf-lib and the CJK font load with the first test page, not at start.
    const { createTestPage } = await import('../../../native/printer/test-page');
    const pdf = await createTestPage({ printerName: printer, printedAt: new Date() });
    return this.printOn(printer, pdf, { title: '打印测试页', copies: 1, ...(offsetMm ? { offsetMm } : {}) });
  }

  /** Prints a document on the selected A4 printer and waits for the job's end. */
  async printDocument(pdf: Uint8Array, options: { title: string; copies: number }): Promise<{ jobId: number; printer: string }> {
    return this.printOn(await this.selectedPrinter(), pdf, options);
  }

  /**
   * Prints a pre-printed form (certificate) as given: the caller has already applied the printer's
   * calibration, so the bytes it archives are the bytes the printer got. `printer` defaults to the
   * selected one.
   */
  async printForm(printerName: string | undefined, pdf: Uint8Array, options: { title: string; media: string }): Promise<{ jobId: number; printer: string }> {
    return this.printOn(printerName ?? (await this.selectedPrinter()), pdf, { ...options, copies: 1 });
  }

  /**
   * The printer documents go to. None at all (a fresh machine) is its own refusal: the clerk is
   * told what to do instead, and what a technician needs is in the details (the 详情 link).
   */
  private async selectedPrinter(): Promise<string> {
    const snapshot = await this.printers();
    if (!snapshot.selected) {
      throw new AppError('NO_PRINTER', undefined, {
        technical: snapshot.error
          ? `系统打印服务不可用（${snapshot.error.code}：${snapshot.error.message}），且配置文件未设置 devices.printer。`
          : `配置文件未设置 devices.printer，系统打印服务中${snapshot.printers.length === 0 ? '没有任何打印队列' : '没有默认打印机'}（lpstat -p -d）。`,
        printers: snapshot.printers.map((p) => p.name),
      });
    }
    return snapshot.selected;
  }

  /** One job at a time per printer; the outcome refreshes the printer's status. */
  private printOn(
    printer: string,
    pdf: Uint8Array,
    options: { title: string; copies: number; media?: string; offsetMm?: { x: number; y: number } },
  ): Promise<{ jobId: number; printer: string }> {
    return this.exclusive('printer', async () => {
      const result = await this.printer.print(pdf, { printer, media: 'A4', ...options });
      void this.printers();
      if (!result.ok) throw new AppError(result.error.code, result.error.message, { state: result.state, jobId: result.jobId });
      return { jobId: result.jobId, printer };
    });
  }

  /**
   * Shows the prompt on the pad and waits for the signer's 确认. Returns the signature as vector
   * (SVG, for documents) and raster (PNG, for screens).
   */
  async captureSignature(prompt: string, timeoutMs: number) {
    return DeviceManager.signatureView(await this.captureSignatureStrokes(prompt, timeoutMs));
  }

  /** The raw capture (vector strokes), for storing with a case. */
  async captureSignatureStrokes(prompt: string, timeoutMs: number): Promise<SignatureCapture> {
    const device = this.requireSigpad();
    return this.exclusive('sigpad', () => device.pad.capture({ prompt, timeoutMs }));
  }

  static signatureView(capture: SignatureCapture) {
    const png = toPng(capture, { width: 480, height: 240 });
    return {
      strokes: capture.strokes.length,
      points: capture.strokes.reduce((n, s) => n + s.length, 0),
      lostPoints: capture.lostPoints ?? 0,
      svg: toSvg(capture, { widthPx: 480 }),
      pngDataUrl: `data:image/png;base64,${png.toString('base64')}`,
    };
  }

  async cancelSignature(): Promise<void> {
    const device = this.requireSigpad();
    try {
      await device.pad.cancel();
    } catch (err) {
      throw deviceErrorToAppError(err);
    }
  }

  /**
   * The trainee signs in the 模拟设备 panel. Strokes written for one prompt never count for another:
   * when the pad moved to the next signer (or ended) meanwhile, they are refused with a message
   * saying so, rather than signed in the wrong name or dropped silently.
   */
  async simulateSign(input: ({ sample: string } | { strokes: PenPoint[][] }) & { forPrompt?: string }): Promise<void> {
    const simulation = this.sigpad?.simulation;
    if (!simulation) throw new AppError('DEVICE_NOT_SIMULATED');
    if (input.forPrompt !== undefined && (!simulation.signing || simulation.prompt !== input.forPrompt)) {
      throw new AppError(
        'SIGNATURE_TURN_CHANGED',
        simulation.signing
          ? `签名板已换人，现在显示“${simulation.prompt}”：刚才为“${input.forPrompt}”写的笔迹没有提交，请看清姓名后重新书写。`
          : `签名板已结束“${input.forPrompt}”的签名：刚才写的笔迹没有提交。`,
      );
    }
    if (!simulation.signing) throw new AppError('BAD_REQUEST', '签名板上没有等待中的签名：请先在业务页面或设备检测页发起签名。');
    if ('sample' in input && !(input.sample in SAMPLE_SIGNATURES)) throw new AppError('BAD_REQUEST', `没有名为 ${input.sample} 的样例签名。`);
    await simulation.sign('sample' in input ? { sample: input.sample as SampleSignatureName } : input);
  }

  simulateSignerCancel(): void {
    const simulation = this.sigpad?.simulation;
    if (!simulation) throw new AppError('DEVICE_NOT_SIMULATED');
    if (!simulation.signing) throw new AppError('BAD_REQUEST', '签名板上没有等待中的签名。');
    simulation.cancel();
  }

  simulation() {
    const pad = this.sigpad?.simulation;
    return {
      sigpad: pad
        ? {
            signing: pad.signing,
            prompt: pad.prompt,
            area: pad.area,
            samples: Object.entries(SAMPLE_SIGNATURES).map(([id, s]) => ({ id, label: s.label })),
          }
        : null,
      idcard: this.idcard?.simulation
        ? { placedCard: this.placedCard, cards: Object.entries(SIMULATED_CARDS).map(([id, c]) => ({ id, label: c.label })) }
        : null,
    };
  }

  placeSimulatedCard(id: string): void {
    const simulation = this.idcard?.simulation;
    if (!simulation) throw new AppError('DEVICE_NOT_SIMULATED');
    const sample = SIMULATED_CARDS[id];
    if (!sample) throw new AppError('BAD_REQUEST', `没有编号为 ${id} 的样例证件。`);
    simulation.place(sample.card);
    this.placedCard = id;
  }

  removeSimulatedCard(): void {
    const simulation = this.idcard?.simulation;
    if (!simulation) throw new AppError('DEVICE_NOT_SIMULATED');
    simulation.remove();
    this.placedCard = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.printerTimer) clearInterval(this.printerTimer);
    await Promise.all([this.idcard?.close(), this.sigpad?.close()]);
    this.idcard = null;
    this.sigpad = null;
  }

  private requireSigpad(): SigpadDevice {
    if (!this.sigpad) {
      const s = this.statuses.get('sigpad');
      throw new AppError(s?.state === 'not_configured' ? 'DEVICE_NOT_CONFIGURED' : 'DEVICE_NOT_CONNECTED', s?.state === 'not_configured' ? undefined : s?.detail);
    }
    return this.sigpad;
  }

  private requireIdCard(): IdCardDevice {
    if (!this.idcard) {
      const s = this.statuses.get('idcard');
      throw new AppError(s?.state === 'not_configured' ? 'DEVICE_NOT_CONFIGURED' : 'DEVICE_NOT_CONNECTED', s?.state === 'not_configured' ? undefined : s?.detail);
    }
    return this.idcard;
  }

  /** One operation per device at a time: a second click while a read runs gets DEVICE_BUSY. */
  private async exclusive<T>(kind: DeviceKind, run: () => Promise<T>): Promise<T> {
    if (this.busy.has(kind)) throw new AppError('DEVICE_BUSY');
    this.busy.add(kind);
    try {
      return await run();
    } catch (err) {
      throw deviceErrorToAppError(err);
    } finally {
      this.busy.delete(kind);
    }
  }

  private setStatus(next: DeviceStatus): void {
    const prev = this.statuses.get(next.kind);
    this.statuses.set(next.kind, next);
    if (!prev || prev.state !== next.state || prev.detail !== next.detail) this.onChange();
  }
}
