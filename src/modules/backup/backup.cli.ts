// npm run backup [-- --out DIR] [--force] — a backup of the configured database into a new folder under
// DIR (default BACKUP_DIR, else ./data/backups): PostgreSQL (DATABASE_URL) by pg_dump while the
// platform runs; the embedded database (DATA_DIR) by PGlite's dumpDataDir — stop the server
// first, the embedded database admits one process (a postmaster.pid in DATA_DIR says it is open;
// --force when it was left behind by a crash). Exit 0 with the folder's path; 2 on failure.
import { loadConfig } from '../../config.js';
import { AppError } from '../../core/errors.js';
import { newFolder } from './folder.js';
import { backupPglite } from './pglite.js';
import { backupPostgres } from './postgres.js';

const args = process.argv.slice(2);
const i = args.indexOf('--out');
const root = (i >= 0 ? args[i + 1] : undefined) ?? process.env.BACKUP_DIR ?? './data/backups';
const config = loadConfig();
const at = new Date();
try {
  const kind = config.databaseUrl ? 'postgres' : 'pglite';
  const folder = newFolder(root, kind, at);
  const m = config.databaseUrl
    ? await backupPostgres(config.databaseUrl, folder, at)
    : await backupPglite(config.dataDir, folder, at, { force: args.includes('--force') });
  console.log(`备份完成：${folder}`);
  console.log(
    `  ${m.file} ${(m.bytes / 1048576).toFixed(1)} MB，SM3 ${m.sm3}；${m.lists.length} 个机构的现行清单摘要；审计日志至 seq=${m.audit.seq}（共 ${m.audit.count} 条）`,
  );
  console.log('  恢复：npm run restore -- <备份目录>；审计密钥（AUDIT_KEY_FILE）不在备份中，请另行保管。');
} catch (err) {
  console.error(`备份失败：${err instanceof AppError ? err.message : (err as Error).stack}`);
  process.exitCode = 2;
}
