// The only file with process side effects: read config, open and migrate the database, seed
// demo data on an empty embedded database, listen, and shut down gracefully.
import { mkdirSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/demo/users.seed.js';
import { demoRequested, prepareData } from '../modules/demo/startup.js';
import { ROLE_LABELS } from '../core/actor.js';
import { buildApp } from './app.js';
import { runSweep } from '../modules/adjustments/sweep.js';
import { hourSlot, runScheduled } from '../modules/sweep/scheduled.js';
import { pruneRateLimits } from '../platform/rate-limit-store.js';
import { prepareAuditKey, startAuditTrail } from '../modules/audit/startup.js';
import { loadContactKey } from '../modules/feedback/contact-crypto.js';
import { injectFetcher, runIntegrityCheck } from '../modules/integrity/monitor.js';

const config = loadConfig();
// 等保2.0 安全审计: the audit chain's key before anything is written (production: none = no start)
const auditKey = prepareAuditKey(config);
// §15 contact details are SM4-encrypted with CONTACT_KEY: production refuses to start without it
loadContactKey();
// demo data only when asked for: `npm start` asks on the embedded database, production never by itself
const demo = demoRequested(process.argv, process.env);
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const handle = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrate(handle.db);
if (demo) console.log('› 演示模式：数据库为空时写入包头市演示数据…');
const state = await prepareData(handle.db, { demo });
// issue 15.1: READ_DATABASE_URL (a streaming replica) answers the public's search; writes stay here
const replica = config.readDatabaseUrl ? await connect({ databaseUrl: config.readDatabaseUrl }) : null;
const deps = { db: handle.db, readDb: replica?.db, config, clock: () => new Date() };
const app = await buildApp(deps, { logger: { level: config.logLevel } });

// §12 deadlines: the daily sweep runs in the server too (the embedded database admits one
// process). It is idempotent, so running it hourly sends each reminder once and catches the
// day's change within the hour; `npm run sweep` does the same from cron against PostgreSQL.
// Several instances on one PostgreSQL: each hour's run is claimed by one of them (issue 15.1).
const SWEEP_EVERY_MS = 60 * 60 * 1000;
async function sweep() {
  try {
    // issue 15.1: once an hour across every instance on the database (scheduled_run, 0091)
    const now = new Date();
    const r = await runScheduled(handle.db, 'sweep', hourSlot(now), async () => {
      await pruneRateLimits(handle.db);
      return runSweep(handle.db, now);
    });
    if (r.ran) app.log.info({ sweep: r.result }, 'deadline sweep');
    else app.log.info({ claimedBy: r.claimedBy }, 'deadline sweep: this hour run by another instance');
  } catch (err) {
    app.log.error({ err }, 'deadline sweep failed');
  }
  // §15 ¶3: on the same timer, the integrity monitor compares what this instance serves with the
  // register; a mismatch closes the portal (src/modules/integrity/monitor.ts)
  try {
    const c = await runIntegrityCheck(deps, injectFetcher(app), 'schedule');
    if (c.ok) app.log.info({ integrity: { bodies: c.bodies, ms: c.durationMs } }, 'integrity check');
    else app.log.error({ integrity: c }, 'integrity check found a mismatch: portal closed');
  } catch (err) {
    app.log.error({ err }, 'integrity check failed');
  }
}
const sweepTimer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
sweepTimer.unref();
const stopAnchors = await startAuditTrail(handle.db, auditKey, config, (err) =>
  app.log.error({ err }, 'audit anchor failed'),
);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  clearInterval(sweepTimer);
  stopAnchors();
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await replica?.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
void sweep();
const base = `http://localhost:${config.port}`;
console.log(`
权责清单管理平台已启动（${handle.kind === 'pglite' ? `内嵌数据库 ${config.dataDir}` : 'PostgreSQL'}）
  公开门户   ${base}/
  工作台     ${base}/app/
  接口文档   ${base}/api/docs
  健康检查   ${base}/healthz
${demo ? `演示账户${config.production ? '（密码见 README）' : `（密码均为 ${DEMO_PASSWORD}）`}：\n${DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(16)} ${a.displayName}  ${a.roles.map((r) => ROLE_LABELS[r]).join('、')}`).join('\n')}` : ''}${state === 'setupNeeded' ? '尚无管理员账户：请运行一次 npm run setup 创建系统管理员、安全管理员、审计管理员（内嵌数据库须先停止本服务）。' : ''}
`);
