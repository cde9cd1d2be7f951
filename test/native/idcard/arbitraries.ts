import fc from 'fast-check';
import { NATIONS, SEXES } from '../../../native/idcard/nations';
import type { ResidentCardFields } from '../../../native/idcard/text-block';

/** CJK Unified Ideographs, Extension A (䶮 is U+4DAE), and Extension B (surrogate pairs in UTF-16). */
const hanzi = fc.oneof(
  fc.integer({ min: 0x4e00, max: 0x9fff }),
  fc.integer({ min: 0x3400, max: 0x4dbf }),
  fc.integer({ min: 0x20000, max: 0x2a6df }),
).map((cp) => String.fromCodePoint(cp));

/** Text that fits `units` UTF-16 code units and has no padding characters at its ends. */
const text = (units: number, minLength = 0): fc.Arbitrary<string> =>
  fc
    .string({ unit: fc.oneof(hanzi, fc.constantFrom('·', ' ', 'A', '1', '号')), minLength, maxLength: units })
    .map((s) => s.trim())
    .filter((s) => s.length <= units && s.length >= minLength);

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const residentFields: fc.Arbitrary<ResidentCardFields> = fc.record({
  name: text(15, 1),
  sexCode: fc.constantFrom(...Object.keys(SEXES)),
  nationCode: fc.constantFrom(...Object.keys(NATIONS)),
  birthDate: isoDate,
  address: text(35),
  idNumber: fc.stringMatching(/^\d{17}[\dX]$/),
  issuer: text(15),
  validFrom: isoDate,
  validTo: fc.oneof(isoDate, fc.constant('长期')),
});
