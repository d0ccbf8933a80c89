// The server under test, in a child process of the run (so that its resident memory is its
// own and can be read from /proc): the whole app from buildApp, plus the hello-world anchor
// route on the same Fastify instance (so it passes the same hooks), listening on 127.0.0.1
// port 0. Over IPC it also runs what needs the same database handle — with PGlite the data
// directory can be open in one process only: the bare search SQL and the two Excel anchors.
import { loadConfig } from '../src/config.js';
import { parseQuery } from '../src/modules/search/query.js';
import { searchPowersSql } from '../src/modules/search/search.repo.js';
import { buildApp } from '../src/server/app.js';
import { exportAnchor, importAnchor } from './anchors.js';
import { SERVER_OPS } from './extra/server-ops.js';
import { openBenchDb, type BenchDbTarget } from './db.js';
import { benchListPowers, listCells } from './fixtures.js';
import { HELLO_PATH, STATIC_PATH, type Command } from './protocol.js';

const target = JSON.parse(process.env.QZ_BENCH_TARGET!) as BenchDbTarget;
const handle = await openBenchDb(target);
const config = { ...loadConfig({ ...process.env, DATABASE_URL: target.databaseUrl ?? '' }), logLevel: 'silent' };
const app = await buildApp({ db: handle.db, config, clock: () => new Date() }, { logger: false });
app.get(HELLO_PATH, { schema: { hide: true } }, async () => 'hello world');
let staticPage: { body: Buffer; encoding: string | undefined } = { body: Buffer.from(''), encoding: undefined };
app.get(STATIC_PATH, { schema: { hide: true } }, async (_req, reply) => {
  if (staticPage.encoding) reply.header('content-encoding', staticPage.encoding);
  return reply.type('text/html; charset=utf-8').send(staticPage.body);
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

async function run(c: Command): Promise<unknown> {
  switch (c.cmd) {
    case 'bareSearch': {
      // the time of searchPowersSql alone, for the query the run has just sent over HTTP
      const terms = parseQuery(c.q);
      const t0 = performance.now();
      await searchPowersSql(handle.db, { terms, page: 1, pageSize: c.pageSize });
      return performance.now() - t0;
    }
    case 'importAnchor':
      return importAnchor(handle, target, c.path);
    case 'exportAnchor': {
      const rows = listCells(benchListPowers(c.body, c.rows), { withCodes: true }); // not timed
      return exportAnchor(rows);
    }
    case 'snapshotPage': {
      // the bytes a browser gets: asked with the same accept-encoding as the load
      const r = await app.inject({ url: c.path, headers: { 'accept-encoding': c.acceptEncoding } });
      const encoding = r.headers['content-encoding'];
      staticPage = { body: r.rawPayload, encoding: typeof encoding === 'string' ? encoding : undefined };
      return staticPage.body.length;
    }
    case 'memory': {
      // PGlite's WebAssembly memory (part of rss; it grows and never shrinks): a private field,
      // read only here, for the report
      const heap = (handle.pglite as unknown as { mod?: { HEAPU8?: Uint8Array } } | undefined)?.mod?.HEAPU8;
      return { ...process.memoryUsage(), wasm: heap?.byteLength ?? 0 };
    }
    case 'extra': {
      const op = SERVER_OPS[c.phase]?.[c.op];
      if (!op) throw new Error(`no server operation ${c.phase}.${c.op} (bench/extra/server-ops.ts)`);
      return op({ handle, app, target }, c.args);
    }
    case 'stop':
      await app.close();
      await handle.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (m: { id: number } & Command) => {
  run(m).then(
    (result) => process.send!({ id: m.id, result }),
    (e: Error) => process.send!({ id: m.id, error: `${e.message}\n${e.stack ?? ''}` }),
  );
});
process.send!({ ready: true, port, pid: process.pid });
