// 编制公布 (spec §2) through every role: clerk drafts, lead unit submits, the coordination and
// legal offices review (return with reason, then pass), the coordination office publishes v1.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { licencePower, penaltyPower } from './fixtures.js';
import { grant, unlistedBody, type UnlistedBody } from './test-support.js';

let t: TestApp;
let body: UnlistedBody;
let clerk: Client, lead: Client, coord: Client, legal: Client;
let draftId: number;

beforeAll(async () => {
  t = await setupTestApp();
  body = await unlistedBody(t, '包头市测试编制局', [
    { username: 'clerk.test', roles: ['clerk'] },
    { username: 'lead.test', roles: ['leadUnit'] },
    { username: 'both.test', roles: ['clerk', 'leadUnit'] },
  ]);
  [clerk, lead, coord, legal] = await Promise.all(
    ['clerk.test', 'lead.test', 'coord.city', 'legal.city'].map((u) => t.login(u)),
  );
});
afterAll(() => t.close());

describe('first compilation', () => {
  it('the clerk creates the draft and adds powers; codes are issued on save', async () => {
    const res = await clerk.post('/api/list-drafts', { bodyId: body.bodyId });
    expect(res.statusCode).toBe(201);
    draftId = res.json().id;
    expect(res.json().status).toBe('drafting');
    expect((await clerk.post('/api/list-drafts', { bodyId: body.bodyId })).json().error.code).toBe('CONFLICT');

    const a = await clerk.post(`/api/list-drafts/${draftId}/powers`, licencePower('食品经营许可'));
    expect(a.statusCode).toBe(201);
    expect(a.json().code).toBe(`${body.prefix}-XK-00001-000`);
    expect(a.json().legalBases[0]).toMatchObject({
      documentName: '《中华人民共和国行政许可法》',
      level: '法律',
      article: '第十二条',
    });
    expect(typeof a.json().legalBases[0].documentId).toBe('number');
    expect(a.json().responsibilities.map((r: { order: number }) => r.order)).toEqual([1, 2, 3]);

    const sub = await clerk.post(
      `/api/list-drafts/${draftId}/powers`,
      licencePower('食品经营许可（新办）', { parentCode: a.json().code }),
    );
    expect(sub.json()).toMatchObject({ code: `${body.prefix}-XK-00001-001`, parentCode: a.json().code });

    const batch = await clerk.post(`/api/list-drafts/${draftId}/powers/batch`, {
      powers: [
        { ...penaltyPower('对未取得食品经营许可从事食品经营活动的处罚'), ref: 'm' },
        { ...penaltyPower('对未取得食品经营许可从事食品经营活动的处罚（首次）'), parentRef: 'm' },
      ],
    });
    expect(batch.statusCode).toBe(201);
    expect(batch.json().codes).toEqual([`${body.prefix}-CF-00001-000`, `${body.prefix}-CF-00001-001`]);

    const duties = await clerk.put(`/api/list-drafts/${draftId}/duties`, {
      duties: [{ name: '食品安全监督管理', content: '负责食品安全监督管理工作。' }],
      version: 1,
    });
    expect(duties.statusCode).toBe(200);
    const issued = await t.db.selectFrom('power_code').select('code').where('body_id', '=', body.bodyId).execute();
    expect(issued).toHaveLength(4);
  });

  it('another body, another level or another role: 404 or 403', async () => {
    const other = await t.login('clerk.scjg');
    expect((await other.get(`/api/list-drafts/${draftId}`)).statusCode).toBe(404);
    expect((await other.post(`/api/list-drafts/${draftId}/powers`, licencePower('越权添加'))).statusCode).toBe(404);
    expect(
      (await (await t.login('coord.kdl')).post(`/api/list-drafts/${draftId}/preliminary-review`, { decision: 'pass' }))
        .statusCode,
    ).toBe(404);
    expect((await other.post('/api/list-drafts', { bodyId: body.bodyId })).statusCode).toBe(404);
    expect((await other.get('/api/list-drafts')).json().some((d: { id: number }) => d.id === draftId)).toBe(false);
    expect((await coord.get('/api/list-drafts')).json().some((d: { id: number }) => d.id === draftId)).toBe(true);
    // visible, but not theirs to do
    expect((await clerk.post(`/api/list-drafts/${draftId}/submit`)).json().error.code).toBe('FORBIDDEN');
    expect(
      (await lead.post(`/api/list-drafts/${draftId}/powers`, licencePower('牵头机构添加'))).json().error.code,
    ).toBe('FORBIDDEN');
    expect(
      (await coord.post(`/api/list-drafts/${draftId}/preliminary-review`, { decision: 'pass' })).json().error.code,
    ).toBe('INVALID_STATE');
    // §5: at the city the 2023 rulebook gives the legality review to the legal office only
    expect((await coord.get(`/api/list-drafts/${draftId}`)).json().legalityReviewRoles).toEqual(['legalReviewer']);
    expect(
      (await coord.post(`/api/list-drafts/${draftId}/legality-review`, { decision: 'pass' })).json().error.code,
    ).toBe('FORBIDDEN');
  });

  it('no one submits or reviews what they wrote', async () => {
    const both = await t.login('both.test');
    const version = (await clerk.get(`/api/list-drafts/${draftId}`)).json().dutiesVersion;
    const res = await both.put(`/api/list-drafts/${draftId}/duties`, {
      duties: [{ name: '食品安全监督管理', content: '负责食品安全监督管理工作。' }],
      version,
    });
    expect(res.statusCode).toBe(200);
    const submit = await both.post(`/api/list-drafts/${draftId}/submit`);
    expect(submit.statusCode).toBe(403);
    expect(submit.json().error.code).toBe('SELF_REVIEW');

    // a clerk who also works in the coordination office may not review the draft they edited
    const office = await t.db
      .selectFrom('body')
      .select('id')
      .where('region_code', '=', '150200')
      .where('office', '=', 'coordination')
      .executeTakeFirstOrThrow();
    await grant(t, 'clerk.test', office.id, 'coordinator');
    expect((await lead.post(`/api/list-drafts/${draftId}/submit`)).statusCode).toBe(200);
    const clerkAsCoord = await t.login('clerk.test');
    const rev = await clerkAsCoord.post(`/api/list-drafts/${draftId}/preliminary-review`, { decision: 'pass' });
    expect(rev.json().error.code).toBe('SELF_REVIEW');
    const draft = await t.db
      .selectFrom('list_draft')
      .select(['status', 'preliminary_passed_at'])
      .where('id', '=', draftId)
      .executeTakeFirstOrThrow();
    expect(draft).toEqual({ status: 'submitted', preliminary_passed_at: null });
    await t.db
      .deleteFrom('user_role')
      .where('body_id', '=', office.id)
      .where('role', '=', 'coordinator')
      .where('user_id', '=', (eb) => eb.selectFrom('app_user').select('id').where('username', '=', 'clerk.test'))
      .execute();
  });

  it('a return needs a reason and sends the draft back to the clerk', async () => {
    const noReason = await legal.post(`/api/list-drafts/${draftId}/legality-review`, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('退回须填写退回理由');
    expect((await clerk.post(`/api/list-drafts/${draftId}/powers`, licencePower('审查中添加'))).json().error.code).toBe(
      'INVALID_STATE',
    );

    expect(
      (await coord.post(`/api/list-drafts/${draftId}/preliminary-review`, { decision: 'pass' })).json()
        .preliminaryPassedAt,
    ).not.toBeNull();
    const ret = await legal.post(`/api/list-drafts/${draftId}/legality-review`, {
      decision: 'return',
      reason: '第十二条引用有误，请核对设定依据',
    });
    expect(ret.statusCode).toBe(200);
    expect(ret.json()).toMatchObject({ status: 'returned', preliminaryPassedAt: null, legalityPassedAt: null });
    expect(ret.json().reviews.at(-1)).toMatchObject({
      step: 'legalityReview',
      decision: 'return',
      reason: '第十二条引用有误，请核对设定依据',
      actorName: '陈静',
    });
    expect((await clerk.get(`/api/list-drafts/${draftId}`)).json().reviews.at(-1).reason).toBe(
      '第十二条引用有误，请核对设定依据',
    );

    // the clerk corrects the citation and the lead unit submits again
    const view = (await clerk.get(`/api/list-drafts/${draftId}`)).json();
    const p = view.powers[0];
    const fixed = await clerk.put(`/api/list-drafts/${draftId}/powers/${p.id}`, {
      ...licencePower(p.name, {
        legalBases: [
          {
            documentName: '中华人民共和国行政许可法',
            article: '第十二条第（一）项',
            text: '直接涉及公共安全的特定活动',
          },
        ],
      }),
      version: p.version,
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ code: p.code, legalBases: [{ article: '第十二条第（一）项' }] });
    expect((await lead.post(`/api/list-drafts/${draftId}/submit`)).json().status).toBe('submitted');
  });

  it('both offices pass, the coordination office publishes version 1', async () => {
    expect((await coord.post(`/api/list-drafts/${draftId}/publish`, {})).json().error.code).toBe('INVALID_STATE');
    expect(
      (await legal.post(`/api/list-drafts/${draftId}/legality-review`, { decision: 'pass', reason: '合法' })).json()
        .status,
    ).toBe('submitted');
    expect(
      (await legal.post(`/api/list-drafts/${draftId}/legality-review`, { decision: 'pass' })).json().error.code,
    ).toBe('INVALID_STATE');
    expect(
      (await coord.post(`/api/list-drafts/${draftId}/preliminary-review`, { decision: 'pass' })).json().status,
    ).toBe('reviewed');
    expect((await legal.post(`/api/list-drafts/${draftId}/publish`, {})).json().error.code).toBe('FORBIDDEN');

    const pub = await coord.post(`/api/list-drafts/${draftId}/publish`, { note: '首次编制公布' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ version: 1, powerCount: 4 });
    expect(pub.json().digest).toMatch(/^[0-9a-f]{64}$/);

    const list = (await clerk.get(`/api/bodies/${body.bodyId}/list`)).json();
    expect(list).toMatchObject({
      version: 1,
      effectiveDate: '2026-11-30',
      source: { type: 'compilation', id: draftId },
      publishedByName: '刘海峰',
    });
    expect(list.powers.map((p: { code: string }) => p.code).sort()).toEqual([
      `${body.prefix}-CF-00001-000`,
      `${body.prefix}-CF-00001-001`,
      `${body.prefix}-XK-00001-000`,
      `${body.prefix}-XK-00001-001`,
    ]);
    expect(list.duties).toHaveLength(1);
    expect((await clerk.get(`/api/list-drafts/${draftId}`)).json()).toMatchObject({
      status: 'published',
      publishedVersion: 1,
    });
    const actions = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('body_id', '=', body.bodyId)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'draft.created',
        'draft.saved',
        'draft.submitted',
        'draft.returned',
        'draft.reviewed',
        'list.published',
      ]),
    );
  });

  it('a published list is never written directly: no route, and the database refuses', async () => {
    const again = await clerk.post('/api/list-drafts', { bodyId: body.bodyId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('须通过动态调整');
    const list = (await clerk.get(`/api/bodies/${body.bodyId}/list`)).json();
    const p = list.powers[0];
    for (const [method, url] of [
      ['PUT', `/api/bodies/${body.bodyId}/list/powers/${p.id}`],
      ['PATCH', `/api/bodies/${body.bodyId}/list`],
      ['DELETE', `/api/bodies/${body.bodyId}/list/powers/${p.id}`],
      ['PUT', `/api/list-drafts/${draftId}/powers/${p.id}`],
    ] as const) {
      const res = await clerk.request(method, url, { ...licencePower('擅自修改'), version: 1 });
      expect([404, 409]).toContain(res.statusCode);
    }
    await expect(sql`update power set name = '擅自修改' where id = ${p.id}`.execute(t.db)).rejects.toThrow(/不可修改/);
    await expect(sql`delete from power where id = ${p.id}`.execute(t.db)).rejects.toThrow(/不可删除/);
    const after = (await clerk.get(`/api/bodies/${body.bodyId}/list`)).json();
    expect(after.powers.find((x: { code: string }) => x.code === p.code).name).toBe(p.name);
  });
});
