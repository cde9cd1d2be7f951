import type { IdCardView } from '../../contract';
import type { CardReading } from '../../../native/idcard/card-reading';
import { maskIdNumber } from '../../../native/idcard/id-number';

/** The card as the screen may see it: the ID number masked (and nothing that unmasks it), the photo only if decoded. */
export function toIdCardView(card: CardReading, cardToken: string): IdCardView {
  if (!card.supported) return { supported: false, cardType: card.cardType, message: card.message };
  const photo = card.photo;
  return {
    supported: true,
    cardType: 'resident',
    name: card.name,
    sex: card.sex,
    nation: card.nation,
    // Year and month only: with the masked number's first 6 and last 4, the full date would
    // rebuild the whole ID number on screen (positions 7–14 are the birth date).
    birthDate: card.birthDate.slice(0, 7),
    address: card.address,
    idNumberMasked: maskIdNumber(card.idNumber),
    issuer: card.issuer,
    validFrom: card.validFrom,
    validTo: card.validTo,
    idNumberCheck: card.idNumberCheck.valid ? { valid: true, reasons: [] } : { valid: false, reasons: card.idNumberCheck.reasons },
    cardToken,
    photo: {
      format: photo.format,
      bytes: photo.bytes,
      decoded: photo.decoded,
      ...(photo.decoded ? { pngDataUrl: `data:image/png;base64,${Buffer.from(photo.png).toString('base64')}` } : {}),
    },
  };
}
