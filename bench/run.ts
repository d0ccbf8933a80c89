// npm run bench — the register benchmark (issue 3 item 11). Builds the province-scale data set
// (1,000,000 powers over ~1,200 bodies on PostgreSQL when DATABASE_URL is set, in a throwaway
// database; 100,000 on PGlite in a temp data directory), starts the app in a child process and
// measures each figure beside an anchor measured in the same run on the same machine. Prints
// one table and writes it, with the details, to bench/out/. docs/BENCHMARKS.md explains it.
// Sizes can be lowered for a quick try: BENCH_POWERS, BENCH_BODIES, BENCH_ROWS (import/export);
// BENCH_ONLY=name,… runs only the named phases (register.ts, extra/phases.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerChild } from './child.js';
import { createBenchDb, openBenchDb } from './db.js';
import { EXTRA_PHASES } from './extra/phases.js';
import type { ExtraPhase, PhaseResult } from './extra/types.js';
import { loadScaleData } from './load.js';
import { registerPhase } from './register.js';
import { fixed, formatTable, type Row } from './report.js';

const pgUrl = process.env.DATABASE_URL || undefined;
// the throwaway bench database's audit chain needs a key like any other (the child inherits it)
process.env.AUDIT_KEY ??= 'bench-audit-key-0123456789abcdef0123456789abcdef';
const num = (v: string | undefined, d: number) => (v ? Number(v) : d);
const N_POWERS = num(process.env.BENCH_POWERS, pgUrl ? 1_000_000 : 100_000);
const N_BODIES = num(process.env.BENCH_BODIES, 1_200);
const N_ROWS = num(process.env.BENCH_ROWS, 100_000);
// BENCH_ONLY=register,… runs only the named phases (each phase's name is in its file)
const only = process.env.BENCH_ONLY?.split(',')
  .map((x) => x.trim())
  .filter(Boolean);
const phases: ExtraPhase[] = [registerPhase, ...EXTRA_PHASES].filter((p) => !only || only.includes(p.name));

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
  log(`1/${phases.length + 1} loading the data set into ${bench.target.label}`);
  const h = await openBenchDb(bench.target);
  const data = await loadScaleData(h, bench.target, N_POWERS, N_BODIES, N_ROWS, log);
  await h.close();

  server = await startServer(bench.target);
  const results: Record<string, PhaseResult> = {};
  for (const [i, phase] of phases.entries()) {
    log(`${i + 2}/${phases.length + 1} ${phase.name}: ${phase.title} (${elapsed()})`);
    results[phase.name] = await phase.run({
      server,
      target: bench.target,
      data,
      work,
      postgres: Boolean(pgUrl),
      sizes: { powers: N_POWERS, bodies: N_BODIES, rows: N_ROWS },
      log,
    });
  }
  await server.stop();
  server = null;

  const rows: Row[] = Object.values(results).flatMap((r) => r.rows);
  const table = formatTable(rows);
  const context = [
    `database: ${pgUrl ? 'PostgreSQL (throwaway database)' : 'PGlite (temp data directory, in the server process)'}`,
    `data set: ${(data.powers - data.exportBody.powers).toLocaleString()} current scale powers + the export body's ${data.exportBody.powers.toLocaleString()}-row version 1 (closed by its version 2), ` +
      `${data.bodies.toLocaleString()} bodies, ${data.versions.toLocaleString()} published versions, ${data.documents} legal documents; loaded in ${fixed(data.seconds)} s`,
    `machine: ${machine.cpus} CPUs, ${machine.memGiB.toFixed(1)} GiB (${machine.freeGiB.toFixed(1)} free at start), node ${machine.node}; ` +
      `load average at start ${machine.loadStart}, at end ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}${busy ? ' (busy: other work shared the cores)' : ''}`,
    ...Object.values(results).flatMap((r) => r.context),
    `phases: ${phases.map((p) => p.name).join(', ')}${only ? ' (BENCH_ONLY)' : ''}`,
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
        phases: Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r.details ?? null])),
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
