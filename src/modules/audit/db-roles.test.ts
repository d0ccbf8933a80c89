// scripts/db-roles.sql against the real PostgreSQL server (least privilege only means something
// there: the embedded PGlite is a file the server's own process owns). A throwaway database and,
// so that a developer's real qz_owner/qz_app are never touched, the script's roles renamed.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { adminUrl } from '../../../test/global-setup.js';
import { connect, type DbHandle } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { recordAudit } from './audit.repo.js';
import { takeAnchor } from './anchor.js';
import { auditKey } from './key.js';
import { verifyAudit } from './verify.js';

const url = process.env.DATABASE_URL;
const tag = `${process.pid}_${Date.now().toString(36)}`;
const OWNER = `qz_owner_${tag}`;
const APP = `qz_app_${tag}`;
const DB = `qz_roles_${tag}`;
const script = () =>
  readFileSync('scripts/db-roles.sql', 'utf8').replaceAll('qz_owner', OWNER).replaceAll('qz_app', APP);
const as = (role: string) => {
  const u = new URL(adminUrl(url!, DB));
  u.username = role;
  return u.toString();
};

describe.skipIf(!url)('least-privilege roles (scripts/db-roles.sql, PostgreSQL)', () => {
  let admin: pg.Client;
  const open: DbHandle[] = [];
  afterAll(async () => {
    for (const h of open) await h.close();
    if (!admin) return;
    await admin.query(`drop database if exists ${DB} with (force)`);
    await admin.query(`drop role if exists ${APP}`);
    await admin.query(`drop role if exists ${OWNER}`);
    await admin.end();
  });

  it('the owner migrates; the application writes and reads audit rows but cannot TRUNCATE, DELETE, UPDATE or ALTER them', async () => {
    admin = new pg.Client({ connectionString: adminUrl(url!) });
    await admin.connect();
    await admin.query(`create database ${DB}`);
    const superuser = new pg.Client({ connectionString: adminUrl(url!, DB) });
    await superuser.connect();
    await superuser.query(script()); // before the first migration
    const owner = await connect({ databaseUrl: as(OWNER) });
    open.push(owner);
    expect((await migrate(owner.db)).length).toBeGreaterThan(10);
    await superuser.query(script()); // and after it
    await superuser.end();

    const app = await connect({ databaseUrl: as(APP) });
    open.push(app);
    expect(await migrate(app.db)).toEqual([]); // the server's start: nothing pending, nothing refused
    await sql`insert into region (code, name, kind, level, path) values ('150200', '包头市', '地级市', 1, '150200')`.execute(
      app.db,
    );
    for (let i = 0; i < 3; i++)
      await app.db.transaction().execute((trx) =>
        recordAudit(trx, {
          actor: null,
          action: 'body.created',
          objectType: 'body',
          objectId: i,
          after: { i },
          at: new Date(Date.UTC(2026, 10, 30, 1, i)),
        }),
      );
    await takeAnchor(app.db, auditKey(), { file: null, at: new Date(Date.UTC(2026, 10, 30, 2)) });
    const before = await app.db.selectFrom('audit_event').selectAll().orderBy('seq').execute();
    expect(before).toHaveLength(3);

    const refused = [
      'truncate audit_event',
      'delete from audit_event',
      "update audit_event set actor_name = 'x'",
      'alter table audit_event disable trigger audit_event_no_update',
      'alter table audit_event disable trigger all',
      'drop trigger audit_event_no_update on audit_event',
      'alter table audit_event add column note text',
      'drop table audit_event',
      'delete from audit_anchor',
      'update audit_anchor set row_count = 0',
      'truncate audit_anchor',
      'truncate session',
      'create table shadow (x int)',
      "insert into kysely_migration (name, timestamp) values ('9999_x', 'now')",
      'create or replace function audit_event_append_only() returns trigger language plpgsql as $$ begin return new; end $$',
    ];
    for (const stmt of refused)
      await expect(sql.raw(stmt).execute(app.db), stmt).rejects.toThrow(/permission denied|must be owner/);
    expect(await app.db.selectFrom('audit_event').selectAll().orderBy('seq').execute()).toEqual(before);
    expect(await app.db.selectFrom('audit_anchor').select('row_count').execute()).toEqual([{ row_count: 3 }]);
    expect(await verifyAudit(app.db, null)).toMatchObject({ ok: true, checked: 3, anchorsChecked: 1 });
    // ordinary business tables stay writable
    await sql`update region set name = '包头市' where code = '150200'`.execute(app.db);
  });
});
