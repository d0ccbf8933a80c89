// npm test: install if needed, build the workspace (the browser tests use it), run every test.
import { spawnSync } from 'node:child_process';
import { ensureDeps, ensureWeb } from './ensure.mjs';

ensureDeps();
ensureWeb();
const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TZ: 'Asia/Shanghai' },
});
process.exit(r.status ?? 1);
