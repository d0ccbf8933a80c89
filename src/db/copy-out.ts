// Reading a query's rows as the bytes of PostgreSQL's COPY text format: no row objects, no
// strings on the server's heap, just one buffer a query, which the export worker decodes
// (src/modules/exchange/copy-text.ts). PostgreSQL streams `COPY … TO STDOUT` on a connection
// of its own (pg-copy-streams); PGlite writes `COPY … TO '/dev/blob'` into a Blob, through
// the dialect's one connection (so never inside another request's transaction).
import type pg from 'pg';
import { sql } from 'kysely';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from './connect.js';

type CopyReader = (select: string) => Promise<Buffer>;
const readers = new WeakMap<Database, CopyReader>();

/** connect.ts: how this handle reads COPY output. */
export function registerCopyOut(db: Database, via: { pool: pg.Pool } | { pglite: true }): void {
  readers.set(db, 'pool' in via ? fromPool(via.pool) : fromPglite(db));
}

function fromPool(pool: pg.Pool): CopyReader {
  return async (select) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const parts: Buffer[] = [];
      for await (const part of client.query(copyTo(`copy (${select}) to stdout`)) as AsyncIterable<Buffer>)
        parts.push(part);
      return Buffer.concat(parts);
    } catch (e) {
      broken = e as Error; // a connection left mid-COPY is not given to the next query
      throw e;
    } finally {
      client.release(broken);
    }
  };
}

function fromPglite(db: Database): CopyReader {
  return async (select) => {
    // the dialect answers a COPY to /dev/blob with one row holding the Blob (pglite-dialect.ts)
    const r = await sql<{ blob: Blob }>`${sql.raw(`copy (${select}) to '/dev/blob'`)}`.execute(db);
    const blob = r.rows[0]?.blob;
    return blob ? Buffer.from(await blob.arrayBuffer()) : Buffer.alloc(0);
  };
}

/**
 * The rows of `select` in COPY text format (a line a row, tab between fields, `\N` for null,
 * backslash escapes). COPY takes no parameters: `select` must be built from literals the
 * caller made safe (numbers, `sql.lit`), never from a request's text.
 */
export async function copyOut(db: Database, select: string): Promise<Buffer> {
  const read = readers.get(db);
  if (!read) throw new Error('copyOut: this database handle was not opened by connect()');
  return read(select);
}
