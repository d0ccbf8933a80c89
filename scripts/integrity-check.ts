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
import { MISMATCH_LABELS } from '../src/contract/integrity.js';
import { httpFetcher, injectFetcher, runIntegrityCheck } from '../src/modules/integrity/monitor.js';
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
  const where = url ? `${url}（HTTP）` : '本进程内构建的门户';
  if (!c.served) console.log('注意：网站处于关闭状态，仅比对了清单数据与公布摘要。');
  if (c.ok)
    console.log(
      `一致：${c.bodies} 个机构的现行清单，读取 ${where} ${c.resources} 个页面和文件，用时 ${c.durationMs} 毫秒。`,
    );
  else {
    console.error(`发现 ${c.mismatches.length} 处不一致${c.closedNow ? '，网站已关闭' : '（网站此前已关闭）'}：`);
    for (const m of c.mismatches.slice(0, 50))
      console.error(
        `  ${m.bodyName ?? ''} 第${m.version ?? '—'}版 ${MISMATCH_LABELS[m.kind]} ${m.path ?? ''} 应为 ${m.expected ?? '—'} 实为 ${m.found ?? '—'}`,
      );
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`完整性检查无法完成：${(err as Error).message}`);
  process.exitCode = 2;
} finally {
  await app?.close();
  await h.close();
}
