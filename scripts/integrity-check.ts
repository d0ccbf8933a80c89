// npm run integrity:check — §15 ¶3: compare what the portal serves with the register once, and
// close the portal on a mismatch (src/modules/integrity/monitor.ts). Exit 0: consistent;
// 1: a mismatch (the portal is now closed); 2: the check could not run.
//   npm run integrity:check -- --url http://127.0.0.1:3000   real HTTP to a running server
//                                (or INTEGRITY_URL); the database is read from DATABASE_URL
//   npm run integrity:check                                  no URL: the portal is built in this
//                                process on the configured database and asked through app.inject
// The embedded database (PGlite) admits one process: while the server runs on it, the server's
// own hourly check and the office's 立即检查 (workspace: 网站完整性) do this instead.
// Lives in scripts/ because the in-process portal is the assembled app (src/server/app.ts).
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { httpFetcher, injectFetcher, runIntegrityCheck } from '../src/modules/integrity/monitor.js';
import { reportCheck } from '../src/modules/integrity/report.js';
import { buildApp } from '../src/server/app.js';

const args = process.argv.slice(2);
const at = args.indexOf('--url');
const url = at >= 0 ? args[at + 1] : process.env.INTEGRITY_URL;
const config = loadConfig();
const h = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const deps = { db: h.db, config: { ...config, auditAnchorFile: null }, clock: () => new Date() };
const app = url ? null : await buildApp(deps);
try {
  const c = await runIntegrityCheck(deps, url ? httpFetcher(url) : injectFetcher(app!), 'command');
  reportCheck(c, url ? `${url}（HTTP）` : '本进程内构建的门户');
} catch (err) {
  console.error(`完整性检查无法完成：${(err as Error).message}`);
  process.exitCode = 2;
} finally {
  await app?.close();
  await h.close();
}
