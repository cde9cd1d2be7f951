import type { DeviceError } from '../serial/device-error';
import type { PadInfo } from './signature-pad';
import { signatureError } from './signature-errors';
import { splitStrokes, type PenPoint, type SignatureCapture } from './strokes';

/**
 * One capture from START to its outcome: the pen points received since the pad began (or since the
 * last clear), and the promise the clerk's capture() awaits. It settles once; everything after
 * that is ignored, so a late CONFIRM cannot resolve a capture that already timed out.
 */
export class CaptureSession {
  readonly done: Promise<SignatureCapture>;
  /** Known before START is sent, so points can be checked against the writing area. */
  info: PadInfo | null = null;
  private points: PenPoint[] = [];
  /** PEN frames received intact since the pad began or was last cleared, accepted or not. */
  private received = 0;
  private began = false;
  private settledFlag = false;
  private resolveDone!: (capture: SignatureCapture) => void;
  private rejectDone!: (error: DeviceError) => void;

  constructor(readonly prompt: string) {
    this.done = new Promise((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // Whoever ends the capture may not be awaiting it (a timeout during START): never unhandled.
    this.done.catch(() => {});
  }

  get settled(): boolean {
    return this.settledFlag;
  }

  /** The pad acknowledged START: ink from here on belongs to this capture. False once settled. */
  begin(): boolean {
    if (this.settledFlag) return false;
    this.began = true;
    this.points = [];
    this.received = 0;
    return true;
  }

  /**
   * A PEN event. False when it is not ink of this capture: before START was acknowledged, after
   * the outcome, or outside what the pad said it can report (a frame that passed its CRC by chance).
   */
  addPen(point: PenPoint): boolean {
    if (!this.began || this.settledFlag || !this.info) return false;
    this.received += 1;
    const { width, height, maxPressure } = this.info;
    if (point.x > width || point.y > height || point.pressure > maxPressure) return false;
    this.points.push(point);
    return true;
  }

  /** The ink was erased (重签 on the pad, or the clerk's clear). False when there is no capture to clear. */
  clearInk(): boolean {
    if (!this.began || this.settledFlag) return false;
    this.points = [];
    this.received = 0;
    return true;
  }

  /** The signer pressed 确认 after the pad had sent `pens` PEN events. True when the capture resolved. */
  confirm(pens: number): boolean {
    if (!this.began || this.settledFlag || !this.info) return false;
    const { width, height, ...device } = this.info;
    const strokes = splitStrokes(this.points, { width, height });
    if (strokes.length === 0) {
      this.fail(signatureError('SIGNATURE_EMPTY'));
      return false;
    }
    const lostPoints = Math.max(0, pens - this.received);
    this.settledFlag = true;
    this.resolveDone({ strokes, width, height, device, ...(lostPoints > 0 ? { lostPoints } : {}) });
    return true;
  }

  /** Ends the capture with an error. False when it had already ended. */
  fail(error: DeviceError): boolean {
    if (this.settledFlag) return false;
    this.settledFlag = true;
    this.rejectDone(error);
    return true;
  }
}
