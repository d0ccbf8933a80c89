// One place that opens the database: PGlite (file-backed, embedded) when DATABASE_URL is
// unset, PostgreSQL through `pg` when it is set. Both speak the same SQL.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { registerCopyOut } from './copy-out.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

// int8 (counts, audit seq) as JS numbers: our values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// DATE columns are calendar dates (Beijing), not instants: keep them as 'YYYY-MM-DD' strings so
// no time zone can shift them. The same for PGlite below.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v) => v);

export type Database = Kysely<DB>;

export interface DbHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string;
  /** PGlite data directory; undefined = in memory */
  dataDir?: string;
  /** PGlite: start from a dumped data directory (tests clone a migrated template) */
  loadDataDir?: Blob;
}

/**
 * PGlite runs inside this process, so its buffer pool is our memory: 32 MB instead of
 * PostgreSQL's 128 MB keeps the embedded server under its 512 MB budget (docs/BENCHMARKS.md).
 * Pages it does not hold are one read away in the operating system's file cache.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=32MB'];

export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  return PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { pg_trgm },
    parsers: { [DATE_OID]: (v: string) => v },
    // added to PGlite's own start parameters (postgresqlconf would replace initdb's whole file)
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
  });
}

export async function connect(opts: ConnectOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // an idle connection dropped by the server (restart, DROP DATABASE … FORCE) must not crash
    // the process: the pool discards it and opens a new one on the next query
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    registerCopyOut(db, { pool });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const pglite = await openPglite(opts);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  registerCopyOut(db, { pglite: true });
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}
