// §12 公开征求意见 and §15 吸收采纳合理内容 through the HTTP surface: the public page and its
// no-script form, moderation and dispositions by the coordination office, region scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { COMMENT_LIMITS } from './comment-rules.js';
import { makeApplication, makeConsultation } from './test-factory.js';

let t: TestApp;
let id: number;
let coord: Client;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const tokenOf = (page: string) => /name="token" value="([^"]+)"/.exec(page)?.[1] ?? '';
async function post(
  c: Client,
  consultationId: number,
  fields: Record<string, string>,
  ip = '198.51.100.7',
  token?: string,
) {
  const tok = token ?? tokenOf((await c.get(`/consultations/${consultationId}`)).body);
  return c.request(
    'POST',
    `/consultations/${consultationId}/comments`,
    new URLSearchParams({ token: tok, ...fields }).toString(),
    { ...FORM, 'x-forwarded-for': ip },
  );
}

beforeAll(async () => {
  t = await setupTestApp(); // clock: 2026-11-30 09:00 Beijing
  const app = await makeApplication(t.db, { bodyName: '包头市市场监督管理局' });
  id = await makeConsultation(t.db, app.id, '2026-11-30', '2026-12-06');
  coord = await t.login('coord.city');
});
afterAll(() => t.close());

describe('portal page', () => {
  it('lists the consultation as open and shows the change in plain words, the dates and the article', async () => {
    const list = await t.anon.get('/consultations');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/consultations/${id}"`);
    expect(list.body).toContain('正在征求意见');
    const page = await t.anon.get(`/consultations/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('修改行政职权“食品经营许可”');
    expect(page.body).toContain('将“实施机构”由“食品经营监管科”修改为“行政审批服务科”');
    // §12 counts the days after the opening day, as the closing-date check does: 6, not 7
    expect(page.body).toContain('自2026年11月30日起至2026年12月6日止，征求意见期 6 日（开始当日不计入）');
    expect(page.body).not.toContain('共 7 日');
    expect(page.body).toContain('《包头市政府工作部门权责清单动态管理办法》第十二条');
    expect(page.body).toContain('<form method="post" action="/consultations/');
    expect(page.headers['cache-control']).toContain('no-store');
  });

  it('unknown consultation is a 404 page', async () => {
    expect((await t.anon.get('/consultations/999999')).statusCode).toBe(404);
  });
});

describe('comment form (no JavaScript)', () => {
  it('accepts a comment, redirects (PRG), shows it escaped and never shows the contact', async () => {
    const res = await post(t.anon, id, {
      name: '王<b>五</b>',
      contact: '13800001111',
      content: '<script>alert("x")</script>建议保留窗口办理',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/consultations/${id}?sent=1#comment-1`);
    const page = (await t.anon.get(`/consultations/${id}?sent=1`)).body;
    expect(page).toContain('您的意见已提交（第 1 号）');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;建议保留窗口办理');
    expect(page).not.toContain('<script>');
    expect(page).toContain('王&lt;b&gt;五&lt;/b&gt;');
    expect(page).not.toContain('13800001111');
    expect((await t.anon.get('/consultations')).body).not.toContain('13800001111');
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['after'])
      .where('action', '=', 'consultation.commentReceived')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('13800001111');
  });

  it('re-renders the form with Chinese errors and the input kept, storing nothing', async () => {
    const res = await post(t.anon, id, { name: 'x'.repeat(COMMENT_LIMITS.nameMax + 1), content: '' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('提交未成功');
    expect(res.body).toContain('请填写意见内容');
    expect(res.body).toContain(`姓名或单位不能超过${COMMENT_LIMITS.nameMax}个字`);
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain(`value="${'x'.repeat(COMMENT_LIMITS.nameMax + 1)}"`);
    const n = await t.db
      .selectFrom('consultation_comment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('refuses a forged or foreign token', async () => {
    const forged = await post(t.anon, id, { content: '没有令牌的意见内容' }, '198.51.100.8', '1.abc');
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('安全校验未通过');
    // a token signed for another consultation does not fit this one
    const other = await makeConsultation(
      t.db,
      (await makeApplication(t.db, { bodyName: '包头市住房和城乡建设局' })).id,
      '2026-11-30',
      '2026-12-06',
    );
    const foreign = tokenOf((await t.anon.get(`/consultations/${other}`)).body);
    expect((await post(t.anon, id, { content: '借用别的页面的令牌' }, '198.51.100.8', foreign)).statusCode).toBe(403);
  });

  it('limits comments per client address per hour', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < COMMENT_LIMITS.perAddressPerHour; i++)
      expect((await post(t.anon, id, { content: `第${i}条频繁提交的意见` }, ip)).statusCode).toBe(303);
    const refused = await post(t.anon, id, { content: '超出频率限制的意见' }, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('提交过于频繁');
    expect(refused.body).toContain('超出频率限制的意见'); // the text is kept for a later try
    expect((await post(t.anon, id, { content: '另一地址的意见不受影响' }, '203.0.113.10')).statusCode).toBe(303);
  });
});

describe('coordination office', () => {
  it('reads every comment with its contact; other regions and other roles get 404', async () => {
    const list = await coord.get(`/api/consultations/${id}/comments`);
    expect(list.statusCode).toBe(200);
    expect(list.json()[0]).toMatchObject({ seq: 1, contact: '13800001111', hidden: false });
    expect((await coord.get('/api/consultations')).json().map((c: { id: number }) => c.id)).toContain(id);
    const kdl = await t.login('coord.kdl');
    expect((await kdl.get(`/api/consultations/${id}`)).statusCode).toBe(404);
    expect((await kdl.get(`/api/consultations/${id}/comments`)).statusCode).toBe(404);
    expect((await kdl.post(`/api/consultations/${id}/comments/1/hide`, { reason: '越权操作' })).statusCode).toBe(404);
    expect((await kdl.get('/api/consultations')).json()).toEqual([]);
    const other = await t.login('clerk.zjj');
    expect((await other.get(`/api/consultations/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/consultations/${id}/comments`)).statusCode).toBe(404);
    expect((await t.anon.get(`/api/consultations/${id}/comments`)).statusCode).toBe(401);
  });

  it("the applying body reads its own consultation's visible comments, without contacts, and cannot moderate", async () => {
    for (const who of ['clerk.scjg', 'lead.scjg']) {
      const c = await t.login(who);
      const detail = await c.get(`/api/consultations/${id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({ canModerate: false });
      const list = await c.get(`/api/consultations/${id}/comments`);
      expect(list.statusCode).toBe(200);
      expect(list.json()[0]).toMatchObject({
        seq: 1,
        content: '<script>alert("x")</script>建议保留窗口办理',
        contact: null,
      });
      expect(list.body).not.toContain('13800001111');
    }
    const clerk = await t.login('clerk.scjg');
    const before = await t.db
      .selectFrom('consultation_comment')
      .select(['id', 'hidden_at', 'disposition'])
      .where('consultation_id', '=', id)
      .orderBy('id')
      .execute();
    const k = before[0]!;
    expect(
      (await clerk.post(`/api/consultations/${id}/comments/${k.id}/hide`, { reason: '申请单位不应隐藏意见' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await clerk.put(`/api/consultations/${id}/comments/${k.id}/disposition`, {
          disposition: 'adopted',
          reason: '申请单位不应处理意见',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      await t.db
        .selectFrom('consultation_comment')
        .select(['id', 'hidden_at', 'disposition'])
        .where('consultation_id', '=', id)
        .orderBy('id')
        .execute(),
    ).toEqual(before);
  });

  it('hides a comment with a reason; the page shows the count of hidden ones', async () => {
    const first = (await coord.get(`/api/consultations/${id}/comments`)).json()[1] as { id: number; content: string };
    expect((await coord.post(`/api/consultations/${id}/comments/${first.id}/hide`, { reason: '' })).statusCode).toBe(
      400,
    );
    expect(
      (await coord.post(`/api/consultations/${id}/comments/${first.id}/hide`, { reason: '内容与本事项无关' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await coord.post(`/api/consultations/${id}/comments/${first.id}/hide`, { reason: '再次隐藏' })).statusCode,
    ).toBe(409);
    const page = (await t.anon.get(`/consultations/${id}`)).body;
    expect(page).not.toContain(first.content);
    expect(page).toContain('另有 1 条意见');
    const ev = await t.db
      .selectFrom('audit_event')
      .select(['after', 'actor_name'])
      .where('action', '=', 'consultation.commentHidden')
      .executeTakeFirstOrThrow();
    expect(ev.after).toMatchObject({ hidden: true, reason: '内容与本事项无关' });
  });

  it('records a disposition, published on the portal only after the consultation closes', async () => {
    const [c1] = (await coord.get(`/api/consultations/${id}/comments`)).json() as { id: number }[];
    expect(
      (
        await coord.put(`/api/consultations/${id}/comments/${c1!.id}/disposition`, {
          disposition: 'maybe',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(400);
    const ok = await coord.put(`/api/consultations/${id}/comments/${c1!.id}/disposition`, {
      disposition: 'partlyAdopted',
      reason: '保留窗口办理，同时推行网上办理',
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.anon.get(`/consultations/${id}`)).body).not.toContain('保留窗口办理，同时推行网上办理');
    expect((await coord.get(`/api/consultations/${id}`)).json().counts).toMatchObject({ hidden: 1 });

    t.clock.advanceMinutes(7 * 24 * 60); // 2026-12-07: the day after the last day
    const page = (await t.anon.get(`/consultations/${id}`)).body;
    expect(page).toContain('本次征求意见已结束，不再接收意见');
    expect(page).not.toContain('<form method="post"');
    expect(page).toContain('处理结果：部分采纳');
    expect(page).toContain('保留窗口办理，同时推行网上办理');
    expect(page).toMatch(/意见采纳情况：采纳 0 条；部分采纳 1 条；不予采纳 0 条；正在研究处理 \d+ 条。/);
    expect(page).toContain('办理结果');
    expect(page).not.toContain('13800001111');
    expect((await t.anon.get('/consultations')).body).toMatch(/已结束[\s\S]*食品经营许可/);
  });

  it('a closed consultation refuses comments', async () => {
    const res = await post(t.anon, id, { content: '截止之后提交的意见' }, '198.51.100.99');
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('本次征求意见已结束');
    const late = await t.db
      .selectFrom('consultation_comment')
      .select('id')
      .where('content', '=', '截止之后提交的意见')
      .execute();
    expect(late).toEqual([]);
  });

  it('an office above the level reads but does not act for it', async () => {
    const app = await makeApplication(t.db, { bodyName: '昆都仑区市场监督管理局', title: '昆区事项' });
    const kdlCons = await makeConsultation(t.db, app.id, '2026-12-07', '2026-12-14');
    expect((await post(t.anon, kdlCons, { content: '对昆都仑区事项的意见' }, '198.51.100.50')).statusCode).toBe(303);
    coord = await t.login('coord.city'); // the week moved past the session's lifetime
    const [k] = (await coord.get(`/api/consultations/${kdlCons}/comments`)).json() as { id: number }[];
    expect(
      (await coord.post(`/api/consultations/${kdlCons}/comments/${k!.id}/hide`, { reason: '上级代为处理' })).statusCode,
    ).toBe(403);
    const kdl = await t.login('coord.kdl');
    expect(
      (
        await kdl.put(`/api/consultations/${kdlCons}/comments/${k!.id}/disposition`, {
          disposition: 'adopted',
          reason: '予以采纳',
        })
      ).statusCode,
    ).toBe(200);
  });
});
