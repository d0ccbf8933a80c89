// npm run sweep — the daily deadline sweep; safe to run more than once a day (cron or systemd timer).
import { loadConfig } from '../../config.js';
import { connect } from '../../db/connect.js';
import { runSweep } from './sweep.js';

const config = loadConfig();
const h = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const r = await runSweep(h.db, new Date());
  console.log(
    `期限巡查（${r.date}）：检查 ${r.checked} 件调整申请，发送到期提醒 ${r.reminders} 条、逾期通知 ${r.overdue} 条，新认定漏报 ${r.missing} 件，更新暂定期限 ${r.refreshedDeadlines} 件；提交后的推送尝试 ${r.afterCommit} 次（开放数据 Webhook）。`,
  );
} finally {
  await h.close();
}
