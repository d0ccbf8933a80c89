// npm run test:reliability — the start of issue 15.3's suite: crash. A child process publishing
// one body's list in a loop (publish-worker.ts, the register's own publishVersion) is killed with
// SIGKILL at a random moment, RELIABILITY_CRASHES times (default 20) on PostgreSQL and
// RELIABILITY_PGLITE_CRASHES (default 5) on PGlite; after each kill the database must hold no
// partial publication, every checked version's SM3 digest must equal its rows and the audit
// chain must verify (checks.ts). Prints one table: tried, times, held.
// PostgreSQL needs DATABASE_URL (a server where it may create and drop a scratch database
// qz_rel_*); without it only PGlite runs (a temporary data directory).
// Bounded: about RELIABILITY_CRASHES × 10 s. Not yet: import and sweep crashes, PGlite, the HTTP
// server as the killed process, concurrency, load, fuzz, the authorisation matrix.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { DEFAULT_RULEBOOK_ID } from '../../src/core/rulebook/index.js';
import { connect } from '../../src/db/connect.js';
import { migrate } from '../../src/db/migrate.js';
import { normalizePower } from '../../src/modules/register/power-rows.js';
import { issueCodes, publishVersion } from '../../src/modules/register/publish.js';
import { seedDemo } from '../../src/modules/demo/seed.js';
import { CITY_CODE } from '../../src/seed/index.js';
import { benchListPowers } from '../../bench/fixtures.js';
import { checkAfterCrash } from './checks.js';

const url = process.env.DATABASE_URL;
delete process.env.DATABASE_URL; // the workers are told their database; production mode comes from NODE_ENV
const adminUrl = (u: string, database = 'postgres') =>
  Object.assign(new URL(u), { pathname: `/${database}` }).toString();
const CRASHES = Number(process.env.RELIABILITY_CRASHES ?? 20);
const PGLITE_CRASHES = Number(process.env.RELIABILITY_PGLITE_CRASHES ?? 5);
const ROWS = Number(process.env.RELIABILITY_ROWS ?? 1000);
process.env.AUDIT_KEY ??= randomBytes(32).toString('hex');
process.env.CONTACT_KEY ??= randomBytes(32).toString('hex');

type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };
const open = (t: Target) => connect(t.kind === 'postgres' ? { databaseUrl: t.url } : { dataDir: t.dir });
const rows: { tried: string; times: number; held: string }[] = [];
let failed = 0;

/** A seeded database with a body whose 1,000-row list is published as version 1. */
async function prepare(t: Target): Promise<number> {
  const handle = await open(t);
  try {
    const db = handle.db;
    await migrate(db);
    await seedDemo(db);
    const max = await sql<{ seq: number }>`select max(seq) as seq from body where region_code = ${CITY_CODE}`.execute(
      db,
    );
    const seq = (max.rows[0]?.seq ?? 0) + 1;
    const body = await db
      .insertInto('body')
      .values({
        region_code: CITY_CODE,
        name: '包头市可靠性测试局',
        short_name: null,
        kind: '政府工作部门',
        office: null,
        seq,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const powers = [...benchListPowers({ regionCode: CITY_CODE, seq, name: '' }, ROWS)].map((p) =>
      normalizePower({ ...p, legalBases: p.legalBases.map((c) => ({ ...c, documentId: undefined })) }),
    );
    await db.transaction().execute(async (trx) => {
      await issueCodes(
        trx,
        body.id,
        powers.map((p) => p.code),
      );
      await publishVersion(trx, {
        bodyId: body.id,
        powers: powers as never,
        source: { type: 'compilation', id: 0 },
        rulebookId: DEFAULT_RULEBOOK_ID,
        actor: null,
        at: new Date(),
      });
    });
    return body.id;
  } finally {
    await handle.close();
  }
}

async function crashes(t: Target, times: number, label: string) {
  const bodyId = await prepare(t);
  const key = Buffer.from(process.env.AUDIT_KEY!, 'utf8');
  let committed = 0;
  let held = 0;
  for (let i = 0; i < times; i++) {
    const where = t.kind === 'postgres' ? t.url : t.dir;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/reliability/publish-worker.ts', t.kind, where, String(bodyId)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: process.env,
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    const ready = new Promise<void>((r) => child.stdout.on('data', () => out.includes('ready') && r()));
    await Promise.race([ready, exited]);
    // a random moment after the worker has opened the database: inside a publication most of the time
    // (PGlite publishes several times slower: a wider window, so some kills land between versions)
    await new Promise((r) => setTimeout(r, Math.random() * (t.kind === 'pglite' ? 20_000 : 6000)));
    child.kill('SIGKILL');
    await exited;
    committed += (out.match(/published/g) ?? []).length;
    // PostgreSQL rolls the killed backend's transaction back; PGlite recovers from its WAL on opening
    const handle = await open(t);
    try {
      const { version, bad } = await checkAfterCrash(handle.db, bodyId, key);
      if (bad.length) console.error(`${label} crash ${i + 1}: ${bad.join('; ')}`);
      else held++;
      process.stdout.write(
        `  ${label} crash ${i + 1}/${times}: version ${version}, ${bad.length ? bad.join('; ') : 'held'}\n`,
      );
    } finally {
      await handle.close();
    }
  }
  rows.push({
    tried: `kill -9 of a process publishing a ${ROWS.toLocaleString()}-row list (${label}); ${committed} versions committed between kills`,
    times,
    held: `${held}/${times}: no partial version, digests equal their rows, audit chain verifies, the database opens`,
  });
  failed += times - held;
}

if (url && CRASHES > 0) {
  const name = `qz_rel_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    await crashes({ kind: 'postgres', url: adminUrl(url, name) }, CRASHES, 'PostgreSQL');
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
if (PGLITE_CRASHES > 0) {
  const dir = await mkdtemp(join(tmpdir(), 'qz-rel-'));
  try {
    await crashes({ kind: 'pglite', dir }, PGLITE_CRASHES, 'PGlite');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
console.log('\nreliability');
console.log('| tried | times | held |\n| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.tried} | ${r.times} | ${r.held} |`);
process.exit(failed ? 1 : 0);
