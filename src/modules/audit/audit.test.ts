import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { verifyAudit } from './verify.js';

let t: TestApp;
beforeAll(async () => (t = await setupTestApp()));
afterAll(() => t.close());

const tableCounts = async () => {
  const out: Record<string, number> = {};
  for (const table of ['region', 'body', 'app_user', 'user_role', 'security_policy'] as const)
    out[table] = Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // a refused attempt is itself audited (issue 9.8): every other audit row counts as a change
  out.audit_event = Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '!=', 'security.refused')
        .executeTakeFirstOrThrow()
    ).n,
  );
  return out;
};

describe('separation of the three admin duties', () => {
  it('refuses the audit trail to the system admin and the security admin', async () => {
    for (const u of ['sysadmin', 'secadmin', 'clerk.scjg', 'coord.city']) {
      const c = await t.login(u);
      expect((await c.get('/api/audit')).statusCode).toBe(403);
      expect((await c.get('/api/audit/verify')).statusCode).toBe(403);
    }
  });

  it('lets the auditor filter the trail by who, what and when', async () => {
    const a = await t.login('auditor');
    const all = (await a.get('/api/audit')).json();
    expect(all.total).toBeGreaterThan(0);
    const logins = (await a.get('/api/audit?action=auth.login&actor=郑红')).json();
    expect(logins.rows.length).toBeGreaterThan(0);
    expect(
      logins.rows.every(
        (r: { action: string; actorName: string }) => r.action === 'auth.login' && r.actorName === '郑红',
      ),
    ).toBe(true);
    expect((await a.get('/api/audit?from=2020-01-01&to=2020-01-02')).json().total).toBe(0);
    expect((await a.get('/api/audit?from=2026/01/01')).statusCode).toBe(400);
  });

  it('refuses the auditor every write the API offers, and nothing changes', async () => {
    const a = await t.login('auditor');
    const spec = (await a.get('/api/openapi.json')).json();
    const writes: [string, string][] = [];
    for (const [path, ops] of Object.entries<Record<string, unknown>>(spec.paths))
      for (const m of Object.keys(ops))
        if (['post', 'put', 'patch', 'delete'].includes(m)) writes.push([m.toUpperCase(), path]);
    expect(writes.length).toBeGreaterThan(5);
    const sysBody = (
      await t.db
        .selectFrom('body')
        .select('id')
        .where('office', '=', 'government')
        .where('region_code', '=', '150200')
        .executeTakeFirstOrThrow()
    ).id;
    const target = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'gov.city').executeTakeFirstOrThrow()
    ).id;
    // a well-formed body for each route, so the refusal is the policy's and not the schema's
    const valid: Record<string, unknown> = {
      '/api/bodies': { regionCode: '150200', name: '包头市审计试验局', kind: '政府工作部门' },
      '/api/bodies/{id}': { name: '改名' + 'x' },
      '/api/users': { username: 'auditmade', displayName: '审计造', homeBodyId: sysBody, password: 'Audit#2026x' },
      '/api/users/{id}': { disabled: true },
      '/api/users/{id}/roles': { bodyId: sysBody, role: 'clerk' },
      '/api/security/policy': {
        passwordMinLength: 8,
        passwordMinClasses: 3,
        maxFailedLogins: 3,
        lockoutMinutes: 60,
        sessionIdleMinutes: 30,
        sessionAbsoluteMinutes: 480,
      },
    };
    // one's own session, password and inbox are personal, not writes to the platform
    const personal = { has: (p: string) => p.startsWith('/api/auth/') || p.startsWith('/api/inbox') };
    const before = await tableCounts();
    const refusedBefore = (
      await t.db.selectFrom('audit_event').select('seq').where('action', '=', 'security.refused').execute()
    ).length;
    let refused = 0;
    for (const [method, path] of writes.filter(([, p]) => !personal.has(p))) {
      const url = path.replace('{id}', String(path.startsWith('/api/bodies') ? sysBody : target));
      const res = await a.request(method as 'POST', url, valid[path] ?? {});
      expect([400, 403, 404], `${method} ${path} → ${res.statusCode}`).toContain(res.statusCode);
      if (valid[path]) expect(res.statusCode, `${method} ${path}`).toBe(403);
      if (res.statusCode !== 400) refused++;
    }
    expect(await tableCounts()).toEqual(before);
    // each refusal (403, or 404 for what is outside the auditor's scope) is one security event
    expect(
      (await t.db.selectFrom('audit_event').select('seq').where('action', '=', 'security.refused').execute()).length -
        refusedBefore,
    ).toBe(refused);
  });
});

