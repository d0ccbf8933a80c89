// The benchmark's own database: a throwaway PostgreSQL database next to DATABASE_URL's (created
// and dropped by the run), or a PGlite data directory in a temp folder. And COPY, the fast way
// to load rows: pg-copy-streams (COPY … FROM STDIN) on PostgreSQL, `COPY … FROM '/dev/blob'`
// with the `blob` query option on PGlite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { connect, type DbHandle } from '../src/db/connect.js';

export interface BenchDbTarget {
  kind: 'pglite' | 'postgres';
  /** postgres: the throwaway database's URL */
  databaseUrl?: string;
  /** pglite: the data directory */
  dataDir?: string;
  /** what the report calls it */
  label: string;
}

export interface BenchDb {
  target: BenchDbTarget;
  drop(): Promise<void>;
}

/** A fresh, empty database for this run (BENCH_KEEP_DB=1: kept afterwards, for a look; remove it yourself). */
export async function createBenchDb(adminUrl: string | undefined): Promise<BenchDb> {
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'qz-bench-pglite-'));
    return {
      target: { kind: 'pglite', dataDir, label: `PGlite（临时目录 ${dataDir}）` },
      drop: async () => {
        if (process.env.BENCH_KEEP_DB) return console.log(`bench: kept the PGlite data directory ${dataDir}`);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `qz_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    target: { kind: 'postgres', databaseUrl, label: `PostgreSQL（临时数据库 ${name}）` },
    drop: async () => {
      if (process.env.BENCH_KEEP_DB) return console.log(`bench: kept ${databaseUrl}`);
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

export const openBenchDb = (t: BenchDbTarget): Promise<DbHandle> =>
  connect(t.kind === 'postgres' ? { databaseUrl: t.databaseUrl } : { dataDir: t.dataDir });

// COPY text format: tab between columns, \N for null, backslash escapes inside values
const ESC = /[\\\t\n\r]/g;
const escapeMap: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
export function copyLine(values: readonly (string | number | null | undefined)[]): string {
  let s = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) s += '\t';
    s +=
      v === null || v === undefined ? '\\N' : typeof v === 'number' ? String(v) : v.replace(ESC, (c) => escapeMap[c]!);
  }
  return s + '\n';
}

/** Lines in, one COPY (or, on PGlite, one COPY per ~8 MB blob) out. */
export interface CopyWriter {
  write(line: string): Promise<void>;
  end(): Promise<number>;
}

const BLOB_BYTES = 8 * 1024 * 1024;

export async function openCopy(
  h: DbHandle,
  target: BenchDbTarget,
  table: string,
  columns: readonly string[],
): Promise<CopyWriter> {
  const stmt = `copy ${table} (${columns.join(', ')}) from`;
  let rows = 0;
  if (h.kind === 'pglite') {
    let parts: string[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!parts.length) return;
      const blob = new Blob(parts);
      parts = [];
      bytes = 0;
      await h.pglite!.query(`${stmt} '/dev/blob'`, [], { blob });
    };
    return {
      async write(line) {
        parts.push(line);
        rows++;
        bytes += line.length * 3;
        if (bytes >= BLOB_BYTES) await flush();
      },
      async end() {
        await flush();
        return rows;
      },
    };
  }
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  await client.query('set synchronous_commit = off');
  const stream = client.query(copyFrom(`${stmt} stdin`));
  let buf = '';
  const push = async () => {
    const chunk = buf;
    buf = '';
    // COPY's back-pressure paces the producer
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    async write(line) {
      buf += line;
      rows++;
      if (buf.length >= 64 * 1024) await push();
    },
    async end() {
      try {
        if (buf) await push();
        stream.end();
        await finished(stream);
      } finally {
        await client.end();
      }
      return rows;
    },
  };
}

/** The columns of `power` a bench COPYs, search columns included (load.ts, extra/publish-ops.ts). */
export const POWER_COPY_COLUMNS = [
  'body_id',
  'code',
  'parent_code',
  'name',
  'category',
  'responsible_subject',
  'implementing_agency',
  'legal_bases',
  'responsibilities',
  'accountability_cases',
  'accountability_basis',
  'remarks',
  'status',
  'predecessor_codes',
  'links',
  'ord',
  'valid_from',
  'valid_to',
  'search_text',
  'search_grams',
] as const;

/** A PostgreSQL text[] literal (COPY's text format escapes it once more, in copyLine). */
export const textArray = (xs: readonly string[]) =>
  `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
