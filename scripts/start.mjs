// npm start: install if needed, build the workspace if needed, start with demo data.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ensureDeps, ensureWeb } from './ensure.mjs';

const runtime = JSON.parse(readFileSync(new URL('./server-runtime.json', import.meta.url), 'utf8'));

ensureDeps();
ensureWeb();
const child = spawn(process.execPath, [...runtime.nodeArgs, '--import', 'tsx', 'src/server/main.ts', '--demo', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ...runtime.env, TZ: 'Asia/Shanghai' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
