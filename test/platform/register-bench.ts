import axios from 'axios';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { join } from 'node:path';
import { startSeparatePlatform } from '../bench/separate-platform';
import { makeTempDir } from '../support/temp-dir';
import { openPlatformDatabase } from './database';
import { seedRegister } from './register-seed';

/**
 * `register.lookup_p95_ms` (issue #11): what a review desk waits for the register record of a unit.
 * The stand-in runs in a process of its own (as a real platform does) on loopback; the client is
 * made as the workstation makes it (pinned CA, client certificate, keep-alive) and asks for seeded
 * units in a shuffled order, one at a time, each answer read in full and parsed.
 */
export interface LookupResult {
  lookups: number;
  units: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export async function measureRegisterLookup(options: { lookups?: number; warmup?: number } = {}): Promise<LookupResult> {
  const lookups = Math.max(200, options.lookups ?? 400);
  const warmup = options.warmup ?? 20;
  const dir = makeTempDir('bdc-bench-register-');
  const dataDir = join(dir.path, 'platform');
  // Seed the folder here to learn the unit codes; the stand-in then finds its register already there.
  const db = openPlatformDatabase(dataDir);
  seedRegister(db);
  const codes = (db.prepare('SELECT unit_code FROM units ORDER BY unit_code').all() as Array<{ unit_code: string }>).map((r) => r.unit_code);
  db.close();
  const platform = await startSeparatePlatform(dataDir);
  const agent = new https.Agent({ ca: readFileSync(platform.files.ca), cert: readFileSync(platform.files.clientCert), key: readFileSync(platform.files.clientKey), keepAlive: true });
  try {
    const client = axios.create({ baseURL: platform.url, httpsAgent: agent, timeout: 10_000 });
    const order = shuffled(codes, 0x1d0c);
    const times: number[] = [];
    for (let i = 0; i < warmup + lookups; i++) {
      const code = order[i % order.length];
      const t0 = performance.now();
      const res = await client.get(`/api/v1/units/${code}`);
      const ms = performance.now() - t0;
      if (res.status !== 200 || res.data.unitCode !== code) throw new Error(`lookup of ${code} answered ${res.status}`);
      if (i >= warmup) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    return { lookups, units: codes.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: times[times.length - 1] };
  } finally {
    agent.destroy();
    await platform.close();
    dir.remove();
  }
}

/** A seeded Fisher–Yates shuffle: the same order on every run, no unit twice in a row. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
