// Issue 14.5 acceptance: backup → drop → restore gives the same list digests and an intact audit
// chain — on PGlite (a data directory in a temp folder) in the PGlite run, on PostgreSQL (a
// database of its own, dropped after) in the PostgreSQL run.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminUrl } from '../../../test/global-setup.js';
import { connect } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.repo.js';
import { newFolder } from './folder.js';
import { listDigests } from './manifest.js';
import { backupPglite, restorePglite } from './pglite.js';
import { backupPostgres, restorePostgres } from './postgres.js';

const url = process.env.DATABASE_URL;
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const at = new Date('2026-12-07T03:00:00Z');

/** One more keyed audit row, so the chain has a head of this test's own. */
async function touch(db: Awaited<ReturnType<typeof connect>>['db']) {
  await db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, { actor: null, action: 'portal.reopened', objectType: 'test', objectId: 'backup', at }),
    );
}

describe.skipIf(!!url)('backup and restore of the embedded database (PGlite)', () => {
  it('backup → drop → restore: the same list digests, an intact audit chain', async () => {
    const root = await mkdtemp(join(tmpdir(), 'qz-backup-'));
    dirs.push(root);
    const dataDir = join(root, 'pglite');
    const seeded = await connect({ dataDir, loadDataDir: new Blob([await readFile(inject('pgliteTemplate'))]) });
    await touch(seeded.db);
    const before = await listDigests(seeded.db);
    const folder = newFolder(join(root, 'backups'), 'pglite', at);
    // while a process holds the embedded database, no second one opens it
    await expect(backupPglite(dataDir, folder, at)).rejects.toThrow('postmaster.pid');
    await seeded.close();

    const m = await backupPglite(dataDir, folder, at);
    expect(m.lists).toEqual(before);
    expect(m.lists.length).toBeGreaterThan(100);

    await rm(dataDir, { recursive: true }); // the drop
    const r = await restorePglite(folder, dataDir, { force: false, at });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.audit).toMatchObject({ ok: true, headSeq: m.audit.seq, headDigest: m.audit.digest });

    const restored = await connect({ dataDir });
    expect(await listDigests(restored.db)).toEqual(before);
    await restored.close();
    // a directory that holds a database is not overwritten without --force
    await expect(restorePglite(folder, dataDir, { force: false, at })).rejects.toThrow('--force');
  }, 120_000);
});

describe.skipIf(!url)('backup and restore of PostgreSQL (pg_dump / pg_restore)', () => {
  it('backup → drop → restore: the same list digests, an intact audit chain', async () => {
    const name = `qz_backup_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const dbUrl = adminUrl(url!, name);
    const admin = new pg.Client({ connectionString: adminUrl(url!) });
    await admin.connect();
    const root = await mkdtemp(join(tmpdir(), 'qz-backup-'));
    dirs.push(root);
    try {
      await admin.query(`create database ${name} template ${inject('pgTemplateDb')}`);
      const h = await connect({ databaseUrl: dbUrl });
      await touch(h.db);
      const before = await listDigests(h.db);
      await h.close();

      const folder = newFolder(root, 'postgres', at);
      const m = await backupPostgres(dbUrl, folder, at);
      expect(m.lists).toEqual(before);

      await admin.query(`drop database ${name} with (force)`); // the drop
      const r = await restorePostgres(folder, dbUrl, { force: false });
      expect(r.problems).toEqual([]);
      expect(r.audit).toMatchObject({ ok: true, headSeq: m.audit.seq, headDigest: m.audit.digest });
      const again = await connect({ databaseUrl: dbUrl });
      expect(await listDigests(again.db)).toEqual(before);
      await again.close();
      await expect(restorePostgres(folder, dbUrl, { force: false })).rejects.toThrow('--force');
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 180_000);
});
