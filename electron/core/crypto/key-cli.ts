// `npm run keys -- status|rotate [--data-dir DIR] [--json]`: the data keys that seal personal data
// at rest. `status` lists the keys and which of them the database, blob files and backups use;
// `rotate` adds a key, re-seals everything with it and retires the old keys (key-rotation.ts).
// Exit codes: 0 done, 1 failed, 2 cannot run (bad arguments, no database, workstation running).
// Runs in plain Node: it opens key rings kept in an owner-only file (web host); a ring wrapped by
// the OS keystore (desktop app) can only be opened inside Electron.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../config/data-dir';
import { DATABASE_FILE_NAME, DatabaseDamagedError, openDatabase, type Db } from '../store/database';
import { AuditKey, bindAuditKey } from '../audit/audit-key';
import { DataKeyRing, KeyRingError, ownerOnlyFileProtector } from './data-keys';
import { keyStatus, rotateDataKeys } from './key-rotation';

const USAGE = '用法：npm run keys -- status|rotate [--data-dir 目录] [--json]';
const FIRST_SEALED_VERSION = 6;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (err) {
    console.error(`参数错误：${(err as Error).message}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (command !== 'status' && command !== 'rotate') {
    console.error(USAGE);
    return 2;
  }
  const dataDir = resolve(parsed.values['data-dir'] ?? defaultDataDir());
  const dbPath = join(dataDir, DATABASE_FILE_NAME);
  if (!existsSync(dbPath) || !existsSync(DataKeyRing.path(dataDir))) {
    console.error(`找不到数据库或数据密钥：${dataDir}`);
    return 2;
  }
  let db: Db;
  try {
    db = openDatabase(dbPath);
  } catch (err) {
    console.error(err instanceof DatabaseDamagedError ? `数据库文件已损坏：${err.details.join('; ')}` : `无法打开数据库：${(err as Error).message}`);
    return 2;
  }
  try {
    // The keys.rotate record carries the audit MAC when the audit key opens here (an owner-only file).
    try {
      const auditKey = AuditKey.open(dataDir, ownerOnlyFileProtector);
      if (auditKey) bindAuditKey(db, auditKey);
    } catch (err) {
      if (!(err instanceof KeyRingError)) throw err;
    }
    if (!holdExclusively(db)) {
      console.error('工作站正在运行（数据库被占用）：请先退出工作站，再执行密钥操作。');
      return 2;
    }
    if ((db.pragma('user_version', { simple: true }) as number) < FIRST_SEALED_VERSION) {
      console.error('数据库尚未升级到加密存储的版本：请先启动一次工作站完成升级。');
      return 2;
    }
    let keys: DataKeyRing;
    try {
      keys = DataKeyRing.open(dataDir, ownerOnlyFileProtector);
    } catch (err) {
      console.error(err instanceof KeyRingError ? err.message : `无法打开数据密钥：${(err as Error).message}`);
      return 2;
    }
    if (command === 'status') {
      const s = keyStatus(dataDir, db, keys);
      if (parsed.values.json) console.log(JSON.stringify(s));
      else {
        console.log(`当前密钥：${s.current}（共 ${s.keys.length} 把：${s.keys.join(', ')}；保护方式：${s.protection}）`);
        console.log(`数据库使用：${s.usedBy.database.join(', ') || '无'}；文件使用：${s.usedBy.blobs.join(', ') || '无'}；备份使用：${s.usedBy.backups.join(', ') || '无'}`);
      }
      // A rotation interrupted after adding the key: values still open, but lookup tags follow the new key only after a re-run.
      if ([...s.usedBy.database, ...s.usedBy.blobs].some((id) => id !== s.current)) console.error('上次密钥轮换未完成：请再次执行 npm run keys -- rotate。');
      return 0;
    }
    const r = rotateDataKeys(dataDir, db, keys);
    if (parsed.values.json) console.log(JSON.stringify(r));
    else {
      console.log(`密钥已轮换：${r.from} → ${r.to}；重新加密 ${r.parties} 位申请人、${r.outbox} 条待发送指令、${r.blobs} 个文件。`);
      console.log(`已停用：${r.retired.join(', ') || '无'}${r.keptForBackups.length > 0 ? `；为恢复旧备份保留：${r.keptForBackups.join(', ')}` : ''}`);
    }
    return 0;
  } catch (err) {
    console.error(`密钥操作失败：${(err as Error).message}（旧密钥仍保留，数据均可读；可再次执行轮换）`);
    return 1;
  } finally {
    db.close();
  }
}

/** Takes the database for this process alone; false while a workstation has it open. */
function holdExclusively(db: Db): boolean {
  db.pragma('busy_timeout = 200');
  db.pragma('locking_mode = EXCLUSIVE');
  try {
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return true;
  } catch {
    return false;
  }
}

process.exitCode = main(process.argv.slice(2));
