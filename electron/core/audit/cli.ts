// `npm run audit -- verify [--data-dir DIR] [--json]`: checks the audit log's SM3 hash chain and,
// when the audit key opens here, every record's HMAC-SM3 and the head's; reports the first broken record. Exit codes: 0 intact, 1 broken, 2 cannot check (no database,
// damaged file, bad arguments). Opens the database read-only, so it is safe while the app runs.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../config/data-dir';
import { DATABASE_FILE_NAME, DatabaseDamagedError, openDatabase } from '../store/database';
import { KeyRingError, ownerOnlyFileProtector } from '../crypto/data-keys';
import { verifyAuditChain } from './audit-chain';
import { AuditKey } from './audit-key';


function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } },
    });
  } catch (err) {
    console.error(`参数错误：${(err as Error).message}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (command !== 'verify') {
    console.error('用法：npm run audit -- verify [--data-dir 目录] [--json]');
    return 2;
  }
  const dataDir = resolve(parsed.values['data-dir'] ?? defaultDataDir());
  const dbPath = join(dataDir, DATABASE_FILE_NAME);
  if (!existsSync(dbPath)) {
    console.error(`找不到数据库文件：${dbPath}`);
    return 2;
  }
  let db;
  try {
    db = openDatabase(dbPath, { readonly: true });
  } catch (err) {
    if (err instanceof DatabaseDamagedError) {
      console.error(`数据库文件已损坏，无法校验：${err.details.join('; ')}`);
      return 2;
    }
    throw err;
  }
  try {
    // The keyed part needs the audit key: an owner-only-file key opens here, a keystore-wrapped one only in the app.
    let key: AuditKey | null = null;
    let keyProblem: string | null = null;
    try {
      key = AuditKey.open(dataDir, ownerOnlyFileProtector);
      if (!key) keyProblem = '没有审计日志密钥';
    } catch (err) {
      if (!(err instanceof KeyRingError)) throw err;
      keyProblem = err.message;
    }
    const result = verifyAuditChain(db, key);
    if (parsed.values.json) console.log(JSON.stringify(result));
    else if (result.ok && key) console.log(`审计日志完整：已校验 ${result.checked} 条记录，SM3 哈希链与密钥校验值（HMAC-SM3）均未发现篡改。（${dbPath}）`);
    else if (result.ok) console.log(`审计日志哈希链完整：已校验 ${result.checked} 条记录；未校验密钥校验值（${keyProblem}），能改写数据库文件者仍可能重算哈希链，请在工作站程序中校验。（${dbPath}）`);
    else console.log(`审计日志被篡改：第 ${result.firstBroken?.seq} 条记录异常：${result.firstBroken?.reason}（此前 ${result.checked} 条完好）`);
    return result.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2));
