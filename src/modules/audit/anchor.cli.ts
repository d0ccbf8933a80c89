// npm run audit:anchor — takes an anchor of the audit chain now (for cron beside a PostgreSQL
// deployment, or before a backup): appends the head to AUDIT_ANCHOR_FILE and publishes the
// day's head on the portal if the day has none yet.
import { loadConfig } from '../../config.js';
import { connect } from '../../db/connect.js';
import { takeAnchor } from './anchor.js';
import { AuditKeyError, auditKey } from './key.js';

const config = loadConfig();
const h = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const a = await takeAnchor(h.db, auditKey(), { file: config.auditAnchorFile, at: new Date() });
  console.log(
    `已锚定审计日志链头：seq=${a.seq}，共 ${a.count} 条，摘要 ${a.digest}${config.auditAnchorFile ? `（写入 ${config.auditAnchorFile}）` : ''}`,
  );
} catch (err) {
  if (!(err instanceof AuditKeyError)) throw err;
  console.error(`无法锚定审计日志：${err.message}`);
  process.exitCode = 2;
} finally {
  await h.close();
}
