import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { hmacSm3Hex } from './sm3';
import { DecryptionError, SM4_GCM_IV_BYTES, SM4_GCM_TAG_BYTES, SM4_KEY_BYTES, Sm4GcmOpening, sm4GcmOpen, sm4GcmSeal } from './sm4';

/**
 * The data keys that protect personal data at rest: each key is an SM4 key (encryption) and an
 * HMAC-SM3 key (exact-match lookup columns). The key ring file `keys/data-keys.json` holds every
 * key still needed to read old values; `current` seals new ones. Key material in the file is
 * passed through a KeyProtector: the Electron host wraps it with the OS keystore (safeStorage);
 * the web host and tests keep it in an owner-only file, which the host must say out loud.
 */
export interface KeyProtector {
  /** 'os-keystore' (DPAPI, Keychain, libsecret/kwallet) or 'owner-only-file' (no wrapping). */
  readonly kind: 'os-keystore' | 'owner-only-file';
  protect(material: Buffer): Buffer;
  unprotect(wrapped: Buffer): Buffer;
}

/** No wrapping: the file's 0600 mode is the only protection (web host, tests, CLIs). */
export const ownerOnlyFileProtector: KeyProtector = {
  kind: 'owner-only-file',
  protect: (m) => Buffer.from(m),
  unprotect: (w) => Buffer.from(w),
};

const MAC_KEY_BYTES = 32;
const KEY_ID = /^k[0-9]{1,6}$/;

const ringFileSchema = z
  .object({
    version: z.literal(1),
    protection: z.enum(['os-keystore', 'owner-only-file']),
    current: z.string().regex(KEY_ID),
    keys: z.array(z.object({ id: z.string().regex(KEY_ID), createdAt: z.string(), material: z.string().min(1) }).strict()).min(1),
  })
  .strict();

interface DataKey {
  id: string;
  createdAt: string;
  sm4: Buffer;
  mac: Buffer;
}

export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyRingError';
  }
}

/** Sealed field layout: 0x01 ‖ id length ‖ id (ASCII) ‖ iv ‖ tag ‖ ciphertext. */
const FORMAT = 0x01;

export class DataKeyRing {
  private constructor(
    private readonly path: string,
    private readonly protector: KeyProtector,
    private keys: DataKey[],
    private currentId: string,
  ) {}

  static path(dataDir: string): string {
    return join(dataDir, 'keys', 'data-keys.json');
  }

  /** Opens the ring, or makes one with a first key. A ring wrapped by another protector is refused. */
  static open(dataDir: string, protector: KeyProtector, now: Date = new Date()): DataKeyRing {
    const path = DataKeyRing.path(dataDir);
    if (!existsSync(path)) {
      const ring = new DataKeyRing(path, protector, [newKey('k1', now)], 'k1');
      ring.save();
      return ring;
    }
    const parsed = ringFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new KeyRingError(`数据密钥文件格式不正确：${path}`);
    const file = parsed.data;
    if (file.protection !== protector.kind) {
      throw new KeyRingError(
        file.protection === 'os-keystore'
          ? `数据密钥由操作系统密钥库保护（${path}），只能在桌面版中打开。`
          : `数据密钥未经操作系统密钥库保护（${path}），请先用桌面版执行密钥轮换以改为受保护的形式。`,
      );
    }
    const keys = file.keys.map((k) => {
      let material: Buffer;
      try {
        material = protector.unprotect(Buffer.from(k.material, 'base64'));
      } catch (err) {
        throw new KeyRingError(`无法解开数据密钥 ${k.id}：${(err as Error).message}`);
      }
      if (material.length !== SM4_KEY_BYTES + MAC_KEY_BYTES) throw new KeyRingError(`数据密钥 ${k.id} 长度不正确`);
      return { id: k.id, createdAt: k.createdAt, sm4: material.subarray(0, SM4_KEY_BYTES), mac: material.subarray(SM4_KEY_BYTES) };
    });
    if (!keys.some((k) => k.id === file.current)) throw new KeyRingError(`数据密钥文件中没有当前密钥 ${file.current}`);
    return new DataKeyRing(path, protector, keys, file.current);
  }

