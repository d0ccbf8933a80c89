// Issue 13.4–13.6 through the API on a real database: no item is handed over before training
// covers the power's topics (§13.4); the checklist 办理权限、信息数据、政策依据、办理卷宗 is handed
// over by the delegating body and confirmed by the receiving body, on a set date (§13.5); a missed
// date and a later 备案 step on a delegated power (明放暗不放) become findings for the office.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import {
  at,
  auditActionsOf,
  bodyIdOf,
  complete,
  draftApplication,
  drive,
  expectOk,
  power,
  publishFixture,
} from '../adjustments/test-fixtures.js';
import { sweepMissedHandovers } from './delegation.watch.js';

let t: TestApp;
let kdl: number;
let codes: string[];

const audits = (id: number) => auditActionsOf(t, id);
const record = async (id: number, user = 'clerk.scjg') =>
  expectOk(await (await t.login(user)).get(`/api/adjustments/${id}/delegation`));
const snapshot = async (id: number) => {
  const d = await record(id);
  return { handover: d.handover, trainings: d.trainings, audits: await audits(id) };
};
const training = (topics: string[], heldOn = '2026-11-03') => ({
  heldOn,
  organiser: '包头市市场监督管理局行政审批科',
  attendees: ['昆都仑区市场监督管理局 李娜', '昆都仑区市场监督管理局 赵磊'],
  topics,
});

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-02T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [
    power('特种设备安装改造维修许可', 'XK'),
    power('食品小作坊登记', 'XK'),
  ]));
  kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
}, 120_000);
afterAll(() => t?.close());

const delegate = async (title: string, code: string) => {
  const id = await draftApplication(
    t,
    'clerk.scjg',
    { title, kind: 'delegate', receivingBodyId: kdl, takeover: '见事前评估' },
    [{ targetCode: code }],
  );
  await drive(t, id, 'receivingConfirm');
  return id;
};

