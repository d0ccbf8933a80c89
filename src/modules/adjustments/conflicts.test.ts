// Item 7: two open applications touching the same power are shown to both sides; once one is
// published the other must be brought up to date before approval or publication. And item 1:
// switching the rulebook leaves applications in flight on theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, complete, draftApplication, drive, expectOk, power, powerAt, publishFixture } from './test-fixtures.js';

let t: TestApp;
let codes: string[];
let scjg: number;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({ codes, bodyId: scjg } = await publishFixture(t, '包头市市场监督管理局', [
    power('食品生产许可'),
    power('食品经营许可'),
    power('网络餐饮备案核查', 'QT'),
  ]));
});
afterAll(() => t.close());

const modify = (code: string, values: object, title: string) =>
  draftApplication(t, 'clerk.scjg', { title, kind: 'modify', triggerKind: 'dutyAdjustment' }, [
    { targetCode: code, values },
  ]);
const get = async (id: number, user = 'clerk.scjg') =>
  expectOk(await (await t.login(user)).get(`/api/adjustments/${id}`));

describe('two applications on the same power', () => {
  let first: number;
  let second: number;
  it('each shows the other as a conflict', async () => {
    first = await modify(codes[0], { implementingAgency: '食品生产安全监督管理科' }, '调整食品生产许可实施机构');
    second = await modify(
      codes[0],
      { remarks: '含特殊食品', name: '食品生产许可（含特殊食品）' },
      '完善食品生产许可备注',
    );
    expect((await get(first)).conflicts).toEqual([expect.objectContaining({ id: second, codes: [codes[0]] })]);
    expect((await get(second, 'coord.city')).conflicts).toEqual([
      expect.objectContaining({ id: first, codes: [codes[0]] }),
    ]);
  });

  it('once the first is published, the second is stale and cannot be published', async () => {
    await drive(t, first, null);
    await drive(t, second, 'publish');
    const b = await get(second);
    expect(b.stale).toEqual([codes[0]]);
    expect(b.conflicts).toEqual([]);
    const res = await (await t.login('coord.city')).post(`/api/adjustments/${second}/steps/publish/complete`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
    expect(res.json().error.message).toContain('按最新公布版本更新');
  });

  it('brought up to date, it keeps its own change and the first one’s, then publishes', async () => {
    const r = await expectOk(await (await t.login('clerk.scjg')).post(`/api/adjustments/${second}/rebase`, {}));
    expect(r.overlapping).toEqual([]);
    expect(r.adjustment.stale).toEqual([]);
    await expectOk(await (await t.login('coord.city')).post(`/api/adjustments/${second}/steps/publish/complete`, {}));
    expect(await powerAt(t, scjg, codes[0])).toMatchObject({
      implementingAgency: '食品生产安全监督管理科',
      remarks: '含特殊食品',
      name: '食品生产许可（含特殊食品）',
    });
  });

  it('a cancellation made stale by a published modification cannot be approved until updated', async () => {
    const mod = await modify(codes[1], { implementingAgency: '食品经营安全监督管理科' }, '调整食品经营许可实施机构');
    const cancel = await draftApplication(
      t,
      'clerk.scjg',
      { title: '取消食品经营许可', kind: 'cancel', triggerKind: 'lawRevised' },
      [{ targetCode: codes[1] }],
    );
    await drive(t, cancel, 'approval');
    await drive(t, mod, null);
    const gov = await t.login('gov.city');
    const res = await gov.post(`/api/adjustments/${cancel}/steps/approval/complete`, {
      normativeDocumentNumber: '包府发〔2027〕1号',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('按最新公布版本更新');
    await expectOk(await (await t.login('lead.scjg')).post(`/api/adjustments/${cancel}/rebase`, {}));
    await expectOk(
      await gov.post(`/api/adjustments/${cancel}/steps/approval/complete`, {
        normativeDocumentNumber: '包府发〔2027〕1号',
      }),
    );
  });
});

describe('switching the rulebook (baotou-2023 → baotou-2025)', () => {
  let inFlight: number;
  it('only a system administrator of the city switches it', async () => {
    inFlight = await draftApplication(t, 'clerk.scjg', { title: '在办申请', kind: 'add', triggerKind: 'lawIssued' }, [
      {
        values: {
          ...complete('新设许可事项', 'XK'),
          responsibleSubject: '包头市市场监督管理局',
          implementingAgency: '行政审批科',
        },
      },
    ]);
    await drive(t, inFlight, 'consultation');
    for (const u of ['coord.city', 'sysadmin.kdl', 'secadmin']) {
      expect(
        (await (await t.login(u)).put('/api/rulebooks/current', { rulebookId: 'baotou-2025' })).statusCode,
        u,
      ).toBe(403);
    }
    const res = await expectOk(
      await (await t.login('sysadmin')).put('/api/rulebooks/current', {
        rulebookId: 'baotou-2025',
        note: '新办法施行',
      }),
    );
    expect(res.current).toBe('baotou-2025');
    const list = await expectOk(await (await t.login('clerk.scjg')).get('/api/rulebooks'));
    expect(list.current).toBe('baotou-2025');
    expect(list.history[0]).toMatchObject({ rulebookId: 'baotou-2025', note: '新办法施行' });
  });

  it('an application in flight finishes on baotou-2023; a new one follows baotou-2025 (事项认领, 行政备案)', async () => {
    const fresh = await draftApplication(
      t,
      'clerk.scjg',
      { title: '新办法下的申请', kind: 'add', triggerKind: 'lawIssued' },
      [
        {
          values: {
            ...complete('新设备案事项', 'BA'),
            responsibleSubject: '包头市市场监督管理局',
            implementingAgency: '行政审批科',
          },
        },
      ],
    );
    const a = await get(fresh);
    expect(a.rulebookId).toBe('baotou-2025');
    expect(a.rulebook.managingOffice).toBe('政务服务与数据管理部门');
    expect(a.deadlines.map((d: { step: string }) => d.step)).toEqual(
      expect.arrayContaining(['itemClaim', 'guideConfig']),
    );
    // the filing clock is inherited from 2023 and cites the 2023 article
    expect(a.filing.citation).toBe('《包头市政府工作部门权责清单动态管理办法》第十二条');

    const done = await drive(t, inFlight, null);
    expect(done.status).toBe('done');
    expect(done.rulebookId).toBe('baotou-2023');
    expect(done.history.map((h: { step: string }) => h.step)).not.toContain('itemClaim');

    const published = await drive(t, fresh, 'itemClaim');
    const claim = published.deadlines.find((d: { step: string }) => d.step === 'itemClaim');
    expect(claim.citation).toContain('解读二(三)');
    expect(claim.due.amount).toBe(30);
  });

  it('groups applications into a 集中调整 batch under 2025, not under 2023', async () => {
    const coord = await t.login('coord.city');
    const batch = await expectOk(await coord.post('/api/adjustment-batches', { title: '2027年第一批集中调整' }), 201);
    const c = await t.login('clerk.scjg');
    const a = await expectOk(
      await c.post('/api/adjustments', {
        title: '批次内申请',
        kind: 'add',
        triggerKind: 'lawIssued',
        triggerDate: '2026-12-01',
        batchId: batch.id,
      }),
      201,
    );
    expect(a.batchId).toBe(batch.id);
    expect((await expectOk(await coord.get('/api/adjustment-batches'))).items).toEqual([
      expect.objectContaining({ id: batch.id, applications: 1 }),
    ]);
    await expectOk(
      await (await t.login('sysadmin')).put('/api/rulebooks/current', { rulebookId: 'baotou-2023', note: '恢复' }),
    );
    expect((await coord.post('/api/adjustment-batches', { title: '旧办法下的批次' })).statusCode).toBe(409);
  });
});
