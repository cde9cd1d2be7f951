// `npm run backup -- list|create|restore FILE [--data-dir DIR]`: the encrypted backups of a data
// folder, for IT staff when the app will not start or before moving a PC.
// - list: works while the app runs; verifies every backup completely when the data keys open here
//   (owner-only-file ring), else checks the structure only and says so. Exit 1 if one is damaged.
// - create / restore: refused while a workstation runs on the folder (workstation.lock names a live
//   process, see data-dir-lock.ts): create would race its writes, restore would swap the file under it.
//   They need the data keys: an install whose keys are wrapped by the OS keystore (the desktop app)
//   can only be backed up and restored from the app (设置 → 备份与恢复); the CLI says so.
// Exit codes: 0 done, 1 refused or failed (the message says why), 2 bad arguments.
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appendAudit } from '../audit/audit-log';
import { AuditKey, bindAuditKey } from '../audit/audit-key';
import { auditHead } from '../audit/audit-head';
import { defaultDataDir } from '../config/data-dir';
import { loadConfig } from '../config/config-file';
import { DataKeyRing, KeyRingError, ownerOnlyFileProtector } from '../crypto/data-keys';
import { BackupFormatError, BACKUP_FILE_NAME, createVerifiedBackup, DEFAULT_BACKUP_KEEP, listBackups, prepareRestore, pruneBackups, swapInDatabase } from './backup';
import { DATABASE_FILE_NAME, DatabaseDamagedError, openDatabase } from './database';
import { runningWorkstation } from './data-dir-lock';

const USAGE = '用法：npm run backup -- list|create|restore 备份文件名 [--data-dir 目录]';

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

export function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
  } catch (e) {
    err(`参数错误：${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, file, ...extra] = parsed.positionals;
  const dataDir = resolve(parsed.values['data-dir'] ?? defaultDataDir());
  const backupDir = join(dataDir, 'backups');
  const dbPath = join(dataDir, DATABASE_FILE_NAME);
  if (command === 'list' && !file) {
    // Verify every backup when the key ring opens here (an owner-only-file ring); otherwise say so.
    const keys = openKeysForListing(dataDir);
    const all = listBackups(backupDir, keys ?? undefined);
    if (all.length === 0) out(`没有备份（${backupDir}）`);
    for (const b of all) {
      const state =
        b.problem ?? (b.verified ? '已校验、已加密' : b.encrypted ? '已加密；未校验内容（此处无法打开数据密钥，仅检查了文件结构）' : '');
      out(`${b.file}\t${b.createdAt}\t${b.reason}\t${formatBytes(b.bytes)}\t${b.problem ? `有问题：${state}` : state}`);
    }
    return all.some((b) => b.encrypted && b.problem !== null) ? 1 : 0;
  }
  if (!(command === 'create' && !file) && !(command === 'restore' && file)) {
    err(USAGE);
    return 2;
  }
  if (extra.length > 0) {
    err(USAGE);
    return 2;
  }
  const running = runningWorkstation(dataDir);
  if (running) {
    err(`工作站正在使用该数据目录（进程 ${running.pid}，${running.host}，自 ${running.startedAt}）：请先退出工作站再${command === 'create' ? '备份' : '恢复'}；运行中的工作站可在 设置 → 备份与恢复 中操作。`);
    return 1;
  }
  let keys: DataKeyRing;
  try {
    if (!existsSync(DataKeyRing.path(dataDir))) {
      err(`找不到数据密钥（${DataKeyRing.path(dataDir)}）：不是工作站数据目录？`);
      return 1;
    }
    keys = DataKeyRing.open(dataDir, ownerOnlyFileProtector);
  } catch (e) {
    if (e instanceof KeyRingError) {
      err(`${e.message}\n请在工作站程序中操作：设置 → 备份与恢复。`);
      return 1;
    }
    throw e;
  }

  if (command === 'create') {
    if (!existsSync(dbPath)) {
      err(`找不到数据库文件：${dbPath}`);
      return 1;
    }
    let db;
    try {
      db = openDatabase(dbPath);
    } catch (e) {
      if (e instanceof DatabaseDamagedError) {
        err(`数据库文件已损坏，无法备份：${e.details.join('; ')}`);
        return 1;
      }
      throw e;
    }
    try {
      bindKeyedAudit(db, dataDir);
      const b = createVerifiedBackup(db, backupDir, keys, 'manual');
      const keep = loadConfig(dataDir).config.backups?.keep ?? DEFAULT_BACKUP_KEEP;
      const pruned = pruneBackups(backupDir, keep);
      appendAudit(db, { actorId: null, actor: 'cli', action: 'backups.create', object: `backup:${b.file}`, result: 'success', detail: { via: 'cli', pruned } });
      out(`已备份：${b.file}（${formatBytes(b.bytes)}，已校验、已加密）${pruned.length ? `；已清理 ${pruned.length} 个旧备份` : ''}`);
      return 0;
    } catch (e) {
      err(`备份失败：${(e as Error).message}`);
      return 1;
    } finally {
      db.close();
    }
  }

  // restore
  if (!BACKUP_FILE_NAME.test(file) || !existsSync(join(backupDir, file))) {
    err(`找不到备份文件：${join(backupDir, file)}（只接受备份目录中的文件名，可先运行 list 查看）`);
    return 1;
  }
  const prepared = `${dbPath}.restore-partial`;
  try {
    prepareRestore(join(backupDir, file), keys, prepared);
  } catch (e) {
    if (e instanceof BackupFormatError) {
      err(`无法恢复该备份：${e.message}`);
      return 1;
    }
    throw e;
  }
  // The log of the database being replaced ends here: the restored log records its head, so the gap is visible.
  const discardedHead = existsSync(dbPath) ? auditHead(dbPath) : null;
  let keptAs: string | null;
  try {
    keptAs = swapInDatabase(prepared, dbPath, 'before-restore');
  } finally {
    rmSync(prepared, { force: true });
  }
  const db = openDatabase(dbPath);
  try {
    bindKeyedAudit(db, dataDir);
    appendAudit(db, { actorId: null, actor: 'cli', action: 'backups.restore', object: `backup:${file}`, result: 'success', detail: { via: 'cli', keptAs, discardedHead } });
  } finally {
    db.close();
  }
  out(`已恢复：${file}${keptAs ? `；原数据库已保留为 ${keptAs}` : ''}`);
  return 0;
}

/** Audit records this tool writes carry the keyed MAC when the audit key opens here (else they stay unkeyed). */
function bindKeyedAudit(db: object, dataDir: string): void {
  try {
    const key = AuditKey.open(dataDir, ownerOnlyFileProtector);
    if (key) bindAuditKey(db, key);
  } catch (e) {
    if (!(e instanceof KeyRingError)) throw e;
  }
}

function openKeysForListing(dataDir: string): DataKeyRing | null {
  if (!existsSync(DataKeyRing.path(dataDir))) return null;
  try {
    return DataKeyRing.open(dataDir, ownerOnlyFileProtector);
  } catch (e) {
    if (e instanceof KeyRingError) return null;
    throw e;
  }
}

if (process.argv[1] && /backup-cli\.[cm]?[jt]s$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
