// The register's own figures (issue 3 item 11): the portal page, search, and the import and
// export of a big list, each beside its anchor. A phase of the run like the extra ones
// (extra/types.ts), named `register` for BENCH_ONLY.
import { join } from 'node:path';
import type { ExtraPhase } from './extra/types.js';
import { benchListPowers, listCells, writeImportFile } from './fixtures.js';
import { mb } from './measure.js';
import {
  CONNECTIONS,
  exportPhase,
  importPhase,
  LONG_QUERIES,
  portalPhase,
  SHORT_QUERIES,
  searchPhase,
} from './phases.js';
import { fixed, ratio, type Row, times } from './report.js';

const LOAD_SECONDS = 5;
const LOAD_ROUNDS = 2;
const SEARCH_REPS = 10;
const MEM_LIMIT_MB = 512;
/** the server's 'memory' answer (bench/server.ts): process.memoryUsage() and PGlite's WebAssembly memory */
type ServerMemory = NodeJS.MemoryUsage & { wasm: number };

export const registerPhase: ExtraPhase = {
  name: 'register',
  title: 'the register: portal, search, import and export beside their anchors',
  async run({ server, data, work, postgres, sizes, log }) {
    const N_ROWS = sizes.rows;
    const t0 = performance.now();
    const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
    const memory: Record<string, ServerMemory> = {};
    const snap = async (at: string) => void (memory[at] = await server.call<ServerMemory>({ cmd: 'memory' }));
    await snap('started');

    log(`  writing the ${N_ROWS.toLocaleString()}-row import file`);
    const importPath = join(work, 'bench-import.xlsx');
    await writeImportFile(importPath, listCells(benchListPowers(data.importBody, N_ROWS), { withCodes: false }));

    log(
      `  portal: ${data.portalBody.name} (${data.portalBody.powers} powers) vs hello-world and the same bytes sent statically, ${CONNECTIONS} connections, ${LOAD_ROUNDS} rounds in turn × ${LOAD_SECONDS} s each (${elapsed()})`,
    );
    const portal = await portalPhase(server, data.portalBody.id, LOAD_SECONDS, LOAD_ROUNDS);

    log(
      `  search: ${LONG_QUERIES.length} + ${SHORT_QUERIES.length} queries × ${SEARCH_REPS}, page vs searchPowersSql (${elapsed()})`,
    );
    const long = await searchPhase(server, LONG_QUERIES, SEARCH_REPS);
    const short = await searchPhase(server, SHORT_QUERIES, SEARCH_REPS);

    log(`  import and export through the app, server RSS sampled (${elapsed()})`);
    await snap('before import');
    const imp = await importPhase(server, data.importBody.id, importPath, N_ROWS);
    log(`  import: ${fixed(imp.ms / 1000)} s (${elapsed()})`);
    await snap('after import');
    const exp = await exportPhase(server, data.exportBody.id, data.exportBody.powers);
    await snap('after export');
    log(`  export: ${fixed(exp.ms / 1000)} s (${elapsed()})`);

    log(`  anchors: exceljs read + COPY, exceljs write (${elapsed()})`);
    const impAnchor = await server.call<{ ms: number; rows: number }>({ cmd: 'importAnchor', path: importPath });
    const expAnchor = await server.call<{ ms: number; bytes: number }>({
      cmd: 'exportAnchor',
      body: data.exportBody,
      rows: N_ROWS,
    });

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
    const atScale = postgres && sizes.powers >= 1_000_000 ? '' : ` (set for 1M on PG)`;
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

    const context = [
      `portal: ${portal.page.requests.toLocaleString()} page requests of ${fixed(portal.page.bytes / Math.max(1, portal.page.requests) / 1024)} KB (${portal.page.non2xx} non-2xx, ${portal.page.errors} errors), ` +
        `${portal.hello.requests.toLocaleString()} hello requests, ${portal.static.requests.toLocaleString()} static; ${CONNECTIONS} connections, ${LOAD_ROUNDS} rounds in turn × ${LOAD_SECONDS} s each`,
      `search: ${long.samples} + ${short.samples} timed requests, one at a time, each followed by the same searchPowersSql in the server; RSS sampled every 20 ms from /proc${imp.hwmReset ? ' plus VmHWM (reset per phase)' : ''}`,
      `server memory (process.memoryUsage, MB: rss / JS heap used / array buffers${postgres ? '' : ' / PGlite WebAssembly memory'}): ${Object.entries(
        memory,
      )
        .map(
          ([k, m]) =>
            `${k} ${fixed(mb(m.rss), 0)}/${fixed(mb(m.heapUsed), 0)}/${fixed(mb(m.arrayBuffers), 0)}${postgres ? '' : `/${fixed(mb(m.wasm), 0)}`}`,
        )
        .join('; ')}`,
      `excel: import file ${fixed(mb(imp.bytes))} MB; export ${fixed(mb(exp.bytes))} MB vs anchor ${fixed(mb(expAnchor.bytes))} MB; anchor COPY'd ${impAnchor.rows.toLocaleString()} rows`,
    ];
    return { rows, context, details: { portal, search: { long, short }, memory, imp, impAnchor, exp, expAnchor } };
  },
};
