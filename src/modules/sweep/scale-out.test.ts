// Issue 15.1 acceptance: two application instances on one database — on PostgreSQL each with its
// own connection pool, as two servers behind a balancer would be — share the session (and its
// CSRF token), count the login rate limit together, and run the hourly sweep once: its notices
// reach each recipient once though both instances fire at the same moment.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminUrl } from '../../../test/global-setup.js';
import { QueryLog, setupTestApp, type TestApp } from '../../../test/harness.js';
import { loadConfig } from '../../config.js';
import { connect, type DbHandle } from '../../db/connect.js';
import { DEMO_PASSWORD } from '../demo/users.seed.js';
import { runSweep } from '../adjustments/sweep.js';
import { at, expectOk, power, publishFixture } from '../adjustments/test-fixtures.js';
import { pruneRateLimits } from '../../platform/rate-limit-store.js';
import { buildApp } from '../../server/app.js';
import { runScheduled } from './scheduled.js';

const LIMIT = 6;
let t: TestApp;
let other: DbHandle | null = null;
let a: FastifyInstance;
let b: FastifyInstance;
let c: FastifyInstance;
/** the statements sent to the instance's read-only connection (READ_DATABASE_URL) */
const replicaLog = new QueryLog();
beforeAll(async () => {
  t = await setupTestApp();
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = (await sql<{ d: string }>`select current_database() as d`.execute(t.db)).rows[0]!.d;
    other = await connect({ databaseUrl: adminUrl(url, name) });
  }
  const config = { ...loadConfig({}), loginRateLimitPerMinute: LIMIT, auditAnchorFile: null, trustProxy: ['loopback'] };
  // PGlite admits one process: there the second instance shares its handle (the state is the same database)
  a = await buildApp({ db: t.db, config, clock: t.clock.read });
  b = await buildApp({ db: (other ?? t.handle).db, config, clock: t.clock.read });
  // an instance whose public reads go to a replica: here the same database, seen through a log
  c = await buildApp({ db: t.db, readDb: (other ?? t.handle).db.withPlugin(replicaLog), config, clock: t.clock.read });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await c?.close();
  await other?.close();
  await t.close();
});

const call = (app: FastifyInstance, o: InjectOptions) => app.inject(o);

