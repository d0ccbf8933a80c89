// Issue 14.4 acceptance (§15 ¶3): a served page's data altered outside the platform (SQL with the
// append-only trigger disabled) is found by the check, which closes the portal: every public route
// answers 503 with the notice and the reason, staff pages keep working; the office reopens it with
// a reason; both events are in the audit trail.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { isPublicPath } from './closure.js';
import { injectFetcher, runIntegrityCheck } from './monitor.js';

let t: TestApp;
let office: Client;
let body: { id: number; name: string; version: number; digest: string };

beforeAll(async () => {
  t = await setupTestApp();
  office = await t.login('coord.city');
  const r = await t.anon.get('/api/public/bodies');
  body = r.json().items.find((b: { name: string }) => b.name === '包头市市场监督管理局');
});
afterAll(() => t.close());

const auditRows = (action: string) =>
  t.db
    .selectFrom('audit_event')
    .select(['action', 'actor_name', 'after', 'before'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

describe('what counts as public (deny by default)', () => {
  it('closes the portal, its open data and paths nobody routed yet; leaves the staff side open', () => {
    for (const p of ['/', '/bodies/1', '/search', '/integrity', '/api/public/bodies', '/feeds/city.atom', '/x'])
      expect(isPublicPath(p), p).toBe(true);
    for (const p of ['/api/session', '/api/integrity', '/app', '/app/lists', '/healthz', '/portal.css'])
      expect(isPublicPath(p), p).toBe(false);
  });
});

describe('the integrity guard', () => {
  it('pages and data files carry the publication digest; the monitor finds the portal as published', async () => {
    const page = await t.anon.get(`/bodies/${body.id}`);
    expect(page.headers['x-publication-digest']).toBe(`sm3:${body.digest}`);
    expect(page.body).toContain(body.digest);
    const csv = await t.anon.get(`/api/public/bodies/${body.id}/list.csv`);
    expect(csv.headers['x-publication-digest']).toBe(`sm3:${body.digest}`);

    const run = await office.post('/api/integrity/checks');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ ok: true, served: true, mismatches: [] });
    expect(run.json().resources).toBe(2 * run.json().bodies);

    const verify = await t.anon.get(`/integrity?digest=sm3:${body.digest}`);
    expect(verify.statusCode).toBe(200);
    expect(verify.body).toContain(body.name);
    expect(verify.body).toContain('一致：该版本的清单数据现仍与此摘要相符');
    expect((await t.anon.get('/integrity?digest=abc')).body).toContain('摘要格式不正确');
  });

  it('only the city office runs the check, closes and reopens', async () => {
    const clerk = await t.login('clerk.scjg');
    expect((await clerk.post('/api/integrity/checks')).statusCode).toBe(403);
    expect((await clerk.post('/api/integrity/close', { reason: '试图关闭网站' })).statusCode).toBe(403);
    expect((await clerk.get('/api/integrity')).statusCode).toBe(403);
    const district = await t.login('coord.kdl');
    expect((await district.post('/api/integrity/close', { reason: '试图关闭网站' })).statusCode).toBe(403);
    expect((await office.post('/api/integrity/close', { reason: '' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.anon.get('/')).statusCode).toBe(200);
  });

  it('a row changed outside the platform closes the portal with 503 and the reason; the office reopens it', async () => {
    const power = await t.db
      .selectFrom('power')
      .select(['id', 'name'])
      .where('body_id', '=', body.id)
      .where('valid_to', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // tampering with the database directly: the append-only trigger disabled, a name rewritten
    await sql`alter table power disable trigger power_immutable`.execute(t.db);
    await sql`update power set name = ${`${power.name}（已篡改）`} where id = ${power.id}`.execute(t.db);
    await sql`alter table power enable trigger power_immutable`.execute(t.db);

    const run = (await office.post('/api/integrity/checks')).json();
    expect(run.ok).toBe(false);
    const kinds = new Set(run.mismatches.map((m: { kind: string }) => m.kind));
    expect(kinds.has('register')).toBe(true);
    expect(kinds.has('json')).toBe(true);
    expect(run.mismatches.every((m: { bodyId: number }) => m.bodyId === body.id)).toBe(true);

    // every public route: 503, the notice and the reason
    for (const path of ['/', `/bodies/${body.id}`, '/search?q=许可', '/integrity', '/no-such-page']) {
      const res = await t.anon.get(path);
      expect(res.statusCode, path).toBe(503);
      expect(res.body).toContain('网站暂时关闭');
      expect(res.body).toContain('第十五条');
      expect(res.body).toContain(`涉及${body.name}`);
    }
    const api = await t.anon.get('/api/public/bodies');
    expect(api.statusCode).toBe(503);
    expect(api.json().error).toMatchObject({ code: 'PORTAL_CLOSED' });
    expect(api.json().error.message).toContain('完整性监测发现');
    // staff pages keep working
    expect((await office.get('/api/session')).statusCode).toBe(200);
    expect((await t.anon.get('/healthz')).statusCode).toBe(200);
    const status = (await office.get('/api/integrity')).json();
    expect(status.closed).toBe(true);
    expect(status.closure).toMatchObject({ source: 'monitor', closedBy: null });
    expect(status.checks[0].ok).toBe(false);

    // while closed, a check compares the register only (nothing is served) and closes nothing twice
    const again = (await office.post('/api/integrity/checks')).json();
    expect(again).toMatchObject({ ok: false, served: false, resources: 0 });
    expect(await auditRows('portal.closed')).toHaveLength(1);

    // the office reopens, with its reason
    expect((await office.post('/api/integrity/reopen', { reason: '' })).statusCode).toBe(400);
    const reopened = await office.post('/api/integrity/reopen', { reason: '已核查并恢复被篡改的数据' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await t.anon.get('/')).statusCode).toBe(200);
    expect((await office.post('/api/integrity/reopen', { reason: '再次开放' })).statusCode).toBe(409);

    const closed = await auditRows('portal.closed');
    expect(closed[0]).toMatchObject({ actor_name: null });
    expect(JSON.stringify(closed[0]!.after)).toContain('register');
    // (the data put right again, outside the platform as it was broken)
    await sql`alter table power disable trigger power_immutable`.execute(t.db);
    await sql`update power set name = ${power.name} where id = ${power.id}`.execute(t.db);
    await sql`alter table power enable trigger power_immutable`.execute(t.db);
    const reopenedRows = await auditRows('portal.reopened');
    expect(reopenedRows).toHaveLength(1);
    expect(reopenedRows[0]).toMatchObject({ after: { reopenReason: '已核查并恢复被篡改的数据' } });
  });

  it('the office closes by command, with a reason the notice shows', async () => {
    const res = await office.post('/api/integrity/close', { reason: '发现网站首页内容异常，正在核查' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await office.post('/api/integrity/close', { reason: '再关一次' })).statusCode).toBe(409);
    const page = await t.anon.get('/regions/150200');
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('发现网站首页内容异常，正在核查');
    expect((await office.post('/api/integrity/reopen', { reason: '核查完毕，内容正常' })).statusCode).toBe(200);
    expect((await t.anon.get('/regions/150200')).statusCode).toBe(200);
    const rows = await auditRows('portal.closed');
    expect(rows.at(-1)).toMatchObject({ after: { source: 'office', reason: '发现网站首页内容异常，正在核查' } });
  });
});

describe('a publication during a run', () => {
  it('is not taken for tampering: findings about a body whose version moved on are dropped', async () => {
    const real = injectFetcher(t.app);
    let raced = false;
    const fetcher = async (path: string) => {
      const res = await real(path);
      if (path !== `/api/public/bodies/${body.id}/list.json` || raced) return res;
      raced = true;
      // the office publishes (here: a version with the same content) while the run reads the body
      await sql`insert into power_list_version (body_id, version, published_at, effective_date, digest, power_count, source_type, rulebook_id)
        select body_id, version + 1, published_at, effective_date, digest, power_count, source_type, rulebook_id
        from power_list_version where body_id = ${body.id} and version = ${body.version}`.execute(t.db);
      // and the file read was already the new version's
      return { ...res, body: res.body.replace(body.digest, '0'.repeat(64)) };
    };
    const run = await runIntegrityCheck({ db: t.db, config: {} as never, clock: t.clock.read }, fetcher, 'office');
    expect(raced).toBe(true);
    expect(run).toMatchObject({ ok: true, mismatches: [], closedNow: false });
    expect((await t.anon.get('/')).statusCode).toBe(200);
  });
});
