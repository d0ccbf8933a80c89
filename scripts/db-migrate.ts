// npm run db:migrate — apply the numbered migrations, as the owner role when the application
// connects with least privilege (scripts/db-roles.sql): DATABASE_URL=postgres://qz_owner@…/qz.
// The server also migrates at start; as qz_app it can only start once nothing is pending.
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';

const config = loadConfig();
const h = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const done = await migrate(h.db);
  console.log(done.length ? `已执行数据库迁移：${done.join('、')}` : '数据库已是最新，无需迁移。');
  if (config.databaseUrl)
    console.log(
      '如使用最小权限角色，请再执行 scripts/db-roles.sql（psql -v ON_ERROR_STOP=1 -f scripts/db-roles.sql）。',
    );
} finally {
  await h.close();
}
