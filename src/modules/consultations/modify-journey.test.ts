// Acceptance (issue 4, API/HTML level): a modify application whose consultation receives a
// comment that gets a disposition, visible on the portal afterwards — through the adjustments
// API for the procedure and the public portal for the comment (§12, §15; baotou-2023).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, expectOk, power, powerAt, publishFixture } from '../adjustments/test-fixtures.js';

let t: TestApp;
let code: string;
let bodyId: number;
let id: number;
let consultationId: number;

const step = async (user: string, s: string, body: object = {}) =>
  expectOk(await (await t.login(user)).post(`/api/adjustments/${id}/steps/${s}/complete`, body));

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({
    bodyId,
    codes: [code],
  } = await publishFixture(t, '包头市市场监督管理局', [
    power('食品经营许可', 'XK', { implementingAgency: '食品经营监管科' }),
  ]));
});
afterAll(() => t.close());

describe('a modify application with a public comment and its disposition', () => {
  it('is drafted, submitted, reviewed and put out for consultation', async () => {
    const clerk = await t.login('clerk.scjg');
    id = (
      await expectOk(
        await clerk.post('/api/adjustments', {
          title: '调整“食品经营许可”的实施机构',
          kind: 'modify',
          triggerKind: 'dutyAdjustment',
          triggerDate: '2026-11-20',
          reason: '内设机构调整，许可统一由行政审批服务科办理',
          legalBasis: '包头市市场监督管理局“三定”规定（2026年修订）',
        }),
        201,
      )
    ).id;
    await expectOk(
      await clerk.put(`/api/adjustments/${id}/items`, {
        items: [{ targetCode: code, values: { implementingAgency: '行政审批服务科' } }],
        version: 1,
      }),
    );
    await step('clerk.scjg', 'draft');
    await step('lead.scjg', 'submit');
    await step('legal.city', 'legalityReview');
    await step('coord.city', 'preliminaryReview');
    const a = await expectOk(
      await (await t.login('coord.city')).post(`/api/adjustments/${id}/consultation`, {
        opensOn: '2026-11-30',
        closesOn: '2026-12-06',
      }),
    );
    consultationId =
      a.consultation.id ??
      (await t.db.selectFrom('consultation').select('id').where('adjustment_id', '=', id).executeTakeFirstOrThrow()).id;
  });

  it('the portal shows the change in plain words; a citizen comments without JavaScript', async () => {
    const page = await t.anon.get(`/consultations/${consultationId}`);
    expect(page.body).toContain('将“实施机构”由“食品经营监管科”修改为“行政审批服务科”');
    const token = /name="token" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await t.anon.request(
      'POST',
      `/consultations/${consultationId}/comments`,
      new URLSearchParams({
        token,
        name: '张先生',
        contact: 'zhang@example.com',
        content: '建议同时保留原窗口的咨询服务，方便老年人办理。',
      }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(res.statusCode).toBe(303);
  });

  it('the coordination office records a disposition; the portal publishes it after the period', async () => {
    const coord = await t.login('coord.city');
    const [comment] = await expectOk(await coord.get(`/api/consultations/${consultationId}/comments`));
    expect(comment.contact).toBe('zhang@example.com');
    await expectOk(
      await coord.put(`/api/consultations/${consultationId}/comments/${comment.id}/disposition`, {
        disposition: 'adopted',
        reason: '行政审批服务科设咨询岗，原窗口保留咨询服务。',
      }),
    );

    at(t, '2026-12-07T09:00:00');
    await step('coord.city', 'consultation');
    const done = await step('coord.city', 'publish');
    expect((await powerAt(t, bodyId, code))!.implementingAgency).toBe('行政审批服务科');

    const page = (await t.anon.get(`/consultations/${consultationId}`)).body;
    expect(page).toContain('处理结果：采纳');
    expect(page).toContain('行政审批服务科设咨询岗，原窗口保留咨询服务。');
    expect(page).toContain(`形成包头市市场监督管理局权责清单第 ${done.publishedVersion} 版`);
    expect(page).not.toContain('zhang@example.com');
  });
});
