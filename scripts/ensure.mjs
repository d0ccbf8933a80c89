// Plain Node (no dependencies): installs packages from the lock file when they are missing and
// builds the workspace and the server when their build is missing or older than their sources.
// Used by npm start and npm test so that a fresh clone needs nothing but Node 20 and npm.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, SERVER_STAMP } from './build-server.mjs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai' } });

export function ensureDeps() {
  if (
    !existsSync('node_modules/.package-lock.json') ||
    statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs
  ) {
    console.log('› 安装依赖（npm ci）…');
    run('npm ci --no-audit --no-fund');
  }
}

/** the newest modification time under dir, skipping what `skip` says (a path) */
function newest(dir, skip = () => false) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (skip(p)) continue;
    // a folder's own time moves when a file in it is removed or renamed
    t = Math.max(t, statSync(p).mtimeMs, e.isDirectory() ? newest(p, skip) : 0);
  }
  return t;
}

export function ensureWeb() {
  const built = 'dist/web/index.html';
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest('src/web'), statSync('vite.config.ts').mtimeMs))
    return;
  console.log('› 构建工作台前端（vite build）…');
  run('npx vite build --logLevel warn');
}

/** The server's sources: src/ but the workspace and the tests (tsconfig.build.json). */
const notServer = (p) => p === join('src', 'web') || p.endsWith('.test.ts');

export function ensureServer() {
  const sources = Math.max(
    newest('src', notServer),
    ...['tsconfig.json', 'tsconfig.build.json', 'scripts/build-server.mjs'].map((f) => statSync(f).mtimeMs),
  );
  if (existsSync(SERVER_STAMP) && statSync(SERVER_STAMP).mtimeMs >= sources) return;
  console.log('› 构建服务端（tsc -p tsconfig.build.json）…');
  buildServer();
}
