import { encodeResponse, type SamRequest } from '../idcard/frame-codec';
import { encodeReadData } from '../idcard/read-response';
import { SAM_COMMANDS, SW3 } from '../idcard/sam-commands';
import { encodeSamId } from '../idcard/sam-id';
import type { SimCard } from './sample-cards';

export interface SamResponderOptions {
  /**
   * Whether a card that has already been selected answers a new find. Real cards do not
   * (ISO/IEC 14443-3 Type B: only idle cards answer REQB) until they leave the field, which is the
   * default here so the driver is tested against it.
   */
  activeCardAnswersFind?: boolean;
}

/**
 * The SAM module's side of the GA 450 protocol as a pure state machine: a request in, the response
 * frame out. The simulator puts it behind a pseudo-terminal.
 */
export class SamResponder {
  /** SW3 of the SAM self-check (11 FF); tests set 0x60 to simulate a failed module. */
  samStatusSw3: number = SW3.ok;
  samIdData = encodeSamId({ major: 5, minor: 1, a: 20240315, b: 1234567, c: 987654321 });
  private card: SimCard | null = null;
  /** The card has been selected and stays active until it leaves the field (or the reader restarts). */
  private active = false;
  private readonly activeCardAnswersFind: boolean;

  constructor(options: SamResponderOptions = {}) {
    this.activeCardAnswersFind = options.activeCardAnswersFind ?? false;
  }

  get currentCard(): SimCard | null {
    return this.card;
  }

  placeCard(card: SimCard): void {
    this.card = card;
    this.active = false;
  }

  removeCard(): void {
    this.card = null;
    this.active = false;
  }

  /** Power loss (unplug) or SAM reset turns the RF field off: the card is idle again. */
  powerCycle(): void {
    this.active = false;
  }

  respond(request: SamRequest): Uint8Array {
    const key = (request.cmd << 8) | request.para;
    switch (key) {
      case code(SAM_COMMANDS.resetSam):
        this.powerCycle();
        return status(SW3.ok);
      case code(SAM_COMMANDS.samStatus):
        return status(this.samStatusSw3);
      case code(SAM_COMMANDS.samId):
        return encodeResponse({ sw1: 0, sw2: 0, sw3: SW3.ok, data: this.samIdData });
      case code(SAM_COMMANDS.findCard):
        if (!this.card || (this.active && !this.activeCardAnswersFind)) return status(SW3.noCard);
        return encodeResponse({ sw1: 0, sw2: 0, sw3: SW3.cardFound, data: new Uint8Array(4) });
      case code(SAM_COMMANDS.selectCard):
        if (!this.card) return status(SW3.selectFailed);
        this.active = true;
        return encodeResponse({ sw1: 0, sw2: 0, sw3: SW3.ok, data: new Uint8Array(8) });
      case code(SAM_COMMANDS.readTextAndPhoto):
      case code(SAM_COMMANDS.readTextPhotoAndFingerprint): {
        if (!this.card || !this.active) return status(SW3.readFailed);
        const withFingerprint = request.para === SAM_COMMANDS.readTextPhotoAndFingerprint.para;
        return encodeResponse({ sw1: 0, sw2: 0, sw3: SW3.ok, data: encodeReadData(this.card, withFingerprint) });
      }
      default:
        return status(SW3.commandError);
    }
  }

  /** What the module answers to a request frame it could not accept. */
  respondToBadFrame(kind: 'checksum' | 'length'): Uint8Array {
    return status(kind === 'checksum' ? SW3.checksumError : SW3.lengthError);
  }
}

function code(request: SamRequest): number {
  return (request.cmd << 8) | request.para;
}

function status(sw3: number): Uint8Array {
  return encodeResponse({ sw1: 0, sw2: 0, sw3, data: new Uint8Array(0) });
}
