import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { KeyRingError, type KeyProtector } from '../crypto/data-keys';
import { hmacSm3Hex } from '../crypto/sm3';

/**
 * The key of the audit log's keyed chain (HMAC-SM3), kept OUTSIDE the database in
 * `keys/audit-key.json` and wrapped by the same KeyProtector as the data keys (the OS keystore in
 * the desktop app; an owner-only file for the web host and tools). Never rotated: every record
 * since `keyedAfterSeq` carries a MAC under it.
 *
 * What this buys (README → Security): someone who can write the database file but has not got
 * this key can no longer alter a record and recompute the SM3 chain, nor cut records off the end
 * and rewrite the head — the MACs would not match. See audit-chain.ts.
 */
const fileSchema = z
  .object({
    version: z.literal(1),
    protection: z.enum(['os-keystore', 'owner-only-file']),
    createdAt: z.string(),
    /** Records after this sequence number must carry a MAC (those before were written unkeyed). */
    keyedAfterSeq: z.number().int().min(0),
    /** HMAC of keyedAfterSeq: the number cannot be raised to exempt records without the key. */
    keyedAfterMac: z.string().regex(/^[0-9a-f]{64}$/),
    material: z.string().min(1),
  })
  .strict();

const KEY_BYTES = 32;

export class AuditKey {
  private constructor(
    private readonly key: Buffer,
    readonly keyedAfterSeq: number,
  ) {}

  static path(dataDir: string): string {
    return join(dataDir, 'keys', 'audit-key.json');
  }

  static exists(dataDir: string): boolean {
    return existsSync(AuditKey.path(dataDir));
  }

  /** Opens the key; null when there is none yet. Throws KeyRingError when it cannot be opened here. */
  static open(dataDir: string, protector: KeyProtector): AuditKey | null {
    const path = AuditKey.path(dataDir);
    if (!existsSync(path)) return null;
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new KeyRingError(`审计日志密钥文件格式不正确：${path}`);
    if (parsed.data.protection !== protector.kind) {
      throw new KeyRingError(
        parsed.data.protection === 'os-keystore' ? `审计日志密钥由操作系统密钥库保护（${path}），只能在桌面版中打开。` : `审计日志密钥未经操作系统密钥库保护（${path}）。`,
      );
    }
    let key: Buffer;
    try {
      key = protector.unprotect(Buffer.from(parsed.data.material, 'base64'));
    } catch (err) {
      throw new KeyRingError(`无法解开审计日志密钥：${(err as Error).message}`);
    }
    if (key.length !== KEY_BYTES) throw new KeyRingError('审计日志密钥长度不正确');
    const opened = new AuditKey(key, parsed.data.keyedAfterSeq);
    if (opened.mac('keyed-after', String(parsed.data.keyedAfterSeq)) !== parsed.data.keyedAfterMac) {
      throw new KeyRingError(`审计日志密钥文件被修改（起始序号与校验值不符）：${path}`);
    }
    return opened;
  }

  /** Opens the key, or makes it: records after `lastSeq()` (the log as it is now) will be keyed. */
  static openOrCreate(dataDir: string, protector: KeyProtector, lastSeq: () => number, now: Date = new Date()): AuditKey {
    const existing = AuditKey.open(dataDir, protector);
    if (existing) return existing;
    const key = randomBytes(KEY_BYTES);
    const keyedAfterSeq = lastSeq();
    const created = new AuditKey(key, keyedAfterSeq);
    const file = {
      version: 1 as const,
      protection: protector.kind,
      createdAt: now.toISOString(),
      keyedAfterSeq,
      keyedAfterMac: created.mac('keyed-after', String(keyedAfterSeq)),
      material: protector.protect(key).toString('base64'),
    };
    const path = AuditKey.path(dataDir);
    mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
    const tmp = `${path}.tmp-${process.pid}`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(file, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    chmodSync(path, 0o600);
    return created;
  }

  /** The MAC of one record: over its SM3 hash, which covers every column and the previous hash. */
  rowMac(hash: string): string {
    return this.mac('row', hash);
  }

  /** The MAC of the head: seq and hash of the last record (a cut-off tail cannot be re-headed). */
  headMac(seq: number, hash: string): string {
    return this.mac('head', `${seq}:${hash}`);
  }

  private mac(purpose: string, value: string): string {
    return hmacSm3Hex(this.key.toString('hex'), `bdc-audit\u0000${purpose}\u0000${value}`);
  }
}

/** The key each open database writes its audit MACs with (bound where the database is opened). */
const bound = new WeakMap<object, AuditKey>();

export function bindAuditKey(db: object, key: AuditKey): void {
  bound.set(db, key);
}

export function auditKeyOf(db: object): AuditKey | undefined {
  return bound.get(db);
}
