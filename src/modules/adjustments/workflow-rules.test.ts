// The transition rules at the API: each step only in its state and to its role, never on one's
// own application, scoped to what the actor may see (another body's application is a 404);
// returns, rejections and withdrawals with reasons, keeping their history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { makeComment } from '../consultations/test-factory.js';
import { grant } from '../register/test-support.js';
import { at, bodyIdOf, draftApplication, drive, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let codes: string[];
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [
    power('甲项许可'),
    power('乙项许可'),
    power('丙项许可'),
    power('丁项许可'),
  ]));
});
afterAll(() => t.close());

const cancel = (code: string, clerk = 'clerk.scjg') =>
  draftApplication(t, clerk, { title: `取消${code}`, kind: 'cancel' }, [{ targetCode: code }]);
const post = async (user: string, url: string, body: object = {}) => (await t.login(user)).post(url, body);

describe('in review: who may do what (table-driven)', () => {
  let id: number;
  beforeAll(async () => {
    id = await cancel(codes[0]);
    await drive(t, id, 'preliminaryReview');
  });

  // [user, step, action, HTTP status, error code]
  const table: [string, string, string, number, string | null][] = [
    ['clerk.scjg', 'preliminaryReview', 'complete', 403, 'FORBIDDEN'],
    ['lead.scjg', 'legalityReview', 'complete', 403, 'FORBIDDEN'],
    ['legal.city', 'preliminaryReview', 'complete', 403, 'FORBIDDEN'],
    ['gov.city', 'preliminaryReview', 'return', 403, 'FORBIDDEN'],
    ['gov.city', 'approval', 'complete', 409, 'INVALID_STATE'],
    ['coord.city', 'publish', 'complete', 409, 'INVALID_STATE'],
    ['coord.city', 'reportToGovernment', 'complete', 409, 'INVALID_STATE'],
    ['clerk.scjg', 'draft', 'complete', 409, 'INVALID_STATE'],
    ['lead.scjg', 'submit', 'complete', 409, 'INVALID_STATE'],
    ['coord.city', 'preliminaryReview', 'reject', 409, 'INVALID_STATE'],
    // another level's office and another body cannot even see it
    ['coord.kdl', 'preliminaryReview', 'complete', 404, 'NOT_FOUND'],
    ['clerk.zjj', 'preliminaryReview', 'complete', 404, 'NOT_FOUND'],
    ['lead.kdl.scjg', 'legalityReview', 'complete', 404, 'NOT_FOUND'],
    // the right people
    ['legal.city', 'legalityReview', 'complete', 200, null],
    ['coord.city', 'preliminaryReview', 'complete', 200, null],
  ];
  it.each(table)('%s %s/%s → %i', async (user, stepId, action, status, code) => {
    const res = await post(
      user,
      `/api/adjustments/${id}/steps/${stepId}/${action}`,
      action === 'complete' ? {} : { reason: '理由说明' },
    );
    expect(res.statusCode, res.body).toBe(status);
    if (code) {
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('a refused attempt changed nothing', async () => {
    const events = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_type', '=', 'adjustment')
      .where('object_id', '=', String(id))
      .execute();
    expect(events.filter((e) => e.action.endsWith('ReviewPassed'))).toHaveLength(2);
  });
});

describe('scope', () => {
  it('another body’s clerk gets 404 and does not see it in the list; the upper level office sees the lower level’s', async () => {
    const id = await cancel(codes[1]);
    expect((await (await t.login('clerk.zjj')).get(`/api/adjustments/${id}`)).statusCode).toBe(404);
    expect(
      (await expectOk(await (await t.login('clerk.zjj')).get('/api/adjustments'))).items.map(
        (a: { id: number }) => a.id,
      ),
    ).not.toContain(id);
    expect(
      (await expectOk(await (await t.login('coord.city')).get('/api/adjustments'))).items.map(
        (a: { id: number }) => a.id,
      ),
    ).toContain(id);
    expect((await (await t.login('coord.kdl')).get(`/api/adjustments/${id}`)).statusCode).toBe(404);
    expect((await (await t.login('sysadmin')).get(`/api/adjustments/${id}`)).statusCode).toBe(404);
    await expectOk(await post('clerk.scjg', `/api/adjustments/${id}/withdraw`, { reason: '测试完毕' }));
  });

  it('a clerk cannot draft for another body', async () => {
    const res = await post('clerk.zjj', '/api/adjustments', {
      bodyId: await bodyIdOf(t, '包头市市场监督管理局'),
      title: '越权起草',
      kind: 'add',
      triggerKind: 'other',
      triggerDate: '2026-11-27',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('no one acts on a step of their own application (SELF_REVIEW)', () => {
  it('a coordinator who drafted it cannot review it', async () => {
    await grant(
      t,
      'clerk.scjg',
      (
        await t.db
          .selectFrom('body')
          .select('id')
          .where('region_code', '=', '150200')
          .where('office', '=', 'coordination')
          .executeTakeFirstOrThrow()
      ).id,
      'coordinator',
    );
    const id = await cancel(codes[2]);
    await drive(t, id, 'preliminaryReview');
    const refused = async () =>
      (await t.db.selectFrom('audit_event').select('after').where('action', '=', 'security.refused').execute()).map(
        (r) => (r.after as { code: string }).code,
      );
    const before = {
      app: await t.db.selectFrom('adjustment').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      refusals: (await refused()).length,
    };
    const res = await post('clerk.scjg', `/api/adjustments/${id}/steps/preliminaryReview/complete`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SELF_REVIEW');
    // issue 9.8: a self-review is a security event of its own, and the application is untouched
    expect((await refused()).slice(before.refusals)).toEqual(['SELF_REVIEW']);
    expect(await t.db.selectFrom('adjustment').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(
      before.app,
    );
    expect(
      (await post('clerk.scjg', `/api/adjustments/${id}/steps/preliminaryReview/return`, { reason: '自己退回' })).json()
        .error.code,
    ).toBe('SELF_REVIEW');
    const detail = await expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${id}`));
    expect(detail.can.filter((c: { step: string | null }) => c.step === 'preliminaryReview')).toEqual([]);
    await expectOk(await post('coord.city', `/api/adjustments/${id}/steps/preliminaryReview/complete`));
  });

  it('a lead unit cannot submit a draft it wrote itself', async () => {
    await grant(t, 'lead.scjg', await bodyIdOf(t, '包头市市场监督管理局'), 'clerk');
    const id = await draftApplication(
      t,
      'lead.scjg',
      { title: '牵头机构自拟', kind: 'cancel', bodyId: await bodyIdOf(t, '包头市市场监督管理局') },
      [{ targetCode: codes[3] }],
    );
    await expectOk(await post('lead.scjg', `/api/adjustments/${id}/steps/draft/complete`));
    const res = await post('lead.scjg', `/api/adjustments/${id}/steps/submit/complete`);
    expect(res.json().error.code).toBe('SELF_REVIEW');
    await expectOk(await post('lead.scjg', `/api/adjustments/${id}/withdraw`, { reason: '改由经办人起草' }));
  });
});

describe('returns, rejections and withdrawals', () => {
  it('a return needs a reason, starts a new round at the draft step and tells the applicant', async () => {
    const id = await cancel(codes[1]);
    await drive(t, id, 'preliminaryReview');
    await expectOk(await post('legal.city', `/api/adjustments/${id}/steps/legalityReview/complete`));
    const noReason = await post('coord.city', `/api/adjustments/${id}/steps/preliminaryReview/return`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const a = await expectOk(
      await post('coord.city', `/api/adjustments/${id}/steps/preliminaryReview/return`, {
        reason: '依据不充分，请补充上级文件',
      }),
    );
    expect(a).toMatchObject({ round: 2, openSteps: ['draft'], completedSteps: [], status: 'open' });
    expect(a.history.map((h: { action: string }) => h.action)).toContain('return');
    const inbox = await expectOk(await (await t.login('clerk.scjg')).get('/api/inbox'));
    expect(inbox.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'notice',
          title: expect.stringContaining('退回修改'),
          body: expect.stringContaining('依据不充分'),
        }),
      ]),
    );
    // the second round runs both reviews again
    const again = await drive(t, id, 'consultation');
    expect(again.firstSubmittedAt).toBe(a.firstSubmittedAt);
    expect(
      again.history.filter(
        (h: { step: string; action: string }) => h.step === 'legalityReview' && h.action === 'complete',
      ),
    ).toHaveLength(2);
  });

  it('the government can refuse; nothing more can happen then', async () => {
    const id = await cancel(codes[1]);
    await drive(t, id, 'approval');
    const a = await expectOk(
      await post('gov.city', `/api/adjustments/${id}/steps/approval/reject`, { reason: '暂不取消' }),
    );
    expect(a).toMatchObject({ status: 'rejected', closedReason: '暂不取消', openSteps: [] });
    expect((await post('coord.city', `/api/adjustments/${id}/steps/publish/complete`)).statusCode).toBe(409);
    expect((await post('clerk.scjg', `/api/adjustments/${id}/withdraw`, { reason: '撤回' })).statusCode).toBe(409);
  });

  it('the consultation cannot end while a public comment has no disposition (§15)', async () => {
    const id = await cancel(codes[1]);
    await drive(t, id, 'consultation');
    const opened = await expectOk(
      await post('coord.city', `/api/adjustments/${id}/consultation`, { closesOn: '2027-06-10' }),
    );
    await makeComment(t.db, opened.consultation.id, 1);
    at(t, '2027-06-11T09:00:00');
    const res = await post('coord.city', `/api/adjustments/${id}/steps/consultation/complete`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('尚有1条公众意见未作处理');
    await expectOk(await post('clerk.scjg', `/api/adjustments/${id}/withdraw`, { reason: '测试完毕' }));
  });

  it('the applicant can withdraw during the consultation, which is then cancelled', async () => {
    const id = await cancel(codes[1]);
    await drive(t, id, 'consultation');
    await expectOk(await post('coord.city', `/api/adjustments/${id}/consultation`, { closesOn: '2027-12-31' }));
    expect((await post('coord.city', `/api/adjustments/${id}/withdraw`, { reason: '不是申请单位' })).statusCode).toBe(
      403,
    );
    const a = await expectOk(
      await post('lead.scjg', `/api/adjustments/${id}/withdraw`, { reason: '上级文件暂缓执行' }),
    );
    expect(a.status).toBe('withdrawn');
    expect(a.consultation.status).toBe('cancelled');
  });
});
