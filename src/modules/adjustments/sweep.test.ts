// Item 9 (§10.1, §11.1): a repealed regulation opens a due adjustment for every body whose
// published powers cite it; item 5: the daily sweep reminds, flags overdue steps and records
// 漏报 — and run twice it delivers each notice once. A late filing is recorded as 迟报.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, bodyIdOf, drive, expectOk, power, publishFixture } from './test-fixtures.js';
import { runSweep } from './sweep.js';

let t: TestApp;
let docId: number;
let scjgCodes: string[];
let kdlCodes: string[];
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  docId = (
    await t.db
      .insertInto('legal_document')
      .values({ key: '包头市测试市场管理条例', name: '《包头市测试市场管理条例》', level: '地方性法规' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const cites = (id: number | string) => ({
    legalBases: [
      {
        documentId: id,
        documentName: '《包头市测试市场管理条例》',
        level: '地方性法规' as const,
        article: '第八条',
        text: '',
      },
    ],
  });
  ({ codes: scjgCodes } = await publishFixture(t, '包头市市场监督管理局', [
    power('集贸市场登记', 'QT', cites(docId)),
    power('集贸市场检查', 'JC', cites(docId)),
    power('无关事项', 'QT'),
  ]));
  ({ codes: kdlCodes } = await publishFixture(t, '昆都仑区市场监督管理局', [
    power('区级集贸市场检查', 'JC', cites(String(docId))),
  ]));
});
afterAll(() => t.close());

const inboxOf = async (username: string, kind?: string) => {
  const u = await t.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  let q = t.db
    .selectFrom('inbox_item')
    .select(['kind', 'adjustment_id', 'step', 'dedupe_key'])
    .where('user_id', '=', u.id);
  if (kind) q = q.where('kind', '=', kind as never);
  return q.execute();
};
const sweepAt = (beijing: string) => runSweep(t.db, new Date(`${beijing}+08:00`));

let scjgDue: number;
describe('the law-change trigger', () => {
  it('only the coordination office records a change', async () => {
    const body = { legalDocumentId: docId, changeKind: 'repealed', changeDate: '2026-11-27' };
    expect((await (await t.login('clerk.scjg')).post('/api/law-changes', body)).statusCode).toBe(403);
    expect(
      (await (await t.login('coord.city')).post('/api/law-changes', { ...body, legalDocumentId: 999999 })).statusCode,
    ).toBe(400);
  });

  it('opens one due adjustment per affected body with its filing deadline (15 working days, §12)', async () => {
    const r = await expectOk(
      await (await t.login('coord.city')).post('/api/law-changes', {
        legalDocumentId: docId,
        changeKind: 'repealed',
        changeDate: '2026-11-27',
      }),
      201,
    );
    expect(r).toMatchObject({ filingDue: '2026-12-18', filingDueProvisional: false, affectedPowers: 3 });
    expect(r.opened.map((o: { bodyId: number; powers: number }) => [o.bodyId, o.powers]).sort()).toEqual(
      [
        [await bodyIdOf(t, '包头市市场监督管理局'), 2],
        [await bodyIdOf(t, '昆都仑区市场监督管理局'), 1],
      ].sort(),
    );
    scjgDue = r.opened.find((o: { bodyName: string }) => o.bodyName === '包头市市场监督管理局').adjustmentId;
    const a = await expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${scjgDue}`));
    expect(a).toMatchObject({
      status: 'due',
      kind: 'cancel',
      triggerKind: 'lawRepealed',
      triggerDate: '2026-11-27',
      filingDue: '2026-12-18',
      lawChangeId: r.id,
    });
    expect(a.items.map((i: { targetCode: string }) => i.targetCode).sort()).toEqual(scjgCodes.slice(0, 2).sort());
    expect(a.can).toEqual(expect.arrayContaining([{ action: 'start', step: null }]));
    expect(await inboxOf('clerk.kdl.scjg', 'task')).toEqual([
      expect.objectContaining({ adjustment_id: expect.any(Number), step: 'submit' }),
    ]);
    const doc = await t.db
      .selectFrom('legal_document')
      .select('status')
      .where('id', '=', docId)
      .executeTakeFirstOrThrow();
    expect(doc.status).toBe('repealed');
    expect(kdlCodes).toHaveLength(1);
  });
});

describe('the daily sweep', () => {
  it('three working days before the filing deadline: one reminder, however often it runs', async () => {
    const first = await sweepAt('2026-12-15T06:00:00');
    const second = await sweepAt('2026-12-15T18:00:00');
    expect(first.reminders).toBeGreaterThanOrEqual(3); // clerk and lead unit of scjg, clerk and lead unit of kdl
    expect(second).toMatchObject({ reminders: 0, overdue: 0, missing: 0 });
    expect(await inboxOf('lead.scjg', 'reminder')).toHaveLength(1);
  });

  it('past the filing deadline unfiled: 漏报, recorded once, told to the body and the office', async () => {
    const first = await sweepAt('2026-12-21T06:00:00');
    const second = await sweepAt('2026-12-21T07:00:00');
    expect(first.missing).toBe(2);
    expect(second.missing).toBe(0);
    const missing = await t.db
      .selectFrom('audit_event')
      .select('object_id')
      .where('action', '=', 'adjustment.missing')
      .execute();
    expect(missing).toHaveLength(2);
    // each body's own level's office hears of it (本级协调小组办公室)
    expect(await inboxOf('coord.city', 'missing')).toHaveLength(1);
    expect(await inboxOf('coord.kdl', 'missing')).toHaveLength(1);
    expect(await inboxOf('clerk.scjg', 'missing')).toHaveLength(1);
  });

  it('filed late it is 迟报; the review reminder reaches each reviewer once, then the overdue notice once', async () => {
    at(t, '2026-12-21T09:00:00');
    await expectOk(await (await t.login('clerk.scjg')).post(`/api/adjustments/${scjgDue}/start`, {}));
    const a = await drive(t, scjgDue, 'preliminaryReview');
    expect(a).toMatchObject({ late: true, filing: { missing: true, late: true } });
    // review due: 2026-12-21 + 15 working days, through 2027 without its notice (Fri 1 Jan is 元旦 by statute) → 2027-01-12 (provisional)
    const review = a.deadlines.find((d: { step: string }) => d.step === 'preliminaryReview');
    expect(review.due).toMatchObject({ date: '2027-01-12', provisional: true });

    for (const when of ['2027-01-07T06:00:00', '2027-01-07T06:30:00', '2027-01-08T06:00:00']) await sweepAt(when);
    for (const u of ['coord.city', 'legal.city']) {
      expect(
        (await inboxOf(u, 'reminder')).filter((n) => n.adjustment_id === scjgDue),
        u,
      ).toHaveLength(1);
    }
    const late = await sweepAt('2027-01-13T06:00:00');
    const again = await sweepAt('2027-01-14T06:00:00');
    expect(late.overdue).toBeGreaterThanOrEqual(2);
    expect(again.overdue).toBe(0);
    expect((await inboxOf('legal.city', 'overdue')).map((n) => n.step)).toEqual(['legalityReview']);
    const view = await expectOk(await (await t.login('legal.city')).get(`/api/inbox`));
    expect(view.items.find((i: { kind: string }) => i.kind === 'overdue').body).toContain('已逾期');
  });

  it('marks inbox items read, only one’s own', async () => {
    const c = await t.login('legal.city');
    const inbox = await expectOk(await c.get('/api/inbox?unread=1'));
    expect(inbox.unread).toBeGreaterThan(0);
    await expectOk(await c.post(`/api/inbox/${inbox.items[0].id}/read`, {}));
    expect((await (await t.login('coord.city')).post(`/api/inbox/${inbox.items[1].id}/read`, {})).statusCode).toBe(404);
    await expectOk(await c.post('/api/inbox/read-all', {}));
    expect((await expectOk(await c.get('/api/inbox'))).unread).toBe(0);
  });
});
