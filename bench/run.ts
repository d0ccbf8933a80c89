// npm run bench — the register benchmark (issue 3 item 11). Builds the province-scale data set
// (1,000,000 powers over ~1,200 bodies on PostgreSQL when DATABASE_URL is set, in a throwaway
// database; 100,000 on PGlite in a temp data directory), starts the app in a child process and
// measures each figure beside an anchor measured in the same run on the same machine. Prints
// one table and writes it, with the details, to bench/out/. docs/BENCHMARKS.md explains it.
// Sizes can be lowered for a quick try: BENCH_POWERS, BENCH_BODIES, BENCH_ROWS (import/export).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerChild } from './child.js';
import { createBenchDb, openBenchDb } from './db.js';
import { benchListPowers, listCells, writeImportFile } from './fixtures.js';
import { loadScaleData } from './load.js';
import { mb } from './measure.js';
import {
  exportPhase,
  importPhase,
  LONG_QUERIES,
  portalPhase,
  searchPhase,
  SHORT_QUERIES,
  CONNECTIONS,
} from './phases.js';
import { fixed, formatTable, ratio, times, type Row } from './report.js';

const pgUrl = process.env.DATABASE_URL || undefined;
// the throwaway bench database's audit chain needs a key like any other (the child inherits it)
process.env.AUDIT_KEY ??= 'bench-audit-key-0123456789abcdef0123456789abcdef';
const num = (v: string | undefined, d: number) => (v ? Number(v) : d);
const N_POWERS = num(process.env.BENCH_POWERS, pgUrl ? 1_000_000 : 100_000);
const N_BODIES = num(process.env.BENCH_BODIES, 1_200);
const N_ROWS = num(process.env.BENCH_ROWS, 100_000);
const LOAD_SECONDS = 5;
const LOAD_ROUNDS = 2;
const SEARCH_REPS = 10;
const MEM_LIMIT_MB = 512;
/** the server's 'memory' answer (bench/server.ts): process.memoryUsage() and PGlite's WebAssembly memory */
type ServerMemory = NodeJS.MemoryUsage & { wasm: number };

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
const log = (s: string) => console.log(s);
// what code was measured: the commit, and whether the work tree differed from it under src/
const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
};
const dirty = git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).length;
const code = `${git('rev-parse', '--short', 'HEAD') || 'unknown commit'}${dirty ? ` + ${dirty} uncommitted change(s) under src/` : ''}`;
const machine = {
  cpus: availableParallelism(),
  memGiB: totalmem() / 1024 ** 3,
  freeGiB: freemem() / 1024 ** 3,
  node: process.version,
  loadStart: loadavg()
    .map((x) => x.toFixed(2))
    .join(' '),
};
log(
  `bench: ${pgUrl ? 'PostgreSQL' : 'PGlite'}, ${N_POWERS.toLocaleString()} powers over ${N_BODIES.toLocaleString()} bodies, ${N_ROWS.toLocaleString()}-row import/export; ` +
    `${machine.cpus} CPUs, ${machine.memGiB.toFixed(1)} GiB, node ${machine.node}, load average ${machine.loadStart}`,
);

// other work on the machine shares its cores with the server, the load generator and the
// database: the ratios hold up better than the absolute times, but both get noisier
const busy = loadavg()[0]! > machine.cpus;
if (busy)
  log(
    `warning: the machine is busy (load average ${machine.loadStart} on ${machine.cpus} CPUs): the run takes longer and the figures are noisier`,
  );