describe('业务培训与权力移交 (§13.4, §13.5)', () => {
  let id: number;
  beforeAll(async () => {
    id = await delegate('下放“特种设备安装改造维修许可”', codes[0]!);
  }, 180_000);

  it('nothing is handed over before a handover date is set', async () => {
    const r = await (await t.login('clerk.scjg')).post(
      `/api/adjustments/${id}/delegation/handover/permissions/hand`,
      {},
    );
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('请先确定权力移交时间结点');
    const past = await (await t.login('clerk.scjg')).put(`/api/adjustments/${id}/delegation/handover`, {
      handoverOn: '2026-11-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toContain('移交时间结点不能早于今天');
  });

  it('handover before training is refused: 409 naming §13.4, nothing changed', async () => {
    const clerk = await t.login('clerk.scjg');
    const d = await expectOk(
      await clerk.put(`/api/adjustments/${id}/delegation/handover`, { handoverOn: '2026-11-20' }),
    );
    expect(d.handover.items.map((i: { label: string }) => i.label)).toEqual([
      '办理权限',
      '信息数据',
      '政策依据',
      '办理卷宗',
    ]);
    expect(d.handover.responsibleBodyName).toBe('包头市市场监督管理局');
    const before = await snapshot(id);
    const r = await clerk.post(`/api/adjustments/${id}/delegation/handover/permissions/hand`, {
      note: '开通审批系统账号',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'INVALID_STATE' });
    expect(r.json().error.message).toContain('尚未对承接部门开展业务培训');
    expect(await snapshot(id)).toEqual(before);
  });

  it('training must cover every topic of the category (审批审核备案类 for a 许可); unknown topics are refused', async () => {
    const clerk = await t.login('clerk.scjg');
    const bad = await clerk.post(`/api/adjustments/${id}/delegation/trainings`, training(['受理', '招商引资']));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('“招商引资”不在规则集所列内容中');
    const d = await expectOk(
      await clerk.post(`/api/adjustments/${id}/delegation/trainings`, training(['受理', '材料审核'])),
    );
    expect(d.trainingNeeds).toEqual([
      expect.objectContaining({ label: '审批审核备案类', missing: ['实地踏察', '审核验收', '裁量权'] }),
    ]);
    const before = await snapshot(id);
    const r = await clerk.post(`/api/adjustments/${id}/delegation/handover/permissions/hand`, {});
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('实地踏察、审核验收、裁量权');
    expect(await snapshot(id)).toEqual(before);
  });

  it('after training the delegating body hands over each item (counts where they apply), the receiver confirms', async () => {
    const clerk = await t.login('clerk.scjg');
    await expectOk(
      await clerk.post(
        `/api/adjustments/${id}/delegation/trainings`,
        training(['实地踏察', '审核验收', '裁量权'], '2026-11-04'),
      ),
    );
    const noCount = await clerk.post(`/api/adjustments/${id}/delegation/handover/caseFiles/hand`, {});
    expect(noCount.statusCode).toBe(400);
    expect(noCount.json().error.message).toContain('请填写移交的办理卷宗数量');
    const receiver = await t.login('lead.kdl.scjg');
    const early = await receiver.post(`/api/adjustments/${id}/delegation/handover/data/confirm`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('放权部门尚未移交“信息数据”');
    const hand = {
      permissions: { note: '开通审批系统账号' },
      data: { count: 1280 },
      policyBasis: {},
      caseFiles: { count: 36 },
    };
    for (const [item, body] of Object.entries(hand))
      await expectOk(await clerk.post(`/api/adjustments/${id}/delegation/handover/${item}/hand`, body));
    const byDelegating = await (await t.login('lead.scjg')).post(
      `/api/adjustments/${id}/delegation/handover/data/confirm`,
    );
    expect(byDelegating.statusCode).toBe(403);
    let d: { handover: { complete: boolean; items: { count: number | null; confirmedBy: string | null }[] } } | null =
      null;
    for (const item of Object.keys(hand))
      d = await expectOk(await receiver.post(`/api/adjustments/${id}/delegation/handover/${item}/confirm`));
    expect(d!.handover.complete).toBe(true);
    expect(d!.handover.items.map((i) => i.count)).toEqual([null, 1280, null, 36]);
    expect(d!.handover.items.every((i) => i.confirmedBy)).toBe(true);
    // §13.5: until the date the delegating body stays responsible; from it, the receiving body
    expect((await record(id)).handover.responsibleBodyName).toBe('包头市市场监督管理局');
    at(t, '2026-11-20T09:00:00');
    expect((await record(id)).handover.responsibleBodyName).toBe('昆都仑区市场监督管理局');
    expect(await audits(id)).toEqual(
      expect.arrayContaining(['delegation.trainingRecorded', 'delegation.itemHanded', 'delegation.itemConfirmed']),
    );
  });
});

describe('督查线索：未按时移交与“明放暗不放” (§13.5, §16)', () => {
  it('a handover date passed with the checklist incomplete is a finding for the office, once', async () => {
    const id = await delegate('下放“食品小作坊登记”', codes[1]!);
    // drive() moves the clock past the consultation: the plan is made for today, then it passes
    const today = new Date(t.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    await expectOk(
      await (await t.login('clerk.scjg')).put(`/api/adjustments/${id}/delegation/handover`, { handoverOn: today }),
    );
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 86_400_000);
    expect((await record(id)).handover.missed).toBe(true);
    const run = () => t.db.transaction().execute((trx) => sweepMissedHandovers(trx, t.clock.now));
    expect(await run()).toBe(1);
    expect(await run()).toBe(0);
    const d = await record(id, 'coord.city');
    expect(d.findings).toEqual([
      expect.objectContaining({ kind: 'handoverMissed', label: '未按时间结点完成权力移交' }),
    ]);
    const inbox = await expectOk(await (await t.login('coord.city')).get('/api/inbox'));
    expect(inbox.items.some((n: { title: string }) => n.title.includes('未按时间结点完成权力移交'))).toBe(true);
  });

  // §13.5: 承接确认 is the receiving body taking over the decided power; the handover follows on
  // its own date (时间结点), after publication if need be, and the delegating body answers until then
  it('承接确认 does not wait for the handover; the handover goes on after publication', async () => {
    const { id } = await t.db
      .selectFrom('adjustment')
      .select('id')
      .where('title', '=', '下放“食品小作坊登记”')
      .executeTakeFirstOrThrow();
    const before = await record(id);
    expect(before.handover.complete).toBe(false);
    expect(before.trainings).toEqual([]);
    await expectOk(
      await (await t.login('lead.kdl.scjg')).post(`/api/adjustments/${id}/steps/receivingConfirm/complete`),
    );
    expect((await drive(t, id, null)).status).toBe('done');
    const after = await record(id);
    expect(after.handover).toMatchObject({ complete: false, responsibleBodyName: '包头市市场监督管理局' });
    expect(after.can).toMatchObject({ train: true, hand: true });
    await expectOk(
      await (await t.login('clerk.scjg')).post(
        `/api/adjustments/${id}/delegation/trainings`,
        training(['受理', '材料审核', '实地踏察', '审核验收', '裁量权'], '2026-11-04'),
      ),
    );
  });

  it('a later application adding a 备案 step of the delegating body on the delegated power raises a finding', async () => {
    const delegated = await record(
      (
        await t.db
          .selectFrom('adjustment')
          .select('id')
          .where('title', '=', '下放“特种设备安装改造维修许可”')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await drive(t, delegated.adjustmentId, null);
    const later = await draftApplication(
      t,
      'clerk.scjg',
      { title: '增设特种设备维修备案', kind: 'add', triggerKind: 'lawIssued' },
      [{ values: { ...complete('特种设备安装改造维修备案', 'QT'), implementingAgency: '特种设备安全监察科' } }],
    );
    const unrelated = await draftApplication(
      t,
      'clerk.scjg',
      { title: '增设广告发布登记', kind: 'add', triggerKind: 'lawIssued' },
      [{ values: { ...complete('广告发布登记', 'XK'), implementingAgency: '广告监督管理科' } }],
    );
    await drive(t, later, 'preliminaryReview');
    await drive(t, unrelated, 'preliminaryReview');
    const d = await record(delegated.adjustmentId, 'coord.city');
    expect(d.findings).toEqual([
      expect.objectContaining({
        kind: 'disguisedRetention',
        sourceAdjustmentId: later,
        detail: expect.stringContaining('特种设备安装改造维修备案'),
      }),
    ]);
    expect(await audits(delegated.adjustmentId)).toContain('delegation.findingRaised');
    // §16: the office's finding in supervision, where 督促整改 follows
    const opened = await t.db
      .selectFrom('finding')
      .select(['kind', 'adjustment_id', 'power_code'])
      .where('source_key', 'like', 'delegation:disguisedRetention:%')
      .execute();
    expect(opened).toEqual([{ kind: 'disguisedRetention', adjustment_id: later, power_code: codes[0] }]);
  });
});