it('a session made on one instance is valid on the other, its CSRF token too', async () => {
  const login = await call(a, {
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'clerk.scjg', password: DEMO_PASSWORD },
    headers: { 'x-forwarded-for': '198.51.100.1' },
  });
  expect(login.statusCode).toBe(200);
  const cookie = `qz_sid=${login.cookies.find((c) => c.name === 'qz_sid')!.value}`;
  const csrf = login.json().csrfToken as string;
  const me = await call(b, { method: 'GET', url: '/api/session', headers: { cookie } });
  expect(me.statusCode).toBe(200);
  expect(me.json().user.username).toBe('clerk.scjg');
  // a write on B without the token made on A is refused; with it, accepted
  expect(
    (await call(b, { method: 'POST', url: '/api/auth/logout', headers: { cookie }, payload: {} })).statusCode,
  ).toBe(403);
  const out = await call(b, {
    method: 'POST',
    url: '/api/auth/logout',
    headers: { cookie, 'x-csrf-token': csrf },
    payload: {},
  });
  expect(out.statusCode).toBe(200);
  // logged out on B: gone on A
  expect((await call(a, { method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
});

it('the login rate limit counts the attempts made on both instances', async () => {
  const attempt = (app: FastifyInstance) =>
    call(app, {
      method: 'POST',
      url: '/api/auth/login',
      // an unknown account: the counters of an account's lock-out stay out of this
      payload: { username: 'nobody.here', password: 'Wrong-pass1' },
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
  const codes: number[] = [];
  for (let i = 0; i < LIMIT; i++) codes.push((await attempt(i % 2 ? b : a)).statusCode);
  expect(codes.every((c) => c === 401 || c === 400)).toBe(true);
  // LIMIT attempts in all, half on each: the next is refused on either instance
  expect((await attempt(a)).statusCode).toBe(429);
  expect((await attempt(b)).statusCode).toBe(429);
  // another client is not affected
  const fresh = await call(b, {
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'clerk.scjg', password: DEMO_PASSWORD },
    headers: { 'x-forwarded-for': '203.0.113.8' },
  });
  expect(fresh.statusCode).toBe(200);
  // a counter whose window ended a day ago is removed by the hourly run; today's stay
  await sql`insert into rate_limit_hit values ('POST /api/auth/login', '192.0.2.1', 3, now() - interval '2 days')`.execute(
    t.db,
  );
  expect(await pruneRateLimits(t.db)).toBe(1);
  const left = await sql<{ key: string }>`select key from rate_limit_hit`.execute(t.db);
  expect(left.rows.map((r) => r.key)).toContain('203.0.113.7');
  expect(left.rows.map((r) => r.key)).not.toContain('192.0.2.1');
});

it('both instances fire the hourly sweep at once: it runs once and each notice is sent once', async () => {
  at(t, '2026-11-30T09:00:00');
  const doc = await t.db
    .insertInto('legal_document')
    .values({ key: '包头市扩展测试市场管理条例', name: '《包头市扩展测试市场管理条例》', level: '地方性法规' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cites = {
    legalBases: [
      {
        documentId: doc.id,
        documentName: '《包头市扩展测试市场管理条例》',
        level: '地方性法规' as const,
        article: '第八条',
        text: '',
      },
    ],
  };
  await publishFixture(t, '包头市市场监督管理局', [power('集贸市场登记', 'QT', cites)]);
  await expectOk(
    await (await t.login('coord.city')).post('/api/law-changes', {
      legalDocumentId: doc.id,
      changeKind: 'repealed',
      changeDate: '2026-11-27',
    }),
    201,
  );
  const remindersNow = () =>
    t.db.selectFrom('inbox_item').select(['user_id', 'dedupe_key']).where('kind', '=', 'reminder').execute();
  const before = (await remindersNow()).length;
  // three working days before the filing deadline (2026-12-18): the reminders fall due
  const now = new Date('2026-12-15T06:00:00+08:00');
  const [ra, rb] = await Promise.all([
    runScheduled(t.db, 'sweep', '2026-12-14T22', () => runSweep(t.db, now), 'instance-a'),
    runScheduled(
      (other ?? t.handle).db,
      'sweep',
      '2026-12-14T22',
      () => runSweep((other ?? t.handle).db, now),
      'instance-b',
    ),
  ]);
  expect([ra.ran, rb.ran].filter(Boolean)).toHaveLength(1);
  const ran = ra.ran ? ra : rb;
  const skipped = ra.ran ? rb : ra;
  expect(ran.ran && ran.result.reminders).toBeGreaterThanOrEqual(2);
  expect(!skipped.ran && skipped.claimedBy).toBe(ra.ran ? 'instance-a' : 'instance-b');
  const reminders = await remindersNow();
  expect(reminders.length - before).toBeGreaterThanOrEqual(2);
  expect(new Set(reminders.map((r) => `${r.user_id} ${r.dedupe_key}`)).size).toBe(reminders.length);
  // the next hour's slot runs again (on whichever instance), finds nothing new to send
  const next = await runScheduled(
    (other ?? t.handle).db,
    'sweep',
    '2026-12-14T23',
    () => runSweep(t.db, now),
    'instance-b',
  );
  expect(next.ran && next.result.reminders).toBe(0);
  expect((await remindersNow()).length).toBe(reminders.length);
});

it('READ_DATABASE_URL: the public search reads the replica connection, staff reads stay on the primary', async () => {
  const search = await replicaLog.during(() =>
    call(c, { method: 'GET', url: '/api/public/search?q=%E8%AE%B8%E5%8F%AF' }),
  );
  expect(search.length).toBeGreaterThan(0);
  const page = await replicaLog.during(() => call(c, { method: 'GET', url: '/search?q=%E6%A3%80%E6%9F%A5' }));
  expect(page.length).toBeGreaterThan(0);
  const staff = await replicaLog.during(async () => {
    const login = await call(c, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk.scjg', password: DEMO_PASSWORD },
      headers: { 'x-forwarded-for': '198.51.100.9' },
    });
    const cookie = `qz_sid=${login.cookies.find((k) => k.name === 'qz_sid')!.value}`;
    expect((await call(c, { method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
  });
  expect(staff).toEqual([]);
});
