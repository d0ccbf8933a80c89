// Plain Node (no dependencies): installs packages from the lock file when they are missing and
// builds the workspace when its build is missing or older than its sources. Used by npm start
// and npm test so that a fresh clone needs nothing but Node 20 and npm.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai' } });

export function ensureDeps() {
  if (!existsSync('node_modules/.package-lock.json') || statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs) {
    console.log('› 安装依赖（npm ci）…');
    run('npm ci --no-audit --no-fund');
  }
}

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureWeb() {
  const built = 'dist/web/index.html';
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest('src/web'), statSync('vite.config.ts').mtimeMs)) return;
  console.log('› 构建工作台前端（vite build）…');
  run('npx vite build --logLevel warn');
}
