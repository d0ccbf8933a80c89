// npm start: install if needed, build the workspace if needed, start with demo data.
import { spawn } from 'node:child_process';
import { ensureDeps, ensureWeb } from './ensure.mjs';

ensureDeps();
ensureWeb();
const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--demo', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TZ: 'Asia/Shanghai' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
