// Issue 13.1–13.2 through the API on a real database: a 下放 is submitted only with a prior
// assessment that answers the three refusals "no" (§13.2 ¶1), and goes to the government only when
// every related body has answered or the office has said why it need not wait (§13.2 ¶2). Each
// refusal: a Chinese message, a stable code, nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { dueFor, getRulebook, type RulebookId } from '../../core/rulebook/index.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import {
  assessmentFixture,
  at,
  auditActionsOf,
  bodyIdOf,
  draftApplication,
  drive,
  expectOk,
  power,
  publishFixture,
} from '../adjustments/test-fixtures.js';

let t: TestApp;
let kdl: number;
let zjj: number;
let codes: string[];

const audits = (id: number) => auditActionsOf(t, id);
const state = async (id: number) => {
  const a = await expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${id}`));
  return { status: a.status, openSteps: a.openSteps, version: a.version, audits: await audits(id) };
};

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-02T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [
    power('电梯维保单位备案', 'BA'),
    power('气瓶充装许可', 'XK'),
  ]));
  kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
  zjj = await bodyIdOf(t, '包头市住房和城乡建设局');
}, 120_000);
afterAll(() => t?.close());

const delegate = (title: string, code: string) =>
  draftApplication(t, 'clerk.scjg', { title, kind: 'delegate', receivingBodyId: kdl, takeover: '见事前评估' }, [
    { targetCode: code },
  ]);

describe('事前调研评估 (§13.2 ¶1)', () => {
  let id: number;
  beforeAll(async () => {
    id = await delegate('下放“电梯维保单位备案”', codes[0]!);
    expect((await drive(t, id, 'submit')).openSteps).toEqual(['submit']);
  }, 120_000);

  it('without an assessment the lead unit cannot submit: 409 INVALID_STATE naming §13.2, nothing changed', async () => {
    const before = await state(id);
    const res = await (await t.login('lead.scjg')).post(`/api/adjustments/${id}/steps/submit/complete`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
    expect(res.json().error.message).toContain('尚未完成事前调研评估');
    expect(res.json().error.message).toContain('第十三条第2项');
    expect(await state(id)).toEqual(before);
  });

  it('a refusal answered "yes" is recorded, and the application still cannot be submitted', async () => {
    const clerk = await t.login('clerk.scjg');
    const d = await expectOk(
      await clerk.put(`/api/adjustments/${id}/delegation/assessment`, assessmentFixture('2026-11-01', ['unlawful'])),
    );
    expect(d.assessment.permitsSubmission).toBe(false);
    expect(d.assessment.refusals.unlawful).toEqual({ answer: 'yes', reason: '经评估存在该情形' });
    const before = await state(id);
    const res = await (await t.login('lead.scjg')).post(`/api/adjustments/${id}/steps/submit/complete`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'INVALID_STATE' });
    expect(res.json().error.message).toContain('违反法律法规的不放');
    expect(await state(id)).toEqual(before);
  });

  it('bad input is refused in Chinese and changes nothing', async () => {
    const clerk = await t.login('clerk.scjg');
    const body = assessmentFixture('2026-11-01');
    const noReason = { ...body, refusals: { ...body.refusals, policyRisk: { answer: 'no', reason: '' } } };
    const before = await state(id);
    const r1 = await clerk.put(`/api/adjustments/${id}/delegation/assessment`, noReason);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.code).toBe('VALIDATION_FAILED');
    expect(r1.json().error.message).toContain('请填写理由');
    const foreign = {
      ...body,
      sections: { ...body.sections, staff: { ...body.sections.staff, attachmentIds: [999999] } },
    };
    const r2 = await clerk.put(`/api/adjustments/${id}/delegation/assessment`, foreign);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.message).toContain('证明材料须为本申请已上传的附件');
    expect(await state(id)).toEqual(before);
    const d = await expectOk(await clerk.get(`/api/adjustments/${id}/delegation`));
    expect(d.assessment.refusals.unlawful.answer).toBe('yes');
  });

  it('only the applicant records it; the offices see it in their review; others get 404', async () => {
    const r = await (await t.login('lead.kdl.scjg')).put(
      `/api/adjustments/${id}/delegation/assessment`,
      assessmentFixture('2026-11-01'),
    );
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
    for (const office of ['coord.city', 'legal.city']) {
      const d = await expectOk(await (await t.login(office)).get(`/api/adjustments/${id}/delegation`));
      expect(d.assessment.sections.staff).toMatchObject({ assessor: '王建国', finding: expect.any(String) });
      expect(d.can.assess).toBe(false);
    }
    expect((await (await t.login('clerk.zjj')).get(`/api/adjustments/${id}/delegation`)).statusCode).toBe(404);
  });

  it('with every refusal answered "no" it is submitted; afterwards the assessment is closed', async () => {
    const clerk = await t.login('clerk.scjg');
    await expectOk(await clerk.put(`/api/adjustments/${id}/delegation/assessment`, assessmentFixture('2026-11-01')));
    await expectOk(await (await t.login('lead.scjg')).post(`/api/adjustments/${id}/steps/submit/complete`));
    expect(await audits(id)).toEqual(expect.arrayContaining(['delegation.assessed', 'adjustment.submitted']));
    const r = await clerk.put(`/api/adjustments/${id}/delegation/assessment`, assessmentFixture('2026-11-01'));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('调整申请已报送');
  });
});

describe('同步征求关联部门意见 (§13.2 ¶2)', () => {
  let id: number;
  let zjjRequest: number;
  beforeAll(async () => {
    id = await delegate('下放“气瓶充装许可”', codes[1]!);
    const clerk = await t.login('clerk.scjg');
    const d = await expectOk(await clerk.post(`/api/adjustments/${id}/delegation/related`, { bodyIds: [zjj] }));
    zjjRequest = d.related[0].id;
  }, 120_000);

  it("each related body gets a task in its lead unit's inbox, due by the rulebook's clock", async () => {
    const d = await expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${id}/delegation`));
    const a = await expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${id}`));
    const rb = getRulebook(a.rulebook.id as RulebookId);
    const due = dueFor(rb, rb.delegation.relatedBodyClock, '2026-11-02', await loadCalendar(t.db));
    expect(d.related).toEqual([
      expect.objectContaining({ bodyName: '包头市住房和城乡建设局', askedOn: '2026-11-02', dueOn: due.date }),
    ]);
    expect(d.related[0].dueCitation).toContain('第十三条');
    const inbox = await expectOk(await (await t.login('lead.zjj')).get('/api/inbox'));
    expect(inbox.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ adjustmentId: id, kind: 'task', dueOn: due.date })]),
    );
    const mine = await expectOk(await (await t.login('lead.zjj')).get('/api/delegation/requests'));
    expect(mine.items[0]).toMatchObject({ id: zjjRequest, adjustmentId: id, answer: null });
  });

  it('cannot go to the government before every related body has answered: nothing changed', async () => {
    expect((await drive(t, id, 'reportToGovernment')).openSteps).toEqual(['reportToGovernment']);
    const before = await state(id);
    const res = await (await t.login('coord.city')).post(`/api/adjustments/${id}/steps/reportToGovernment/complete`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
    expect(res.json().error.message).toContain('关联部门（包头市住房和城乡建设局）尚未回复意见');
    expect(await state(id)).toEqual(before);
  });

  it('the related body answers once, with reasons for anything but 同意; nobody else answers', async () => {
    const lead = await t.login('lead.zjj');
    const bad = await lead.post(`/api/delegation/related/${zjjRequest}/answer`, {
      answer: 'conditional',
      reason: '',
      ownApprovalMovesDown: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('有条件同意或不同意的，请说明理由');
    for (const other of ['clerk.zjj', 'lead.scjg', 'coord.city']) {
      const r = await (await t.login(other)).post(`/api/delegation/related/${zjjRequest}/answer`, {
        answer: 'agree',
        ownApprovalMovesDown: false,
      });
      expect(r.statusCode).toBe(404);
    }
    const d = await expectOk(
      await lead.post(`/api/delegation/related/${zjjRequest}/answer`, {
        answer: 'conditional',
        reason: '燃气经营许可的现场核查同步下放至区住建局',
        ownApprovalMovesDown: true,
      }),
    );
    expect(d.related[0]).toMatchObject({ answer: 'conditional', ownApprovalMovesDown: true, canAnswer: false });
    const again = await lead.post(`/api/delegation/related/${zjjRequest}/answer`, {
      answer: 'agree',
      ownApprovalMovesDown: false,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('a body that does not answer is waived only by the office, with a reason; then it goes on', async () => {
    const scjgLead = await t.login('clerk.scjg');
    const other = await bodyIdOf(t, '包头市公安局');
    const d = await expectOk(await scjgLead.post(`/api/adjustments/${id}/delegation/related`, { bodyIds: [other] }));
    const req = d.related.find((r: { bodyId: number }) => r.bodyId === other).id;
    const refused = await (await t.login('coord.city')).post(
      `/api/adjustments/${id}/steps/reportToGovernment/complete`,
    );
    expect(refused.json().error.message).toContain('包头市公安局');
    const byClerk = await scjgLead.post(`/api/delegation/related/${req}/waive`, { reason: '逾期未回复' });
    expect(byClerk.statusCode).toBe(403);
    const w = await expectOk(
      await (await t.login('coord.city')).post(`/api/delegation/related/${req}/waive`, {
        reason: '该局书面答复不涉及本事项',
      }),
    );
    expect(w.related.find((r: { id: number }) => r.id === req)).toMatchObject({
      waivedReason: '该局书面答复不涉及本事项',
    });
    await expectOk(
      await (await t.login('coord.city')).post(`/api/adjustments/${id}/steps/reportToGovernment/complete`),
    );
    expect(await audits(id)).toEqual(
      expect.arrayContaining(['delegation.relatedNamed', 'delegation.relatedAnswered', 'delegation.relatedWaived']),
    );
  });
});

describe('演示数据：市市场监督管理局下放“特种设备使用登记”至昆都仑区市场监督管理局', () => {
  it('carries every record of §13.2–§13.5 and waits only for the office to publish', async () => {
    const row = await t.db
      .selectFrom('adjustment')
      .select('id')
      .where('title', '=', '下放“特种设备使用登记”至昆都仑区市场监督管理局')
      .executeTakeFirstOrThrow();
    const a = await expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${row.id}`));
    expect(a.openSteps).toEqual(['publish']);
    const d = await expectOk(await (await t.login('lead.kdl.scjg')).get(`/api/adjustments/${row.id}/delegation`));
    expect(d.assessment.permitsSubmission).toBe(true);
    expect(d.related).toEqual([expect.objectContaining({ bodyName: '包头市住房和城乡建设局', answer: 'agree' })]);
    expect(d.trainings).toHaveLength(2);
    expect(d.trainingNeeds).toEqual([expect.objectContaining({ label: '审批审核备案类', missing: [] })]);
    expect(d.handover.complete).toBe(true);
    expect(d.handover.items.find((i: { item: string }) => i.item === 'caseFiles').count).toBe(318);
    expect(d.findings).toEqual([]);
  });
});
