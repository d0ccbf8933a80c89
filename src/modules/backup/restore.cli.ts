// npm run restore -- <backup folder> [--force] — restores a backup made by `npm run backup` into
// the configured database (DATABASE_URL, else DATA_DIR), then checks it: every body's list digest
// as at the backup, and the audit chain verified end to end with the audit key. Without --force
// a database that holds data is left alone. Exit 0: restored and checked; 1: restored, but the
// check found a difference; 2: not restored.
import { loadConfig } from '../../config.js';
import { AppError } from '../../core/errors.js';
import type { RestoreCheck } from './manifest.js';
import { restorePglite } from './pglite.js';
import { restorePostgres } from './postgres.js';

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
const force = args.includes('--force');
const config = loadConfig();
if (!folder) {
  console.error('用法：npm run restore -- <备份目录> [--force]');
  process.exit(2);
}
try {
  let r: RestoreCheck;
  if (config.databaseUrl) {
    r = await restorePostgres(folder, config.databaseUrl, { force });
    console.log('已恢复到 PostgreSQL。如使用最小权限角色，请再执行 scripts/db-roles.sql 授权。');
  } else {
    const p = await restorePglite(folder, config.dataDir, { force, at: new Date() });
    console.log(`已恢复到内嵌数据库 ${config.dataDir}${p.keptAside ? `；原目录已改名保留为 ${p.keptAside}` : ''}。`);
    r = p;
  }
  if (r.ok)
    console.log(
      `校验通过：${r.lists} 个机构的清单摘要与备份时一致；审计日志 ${r.audit.checked} 条，摘要链完整（链头 seq=${r.audit.headSeq}）。`,
    );
  else {
    for (const p of r.problems) console.error(`校验未通过：${p}`);
    process.exitCode = 1;
  }
  for (const n of r.audit.notes) console.log(`注意：${n}`);
} catch (err) {
  console.error(`恢复失败：${err instanceof AppError ? err.message : (err as Error).stack}`);
  process.exitCode = 2;
}
