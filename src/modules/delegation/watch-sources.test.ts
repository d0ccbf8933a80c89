// Issue 13.6–13.7 on a real database. The watch's other sources (§13.5 明放暗不放): after a 下放
// is published, an exercise record of the delegated power by the delegating body and a complaint
// about it each become one finding with the delegation, once, however often the sweep runs. The
// chain (§13.5 管理层级): a power delegated 市 → 旗县区 → 街道 shows its whole chain on each
// body's power page, who holds it now, since when, by which decision, and who held it on a date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { EXERCISE_COLUMNS } from '../../contract/exercise.js';
import { multipart } from '../exchange/test-fixtures.js';
import {
  at,
  bodyIdOf,
  draftApplication,
  drive,
  expectOk,
  power,
  publishFixture,
} from '../adjustments/test-fixtures.js';
import { watchComplaints, watchExercise } from './watch-sources.js';

let t: TestApp;
let id: number;
let code: string;
let scjg: number;
const SCJG = '包头市市场监督管理局';
const sweep = () =>
  t.db
    .transaction()
    .execute(async (trx) => (await watchExercise(trx, t.clock.now)) + (await watchComplaints(trx, t.clock.now)));
const findings = async () =>
  (await expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${id}/delegation`))).findings;

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-10-09T09:00:00');
  code = (await publishFixture(t, SCJG, [power('特种设备安装改造维修告知', 'XK')])).codes[0]!;
  scjg = await bodyIdOf(t, SCJG);
  at(t, '2026-11-02T09:00:00');
  const kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
  id = await draftApplication(
    t,
    'clerk.scjg',
    { title: '下放“特种设备安装改造维修告知”', kind: 'delegate', receivingBodyId: kdl, takeover: '区局已具备承接条件' },
    [{ targetCode: code }],
  );
  expect((await drive(t, id, null)).status).toBe('done');
  at(t, '2026-12-01T09:00:00');
}, 180_000);
afterAll(() => t?.close());

describe('明放暗不放: exercise records and complaints (§13.5)', () => {
  it('nothing heard, nothing found', async () => {
    expect(await sweep()).toBe(0);
    expect(await findings()).toEqual([]);
  });

  it('an exercise record of the delegated power by the delegating body is a finding, once', async () => {
    const csv = `${EXERCISE_COLUMNS.map((c) => c.header).join(',')}\r\nSJ-2026-1201,${SCJG},${code},,2026-11-20,准予\r\n`;
    const m = multipart(Buffer.from(csv, 'utf8'), 'records.csv', 'text/csv');
    const res = await (await t.login('coord.city')).request('POST', '/api/exercise/imports/csv', m.payload, m.headers);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ flaggedCount: 1 });
    const supervisionBefore = await t.db.selectFrom('finding').select('id').execute();
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const f = await findings();
    expect(f).toMatchObject([{ kind: 'disguisedRetention', source: 'exercise' }]);
    expect(f[0].detail).toContain('仍办理该事项1件');
    // the import opened the supervision finding for this fact; the watch does not open a second
    expect((await t.db.selectFrom('finding').select('id').execute()).length).toBe(supervisionBefore.length);
  });

  it('a complaint about the delegating body on the delegated power is a finding, once', async () => {
    const r = await (await t.login('coord.city')).post('/api/feedback', {
      channel: 'phone',
      kind: 'complaint',
      bodyId: scjg,
      powerCode: code,
      content: '该事项已下放到区里，但市局仍要求企业先到市局备案后才能办理。',
    });
    expect(r.statusCode).toBe(200);
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const f = await findings();
    expect(f.map((x: { source: string }) => x.source)).toEqual(['exercise', 'complaint']);
    const inbox = await expectOk(await (await t.login('coord.city')).get('/api/inbox'));
    expect(JSON.stringify(inbox)).toContain('督查线索');
  });
});

describe('the chain across levels (§13.5 管理层级, issue 13.7)', () => {
  let kdlCode: string;
  let street: { id: number; name: string };
  beforeAll(async () => {
    const kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
    kdlCode = (
      await t.db
        .selectFrom('power')
        .select('code')
        .where('body_id', '=', kdl)
        .where('valid_to', 'is', null)
        .where('name', '=', '特种设备安装改造维修告知')
        .executeTakeFirstOrThrow()
    ).code;
    street = await t.db
      .selectFrom('body as b')
      .innerJoin('region as r', 'r.code', 'b.region_code')
      .select(['b.id', 'b.name'])
      .where('b.kind', '=', '街道办事处')
      .where('r.path', 'like', '150200/150203/%')
      .orderBy('b.id')
      .executeTakeFirstOrThrow();
    // the street office confirms through a lead unit of its own (none among the demo accounts)
    const u = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'lead.swj')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('user_role').values({ user_id: u.id, role: 'leadUnit', body_id: street.id }).execute();
    const KDL = {
      clerk: 'clerk.kdl.scjg',
      leadUnit: 'lead.kdl.scjg',
      coordinator: 'coord.kdl',
      legalReviewer: 'legal.kdl',
      approver: 'gov.kdl',
      receiver: 'lead.swj',
    };
    const onward = await draftApplication(
      t,
      'clerk.kdl.scjg',
      {
        title: '下放“特种设备安装改造维修告知”至街道',
        kind: 'delegate',
        receivingBodyId: street.id,
        takeover: '街道已配备专职人员',
      },
      [{ targetCode: kdlCode }],
    );
    expect((await drive(t, onward, null, KDL)).status).toBe('done');
  }, 180_000);

  it("each body's power page opens the whole chain; the holder now is the street office", async () => {
    const first = await t.anon.get(`/bodies/${scjg}/powers/${code}/chain`);
    expect(first.statusCode).toBe(200);
    const middle = await t.anon.get(`/bodies/${await bodyIdOf(t, '昆都仑区市场监督管理局')}/powers/${kdlCode}/chain`);
    for (const page of [first.body, middle.body]) {
      expect(page).toContain(SCJG);
      expect(page).toContain('昆都仑区市场监督管理局');
      expect(page).toContain(street.name);
      expect(page).toContain('包府发〔2026〕');
      expect(page.indexOf(SCJG)).toBeLessThan(page.lastIndexOf(street.name));
    }
    expect(/现由谁行使<\/h2>\s*<p><a [^>]+>([^<]+)</.exec(first.body)?.[1]).toBe(street.name);
    const power = await t.anon.get(`/bodies/${scjg}/powers/${code}`);
    expect(power.body).toContain(`/bodies/${scjg}/powers/${code}/chain`);
  });

  it('who held it on a date; bad dates are refused, unknown powers are 404', async () => {
    const on = async (d: string) =>
      /(该事项由|该事项尚未)<a [^>]*>([^<]+)</.exec(
        (await t.anon.get(`/bodies/${scjg}/powers/${code}/chain?on=${d}`)).body,
      )?.[2] ?? 'none';
    expect(await on('2026-10-20')).toBe(SCJG);
    expect(await on('2026-11-25')).toBe('昆都仑区市场监督管理局');
    expect(await on(new Date(t.clock.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10))).toBe(street.name);
    expect((await t.anon.get(`/bodies/${scjg}/powers/${code}/chain?on=2026-13`)).statusCode).toBe(400);
    expect((await t.anon.get(`/bodies/${scjg}/powers/NOPE/chain`)).statusCode).toBe(404);
  });
});
