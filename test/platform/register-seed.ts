import type { Db } from './database';
import { insertRestriction, insertRight, insertUnit, type RegisterRestriction, type RegisterRight, type RegisterUnit } from './register';

/**
 * The register a fresh platform starts with: a few named sample units (API.md lists them for
 * training and tests) and about 300 generated flats in 芙蓉区 (430102) and 天心区 (430103). The
 * generator is seeded, so every data folder holds the same register and a test can name a unit.
 * Unit codes follow GB/T 37346-2019 (state land, construction land surface, house fixtures:
 * building in positions 21–24, room in 25–28); certificate serials stay below the numbers the
 * platform issues (numbers.ts ISSUED_SERIAL_BASE).
 */
export interface SeedUnit {
  unit: RegisterUnit;
  rights: RegisterRight[];
  restrictions: RegisterRestriction[];
}

/** Named units every install has (API.md "Sample units"). */
export const SAMPLE_UNITS = {
  /** 共同共有, with a mortgage. */
  jointWithMortgage: '430102003004GB00123F00010203',
  /** 查封 by a district court. */
  seized: '430103002007GB00056F00020501',
  /** 预告登记 on a pre-sold new flat (the developer still holds the ownership). */
  preRegistered: '430102005001GB00210F00150802',
  /** 异议登记 by a claimed co-owner. */
  objected: '430103004003GB00088F00030302',
  /** No restriction at all. */
  clear: '430102001002GB00031F00040601',
} as const;

const SAMPLES: SeedUnit[] = [
  {
    unit: { unitCode: SAMPLE_UNITS.jointWithMortgage, address: '湖南省长沙市芙蓉区五一大道一百二十三号3栋2单元203室', use: 'residential', areaM2: 89.5 },
    rights: [{ kind: 'ownership', holders: ['周晓岚', '刘德顺'], certificateNumber: '湘(2019)长沙市不动产权第0012345号', registeredAt: '2019-05-06' }],
    restrictions: [{ kind: 'mortgage', holder: '中国建设银行股份有限公司长沙芙蓉支行', since: '2019-05-06', until: '2049-05-05', note: '抵押金额 80 万元' }],
  },
  {
    unit: { unitCode: SAMPLE_UNITS.seized, address: '湖南省长沙市天心区书院路五十六号2栋1单元501室', use: 'residential', areaM2: 112.3 },
    rights: [{ kind: 'ownership', holders: ['陈志强'], certificateNumber: '湘(2017)长沙市不动产权第0034567号', registeredAt: '2017-08-21' }],
    restrictions: [
      { kind: 'mortgage', holder: '中国工商银行股份有限公司长沙天心支行', since: '2017-08-21', until: '2037-08-20', note: '抵押金额 65 万元' },
      { kind: 'seizure', holder: '长沙市天心区人民法院', since: '2025-03-18', until: '2028-03-17', note: '（2025）湘0103执1234号 轮候查封：无' },
    ],
  },
  {
    unit: { unitCode: SAMPLE_UNITS.preRegistered, address: '湖南省长沙市芙蓉区远大一路二百一十号15栋8单元802室', use: 'residential', areaM2: 128.6 },
    rights: [{ kind: 'ownership', holders: ['长沙芙蓉华庭置业有限公司'], certificateNumber: '湘(2024)长沙市不动产权第0156789号', registeredAt: '2024-06-30' }],
    restrictions: [{ kind: 'preRegistration', holder: '王海燕', since: '2025-09-12', until: null, note: '预售商品房买卖预告登记 湘(2025)长沙市不动产证明第0098765号' }],
  },
  {
    unit: { unitCode: SAMPLE_UNITS.objected, address: '湖南省长沙市天心区劳动西路八十八号3栋3单元302室', use: 'residential', areaM2: 76.2 },
    rights: [{ kind: 'ownership', holders: ['黄丽华'], certificateNumber: '湘(2021)长沙市不动产权第0087654号', registeredAt: '2021-11-02' }],
    // An objection lapses after 15 days unless the objector sues (实施细则 art. 82); this one did, so it has no end date.
    restrictions: [{ kind: 'objection', holder: '黄建国', since: '2025-10-09', until: null, note: '异议事项：主张共有份额（已起诉）' }],
  },
  {
    unit: { unitCode: SAMPLE_UNITS.clear, address: '湖南省长沙市芙蓉区解放西路三十一号4栋1单元601室', use: 'residential', areaM2: 95.8 },
    rights: [{ kind: 'ownership', holders: ['李秀英'], certificateNumber: '湘(2016)长沙市不动产权第0004321号', registeredAt: '2016-04-15' }],
    restrictions: [],
  },
];

/** Seeds an empty register; a register that holds units is left as it is. */
export function seedRegister(db: Db, generated = 300): number {
  const count = (db.prepare('SELECT COUNT(*) AS n FROM units').get() as { n: number }).n;
  if (count > 0) return 0;
  const units = [...SAMPLES, ...generateUnits(generated, new Set(SAMPLES.map((s) => s.unit.unitCode)))];
  db.transaction(() => {
    for (const seed of units) {
      insertUnit(db, seed.unit);
      for (const right of seed.rights) insertRight(db, seed.unit.unitCode, right);
      for (const restriction of seed.restrictions) insertRestriction(db, seed.unit.unitCode, restriction);
    }
  })();
  return units.length;
}

