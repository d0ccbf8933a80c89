// The integrity check over real HTTP, run from `npm run sweep` (src/modules/sweep/sweep.cli.ts)
// when INTEGRITY_URL names a running server: cron's sweep then also compares what that server
// serves with the register, as every server does hourly on its own timer (§15 ¶3).
// `npm run integrity:check` (scripts/integrity-check.ts) is the same check on its own.
import { loadConfig } from '../../config.js';
import { connect } from '../../db/connect.js';
import { httpFetcher, runIntegrityCheck } from './monitor.js';
import { reportCheck } from './report.js';

const url = process.env.INTEGRITY_URL;
if (url) {
  const config = loadConfig();
  const h = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const deps = { db: h.db, config: { ...config, auditAnchorFile: null }, clock: () => new Date() };
  try {
    reportCheck(await runIntegrityCheck(deps, httpFetcher(url), 'command'), `${url}（HTTP）`);
  } catch (err) {
    console.error(`完整性检查无法完成：${(err as Error).message}`);
    process.exitCode = 2;
  } finally {
    await h.close();
  }
}
