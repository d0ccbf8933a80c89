// Issue 9.4 at the API: the legality review by the office the rulebook names for the body's level
// (§5, §12, §13.1), and a government decision (审定) that only the government can revoke.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, draftApplication, drive, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let city: string[];
let kdl: string[];
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({ codes: city } = await publishFixture(t, '包头市市场监督管理局', [power('甲项许可'), power('乙项许可')]));
  ({ codes: kdl } = await publishFixture(t, '昆都仑区市场监督管理局', [
    power('区级甲项许可', 'XK', { responsibleSubject: '昆都仑区市场监督管理局' }),
  ]));
});
afterAll(() => t.close());

const KDL = {
  clerk: 'clerk.kdl.scjg',
  leadUnit: 'lead.kdl.scjg',
  coordinator: 'coord.kdl',
  legalReviewer: 'legal.kdl',
  approver: 'gov.kdl',
};
const post = async (user: string, url: string, body: object = {}) => (await t.login(user)).post(url, body);
const row = (id: number) =>
  t.db
    .selectFrom('adjustment')
    .select([
      'status',
      'completed_steps',
      'open_steps',
      'approved_at',
      'normative_document_number',
      'round',
      'updated_at',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const audits = async (id: number) =>
  await t.db
    .selectFrom('audit_event')
    .select(['action', 'before', 'after'])
    .where('object_type', '=', 'adjustment')
    .where('object_id', '=', String(id))
    .orderBy('seq')
    .execute();

describe('§5: the legality review by the office the rulebook names for the level', () => {
  it('at a 旗县区 the coordination office may do it (baotou-2023: 协调小组办公室或法制机构)', async () => {
    const id = await draftApplication(t, KDL.clerk, { title: '取消区级事项', kind: 'cancel' }, [
      { targetCode: kdl[0] },
    ]);
    const a = await drive(t, id, 'preliminaryReview', KDL);
    expect(a.deadlines.find((d: { step: string }) => d.step === 'legalityReview').roles).toEqual([
      'legalReviewer',
      'coordinator',
    ]);
    expect((await expectOk(await (await t.login('coord.kdl')).get(`/api/adjustments/${id}`))).can).toEqual(
      expect.arrayContaining([
        { action: 'complete', step: 'legalityReview' },
        { action: 'complete', step: 'preliminaryReview' },
      ]),
    );
    await expectOk(
      await post('coord.kdl', `/api/adjustments/${id}/steps/legalityReview/complete`, { note: '经审查合法' }),
    );
    const rec = await t.db
      .selectFrom('adjustment_step_record')
      .select(['actor_role'])
      .where('adjustment_id', '=', id)
      .where('step', '=', 'legalityReview')
      .executeTakeFirstOrThrow();
    expect(rec.actor_role).toBe('coordinator');
    expect((await audits(id)).map((e) => e.action)).toContain('adjustment.legalityReviewPassed');
  });

  it('at the city the rulebook keeps it with the 法制机构: the coordination office is refused, nothing changes', async () => {
    const id = await draftApplication(t, 'clerk.scjg', { title: '取消市级事项', kind: 'cancel' }, [
      { targetCode: city[1] },
    ]);
    await drive(t, id, 'preliminaryReview');
    const before = await row(id);
    const n = (await audits(id)).length;
    const res = await post('coord.city', `/api/adjustments/${id}/steps/legalityReview/complete`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(res.json().error.message).toContain('“合法性审查”由法制机构办理');
    expect(await row(id)).toEqual(before);
    expect(await audits(id)).toHaveLength(n);
  });
});

describe('§12, §13.1: once the government has decided, only it may revoke its decision', () => {
  let id: number;
  beforeAll(async () => {
    id = await draftApplication(t, 'clerk.scjg', { title: '取消甲项许可', kind: 'cancel' }, [{ targetCode: city[0] }]);
    const a = await drive(t, id, 'publish');
    expect(a.normativeDocumentNumber).toBe(`包府发〔2026〕${id}号`);
  });

  // [user, url, body, HTTP status, error code, words in the message]
  const refusals: [string, string, object, number, string, string][] = [
    ['clerk.scjg', 'withdraw', { reason: '不再需要' }, 409, 'INVALID_STATE', '本级人民政府已审定'],
    ['lead.scjg', 'withdraw', { reason: '不再需要' }, 409, 'INVALID_STATE', '本级人民政府已审定'],
    ['coord.city', 'steps/publish/return', { reason: '材料有误' }, 409, 'INVALID_STATE', '不能退回修改'],
    ['clerk.scjg', 'rebase', {}, 409, 'INVALID_STATE', '本级人民政府已审定'],
    ['coord.city', 'revoke', { reason: '报请有误' }, 403, 'FORBIDDEN', '只有本级人民政府可以撤销审定决定'],
    ['gov.kdl', 'revoke', { reason: '报请有误' }, 404, 'NOT_FOUND', '调整申请'],
    ['gov.city', 'revoke', {}, 400, 'VALIDATION_FAILED', '理由'],
    ['gov.city', 'revoke', { reason: ' ' }, 400, 'VALIDATION_FAILED', '理由'],
  ];
  it.each(refusals)('%s %s → %i %s, nothing changes', async (user, path, body, status, code, words) => {
    const before = await row(id);
    const n = (await audits(id)).length;
    const res = await post(user, `/api/adjustments/${id}/${path}`, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toContain(words);
    if (code === 'VALIDATION_FAILED') expect(JSON.stringify(res.json().error.details)).toContain('reason');
    expect(await row(id)).toEqual(before);
    expect(before.normative_document_number).toBe(`包府发〔2026〕${id}号`);
    expect(await audits(id)).toHaveLength(n);
  });

  it('the government revokes with a reason: the approval step is open again, the revoked 文号 is in the audit and the history', async () => {
    const a = await expectOk(
      await post('gov.city', `/api/adjustments/${id}/revoke`, { reason: '规范性文件须重新制发' }),
    );
    expect(a.status).toBe('open');
    expect(a.openSteps).toEqual(['approval']);
    expect(a.normativeDocumentNumber).toBeNull();
    expect(a.approvedAt).toBeNull();
    const last = (await audits(id)).at(-1)!;
    expect(last.action).toBe('adjustment.approvalRevoked');
    expect(last.after).toMatchObject({
      reason: '规范性文件须重新制发',
      revokedNumber: `包府发〔2026〕${id}号`,
      openSteps: ['approval'],
    });
    expect(a.history.at(-1)).toMatchObject({ action: 'revoke', actorRole: 'approver', reason: '规范性文件须重新制发' });
    // the coordination office and the applicant hear of it
    const inbox = await t.db
      .selectFrom('inbox_item as i')
      .innerJoin('app_user as u', 'u.id', 'i.user_id')
      .select(['u.username', 'i.title'])
      .where('i.adjustment_id', '=', id)
      .where('i.title', 'like', '%撤销了审定决定%')
      .execute();
    expect(inbox.map((x) => x.username)).toEqual(expect.arrayContaining(['coord.city', 'clerk.scjg']));
  });

  it('nothing is left to revoke then; the government decides again and the application goes on', async () => {
    const res = await post('gov.city', `/api/adjustments/${id}/revoke`, { reason: '再次撤销' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
    const again = await expectOk(
      await post('gov.city', `/api/adjustments/${id}/steps/approval/complete`, {
        normativeDocumentNumber: '包府发〔2026〕99号',
      }),
    );
    expect(again.openSteps).toEqual(['publish']);
    expect(again.normativeDocumentNumber).toBe('包府发〔2026〕99号');
  });
});
