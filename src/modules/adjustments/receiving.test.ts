// Issue 9.6, §13(五): the receiving body confirms (承接确认, by its lead unit) before a delegated
// power enters its list; nobody else can confirm for it. Through the API on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { loadCurrentList } from '../register/publish.js';
import { at, bodyIdOf, draftApplication, drive, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let scjg: number;
let kdl: number;
let codes: string[];

const namesIn = async (bodyId: number) =>
  (await loadCurrentList(t.db, bodyId)).powers.filter((p) => p.status === 'active').map((p) => p.name);
const versionOf = async (bodyId: number) => (await loadCurrentList(t.db, bodyId)).version;

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-02T09:00:00');
  ({ codes, bodyId: scjg } = await publishFixture(t, '包头市市场监督管理局', [
    power('电梯维保单位备案', 'QT'),
    power('气瓶充装单位备案', 'QT'),
  ]));
  kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
}, 120_000);
afterAll(() => t?.close());

describe('承接确认 (§13(五))', () => {
  let id: number;
  beforeAll(async () => {
    id = await draftApplication(
      t,
      'clerk.scjg',
      { title: '下放“电梯维保单位备案”', kind: 'delegate', receivingBodyId: kdl, takeover: '已完成承接能力评估' },
      [{ targetCode: codes[0] }],
    );
    const a = await drive(t, id, 'receivingConfirm');
    expect(a.openSteps).toEqual(['receivingConfirm']);
  }, 120_000);

  it("waits in the receiving lead unit's inbox, the article named on the step", async () => {
    const inbox = await expectOk(await (await t.login('lead.kdl.scjg')).get('/api/inbox'));
    expect(
      inbox.items.some(
        (n: { adjustmentId: number; step: string }) => n.adjustmentId === id && n.step === 'receivingConfirm',
      ),
    ).toBe(true);
    const a = await expectOk(await (await t.login('lead.kdl.scjg')).get(`/api/adjustments/${id}`));
    expect(a.can).toEqual([{ action: 'complete', step: 'receivingConfirm' }]);
    const step = a.deadlines.find((d: { step: string }) => d.step === 'receivingConfirm');
    expect(step).toMatchObject({
      label: '承接确认',
      roles: ['receiver'],
      citation: expect.stringContaining('第十三条'),
    });
  });

  it('nobody else confirms: the delegating body, the receiving clerk, the offices — nothing changes', async () => {
    const before = { version: await versionOf(kdl) };
    for (const user of ['lead.scjg', 'clerk.scjg', 'clerk.kdl.scjg', 'coord.city', 'gov.city', 'coord.kdl']) {
      const r = await (await t.login(user)).post(`/api/adjustments/${id}/steps/receivingConfirm/complete`, {});
      expect([403, 404], `${user}: ${r.body}`).toContain(r.statusCode);
      if (r.statusCode === 403) expect(r.json().error.code).toBe('FORBIDDEN');
    }
    const a = await expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${id}`));
    expect(a.openSteps).toEqual(['receivingConfirm']);
    expect(a.completedSteps).not.toContain('receivingConfirm');
    expect(await versionOf(kdl)).toBe(before.version);
    expect(await namesIn(kdl)).not.toContain('电梯维保单位备案');
    const rows = await t.db
      .selectFrom('adjustment_step_record')
      .select('id')
      .where('adjustment_id', '=', id)
      .where('step', '=', 'receivingConfirm')
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('the power is absent from the receiving list before confirmation and present, linked both ways, after publication', async () => {
    expect(await namesIn(kdl)).not.toContain('电梯维保单位备案');
    const portalBefore = await t.anon.get(`/bodies/${kdl}`);
    expect(portalBefore.body).not.toContain('电梯维保单位备案');
    const a = await expectOk(
      await (await t.login('lead.kdl.scjg')).post(`/api/adjustments/${id}/steps/receivingConfirm/complete`, {
        note: '已做好承接准备',
      }),
    );
    expect(a.openSteps).toEqual(['publish']);
    const rec = a.history.find((h: { step: string }) => h.step === 'receivingConfirm');
    expect(rec).toMatchObject({ actorRole: 'receiver', reason: '已做好承接准备' });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'role'])
      .where('action', '=', 'adjustment.receivingConfirmed')
      .where('object_id', '=', String(id))
      .execute();
    expect(audit).toEqual([{ action: 'adjustment.receivingConfirmed', role: 'leadUnit' }]);
    // confirmed, not yet published: the list has not switched
    expect(await namesIn(kdl)).not.toContain('电梯维保单位备案');
    const done = await drive(t, id, null);
    expect(done.status).toBe('done');
    const received = (await loadCurrentList(t.db, kdl)).powers.find((p) => p.name === '电梯维保单位备案')!;
    expect(received.code).toBe(done.items[0].resultCode);
    const portal = await t.anon.get(`/bodies/${kdl}`);
    expect(portal.body).toContain(
      `href="/bodies/${kdl}/powers/${received.code}">电梯维保单位备案</a> <span class="muted">（由<a href="/bodies/${scjg}/powers/${codes[0]}">包头市市场监督管理局</a>下放）`,
    );
    const mine = await t.anon.get(`/bodies/${scjg}`);
    expect(mine.body).toContain(`下放至<a href="/bodies/${kdl}/powers/${received.code}">昆都仑区市场监督管理局</a>`);
  }, 120_000);
});
