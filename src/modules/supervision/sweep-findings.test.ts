// Issue 12.2 (§14 ¶2): the daily sweep opens a 迟报, 缓报 or 漏报 finding exactly once per fact,
// however often it runs; and §14 ¶2's 牵头机构: designated by the body, a body without one is a
// finding (once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { makeApplication } from '../consultations/test-factory.js';
import { runSweep } from '../adjustments/sweep.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

const findingsOf = (adjustmentId: number) =>
  t.db
    .selectFrom('finding')
    .select(['kind', 'source', 'status', 'fact_date', 'source_key', 'body_id'])
    .where('adjustment_id', '=', adjustmentId)
    .execute();
const sweep = (beijing: string) => runSweep(t.db, new Date(`${beijing}+08:00`));

describe('the sweep opens 迟报/缓报/漏报 findings', () => {
  it('once per fact over repeated runs, each audited once', async () => {
    const late = await makeApplication(t.db, { bodyName: '包头市市场监督管理局', status: 'open', late: true });
    const missing = await makeApplication(t.db, {
      bodyName: '包头市住房和城乡建设局',
      status: 'due',
      firstSubmittedAt: null,
      title: '因《包头市城市供热管理条例》修订调整供热经营许可',
    });
    const delayed = await makeApplication(t.db, { bodyName: '昆都仑区市场监督管理局', status: 'open' });
    // published on 2 Nov: the body's own 平台更新 step (§13.1, 5 working days) is long overdue
    await t.db
      .updateTable('adjustment')
      .set({
        completed_steps: JSON.stringify([
          'draft',
          'submit',
          'preliminaryReview',
          'legalityReview',
          'consultation',
          'publish',
        ]),
        open_steps: JSON.stringify(['platformSync']),
        published_at: new Date('2026-11-02T10:00:00+08:00'),
      })
      .where('id', '=', delayed.id)
      .execute();

    const first = await sweep('2026-11-30T06:00:00');
    expect(first.findings).toBeGreaterThanOrEqual(3);
    for (const when of ['2026-11-30T07:00:00', '2026-12-01T06:00:00']) {
      const again = await sweep(when);
      expect(again.findings, when).toBe(0);
    }
    expect(await findingsOf(late.id)).toEqual([
      {
        kind: 'late',
        source: 'sweep',
        status: 'open',
        fact_date: '2026-11-23',
        source_key: `late:${late.id}`,
        body_id: late.bodyId,
      },
    ]);
    expect(await findingsOf(missing.id)).toEqual([
      expect.objectContaining({ kind: 'missing', source: 'sweep', source_key: `missing:${missing.id}` }),
    ]);
    expect(await findingsOf(delayed.id)).toEqual([
      expect.objectContaining({
        kind: 'delayed',
        source_key: `delayed:${delayed.id}:1:platformSync`,
        body_id: delayed.bodyId,
      }),
    ]);
    const audits = await t.db
      .selectFrom('audit_event')
      .select('object_id')
      .where('action', '=', 'supervision.findingOpened')
      .where('actor_id', 'is', null)
      .execute();
    for (const a of [late, missing, delayed]) {
      const ids = (await findingsOf(a.id)).length;
      expect(ids).toBe(1);
    }
    const keys = new Set(audits.map((a) => a.object_id));
    expect(keys.size).toBe(audits.length); // no finding audited twice
  });

  it('the office cannot open a second finding for a fact the sweep already found (409), and the body sees it', async () => {
    const a = await makeApplication(t.db, {
      bodyName: '包头市市场监督管理局',
      status: 'open',
      late: true,
      title: '迟报的第二件',
    });
    await sweep('2026-11-30T08:00:00');
    const office = await t.login('coord.city');
    const res = await office.post('/api/supervision/findings', {
      bodyId: a.bodyId,
      kind: 'late',
      adjustmentId: a.id,
      description: '迟报',
    });
    expect(res.statusCode, res.body).toBe(409);
    expect((await findingsOf(a.id)).length).toBe(1);
    const mine = (await (await t.login('clerk.scjg')).get('/api/supervision/findings?kind=late')).json().items;
    expect(mine.some((f: { adjustmentId: number }) => f.adjustmentId === a.id)).toBe(true);
  });
});

describe('牵头机构 (§14 ¶2)', () => {
  it('the body designates its own; others cannot; the office’s check opens a finding once per body without one', async () => {
    const zjj = (
      await t.db.selectFrom('body').select('id').where('name', '=', '包头市住房和城乡建设局').executeTakeFirstOrThrow()
    ).id;
    const lead = await t.login('lead.zjj');
    expect(
      (await (await t.login('lead.scjg')).put(`/api/supervision/lead-units/${zjj}`, { unitName: '法规科' })).statusCode,
    ).toBe(404);
    expect(
      (await (await t.login('coord.city')).put(`/api/supervision/lead-units/${zjj}`, { unitName: '法规科' }))
        .statusCode,
    ).toBe(403);
    expect((await lead.put(`/api/supervision/lead-units/${zjj}`, { unitName: '' })).statusCode).toBe(400);
    expect(
      (await lead.put(`/api/supervision/lead-units/${zjj}`, { unitName: '政策法规科', contactPerson: '孙志强' }))
        .statusCode,
    ).toBe(200);
    const units = (await lead.get('/api/supervision/lead-units')).json().items;
    expect(units).toEqual([expect.objectContaining({ bodyId: zjj, unitName: '政策法规科', contactPerson: '孙志强' })]);

    const office = await t.login('coord.city');
    const list = (await office.get('/api/supervision/lead-units')).json().items;
    const without = list.filter(
      (b: { unitName: string | null; regionName: string }) => !b.unitName && b.regionName === '包头市',
    );
    expect(without.length).toBeGreaterThan(0);
    const check = (await office.post('/api/supervision/lead-units/check')).json();
    expect(check.opened).toBe(without.length);
    expect((await office.post('/api/supervision/lead-units/check')).json().opened).toBe(0);
    const noLead = await t.db.selectFrom('finding').select('body_id').where('kind', '=', 'noLeadUnit').execute();
    expect(noLead.map((f) => f.body_id).sort()).toEqual(without.map((b: { bodyId: number }) => b.bodyId).sort());
    expect(noLead.some((f) => f.body_id === zjj)).toBe(false);
    expect((await (await t.login('clerk.scjg')).post('/api/supervision/lead-units/check')).statusCode).toBe(403);
  });
});
