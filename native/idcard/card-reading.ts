import { DeviceError } from '../serial/device-error';
import { validateIdNumber, type IdNumberCheck } from './id-number';
import { decodePhoto, type CardPhoto, type WltDecoder } from './photo';
import type { CardData } from './read-response';
import { parseTextBlock, type ResidentCardText, type UnsupportedCardType } from './text-block';

/** What the driver hands to the application for one card on the reader. */
export type CardReading = ResidentCardReading | UnsupportedCardReading;

export interface ResidentCardReading extends ResidentCardText {
  /**
   * The GB 11643 check of the number on the card, and its agreement with the printed birth date
   * and sex. A failed check is reported here, never hidden: the clerk must verify the card by hand.
   */
  idNumberCheck: IdNumberCheck;
  photo: CardPhoto;
  fingerprint?: Uint8Array;
}

export interface UnsupportedCardReading {
  cardType: UnsupportedCardType;
  supported: false;
  message: string;
  photo: CardPhoto;
}

export interface CardReadingOptions {
  photoDecoder?: WltDecoder;
  today?: Date;
}

/** Throws DeviceError CARD_DATA_INVALID when the text block cannot be a card's. */
export async function buildCardReading(data: CardData, options: CardReadingOptions = {}): Promise<CardReading> {
  const parsed = parseTextBlock(data.text);
  if (!parsed.ok) throw new DeviceError(parsed.error.code, parsed.error.message, { field: parsed.error.field });
  const photo = await decodePhoto(data.photo, options.photoDecoder);
  const text = parsed.value;
  if (!text.supported) {
    return { cardType: text.cardType, supported: false, message: text.message, photo };
  }
  return {
    ...text,
    idNumberCheck: checkAgainstCard(text, options.today),
    photo,
    ...(data.fingerprint ? { fingerprint: data.fingerprint } : {}),
  };
}

/** GB 11643 check, plus: the number encodes the holder's birth date and sex, which the card also prints. */
function checkAgainstCard(text: ResidentCardText, today?: Date): IdNumberCheck {
  const check = validateIdNumber(text.idNumber, { today });
  if (!check.valid) return check;
  const reasons: string[] = [];
  if (check.birthDate !== text.birthDate) reasons.push('号码中的出生日期与证件上的出生日期不一致，请人工核验证件。');
  if ((text.sex === '男' || text.sex === '女') && check.sex !== text.sex) {
    reasons.push('号码中的性别（第17位）与证件上的性别不一致，请人工核验证件。');
  }
  return reasons.length > 0 ? { valid: false, code: 'INVALID_ID_NUMBER', reasons } : check;
}