const bench = await createBenchDb(pgUrl);
const work = join(tmpdir(), `qz-bench-${process.pid}`);
mkdirSync(work, { recursive: true });
let server: ServerChild | null = null;
// Ctrl-C: the throwaway database and the temp files go too
process.once('SIGINT', () => {
  log('interrupted: cleaning up');
  void Promise.resolve(server?.stop())
    .catch(() => {})
    .then(() => bench.drop())
    .finally(() => {
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
});
try {
  log(`1/6 loading the data set into ${bench.target.label}`);
  const h = await openBenchDb(bench.target);
  const data = await loadScaleData(h, bench.target, N_POWERS, N_BODIES, N_ROWS, log);
  await h.close();

  log(`2/6 writing the ${N_ROWS.toLocaleString()}-row import file (${elapsed()})`);
  const importPath = join(work, 'bench-import.xlsx');
  await writeImportFile(importPath, listCells(benchListPowers(data.importBody, N_ROWS), { withCodes: false }));

  log(
    `3/6 portal: ${data.portalBody.name} (${data.portalBody.powers} powers) vs hello-world and the same bytes sent statically, ${CONNECTIONS} connections, ${LOAD_ROUNDS} rounds in turn × ${LOAD_SECONDS} s each (${elapsed()})`,
  );
  server = await startServer(bench.target);
  const memory: Record<string, ServerMemory> = {};
  const snap = async (at: string) => void (memory[at] = await server!.call<ServerMemory>({ cmd: 'memory' }));
  await snap('started');
  const portal = await portalPhase(server, data.portalBody.id, LOAD_SECONDS, LOAD_ROUNDS);

  log(
    `4/6 search: ${LONG_QUERIES.length} + ${SHORT_QUERIES.length} queries × ${SEARCH_REPS}, page vs searchPowersSql (${elapsed()})`,
  );
  const long = await searchPhase(server, LONG_QUERIES, SEARCH_REPS);
  const short = await searchPhase(server, SHORT_QUERIES, SEARCH_REPS);

  log(`5/6 import and export through the app, server RSS sampled (${elapsed()})`);
  await snap('before import');
  const imp = await importPhase(server, data.importBody.id, importPath, N_ROWS);
  log(`  import: ${fixed(imp.ms / 1000)} s (${elapsed()})`);
  await snap('after import');
  const exp = await exportPhase(server, data.exportBody.id, data.exportBody.powers);
  await snap('after export');
  log(`  export: ${fixed(exp.ms / 1000)} s (${elapsed()})`);

  log(`6/6 anchors: exceljs read + COPY, exceljs write (${elapsed()})`);
  const impAnchor = await server.call<{ ms: number; rows: number }>({ cmd: 'importAnchor', path: importPath });
  const expAnchor = await server.call<{ ms: number; bytes: number }>({
    cmd: 'exportAnchor',
    body: data.exportBody,
    rows: N_ROWS,
  });
  await server.stop();
  server = null;

  const rows: Row[] = [];
  const pageRatio = ratio(portal.page.reqPerSec, portal.hello.reqPerSec);
  rows.push({
    figure: 'portal body page, req/s',
    value: fixed(portal.page.reqPerSec, 0),
    anchor: `${fixed(portal.hello.reqPerSec, 0)} (hello)`,
    ratio: times(pageRatio),
    target: '≥ 0.50×',
    pass: pageRatio >= 0.5 && portal.page.non2xx === 0 && portal.page.errors === 0,
  });
  rows.push({
    figure: 'same bytes sent statically, req/s',
    value: fixed(portal.static.reqPerSec, 0),
    anchor: `${fixed(portal.hello.reqPerSec, 0)} (hello)`,
    ratio: times(ratio(portal.static.reqPerSec, portal.hello.reqPerSec)),
    target: '— (diagnostic)',
    pass: null,
  });
  rows.push({
    figure: 'portal body page, p99 ms',
    value: fixed(portal.page.p99Ms, 0),
    anchor: `${fixed(portal.hello.p99Ms, 0)} (hello)`,
    ratio: times(ratio(portal.page.p99Ms, portal.hello.p99Ms)),
    target: '—',
    pass: null,
  });
  const atScale = pgUrl && N_POWERS >= 1_000_000 ? '' : ` (set for 1M on PG)`;
  for (const [label, f] of [
    ['3+ chars', long],
    ['1–2 chars', short],
  ] as const) {
    const r = ratio(f.httpP95, f.bareP95);
    rows.push({
      figure: `search p95 ms, ${label}`,
      value: fixed(f.httpP95),
      anchor: `${fixed(f.bareP95)} (SQL)`,
      ratio: times(r),
      target: `≤ 2×, < 50 ms${atScale}`,
      pass: r <= 2 && f.httpP95 < 50,
    });
  }
  const ir = ratio(imp.ms, impAnchor.ms);
  rows.push({
    figure: `import ${N_ROWS.toLocaleString()} rows, s`,
    value: fixed(imp.ms / 1000),
    anchor: `${fixed(impAnchor.ms / 1000)} (read+COPY)`,
    ratio: times(ir),
    target: '≤ 3×',
    pass: ir <= 3,
  });
  const er = ratio(exp.ms, expAnchor.ms);
  rows.push({
    figure: `export ${data.exportBody.powers.toLocaleString()} rows, s`,
    value: fixed(exp.ms / 1000),
    anchor: `${fixed(expAnchor.ms / 1000)} (write)`,
    ratio: times(er),
    target: '≤ 1.5×',
    pass: er <= 1.5,
  });
  for (const [label, f] of [
    ['import', imp],
    ['export', exp],
  ] as const) {
    rows.push({
      figure: `server peak RSS, ${label}, MB`,
      value: fixed(mb(f.rssPeak), 0),
      anchor: `${fixed(mb(f.rssStart), 0)} (before)`,
      ratio: times(ratio(f.rssPeak, f.rssStart)),
      target: `< ${MEM_LIMIT_MB} MB`,
      pass: mb(f.rssPeak) < MEM_LIMIT_MB,
    });
  }

  const table = formatTable(rows);
  const context = [
    `database: ${pgUrl ? 'PostgreSQL (throwaway database)' : 'PGlite (temp data directory, in the server process)'}`,
    `data set: ${(data.powers - data.exportBody.powers).toLocaleString()} current scale powers + the export body's ${data.exportBody.powers.toLocaleString()}-row version 1 (closed by its version 2), ` +
      `${data.bodies.toLocaleString()} bodies, ${data.versions.toLocaleString()} published versions, ${data.documents} legal documents; loaded in ${fixed(data.seconds)} s`,
    `machine: ${machine.cpus} CPUs, ${machine.memGiB.toFixed(1)} GiB (${machine.freeGiB.toFixed(1)} free at start), node ${machine.node}; ` +
      `load average at start ${machine.loadStart}, at end ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}${busy ? ' (busy: other work shared the cores)' : ''}`,
    `portal: ${portal.page.requests.toLocaleString()} page requests of ${fixed(portal.page.bytes / Math.max(1, portal.page.requests) / 1024)} KB (${portal.page.non2xx} non-2xx, ${portal.page.errors} errors), ` +
      `${portal.hello.requests.toLocaleString()} hello requests, ${portal.static.requests.toLocaleString()} static; ${CONNECTIONS} connections, ${LOAD_ROUNDS} rounds in turn × ${LOAD_SECONDS} s each`,
    `search: ${long.samples} + ${short.samples} timed requests, one at a time, each followed by the same searchPowersSql in the server; RSS sampled every 20 ms from /proc${imp.hwmReset ? ' plus VmHWM (reset per phase)' : ''}`,
    `server memory (process.memoryUsage, MB: rss / JS heap used / array buffers${pgUrl ? '' : ' / PGlite WebAssembly memory'}): ${Object.entries(
      memory,
    )
      .map(
        ([k, m]) =>
          `${k} ${fixed(mb(m.rss), 0)}/${fixed(mb(m.heapUsed), 0)}/${fixed(mb(m.arrayBuffers), 0)}${pgUrl ? '' : `/${fixed(mb(m.wasm), 0)}`}`,
      )
      .join('; ')}`,
    `excel: import file ${fixed(mb(imp.bytes))} MB; export ${fixed(mb(exp.bytes))} MB vs anchor ${fixed(mb(expAnchor.bytes))} MB; anchor COPY'd ${impAnchor.rows.toLocaleString()} rows`,
    `code: ${code}; total run time ${elapsed()}`,
  ];
  const out = `${table}\n\n${context.join('\n')}\n`;
  log(`\n${out}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = new URL('./out/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const name = `bench-${pgUrl ? 'postgres' : 'pglite'}-${stamp}`;
  writeFileSync(new URL(`${name}.txt`, dir), out);
  writeFileSync(
    new URL(`${name}.json`, dir),
    JSON.stringify(
      {
        code,
        machine,
        sizes: { N_POWERS, N_BODIES, N_ROWS },
        data,
        portal,
        search: { long, short },
        memory,
        imp,
        impAnchor,
        exp,
        expAnchor,
        rows,
      },
      null,
      2,
    ),
  );
  log(`written to bench/out/${name}.txt and .json`);
} finally {
  if (server) await server.stop().catch(() => {});
  rmSync(work, { recursive: true, force: true });
  await bench.drop();
}
