// Webhooks (issue 14.3 acceptance: "Webhook delivery is tested against a real HTTP receiver started in
// the test, including a failure and its retry"). A node:http receiver on 127.0.0.1 answers 500 to the
// first delivery; the scheduled sweep (runSweep, as the server and `npm run sweep` run it) delivers,
// records the failure, and retries after the backoff; the receiver verifies the signature, and a
// forged, altered or replayed delivery is refused by the same verify() the consumer manual gives.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { runSweep } from '../adjustments/sweep.js';
import { freshBody, power, publish, type FixtureBody } from '../portal/test-fixtures.js';
import { BACKOFF_MINUTES } from './webhook-delivery.js';
import { SIGNATURE_HEADER, sign, verify } from './signature.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
let t: TestApp;
let coord: Client;
let server: Server;
let url: string;
const received: Received[] = [];
/** the statuses the receiver answers, in order; 200 once they run out */
const answers: number[] = [];
let body: FixtureBody;

beforeAll(async () => {
  t = await setupTestApp();
  coord = await t.login('coord.city');
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = answers.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/qzqd`;
  body = await freshBody(t, '包头市开放数据推送测试局');
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await t.close();
});

const sweep = () => runSweep(t.db, t.clock.now);
// the test clock runs past the session's idle timeout: sign in again before each use
const office = async () => (coord = await t.login('coord.city'));
const deliveries = async (id: number) =>
  (await (await office()).get(`/api/open-data/webhooks/${id}/deliveries`)).json();

describe('registration', () => {
  it('refuses anyone but the city office or system administrator, bad addresses and internal ones; nothing is written', async () => {
    const clerk = await t.login('clerk.scjg');
    const ok = { name: '测试订阅方', url, events: ['list.published'] };
    expect((await clerk.post('/api/open-data/webhooks', ok)).statusCode).toBe(403);
    expect((await (await t.login('coord.kdl')).post('/api/open-data/webhooks', ok)).statusCode).toBe(403);
    for (const bad of [
      'ftp://127.0.0.1/x',
      'http://user:pw@127.0.0.1/',
      'http://10.0.0.8/hook',
      'http://[::ffff:192.168.1.1]/',
    ]) {
      const r = await coord.post('/api/open-data/webhooks', { ...ok, url: bad });
      expect(r.statusCode, bad).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await coord.post('/api/open-data/webhooks', { ...ok, events: [] })).statusCode).toBe(400);
    const n = await t.db
      .selectFrom('webhook_consumer')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });
});

describe('delivery by the sweep, a failure and its retry', () => {
  let id: number;
  let secret: string;

  it('registers a consumer: the secret is shown once, never listed, never audited', async () => {
    const r = await coord.post('/api/open-data/webhooks', {
      name: '包头市数据开放平台',
      url,
      events: ['list.published'],
    });
    expect(r.statusCode).toBe(201);
    ({ secret } = r.json());
    id = r.json().consumer.id;
    expect(secret).toMatch(/^whsec_/);
    const list = await coord.get('/api/open-data/webhooks');
    expect(JSON.stringify(list.json())).not.toContain(secret);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('action', '=', 'webhook.registered')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain(secret);
  });

  it('the first attempt meets a 500: recorded, retried after the backoff, then delivered', async () => {
    t.clock.advanceMinutes(1);
    await publish(t, body, [power(`${body.prefix}-XK-00001-000`, '食品经营许可')], { at: t.clock.now });
    answers.push(500);
    t.clock.advanceMinutes(1);
    const first = await sweep();
    expect(first.afterCommit).toBe(1);
    expect(received).toHaveLength(1);
    let log = await deliveries(id);
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ event: 'list.published', status: 'pending', attempts: 1, lastStatus: 500 });
    expect(log.items[0].nextAttemptAt).toBe(
      new Date(t.clock.now.getTime() + BACKOFF_MINUTES[0] * 60_000).toISOString(),
    );

    // before the backoff has passed, the sweep sends nothing
    expect((await sweep()).afterCommit).toBe(0);
    expect(received).toHaveLength(1);

    t.clock.advanceMinutes(BACKOFF_MINUTES[0]);
    expect((await sweep()).afterCommit).toBe(1);
    expect(received).toHaveLength(2);
    log = await deliveries(id);
    expect(log.items[0]).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastStatus: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(log.items[0].tries.map((x: { statusCode: number }) => x.statusCode)).toEqual([500, 200]);
    expect(log.consumer).toMatchObject({ sent: 1, pending: 0, failed: 0 });

    // delivered once: later sweeps send nothing more
    t.clock.advanceMinutes(60);
    expect((await sweep()).afterCommit).toBe(0);
    expect(received).toHaveLength(2);
  });

  it('the receiver verifies the signature; the retry is the same event with a new timestamp', () => {
    const [a, b] = received as [Received, Received];
    expect(a.headers['x-qzqd-event']).toBe('list.published');
    expect(a.headers['x-qzqd-delivery']).toBe(b.headers['x-qzqd-delivery']);
    expect(JSON.parse(a.body).id).toBe(JSON.parse(b.body).id);
    const at = (h: IncomingHttpHeaders) => new Date(Number(/t=(\d+)/.exec(String(h[SIGNATURE_HEADER]))![1]) * 1000);
    expect(verify(secret, b.body, String(b.headers[SIGNATURE_HEADER]), at(b.headers))).toEqual({ ok: true });
    const payload = JSON.parse(b.body);
    expect(payload.data).toMatchObject({
      body: { id: body.id, name: '包头市开放数据推送测试局' },
      version: 1,
      digestAlgorithm: 'SM3',
      changes: { added: [{ code: `${body.prefix}-XK-00001-000`, name: '食品经营许可' }], removed: [], changed: [] },
    });
    expect(payload.data.links.json).toContain(`/api/public/v1/bodies/${body.id}/list.json?version=1`);
  });

  it('a forged signature, an altered body and a replayed delivery are all detected', () => {
    const b = received[1]!;
    const header = String(b.headers[SIGNATURE_HEADER]);
    const now = new Date(Number(/t=(\d+)/.exec(header)![1]) * 1000);
    // signed with another key
    expect(verify(secret, b.body, sign('whsec_forged', b.body, now), now)).toEqual({ ok: false, reason: 'mismatch' });
    // the body changed on the way (one digit of the version)
    expect(verify(secret, b.body.replace('"version":1', '"version":2'), header, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    // the same delivery replayed ten minutes later
    expect(verify(secret, b.body, header, new Date(now.getTime() + 10 * 60_000))).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verify(secret, b.body, undefined, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verify(secret, b.body, 't=1,v1=zz', now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('a test push is delivered at once and signed the same way', async () => {
    const r = await (await office()).post(`/api/open-data/webhooks/${id}/ping`, {});
    expect(r.statusCode).toBe(200);
    expect(r.json().items[0]).toMatchObject({ event: 'ping', status: 'sent', attempts: 1 });
    const last = received.at(-1)!;
    expect(last.headers['x-qzqd-event']).toBe('ping');
    expect(verify(secret, last.body, String(last.headers[SIGNATURE_HEADER]), t.clock.now).ok).toBe(true);
  });

  it('a receiver that keeps failing is given up after the last backoff', async () => {
    t.clock.advanceMinutes(1);
    await publish(t, body, [power(`${body.prefix}-XK-00001-000`, '食品经营许可（含仅销售预包装食品备案）')], {
      at: t.clock.now,
    });
    answers.push(...Array(BACKOFF_MINUTES.length + 1).fill(503));
    t.clock.advanceMinutes(1);
    await sweep();
    for (const m of BACKOFF_MINUTES) {
      t.clock.advanceMinutes(m);
      await sweep();
    }
    const log = await deliveries(id);
    const d = log.items.find((x: { publication: { version: number } | null }) => x.publication?.version === 2);
    expect(d).toMatchObject({ status: 'failed', attempts: BACKOFF_MINUTES.length + 1, lastStatus: 503 });
    expect(d.tries).toHaveLength(BACKOFF_MINUTES.length + 1);
    // the diff of version 2 travels with it: one power changed, its name
    expect(JSON.parse(received.at(-1)!.body).data.changes.changed).toEqual([
      { code: `${body.prefix}-XK-00001-000`, name: '食品经营许可（含仅销售预包装食品备案）', fields: ['name'] },
    ]);
  });

  it('a disabled consumer receives nothing more', async () => {
    expect((await (await office()).post(`/api/open-data/webhooks/${id}/disable`, {})).json().consumer.active).toBe(
      false,
    );
    t.clock.advanceMinutes(1);
    await publish(t, body, [power(`${body.prefix}-XK-00002-000`, '特种设备使用登记')], { at: t.clock.now });
    const before = received.length;
    t.clock.advanceMinutes(1);
    await sweep();
    expect(received).toHaveLength(before);
    expect((await (await office()).post(`/api/open-data/webhooks/${id}/disable`, {})).statusCode).toBe(409);
  });
});

describe('a consumer of one level', () => {
  it('receives the publications of that level only', async () => {
    const r = await (await office()).post('/api/open-data/webhooks', {
      name: '昆都仑区数据共享平台',
      url: url.replace('/hooks/qzqd', '/level-2'),
      events: ['list.published'],
      regionLevel: 2,
    });
    expect(r.statusCode).toBe(201);
    const county = await freshBody(t, '昆都仑区开放数据推送测试局', '150203');
    t.clock.advanceMinutes(1);
    await publish(t, body, [power(`${body.prefix}-XK-00003-000`, '药品零售经营许可')], { at: t.clock.now });
    await publish(t, county, [power(`${county.prefix}-XK-00001-000`, '小餐饮经营许可')], { at: t.clock.now });
    t.clock.advanceMinutes(1);
    await sweep();
    const mine = received.filter((x) => x.path === '/level-2').map((x) => JSON.parse(x.body).data.body);
    expect(mine).toEqual([
      { id: county.id, name: '昆都仑区开放数据推送测试局', region: { code: '150203', name: '昆都仑区', level: 2 } },
    ]);
  });
});
