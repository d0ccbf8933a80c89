// npm start: install if needed, build the workspace and the server if needed, start the built
// server (plain Node on dist/server/main.js, no tsx) — with demo data on the
// embedded database (README quick start). With DATABASE_URL or NODE_ENV=production nothing demo
// is written unless asked for (`npm start -- --demo` or SEED_DEMO=true); see `npm run setup`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ensureDeps, ensureServer, ensureWeb } from './ensure.mjs';

const runtime = JSON.parse(readFileSync(new URL('./server-runtime.json', import.meta.url), 'utf8'));

ensureDeps();
ensureWeb();
ensureServer();
const production = !!process.env.DATABASE_URL || process.env.NODE_ENV === 'production';
const child = spawn(
  process.execPath,
  [...runtime.nodeArgs, 'dist/server/main.js', ...(production ? [] : ['--demo']), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, ...runtime.env, TZ: 'Asia/Shanghai' },
  },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
