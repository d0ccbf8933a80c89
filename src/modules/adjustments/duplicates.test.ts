// Issue 9.6, §13(五): a delegated power the receiving body already lists (same name and category)
// must be resolved in the application before it is filed or confirmed; an entrusted power is
// modified, cancelled or taken back (收回委托, §13.3) through an application. API, real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { loadCurrentList } from '../register/publish.js';
import { at, bodyIdOf, draftApplication, drive, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let scjg: number;
let kdl: number;
let codes: string[];
let theirs: string[];

const listOf = async (bodyId: number) => (await loadCurrentList(t.db, bodyId)).powers;
const named = async (bodyId: number, name: string) =>
  (await listOf(bodyId)).filter((p) => p.name === name && p.status === 'active');
const appOf = async (id: number) => expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${id}`));

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-02T09:00:00');
  ({ codes, bodyId: scjg } = await publishFixture(t, '包头市市场监督管理局', [
    power('气瓶充装单位备案', 'QT'),
    power('移动式压力容器充装备案', 'QT'),
    power('广告发布登记', 'QT'),
    power('计量标准考核', 'QT'),
    power('仪器仪表备案', 'QT'),
  ]));
  kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
  ({ codes: theirs } = await publishFixture(t, '昆都仑区市场监督管理局', [
    power('气瓶充装单位备案', 'QT', { responsibleSubject: '昆都仑区市场监督管理局' }),
  ]));
}, 120_000);
afterAll(() => t?.close());

describe('a power of the same name and category in the receiving list', () => {
  let id: number;
  it('is shown and refuses filing until resolved; nothing changes', async () => {
    id = await draftApplication(
      t,
      'clerk.scjg',
      { title: '下放“气瓶充装单位备案”', kind: 'delegate', receivingBodyId: kdl, takeover: '已评估' },
      [{ targetCode: codes[0] }],
    );
    const a = await appOf(id);
    expect(a.duplicates).toMatchObject([{ ord: 0, targetCode: codes[0], existingCode: theirs[0], resolution: null }]);
    const clerk = await t.login('clerk.scjg');
    const r = await clerk.post(`/api/adjustments/${id}/steps/draft/complete`, {});
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('DUPLICATE_UNRESOLVED');
    expect(r.json().error.message).toContain(theirs[0]);
    expect((await appOf(id)).openSteps).toEqual(['draft']);
  });

  it('is decided by the applicant clerk while drafting — not by the receiving body then, and 两项并存 needs a reason', async () => {
    const lead = await t.login('lead.kdl.scjg');
    const early = await lead.post(`/api/adjustments/${id}/items/0/duplicate`, { choice: 'merge' });
    expect(early.statusCode).toBe(403);
    const clerk = await t.login('clerk.scjg');
    const bare = await clerk.post(`/api/adjustments/${id}/items/0/duplicate`, { choice: 'keepBoth' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details[0].field).toBe('reason');
    const none = await clerk.post(`/api/adjustments/${id}/items/3/duplicate`, { choice: 'merge' });
    expect(none.statusCode).toBe(400);
    expect((await appOf(id)).duplicates[0].resolution).toBeNull();
    const ok = await expectOk(await clerk.post(`/api/adjustments/${id}/items/0/duplicate`, { choice: 'merge' }));
    expect(ok.duplicates[0].resolution).toMatchObject({ choice: 'merge', existingCode: theirs[0] });
  });

  it('merged: no second power in the receiving list; the existing one is linked both ways', async () => {
    const done = await drive(t, id, null);
    expect(done.status).toBe('done');
    const there = await named(kdl, '气瓶充装单位备案');
    expect(there.map((p) => p.code)).toEqual([theirs[0]]);
    expect(there[0].links).toEqual([
      expect.objectContaining({ direction: 'delegatedFrom', bodyId: scjg, code: codes[0] }),
    ]);
    const mine = (await listOf(scjg)).find((p) => p.code === codes[0])!;
    expect(mine.status).toBe('delegated');
    expect(mine.links).toEqual([expect.objectContaining({ direction: 'delegatedTo', bodyId: kdl, code: theirs[0] })]);
  }, 120_000);

  it('arising after filing: the receiving body cannot confirm until it decides (两项并存 with a reason)', async () => {
    const id2 = await draftApplication(
      t,
      'clerk.scjg',
      { title: '下放“移动式压力容器充装备案”', kind: 'delegate', receivingBodyId: kdl, takeover: '已评估' },
      [{ targetCode: codes[1] }],
    );
    expect((await drive(t, id2, 'receivingConfirm')).openSteps).toEqual(['receivingConfirm']);
    const { codes: late } = await publishFixture(t, '昆都仑区市场监督管理局', [power('移动式压力容器充装备案', 'QT')]);
    const version = (await loadCurrentList(t.db, kdl)).version;
    const lead = await t.login('lead.kdl.scjg');
    const r = await lead.post(`/api/adjustments/${id2}/steps/receivingConfirm/complete`, {});
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('DUPLICATE_UNRESOLVED');
    expect((await appOf(id2)).openSteps).toEqual(['receivingConfirm']);
    expect((await loadCurrentList(t.db, kdl)).version).toBe(version);
    // after the government's decision the applicant no longer edits: the receiving body decides
    expect(
      (await (await t.login('clerk.scjg')).post(`/api/adjustments/${id2}/items/0/duplicate`, { choice: 'merge' }))
        .statusCode,
    ).toBe(403);
    await expectOk(
      await lead.post(`/api/adjustments/${id2}/items/0/duplicate`, {
        choice: 'keepBoth',
        reason: '辖区内两类充装单位分别管理',
      }),
    );
    await expectOk(await lead.post(`/api/adjustments/${id2}/steps/receivingConfirm/complete`, {}));
    expect((await drive(t, id2, null)).status).toBe('done');
    const both = await named(kdl, '移动式压力容器充装备案');
    expect(both).toHaveLength(2);
    expect(both.map((p) => p.code)).toContain(late[0]);
  }, 120_000);
});

describe('an entrusted power (§13.3) is modified, cancelled or taken back through an application', () => {
  const entrust = async (code: string, title: string) => {
    const id = await draftApplication(
      t,
      'clerk.scjg',
      { title, kind: 'entrust', receivingBodyId: kdl, takeover: '已签订委托协议' },
      [{ targetCode: code }],
    );
    expect((await drive(t, id, null)).status).toBe('done');
  };
  const power = async (code: string) => (await listOf(scjg)).find((p) => p.code === code)!;
  beforeAll(async () => {
    await entrust(codes[2]!, '委托“广告发布登记”');
    await entrust(codes[3]!, '委托“计量标准考核”');
  }, 240_000);

  it('taking back a power that is not entrusted is refused, nothing stored', async () => {
    const c = await t.login('clerk.scjg');
    const a = await expectOk(
      await c.post('/api/adjustments', {
        title: '收回',
        kind: 'takeBack',
        triggerKind: 'other',
        triggerDate: '2026-11-01',
        reason: '理由',
        legalBasis: '依据',
      }),
      201,
    );
    const r = await c.put(`/api/adjustments/${a.id}/items`, { items: [{ targetCode: codes[4] }], version: a.version });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('未委托实施');
    expect(
      await t.db.selectFrom('adjustment_item').select('id').where('adjustment_id', '=', a.id).execute(),
    ).toHaveLength(0);
  });

  it('modified: still entrusted, still linked, new content', async () => {
    const id = await draftApplication(
      t,
      'clerk.scjg',
      { title: '修改“广告发布登记”', kind: 'modify', triggerKind: 'dutyAdjustment' },
      [{ targetCode: codes[2], values: { implementingAgency: '广告监督管理科' } }],
    );
    expect((await drive(t, id, null)).status).toBe('done');
    const p = await power(codes[2]!);
    expect(p).toMatchObject({ status: 'entrusted', implementingAgency: '广告监督管理科' });
    expect(p.links).toEqual([expect.objectContaining({ direction: 'entrustedTo', bodyId: kdl })]);
    expect((await t.anon.get(`/bodies/${kdl}`)).body).toContain(`/bodies/${scjg}/powers/${codes[2]}`);
  }, 120_000);

  it("taken back (收回委托): in force again, unlinked, gone from the entrusted body's page", async () => {
    const id = await draftApplication(t, 'clerk.scjg', { title: '收回委托“广告发布登记”', kind: 'takeBack' }, [
      { targetCode: codes[2] },
    ]);
    const a = await drive(t, id, null);
    expect(a.status).toBe('done');
    expect(a.completedSteps).not.toContain('receivingConfirm');
    const p = await power(codes[2]!);
    expect(p.status).toBe('active');
    expect(p.links ?? []).toEqual([]);
    expect((await t.anon.get(`/bodies/${kdl}`)).body).not.toContain(`/bodies/${scjg}/powers/${codes[2]}`);
  }, 120_000);

  it('cancelled: an entrusted power can be cancelled', async () => {
    const id = await draftApplication(t, 'clerk.scjg', { title: '取消“计量标准考核”', kind: 'cancel' }, [
      { targetCode: codes[3] },
    ]);
    expect((await drive(t, id, null)).status).toBe('done');
    expect((await power(codes[3]!)).status).toBe('cancelled');
    expect((await t.anon.get(`/bodies/${kdl}`)).body).not.toContain(`/bodies/${scjg}/powers/${codes[3]}`);
  }, 120_000);
});