const DISTRICTS = [
  { code: '430102', name: '芙蓉区', court: '长沙市芙蓉区人民法院', roads: ['五一大道', '解放西路', '韶山北路', '八一路', '人民东路', '车站北路', '远大一路', '蔡锷中路'] },
  { code: '430103', name: '天心区', court: '长沙市天心区人民法院', roads: ['劳动西路', '书院路', '芙蓉中路', '湘府中路', '城南西路', '友谊路', '新开铺路', '南湖路'] },
];
const BANKS = [
  '中国建设银行股份有限公司长沙芙蓉支行',
  '中国工商银行股份有限公司长沙天心支行',
  '中国农业银行股份有限公司长沙五一支行',
  '中国银行股份有限公司长沙市蔡锷支行',
  '交通银行股份有限公司湖南省分行',
  '长沙银行股份有限公司芙蓉支行',
  '招商银行股份有限公司长沙分行',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃戴莫向汤';
const GIVEN = ['晓岚', '德顺', '建国', '丽华', '志强', '秀英', '海燕', '文杰', '俊', '敏', '静', '磊', '洋', '艳', '勇', '军', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '玉兰', '伟', '芳', '金花', '子涵', '雨桐', '浩然', '思远', '春生', '满秀', '国庆'];
const DEVELOPERS = ['长沙天心湘江置业有限公司', '长沙芙蓉华庭置业有限公司', '湖南南湖新城房地产开发有限公司'];

function generateUnits(count: number, taken: Set<string>): SeedUnit[] {
  const random = mulberry32(0x5eed_0102);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const person = (): string => pick([...SURNAMES]) + pick(GIVEN);
  const usedSerials = new Set<number>();
  const serial = (): string => {
    let n = int(1, 150_000);
    while (usedSerials.has(n)) n = int(1, 150_000);
    usedSerials.add(n);
    return String(n).padStart(7, '0');
  };
  const date = (fromYear: number, toYear: number): string => `${int(fromYear, toYear)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
  const addYears = (day: string, years: number): string => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

  const units: SeedUnit[] = [];
  while (units.length < count) {
    // One estate (宗地) on a road, with several flats in several buildings.
    const district = DISTRICTS[units.length < count / 2 ? 0 : 1];
    const road = pick(district.roads);
    const doorNumber = int(1, 399);
    const parcel = `${district.code}${pad(int(1, 9), 3)}${pad(int(1, 12), 3)}GB${pad(int(1, 99_999), 5)}`;
    const newBuild = random() < 0.1;
    const flats = int(6, 12);
    for (let i = 0; i < flats && units.length < count; i++) {
      const building = int(1, 20);
      const entrance = int(1, 4);
      const floor = int(1, 32);
      const room = floor * 100 + int(1, 4);
      const parking = random() < 0.06;
      const shop = !parking && random() < 0.08;
      const space = int(1, 400);
      const shopNumber = int(1, 30);
      // Fixture number: building, then room (floor × 100 + door); shops on floor 1, parking spaces from 9000.
      const fixture = parking ? 9000 + space : shop ? 100 + shopNumber : room;
      const unitCode = `${parcel}F${pad(building, 4)}${pad(fixture, 4)}`;
      if (taken.has(unitCode)) continue;
      taken.add(unitCode);
      const use = parking ? 'parking' : shop ? 'nonResidential' : 'residential';
      const address = parking
        ? `湖南省长沙市${district.name}${road}${doorNumber}号${building}栋地下停车场${space}号车位`
        : shop
          ? `湖南省长沙市${district.name}${road}${doorNumber}号${building}栋1层${pad(shopNumber, 3)}号门面`
          : `湖南省长沙市${district.name}${road}${doorNumber}号${building}栋${entrance}单元${room}室`;
      const areaM2 = parking ? int(120, 150) / 10 : shop ? int(300, 2000) / 10 : int(450, 1800) / 10;

      const registeredAt = date(2015, 2025);
      const holders = newBuild ? [pick(DEVELOPERS)] : random() < 0.3 ? [person(), person()] : [person()];
      const rights: RegisterRight[] = [
        { kind: 'ownership', holders, certificateNumber: `湘(${registeredAt.slice(0, 4)})长沙市不动产权第${serial()}号`, registeredAt },
      ];
      const restrictions: RegisterRestriction[] = [];
      if (!newBuild && !parking && random() < 0.3) {
        restrictions.push({ kind: 'mortgage', holder: pick(BANKS), since: registeredAt, until: addYears(registeredAt, pick([10, 20, 30])), note: `抵押金额 ${int(20, 150)} 万元` });
      }
      if (!newBuild && random() < 0.03) {
        const since = date(2023, 2025);
        restrictions.push({ kind: 'seizure', holder: district.court, since, until: addYears(since, 3), note: `（${since.slice(0, 4)}）湘${district.code.slice(2)}执${int(100, 9999)}号` });
      }
      if (!newBuild && random() < 0.02) {
        restrictions.push({ kind: 'objection', holder: person(), since: date(2024, 2025), until: null, note: '异议事项：主张共有份额（已起诉）' });
      }
      if (newBuild && !parking) {
        restrictions.push({ kind: 'preRegistration', holder: person(), since: date(2024, 2025), until: null, note: `预售商品房买卖预告登记 湘(2025)长沙市不动产证明第${serial()}号` });
      }
      units.push({ unit: { unitCode, address, use, areaM2 }, rights, restrictions });
    }
  }
  return units;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A tiny seeded PRNG (mulberry32): the same seed gives the same register everywhere. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
