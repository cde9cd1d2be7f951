import type { TransportStatus } from '../serial/command-channel';
import type { PenPoint, SignatureCapture, SignatureDevice } from './strokes';

/**
 * What the workstation needs from any signature pad at the counter, whoever made it and however it
 * is connected: our serial pad (SigpadDriver, PROTOCOL.md), or an adapter around a vendor bridge (a
 * local WebSocket serving JSON, the Wacom STU SDK over USB HID). Screens and documents depend on
 * this interface only; PROTOCOL.md §"Vendor adapters" says what an adapter must guarantee.
 *
 * Errors are DeviceErrors with the codes in SignaturePadErrorCode and Chinese messages.
 */
export interface SignaturePad {
  /** Connects (waiting at most timeoutMs) and reads the pad's description. */
  open(timeoutMs?: number): Promise<PadInfo>;
  /** The pad's description, asked of the pad again (the pad may have been swapped since open). */
  info(): Promise<PadInfo>;
  /** Erases the ink on the pad's screen; during a capture, the strokes collected so far too. */
  clear(): Promise<void>;
  /**
   * Shows the prompt on the pad and collects pen points until the signer presses 确认 (resolves
   * with the normalised strokes), 取消 (SIGNATURE_CANCELLED), or timeoutMs passes
   * (SIGNATURE_TIMEOUT, and the pad is told to stop). A capture with no ink is SIGNATURE_EMPTY.
   * Unplugging rejects at once with DEVICE_DISCONNECTED. One capture at a time (SIGNATURE_BUSY).
   */
  capture(options: CaptureOptions): Promise<SignatureCapture>;
  /** The clerk stops the capture in progress (it rejects with SIGNATURE_CANCELLED) and resets the pad. */
  cancel(): Promise<void>;
  on<K extends keyof SignaturePadEvents>(event: K, listener: (payload: SignaturePadEvents[K]) => void): () => void;
  readonly isConnected: boolean;
  /** Ends any capture (DEVICE_CLOSED) and releases the device. */
  close(): Promise<void>;
}

export interface PadInfo extends SignatureDevice {
  /** Size of the writing area in device units; points satisfy 0 ≤ x ≤ width, 0 ≤ y ≤ height. */
  width: number;
  height: number;
}

export interface CaptureOptions {
  /** Shown on the pad's screen, e.g. 请在签名板上签名; at most 64 characters. */
  prompt?: string;
  /** From the call until the signer must have pressed 确认. */
  timeoutMs: number;
}

export type SignaturePadStatus =
  /** Connection state, as the serial transport reports it (a vendor adapter puts its URL in `path`). */
  | TransportStatus
  /** The prompt is on the pad and the signer may write. */
  | { state: 'signing'; prompt: string }
  /** The ink was erased: the signer pressed 重签, or the clerk cleared the pad. */
  | { state: 'ink-cleared'; by: 'signer' | 'clerk' }
  | { state: 'confirmed' }
  | { state: 'cancelled'; by: 'signer' | 'clerk' | 'timeout' };

export interface SignaturePadEvents {
  status: SignaturePadStatus;
  /** Every pen point as it arrives, for a live preview; pressure 0 means the pen was lifted. */
  point: PenPoint;
}

export const DEFAULT_PROMPT = '请在签名板上签名';