describe('the SM3 chain', () => {
  it('verifies an untouched trail, and names the row altered by hand', async () => {
    const c = await t.login('sysadmin');
    await c.post('/api/bodies', { regionCode: '150200', name: '包头市链条测试局', kind: '政府工作部门' });
    expect(await verifyAudit(t.db, null)).toMatchObject({ ok: true });
    const rows = await t.db.selectFrom('audit_event').select('seq').orderBy('seq').execute();
    const victim = Number(rows[Math.floor(rows.length / 2)]!.seq);
    // the append-only trigger refuses a plain UPDATE ...
    await expect(sql`update audit_event set actor_name = '某人' where seq = ${victim}`.execute(t.db)).rejects.toThrow();
    // ... so the tamperer disables it first, as a database administrator could
    await sql`alter table audit_event disable trigger audit_event_no_update`.execute(t.db);
    await sql`update audit_event set actor_name = '某人' where seq = ${victim}`.execute(t.db);
    const r = await verifyAudit(t.db, null);
    expect(r).toMatchObject({ ok: false, firstBadSeq: victim });
    await sql`alter table audit_event enable trigger audit_event_no_update`.execute(t.db);
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on an intact database and non-zero naming the altered row', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { connect } = await import('../../db/connect.js');
    const { migrate } = await import('../../db/migrate.js');
    const { recordAudit } = await import('./audit.repo.js');
    const run = promisify(execFile);
    const env = { ...process.env };
    let url: string | undefined;
    let dir: string | undefined;
    let drop = async () => {};
    if (process.env.DATABASE_URL) {
      const pg = (await import('pg')).default;
      const { adminUrl } = await import('../../../test/global-setup.js');
      const name = `qz_verify_${process.pid}`;
      const admin = new pg.Client({ connectionString: adminUrl(process.env.DATABASE_URL) });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      url = adminUrl(process.env.DATABASE_URL, name);
      drop = async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
      env.DATABASE_URL = url;
    } else {
      dir = await mkdtemp(join(tmpdir(), 'qz-verify-'));
      delete env.DATABASE_URL;
      env.DATA_DIR = dir;
    }
    const h = await connect({ databaseUrl: url, dataDir: dir });
    await migrate(h.db);
    await sql`insert into region (code, name, kind, level, path) values ('150200', '包头市', '地级市', 1, '150200')`.execute(
      h.db,
    );
    for (let i = 0; i < 5; i++)
      await h.db.transaction().execute((trx) =>
        recordAudit(trx, {
          actor: null,
          action: 'body.created',
          objectType: 'body',
          objectId: i,
          after: { n: i, 名称: '测试机构' },
          at: new Date(Date.UTC(2026, 10, 1, 0, i)),
        }),
      );
    await h.close();
    const ok = await run(process.execPath, ['--import', 'tsx', 'src/modules/audit/verify.cli.ts'], { env });
    expect(ok.stdout).toContain('审计日志完整');
    const h2 = await connect({ databaseUrl: url, dataDir: dir });
    await sql`alter table audit_event disable trigger audit_event_no_update`.execute(h2.db);
    await sql`update audit_event set after = '{"n": 99}' where seq = 3`.execute(h2.db);
    await h2.close();
    const bad = await run(process.execPath, ['--import', 'tsx', 'src/modules/audit/verify.cli.ts'], { env }).catch(
      (e) => e,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('seq=3');
    await drop();
  });
});

describe('the auditor reads who, in which role, and on whom (QA, issue 10.5)', () => {
  it('names a user object by name and account, keeps the roles held at sign-in, and says the seed wrote the seeded rows', async () => {
    const sys = await t.login('sysadmin');
    const a = await t.login('auditor');
    const auditor = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'auditor')
      .executeTakeFirstOrThrow();
    expect((await sys.patch(`/api/users/${auditor.id}`, { disabled: true })).statusCode).toBe(202);
    const rows = (await a.get('/api/audit?pageSize=200')).json().rows as Array<Record<string, unknown>>;
    // a sign-in records the roles then held
    const login = rows.find((r) => r.action === 'auth.login' && r.actorName === '周明');
    expect(login?.after).toMatchObject({ rolesHeld: ['sysAdmin'] });
    // a user object is named, read at read time by a join
    const userRows = rows.filter((r) => r.objectType === 'user' && r.objectId === String(auditor.id));
    expect(userRows.length).toBeGreaterThan(0);
    expect(userRows.every((r) => r.objectName === '郑红（auditor）')).toBe(true);
    // seeded rows: no one signed in, no address — written by the system
    const seeded = rows.filter((r) => r.actorId === null && r.clientIp === null);
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.every((r) => r.bySystem === true)).toBe(true);
    expect(rows.filter((r) => r.actorId !== null || r.clientIp !== null).every((r) => r.bySystem === false)).toBe(true);
    // the names are read, not written: the stored rows still say only the object's id
    const stored = await t.db
      .selectFrom('audit_event')
      .select(['object_id', 'after'])
      .where('object_type', '=', 'user')
      .where('object_id', '=', String(auditor.id))
      .execute();
    expect(stored.every((r) => !JSON.stringify(r.after ?? {}).includes('郑红（auditor）'))).toBe(true);
  });
});
