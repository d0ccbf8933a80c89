// Issue 13.6, the watch's other sources (§13.5 明放暗不放), on a real database: after a 下放 is
// published, an exercise record of the delegated power by the delegating body and a complaint
// about it each become one finding with the delegation, once, however often the sweep runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { EXERCISE_COLUMNS } from '../../contract/exercise.js';
import { multipart } from '../exchange/test-fixtures.js';
import { at, bodyIdOf, draftApplication, drive, expectOk, power, publishFixture } from '../adjustments/test-fixtures.js';
import { watchComplaints, watchExercise } from './watch-sources.js';

let t: TestApp;
let id: number;
let code: string;
let scjg: number;
const SCJG = '包头市市场监督管理局';
const sweep = () =>
  t.db.transaction().execute(async (trx) => (await watchExercise(trx, t.clock.now)) + (await watchComplaints(trx, t.clock.now)));
const findings = async () => (await expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${id}/delegation`))).findings;

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-02T09:00:00');
  ({ codes: [code] } = (await publishFixture(t, SCJG, [power('特种设备安装改造维修告知', 'XK')])) as { codes: [string] });
  scjg = await bodyIdOf(t, SCJG);
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
