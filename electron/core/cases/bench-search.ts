import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../store/database';
import { migrate } from '../store/migrate';
import { MIGRATIONS } from '../store/migrations';
import { searchCases } from './case-search';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国晓岚德顺金花志远海燕文博俊峰';
const ROADS = ['五一大道', '芙蓉中路', '人民东路', '韶山北路', '解放西路', '八一路', '东二环', '车站北路', '浏阳河大道', '万家丽路'];
const DISTRICTS = ['芙蓉区', '天心区', '岳麓区', '开福区', '雨花区'];

/** Deterministic pseudo-random numbers, so every run searches the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Search over N generated cases (names, unit codes, case numbers, addresses), measured per query.
 * Returns the p95 and median in milliseconds. Used by `npm run bench` (search.p95_ms_100k).
 */
export function measureSearch(options: { cases: number; queries: number }): { p95Ms: number; medianMs: number; cases: number; queries: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bdc-bench-search-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  try {
    migrate(db, MIGRATIONS, join(dir, 'backups'));
    const rand = rng(42);
    const pick = <T>(xs: ArrayLike<T>): T => xs[Math.floor(rand() * xs.length)];
    const people: string[] = [];
    db.transaction(() => {
      const insertCase = db.prepare(
        "INSERT INTO cases (id, case_number, business_type, status, created_at, created_by, updated_at, accepted_at) VALUES (?, ?, 'transfer', 'accepted', ?, 'bench', ?, ?)",
      );
      const insertSearch = db.prepare('INSERT INTO case_search (rowid, case_number, names, unit_codes, addresses) VALUES (?, ?, ?, ?, ?)');
      const insertSuffix = db.prepare('INSERT INTO case_name_suffixes (suffix, case_id) VALUES (?, ?)');
      for (let i = 1; i <= options.cases; i++) {
        const day = `2026${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
        const number = `430102-${day}-A7-${String(i % 10000).padStart(4, '0')}${i >= 10000 ? `-${Math.floor(i / 10000)}` : ''}`;
        const names = [0, 1, 2].map(() => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : '')).join(' ');
        people.push(names.split(' ')[0]);
        const unit = `430102${String(Math.floor(rand() * 1000)).padStart(3, '0')}004GB${String(Math.floor(rand() * 99999)).padStart(5, '0')}F${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
        const address = `湖南省长沙市${pick(DISTRICTS)}${pick(ROADS)}${Math.floor(rand() * 500)}号${Math.floor(rand() * 30)}栋${Math.floor(rand() * 3000)}室`;
        const at = `2026-${day.slice(4, 6)}-${day.slice(6)}T08:00:00.000Z`;
        insertCase.run(i, number, at, at, at);
        insertSearch.run(i, number, names, unit, address);
        for (const name of names.split(' ')) for (let k = 0; k < name.length; k++) insertSuffix.run(name.slice(k), i);
      }
    })();
    const queries: string[] = [];
    for (let q = 0; q < options.queries; q++) {
      const kind = q % 5;
      if (kind === 0) queries.push(pick(people)); // a full name, 2–3 characters
      else if (kind === 1) queries.push(pick(people).slice(0, 2)); // two characters: the scan path
      else if (kind === 2) queries.push(`${pick(ROADS)}${Math.floor(rand() * 500)}号`);
      else if (kind === 3) queries.push(`A7-${String(Math.floor(rand() * 9999)).padStart(4, '0')}`);
      else queries.push(`GB${String(Math.floor(rand() * 99999)).padStart(5, '0')}`);
    }
    const times = queries.map((text) => {
      const t0 = performance.now();
      searchCases(db, { text, limit: 50 });
      return performance.now() - t0;
    });
    times.sort((a, b) => a - b);
    return {
      p95Ms: times[Math.floor(times.length * 0.95)],
      medianMs: times[Math.floor(times.length / 2)],
      cases: options.cases,
      queries: options.queries,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
