// Acceptance: a cancel application from drafting to done, through every role, via the API
// (regulation §12, §13.1 under baotou-2023).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, expectOk, powerAt, publishFixture, power, reconcileFixture, versionOf } from './test-fixtures.js';

let t: TestApp;
let code: string;
let bodyId: number;
let id: number;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({
    bodyId,
    codes: [code],
  } = await publishFixture(t, '包头市市场监督管理局', [power('对某类经营活动的备案核查', 'QT')]));
});
afterAll(() => t.close());

const step = async (user: string, s: string, action: 'complete' | 'return' | 'reject', body: object = {}) =>
  (await t.login(user)).post(`/api/adjustments/${id}/steps/${s}/${action}`, body);

describe('a cancel application through every role', () => {
  it('the clerk drafts it against the published list; the filing deadline counts 15 working days from the trigger (§12)', async () => {
    const clerk = await t.login('clerk.scjg');
    const a = await expectOk(
      await clerk.post('/api/adjustments', {
        title: '取消“对某类经营活动的备案核查”',
        kind: 'cancel',
        triggerKind: 'higherCancellation',
        triggerDate: '2026-11-20',
        reason: '自治区已取消该事项',
        legalBasis: '内政发〔2026〕1号',
      }),
      201,
    );
    id = a.id;
    expect(a.rulebookId).toBe('baotou-2023');
    expect(a.filing).toMatchObject({ due: '2026-12-11', provisional: false, workdaysLeft: 9 });
    expect(a.filing.citation).toBe('《包头市政府工作部门权责清单动态管理办法》第十二条');
    expect(a.can).toEqual(
      expect.arrayContaining([
        { action: 'complete', step: 'draft' },
        { action: 'edit', step: null },
      ]),
    );

    const withItems = await expectOk(
      await clerk.put(`/api/adjustments/${id}/items`, { items: [{ targetCode: code }], version: a.version }),
    );
    expect(withItems.preview.diff.changed).toEqual([
      expect.objectContaining({
        code,
        changes: [expect.objectContaining({ field: 'status', before: 'active', after: 'cancelled' })],
      }),
    ]);
    expect(withItems.baseVersion).toBe(await versionOf(t, bodyId));
  });

  it('hands it to the lead unit, who submits it on time', async () => {
    await expectOk(await step('clerk.scjg', 'draft', 'complete'));
    const a = await expectOk(await step('lead.scjg', 'submit', 'complete'));
    expect(a.late).toBe(false);
    expect(a.openSteps).toEqual(['preliminaryReview', 'legalityReview']);
    const review = a.deadlines.find((d: { step: string }) => d.step === 'preliminaryReview');
    // §12: review within 15 working days of receipt (2026-11-30 → 2026-12-21)
    expect(review).toMatchObject({
      state: 'open',
      due: { date: '2026-12-21', citation: '《包头市政府工作部门权责清单动态管理办法》第十二条' },
      workdaysLeft: 15,
      overdue: false,
    });
    // the coordination office's list of what waits for it, with the next deadline
    const waiting = await expectOk(await (await t.login('coord.city')).get('/api/adjustments?waiting=1'));
    expect(waiting.items.find((x: { id: number }) => x.id === id)).toMatchObject({
      nextDue: { step: 'preliminaryReview', date: '2026-12-21', workdaysLeft: 15, overdue: false },
      can: [
        { action: 'complete', step: 'preliminaryReview' },
        { action: 'return', step: 'preliminaryReview' },
      ],
    });
    expect(
      (await expectOk(await (await t.login('gov.city')).get('/api/adjustments?waiting=1'))).items.map(
        (x: { id: number }) => x.id,
      ),
    ).not.toContain(id);
  });

  it('the coordination office and the legal office review it side by side', async () => {
    await expectOk(await step('legal.city', 'legalityReview', 'complete', { note: '合法' }));
    const a = await expectOk(await step('coord.city', 'preliminaryReview', 'complete', { note: '同意' }));
    expect(a.openSteps).toEqual(['consultation']);
  });

  it('refuses a consultation shorter than 5 days, naming the article; opens a 5-day one', async () => {
    const coord = await t.login('coord.city');
    const short = await coord.post(`/api/adjustments/${id}/consultation`, {
      opensOn: '2026-11-30',
      closesOn: '2026-12-04',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('不少于5日');
    expect(short.json().error.message).toContain('第十二条');
    expect(short.json().error.message).toContain('2026-12-05');
    const a = await expectOk(
      await coord.post(`/api/adjustments/${id}/consultation`, { opensOn: '2026-11-30', closesOn: '2026-12-05' }),
    );
    expect(a.consultation).toMatchObject({ opensOn: '2026-11-30', closesOn: '2026-12-05', status: 'open' });
    const early = await step('coord.city', 'consultation', 'complete');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('期满后方可结束');
  });

  it('after the period, reports to the government within 15 working days of its end', async () => {
    at(t, '2026-12-07T09:00:00');
    const a = await expectOk(await step('coord.city', 'consultation', 'complete'));
    expect(a.openSteps).toEqual(['reportToGovernment']);
    // 2026-12-05 + 15 working days = 2026-12-25
    expect(a.deadlines.find((d: { step: string }) => d.step === 'reportToGovernment').due.date).toBe('2026-12-25');
    await expectOk(await step('coord.city', 'reportToGovernment', 'complete'));
  });

  it('the government approves with the normative document number', async () => {
    const none = await step('gov.city', 'approval', 'complete');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain('规范性文件文号');
    const a = await expectOk(
      await step('gov.city', 'approval', 'complete', { normativeDocumentNumber: '包府发〔2026〕12号' }),
    );
    expect(a.normativeDocumentNumber).toBe('包府发〔2026〕12号');
    expect(a.openSteps).toEqual(['publish']);
  });

  it('the office publishes: a new version with the power 已取消, linked to the application', async () => {
    const before = await versionOf(t, bodyId);
    const a = await expectOk(await step('coord.city', 'publish', 'complete'));
    expect(a.publishedVersion).toBe(before! + 1);
    expect((await powerAt(t, bodyId, code))!.status).toBe('cancelled');
    const v = await t.db
      .selectFrom('power_list_version')
      .selectAll()
      .where('body_id', '=', bodyId)
      .where('version', '=', a.publishedVersion)
      .executeTakeFirstOrThrow();
    expect(v).toMatchObject({ source_type: 'adjustment', source_id: id, rulebook_id: 'baotou-2023' });
    // §13.1: platforms updated within 5 working days of publication
    expect(a.deadlines.find((d: { step: string }) => d.step === 'platformSync')).toMatchObject({
      state: 'open',
      due: { date: '2026-12-14' },
    });
  });

  it('a click alone does not confirm the platforms (§13.1): refused, nothing changed', async () => {
    const before = await t.db
      .selectFrom('adjustment')
      .select(['version', 'open_steps'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const res = await step('clerk.scjg', 'platformSync', 'complete', { note: '已同步自治区事项管理平台' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PLATFORM_NOT_RECONCILED');
    expect(res.json().error.message).toContain('对账');
    const after = await t.db
      .selectFrom('adjustment')
      .select(['version', 'open_steps'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('the body attaches a reconciliation with the regional platform, confirms the platforms and files it: done', async () => {
    await reconcileFixture(t, id, await t.login('clerk.scjg'));
    await expectOk(await step('clerk.scjg', 'platformSync', 'complete', { note: '已同步自治区事项管理平台' }));
    const a = await expectOk(await step('lead.scjg', 'filing', 'complete', { note: '已告知各旗县区市场监管局' }));
    expect(a.status).toBe('done');
    expect(a.openSteps).toEqual([]);
    expect(a.deadlines.every((d: { state: string }) => d.state === 'done')).toBe(true);
    expect(a.deadlines.filter((d: { onTime: boolean | null }) => d.onTime === false)).toEqual([]);
  });

  it('left one audit event per transition, and tasks in each next person’s inbox', async () => {
    const events = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_type', '=', 'adjustment')
      .where('object_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'adjustment.created',
      'adjustment.itemsSet',
      'adjustment.drafted',
      'adjustment.submitted',
      'adjustment.legalityReviewPassed',
      'adjustment.preliminaryReviewPassed',
      'adjustment.consultationOpened',
      'adjustment.consultationClosed',
      'adjustment.reportedToGovernment',
      'adjustment.approved',
      'adjustment.published',
      'regionalPlatform.syncAttached',
      'adjustment.platformSynced',
      'adjustment.filed',
    ]);
    // each task was delivered; the application is done, so none is still listed (issue 9.7)
    const delivered = await t.db
      .selectFrom('inbox_item')
      .select(['kind', 'step'])
      .where('adjustment_id', '=', id)
      .where('kind', '=', 'task')
      .execute();
    expect(delivered.map((i) => i.step)).toEqual(expect.arrayContaining(['approval', 'submit', 'filing']));
    const gov = await expectOk(await (await t.login('gov.city')).get('/api/inbox'));
    expect(
      gov.items.filter((i: { adjustmentId: number; kind: string }) => i.adjustmentId === id && i.kind === 'task'),
    ).toEqual([]);
    const lead = await expectOk(await (await t.login('lead.scjg')).get('/api/inbox'));
    expect(
      lead.items.filter((i: { adjustmentId: number; kind: string }) => i.adjustmentId === id && i.kind === 'task'),
    ).toEqual([]);
    expect(lead.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'notice', adjustmentId: id })]));
  });
});
