// A database from before migration 0014: its unkeyed rows keep verifying, the switch is a marker
// row, and `npm run audit:verify` (a separate process, as the auditor runs it) fails on a
// re-chained or truncated table. On PGlite (a data directory) and PostgreSQL (a throwaway database).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { adminUrl } from '../../../test/global-setup.js';
import { connect, type DbHandle } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { recordAudit, sealLegacyChain } from './audit.repo.js';
import { takeAnchor } from './anchor.js';
import { rechain, untrigger } from './test-fixtures.js';
import { GENESIS, rowDigest, type ChainedFields } from './digest.js';
import { auditKey } from './key.js';
import { verifyAudit } from './verify.js';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** An empty migrated database another process can open too, and the environment that names it. */
async function freshDatabase(): Promise<{ open: () => Promise<DbHandle>; env: NodeJS.ProcessEnv; anchorFile: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'qz-legacy-'));
  const env: NodeJS.ProcessEnv = { ...process.env, AUDIT_ANCHOR_FILE: join(dir, 'audit-anchors.jsonl') };
  let open: () => Promise<DbHandle>;
  if (process.env.DATABASE_URL) {
    const pg = (await import('pg')).default;
    const name = `qz_legacy_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl(process.env.DATABASE_URL) });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = adminUrl(process.env.DATABASE_URL, name);
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    env.DATABASE_URL = url;
    open = () => connect({ databaseUrl: url });
  } else {
    delete env.DATABASE_URL;
    env.DATA_DIR = join(dir, 'pglite');
    open = () => connect({ dataDir: env.DATA_DIR });
  }
  const h = await open();
  await migrate(h.db);
  await h.close();
  return { open, env, anchorFile: env.AUDIT_ANCHOR_FILE! };
}

// node with tsx's loader, as `npm run audit:verify` runs it, without npx's and tsx's own start-up (seconds each)
const verifyCli = (env: NodeJS.ProcessEnv) =>
  run(process.execPath, ['--import', 'tsx', 'src/modules/audit/verify.cli.ts'], { env }).then(
    (r) => ({ code: 0, ...r }),
    (e) => e as { code: number; stdout: string; stderr: string },
  );

const legacyRow = (i: number): ChainedFields => ({
  at: new Date(Date.UTC(2026, 0, 5, 1, i)),
  actor_id: null,
  actor_name: '旧版本',
  role: null,
  body_id: null,
  action: 'body.created',
  object_type: 'body',
  object_id: String(i),
  before: null,
  after: { n: i, 名称: '旧机构' },
  client_ip: null,
});

/** Rows as the release before 0014 wrote them: unkeyed SM3, chain_version 1. */
async function writeLegacyRows(h: DbHandle, n: number) {
  let prev = GENESIS;
  for (let i = 1; i <= n; i++) {
    const r = legacyRow(i);
    const digest = rowDigest(prev, r);
    await h.db
      .insertInto('audit_event')
      .values({ ...r, before: null, after: JSON.stringify(r.after), prev_digest: prev, digest, chain_version: 1 })
      .execute();
    prev = digest;
  }
}

describe('a chain from before the key', () => {
  it('keeps its unkeyed rows verifying, seals them with a marker, and audit:verify fails on a re-chained or truncated table', async () => {
    const f = await freshDatabase();
    let h = await f.open();
    await writeLegacyRows(h, 4);
    expect(await sealLegacyChain(h.db, new Date(Date.UTC(2026, 10, 30, 1)))).toBe(true);
    expect(await sealLegacyChain(h.db, new Date(Date.UTC(2026, 10, 30, 1)))).toBe(false); // once
    for (let i = 0; i < 3; i++)
      await h.db.transaction().execute((trx) =>
        recordAudit(trx, {
          actor: null,
          action: 'body.created',
          objectType: 'body',
          objectId: 100 + i,
          after: { i },
          at: new Date(Date.UTC(2026, 10, 30, 2, i)),
        }),
      );
    const rows = await h.db
      .selectFrom('audit_event')
      .select(['seq', 'action', 'chain_version', 'after'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => Number(r.chain_version))).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    expect(rows[4]).toMatchObject({ action: 'audit.chainKeyed', after: { chainVersion: 2, algorithm: 'HMAC-SM3' } });
    const ok = await verifyAudit(h.db, null);
    expect(ok).toMatchObject({ ok: true, checked: 8, keyedFromSeq: Number(rows[4]!.seq) });
    await takeAnchor(h.db, auditKey(), { file: f.anchorFile, at: new Date(Date.UTC(2026, 10, 30, 3)) });
    await h.close();

    const good = await verifyCli(f.env);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('审计日志完整：已校验 8 条记录');

    // an old (unkeyed) row rewritten and every link after it recomputed with the app's digest
    // function: the marker's MAC, made with the key, no longer fits
    h = await f.open();
    const snapshot = await h.db.selectFrom('audit_event').selectAll().orderBy('seq').execute();
    await untrigger(h.db);
    await h.db.updateTable('audit_event').set({ actor_name: '改写者' }).where('seq', '=', rows[1]!.seq).execute();
    await rechain(h.db, Number(rows[1]!.seq), rowDigest);
    await h.close();
    const rechained = await verifyCli(f.env);
    expect(rechained.code).toBe(1);
    expect(rechained.stderr).toContain(`seq=${rows[4]!.seq}`);

    // put it back as it was, then drop the newest two rows: the anchor file remembers them
    h = await f.open();
    for (const r of snapshot)
      await h.db
        .updateTable('audit_event')
        .set({ actor_name: r.actor_name, prev_digest: r.prev_digest, digest: r.digest, chain_version: r.chain_version })
        .where('seq', '=', r.seq)
        .execute();
    expect((await verifyAudit(h.db, f.anchorFile)).ok).toBe(true);
    await h.db
      .deleteFrom('audit_event')
      .where(
        'seq',
        'in',
        rows.slice(-2).map((r) => r.seq),
      )
      .execute();
    await sql`alter table audit_anchor disable trigger audit_anchor_no_update`.execute(h.db);
    await h.db.deleteFrom('audit_anchor').execute();
    await h.close();
    const truncated = await verifyCli(f.env);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('末尾记录被删除');
    expect(truncated.stderr).toContain('现仅 6 条');
    expect((await readFile(f.anchorFile, 'utf8')).trim().split('\n')).toHaveLength(1);
  }, 300_000); // three runs of the command line on a shared machine

  it('refuses to verify without the key, and says so', async () => {
    const f = await freshDatabase();
    const env = { ...f.env, AUDIT_KEY: '', AUDIT_KEY_FILE: join(tmpdir(), 'qz-no-such-key-file') };
    const r = await verifyCli(env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('审计密钥文件不存在');
  }, 120_000);
});
