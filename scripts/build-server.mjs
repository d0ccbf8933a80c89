// npm run build (with the workspace) and npm start (when the build is missing or older than its
// sources): the server as plain JavaScript in dist/, mirroring src/ (src/server/main.ts ->
// dist/server/main.js; tsconfig.build.json says why), then the files it reads at run time beside
// the code that reads them: the SQL migrations. Fails on a type error. Plain Node, no dependencies
// but TypeScript's compiler from node_modules.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** what the server build writes: dist/ minus the workspace (vite's dist/web) */
export const SERVER_STAMP = 'dist/.server-build';
/** non-TypeScript files the server reads from beside its code (src/db/migrate.ts) */
const ASSETS = ['db/migrations'];

export function buildServer() {
  const started = new Date();
  // a clean build: no compiled file outlives its source
  for (const e of readdirSync('src', { withFileTypes: true })) {
    if (e.name === 'web') continue;
    const out = join('dist', e.isDirectory() ? e.name : e.name.replace(/\.ts$/, '.js'));
    rmSync(out, { recursive: true, force: true });
    rmSync(`${out}.map`, { force: true });
  }
  rmSync(SERVER_STAMP, { force: true });
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  for (const dir of ASSETS) {
    mkdirSync(join('dist', dir), { recursive: true });
    cpSync(join('src', dir), join('dist', dir), { recursive: true, filter: (f) => !f.endsWith('.ts') });
  }
  if (!existsSync('dist/server/main.js')) throw new Error('构建后缺少 dist/server/main.js');
  // stamped with the build's start: a source saved while tsc ran is newer, so the next start rebuilds
  writeFileSync(SERVER_STAMP, `${started.toISOString()}\n`);
  utimesSync(SERVER_STAMP, started, started);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = Date.now();
  buildServer();
  console.log(`› 服务端已构建到 dist/（${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
}
