import { encodeTextBlock, withKindMarker, type ResidentCardFields } from '../idcard/text-block';
import { WLT_PHOTO_BYTES } from '../idcard/photo';

/**
 * Fictional card holders for the simulator, training mode and tests. The people are invented; the
 * codes are real-shaped (GB/T 2260 county codes of 长沙市 and 湘西州, GB 11643 check digits).
 */
export interface SimCard {
  label: string;
  /** The 256-byte text block as the chip holds it. */
  text: Uint8Array;
  /** 1024 bytes standing in for the WLT photo (not a real WLT image: no decoder exists here). */
  photo: Uint8Array;
  fingerprint?: Uint8Array;
  /** The fields the text block was built from, for tests to compare with. */
  fields?: ResidentCardFields;
}

export const SAMPLE_HOLDERS = {
  /** 汉, female, check character X. */
  han: {
    name: '周晓岚',
    sexCode: '2',
    nationCode: '01',
    birthDate: '1986-03-14',
    address: '湖南省长沙市芙蓉区五一大道一百二十三号',
    idNumber: '43010219860314042X',
    issuer: '长沙市公安局芙蓉分局',
    validFrom: '2016-05-20',
    validTo: '2036-05-20',
  },
  /** 苗, from 花垣县 of 湘西土家族苗族自治州. */
  miao: {
    name: '龙金花',
    sexCode: '2',
    nationCode: '06',
    birthDate: '1992-11-08',
    address: '湖南省湘西土家族苗族自治州花垣县边城镇茶峒村三组',
    idNumber: '433124199211080267',
    issuer: '花垣县公安局',
    validFrom: '2021-09-01',
    validTo: '2041-09-01',
  },
  /** 维吾尔, a long name with the interpunct, first registered in 乌鲁木齐, now living in 长沙. */
  uyghur: {
    name: '买买提江·阿不都热合曼',
    sexCode: '1',
    nationCode: '05',
    birthDate: '1979-07-22',
    address: '湖南省长沙市岳麓区麓山南路九十二号',
    idNumber: '650102197907221313',
    issuer: '长沙市公安局岳麓分局',
    validFrom: '2012-03-10',
    validTo: '2032-03-10',
  },
  /** Issued after 46: valid 长期. */
  longTerm: {
    name: '刘德顺',
    sexCode: '1',
    nationCode: '01',
    birthDate: '1955-02-01',
    address: '湖南省长沙市天心区坡子街五十六号',
    idNumber: '430103195502010178',
    issuer: '长沙市公安局天心分局',
    validFrom: '2010-06-15',
    validTo: '长期',
  },
  /** A rare character: 䶮 (U+4DAE, CJK Extension A). */
  rareCharacter: {
    name: '陈䶮',
    sexCode: '1',
    nationCode: '01',
    birthDate: '2001-12-30',
    address: '湖南省长沙市开福区湘江中路二段八号',
    idNumber: '430105200112300555',
    issuer: '长沙市公安局开福分局',
    validFrom: '2019-01-10',
    validTo: '2029-01-10',
  },
  /** The check character should be X; the card says 3. For error handling. */
  wrongCheckDigit: {
    name: '王小丽',
    sexCode: '2',
    nationCode: '01',
    birthDate: '1990-05-05',
    address: '湖南省长沙市雨花区韶山中路四百号',
    idNumber: '430111199005050883',
    issuer: '长沙市公安局雨花分局',
    validFrom: '2018-08-20',
    validTo: '2038-08-20',
  },
} as const satisfies Record<string, ResidentCardFields>;

export type SampleHolder = keyof typeof SAMPLE_HOLDERS;

export const SAMPLE_CARDS: Readonly<Record<SampleHolder, SimCard>> = Object.freeze(
  Object.fromEntries(
    Object.entries(SAMPLE_HOLDERS).map(([key, fields]) => [
      key,
      { label: fields.name, text: encodeTextBlock(fields), photo: fakePhoto(fields.idNumber), fields },
    ]),
  ) as Record<SampleHolder, SimCard>,
);

/** Cards of other kinds, which the driver must recognise and decline. */
export const FOREIGN_PERMANENT_RESIDENT_CARD: SimCard = {
  label: 'foreign permanent resident',
  text: withKindMarker(latinBlock('ZHANG, ANNA MARIE'), 'I'),
  photo: fakePhoto('foreign'),
};

export const HMT_RESIDENCE_PERMIT_CARD: SimCard = {
  label: 'HMT residence permit',
  text: withKindMarker(encodeTextBlock({ ...SAMPLE_HOLDERS.han, name: '陈家明', idNumber: '810000199001010015' }), 'J'),
  photo: fakePhoto('hmt'),
};

/** Deterministic bytes per holder, so two cards never share a "photo". */
function fakePhoto(seed: string): Uint8Array {
  const photo = new Uint8Array(WLT_PHOTO_BYTES);
  let state = 0x811c9dc5;
  for (const ch of seed) state = Math.imul(state ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  for (let i = 0; i < photo.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    photo[i] = state >>> 24;
  }
  return photo;
}

/** A block laid out differently from a resident card (the foreign card starts with a Latin name). */
function latinBlock(name: string): Uint8Array {
  const block = new Uint8Array(256);
  for (let i = 0; i < 128; i++) {
    const unit = i < name.length ? name.charCodeAt(i) : 0x20;
    block[2 * i] = unit & 0xff;
    block[2 * i + 1] = unit >> 8;
  }
  return block;
}
