import { describe, expect, it } from 'vitest';
import { buildCardReading } from '../../../native/idcard/card-reading';
import { encodeTextBlock } from '../../../native/idcard/text-block';
import { SAMPLE_CARDS, SAMPLE_HOLDERS } from '../../../native/sim/sample-cards';

const today = new Date(2026, 10, 27);
const photo = SAMPLE_CARDS.han.photo;

describe('card reading', () => {
  it('flags a number whose birth date disagrees with the printed one', async () => {
    const text = encodeTextBlock({ ...SAMPLE_HOLDERS.han, birthDate: '1986-03-15' });
    const reading = await buildCardReading({ text, photo }, { today });
    expect(reading.cardType === 'resident' && reading.idNumberCheck).toEqual({
      valid: false,
      code: 'INVALID_ID_NUMBER',
      reasons: [expect.stringContaining('出生日期')],
    });
  });

  it('flags a number whose sex digit disagrees with the printed sex', async () => {
    const text = encodeTextBlock({ ...SAMPLE_HOLDERS.han, sexCode: '1' });
    const reading = await buildCardReading({ text, photo }, { today });
    expect(reading.cardType === 'resident' && reading.idNumberCheck).toMatchObject({
      valid: false,
      reasons: [expect.stringContaining('性别')],
    });
  });

  it('throws a coded CARD_DATA_INVALID for a text block no card can hold', async () => {
    await expect(buildCardReading({ text: new Uint8Array(256), photo })).rejects.toMatchObject({
      code: 'CARD_DATA_INVALID',
      details: { field: 'sex' },
    });
  });
});