  /**
   * Re-wraps a ring kept in an owner-only file with a keystore protector (the same keys, so every
   * sealed value stays readable): the desktop app does this once when it finds a ring written by
   * the web host or a tool. Returns whether the file was rewritten.
   */
  static wrapWith(dataDir: string, protector: KeyProtector): boolean {
    const path = DataKeyRing.path(dataDir);
    if (!existsSync(path) || protector.kind !== 'os-keystore') return false;
    const parsed = ringFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success || parsed.data.protection !== 'owner-only-file') return false;
    const plain = DataKeyRing.open(dataDir, ownerOnlyFileProtector);
    new DataKeyRing(path, protector, plain.keys, plain.currentId).save();
    return true;
  }

  get currentKeyId(): string {
    return this.currentId;
  }

  get keyIds(): string[] {
    return this.keys.map((k) => k.id);
  }

  get protection(): KeyProtector['kind'] {
    return this.protector.kind;
  }

  /** Seals a value for `where` (e.g. "case_parties.id_number"); the same value seals differently each time. */
  seal(where: string, plaintext: string | Uint8Array): Buffer {
    const key = this.key(this.currentId);
    const id = Buffer.from(key.id, 'ascii');
    const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    return Buffer.concat([Buffer.from([FORMAT, id.length]), id, sm4GcmSeal(key.sm4, bytes, where)]);
  }

  open(where: string, sealed: Uint8Array): Buffer {
    const { keyId, body } = this.split(sealed);
    return sm4GcmOpen(this.key(keyId).sm4, body, where);
  }

  /**
   * The length of a sealed value's header (format, key id, iv, tag) from its first two bytes: what
   * `opening` needs before the ciphertext.
   */
  static sealedHeaderLength(start: Uint8Array): number {
    if (start.length < 2 || start[0] !== FORMAT) throw new DecryptionError('not a sealed value');
    return 2 + start[1]! + SM4_GCM_IV_BYTES + SM4_GCM_TAG_BYTES;
  }

  /** Opens a large sealed value piece by piece (see Sm4GcmOpening): `header` as sealedHeaderLength measures it. */
  opening(where: string, header: Uint8Array): Sm4GcmOpening {
    const { keyId, body } = this.split(header);
    if (body.length !== SM4_GCM_IV_BYTES + SM4_GCM_TAG_BYTES) throw new DecryptionError('sealed value too short');
    return new Sm4GcmOpening(this.key(keyId).sm4, body, where);
  }

  openText(where: string, sealed: Uint8Array): string {
    return this.open(where, sealed).toString('utf8');
  }

  /** Which key sealed a value (rotation re-seals everything not sealed by the current key). */
  keyIdOf(sealed: Uint8Array): string {
    return this.split(sealed).keyId;
  }

  /**
   * HMAC-SM3 of a value for exact-match lookup ("which parties have this ID number"), keyed by the
   * current MAC key so the column reveals nothing without the key. Normalised by the caller.
   */
  lookupTag(where: string, value: string): string {
    return hmacSm3Hex(this.key(this.currentId).mac.toString('hex'), `${where}\u0000${value}`);
  }

  /** Adds a new current key; old keys stay until `retire` after everything is re-sealed. */
  rotate(now: Date = new Date()): string {
    const next = Math.max(...this.keys.map((k) => Number(k.id.slice(1)))) + 1;
    const key = newKey(`k${next}`, now);
    this.keys.push(key);
    this.currentId = key.id;
    this.save();
    return key.id;
  }

  /** Drops keys no longer used by any value (the caller has re-sealed them). */
  retire(keepOnly: string[]): void {
    const keep = new Set([...keepOnly, this.currentId]);
    this.keys = this.keys.filter((k) => keep.has(k.id));
    this.save();
  }

  private key(id: string): DataKey {
    const k = this.keys.find((x) => x.id === id);
    if (!k) throw new DecryptionError(`数据密钥 ${id} 不存在`);
    return k;
  }

  private split(sealed: Uint8Array): { keyId: string; body: Uint8Array } {
    if (sealed.length < 3 || sealed[0] !== FORMAT) throw new DecryptionError('not a sealed value');
    const idLength = sealed[1];
    return { keyId: Buffer.from(sealed.subarray(2, 2 + idLength)).toString('ascii'), body: sealed.subarray(2 + idLength) };
  }

  private save(): void {
    mkdirSync(join(this.path, '..'), { recursive: true, mode: 0o700 });
    const file = {
      version: 1 as const,
      protection: this.protector.kind,
      current: this.currentId,
      keys: this.keys.map((k) => ({ id: k.id, createdAt: k.createdAt, material: this.protector.protect(Buffer.concat([k.sm4, k.mac])).toString('base64') })),
    };
    const tmp = `${this.path}.tmp-${process.pid}`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(file, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
    chmodSync(this.path, 0o600);
  }
}

function newKey(id: string, now: Date): DataKey {
  return { id, createdAt: now.toISOString(), sm4: randomBytes(SM4_KEY_BYTES), mac: randomBytes(MAC_KEY_BYTES) };
}
