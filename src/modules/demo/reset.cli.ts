// npm run db:reset — wipe the embedded database and write fresh demo data.
import { rmSync, mkdirSync } from 'node:fs';
import { loadConfig } from '../../config.js';
import { connect } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { seedDemo } from './seed.js';
import { retireAnchorFile } from '../audit/anchor.js';
import { prepareAuditKey } from '../audit/startup.js';

const config = loadConfig();
if (config.databaseUrl) {
  console.error('db:reset 只用于内嵌数据库；已设置 DATABASE_URL，拒绝清空外部数据库。');
  process.exit(2);
}
prepareAuditKey(config);
// a new chain: the old anchors describe the database being wiped
const retired = retireAnchorFile(config.auditAnchorFile, new Date());
if (retired) console.log(`› 原审计锚定文件已另存为 ${retired}`);
rmSync(config.dataDir, { recursive: true, force: true });
mkdirSync(config.dataDir, { recursive: true });
const h = await connect({ dataDir: config.dataDir });
await migrate(h.db);
await seedDemo(h.db);
await h.close();
console.log(`已重置内嵌数据库（${config.dataDir}）并写入演示数据。`);
