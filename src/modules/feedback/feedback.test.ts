// §15 ¶1–2 through the HTTP surface on a real database: the no-script portal form with its
// receipt code, moderation, routing (complaint → the level's office, opinion → the body),
// assigning, the handler's answer read back by the code, merging, the contact (masked; full to
// the handler only, audited), an adopted opinion opening an adjustment, and every refusal
// leaving the row as it was.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { bodyIdOf, fileOnPortal, PDF, receiptOf, somePower } from './test-fixtures.js';

let t: TestApp;
let scjg: number;
let power: { code: string; name: string };
let coord: Client;
const row = (id: number) => t.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const idOf = async (code: string) =>
  (await t.db.selectFrom('feedback').select('id').where('receipt_code', '=', code).executeTakeFirstOrThrow()).id;
const audits = async (action: string, id: number) =>
  Number(
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from audit_event where action = ${action} and object_id = ${String(id)}`.execute(
        t.db,
      )
    ).rows[0]!.n,
  );
const status = (code: string) =>
  t.anon.request('POST', '/feedback/status', new URLSearchParams({ code }).toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });

beforeAll(async () => {
  t = await setupTestApp(); // 2026-11-30 09:00 Beijing
  scjg = await bodyIdOf(t.db, '包头市市场监督管理局');
  power = await somePower(t.db, scjg);
  coord = await t.login('coord.city');
});
afterAll(() => t.close());

async function complaint(extra: Record<string, string> = {}) {
  const res = await fileOnPortal(t.anon, {
    kind: 'complaint',
    bodyId: String(scjg),
    content: '该局在办理营业执照变更时要求提供清单以外的证明材料，属于擅自增加条件。',
    name: '王建国',
    contact: '13847211234',
    ...extra,
  });
  expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
  const code = receiptOf(res.body)!;
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  return { code, id: await idOf(code) };
}

describe('the portal form (no script)', () => {
  it('every power page and body page links to the form, pre-filled', async () => {
    const powerPage = await t.anon.get(`/bodies/${scjg}/powers/${power.code}`);
    expect(powerPage.statusCode).toBe(200);
    expect(powerPage.body).toContain(`href="/feedback?body=${scjg}&amp;power=${encodeURIComponent(power.code)}"`);
    const bodyPage = await t.anon.get(`/bodies/${scjg}`);
    expect(bodyPage.body).toContain(`href="/feedback?body=${scjg}"`);
  });

  it('pre-fills the body and power from a power page link', async () => {
    const page = await t.anon.get(`/feedback?body=${scjg}&power=${power.code}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${power.code}"`);
    expect(page.body).toContain(power.name);
    expect(page.body).toMatch(new RegExp(`<option value="${scjg}" selected>`));
  });

  it('files a complaint with a PDF: receipt code, moderation queue, routed to the city office, clock from the rulebook', async () => {
    const res = await fileOnPortal(
      t.anon,
      {
        kind: 'complaint',
        bodyId: String(scjg),
        content: '窗口要求提供清单外材料，擅自增加办理条件。',
        contact: 'wang@example.com',
      },
      { files: [{ name: '证明.pdf', bytes: PDF }] },
    );
    expect(res.statusCode).toBe(200);
    const code = receiptOf(res.body)!;
    const f = await row(await idOf(code));
    expect(f).toMatchObject({ status: 'moderation', channel: 'web', routed_to: 'office', kind: 'complaint' });
    const office = await t.db
      .selectFrom('body')
      .select('name')
      .where('id', '=', f.office_body_id)
      .executeTakeFirstOrThrow();
    expect(office.name).toContain('协调小组办公室');
    // §15 clock: 15 working days from Monday 2026-11-30 → Monday 2026-12-21
    expect(f.due_on).toBe('2026-12-21');
    const files = await t.db
      .selectFrom('feedback_attachment')
      .select(['filename', 'size'])
      .where('feedback_id', '=', f.id)
      .execute();
    expect(files).toEqual([{ filename: '证明.pdf', size: PDF.length }]);
    // the office reads the file as sent; another level's office cannot
    const fileId = (
      await t.db
        .selectFrom('feedback_attachment')
        .select('id')
        .where('feedback_id', '=', f.id)
        .executeTakeFirstOrThrow()
    ).id;
    const got = await coord.get(`/api/feedback/${f.id}/attachments/${fileId}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    const kdl = await t.login('coord.kdl');
    expect((await kdl.get(`/api/feedback/${f.id}/attachments/${fileId}`)).statusCode).toBe(404);
    expect(await audits('feedback.received', f.id)).toBe(1);
    // the office's moderation task is in its inbox
    const inbox = (await coord.get('/api/inbox')).json();
    expect(
      inbox.items.some(
        (i: { title: string; feedbackId: number | null }) => i.title.includes(`编号 ${f.id}`) && i.feedbackId === f.id,
      ),
    ).toBe(true);
  });

  it('refuses a file whose content is not what its name says, and a missing kind, storing nothing', async () => {
    const before = await t.db
      .selectFrom('feedback')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const bad = await fileOnPortal(
      t.anon,
      { kind: 'report', bodyId: String(scjg), content: '举报内容足够长的一段文字说明。' },
      { files: [{ name: 'x.pdf', bytes: Buffer.from('MZ not a pdf at all') }] },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('文件内容与扩展名不符');
    const noKind = await fileOnPortal(t.anon, { bodyId: String(scjg), content: '没有选择类别的一段内容。' });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.body).toContain('请选择类别');
    const after = await t.db
      .selectFrom('feedback')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('a form token works once; a forged one is refused', async () => {
    const page = await t.anon.get('/feedback');
    const token = /name="token" value="([^"]+)"/.exec(page.body)![1]!;
    const fields = { kind: 'suggestion', bodyId: String(scjg), content: '建议公开各项许可的办理时限和收费标准。' };
    expect((await fileOnPortal(t.anon, fields, { token })).statusCode).toBe(200);
    const again = await fileOnPortal(t.anon, fields, { token });
    expect(again.statusCode).toBe(403);
    expect(again.body).toContain('已经提交过');
    expect((await fileOnPortal(t.anon, fields, { token: 'forged' })).statusCode).toBe(403);
  });

  it('an address is limited per hour (the database count, on the test clock)', async () => {
    const fields = { kind: 'suggestion', bodyId: String(scjg), content: '建议在网站上提供办事指南下载。' };
    let last = await fileOnPortal(t.anon, fields);
    for (let i = 0; i < 4 && last.statusCode === 200; i++) last = await fileOnPortal(t.anon, fields);
    expect(last.statusCode).toBe(429);
    expect(last.body).toContain('提交过于频繁');
    t.clock.advanceMinutes(61);
    coord = await t.login('coord.city'); // the session idled out with the clock
  });
});

describe('handling: moderation → assign → answer, read back by the code', () => {
  it('runs the whole way, refusing the wrong person at each step without a change', async () => {
    const { code, id } = await complaint();
    const clerk = await t.login('clerk.scjg');
    const kdl = await t.login('coord.kdl');
    // a complaint about the body is not the body's to see; another level's office does not see it
    expect((await clerk.get(`/api/feedback/${id}`)).statusCode).toBe(404);
    expect((await kdl.get(`/api/feedback/${id}`)).statusCode).toBe(404);
    expect((await kdl.post(`/api/feedback/${id}/moderate`, { decision: 'accept' })).statusCode).toBe(404);
    // answering before it is accepted and assigned: refused, unchanged
    expect(
      (
        await coord.post(`/api/feedback/${id}/answer`, {
          outcome: 'substantiated',
          reasoning: '经核查情况属实的说明文字。',
          answer: '经核查属实，已责令整改。',
        })
      ).statusCode,
    ).toBe(409);
    expect((await row(id)).status).toBe('moderation');
    // rejecting needs a reason
    expect((await coord.post(`/api/feedback/${id}/moderate`, { decision: 'reject' })).statusCode).toBe(400);
    expect((await coord.post(`/api/feedback/${id}/moderate`, { decision: 'accept' })).statusCode).toBe(200);
    expect((await row(id)).status).toBe('open');
    expect((await coord.post(`/api/feedback/${id}/moderate`, { decision: 'accept' })).statusCode).toBe(409);

    const detail = (await coord.get(`/api/feedback/${id}`)).json();
    expect(detail.contactMasked).toBe('王**，138****1234');
    expect(detail.can.assign).toBe(true);
    const me = detail.handlers.find((h: { name: string }) => h.name);
    // a clerk of the body is not a handler of a complaint routed to the office
    const clerkId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'clerk.scjg').executeTakeFirstOrThrow()
    ).id;
    expect((await coord.post(`/api/feedback/${id}/assign`, { handlerId: clerkId })).statusCode).toBe(400);
    expect((await row(id)).handler_id).toBeNull();
    const coordId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'coord.city').executeTakeFirstOrThrow()
    ).id;
    expect(me).toBeTruthy();
    expect((await coord.post(`/api/feedback/${id}/assign`, { handlerId: coordId })).statusCode).toBe(200);
    expect(await row(id)).toMatchObject({ status: 'assigned', handler_id: coordId });

    // the contact in full: the handler only, each read audited
    const contact = await coord.get(`/api/feedback/${id}/contact`);
    expect(contact.json()).toEqual({ name: '王建国', contact: '13847211234' });
    expect(await audits('feedback.contactRead', id)).toBe(1);
    const legal = await t.login('legal.city');
    expect((await legal.get(`/api/feedback/${id}/contact`)).statusCode).toBe(404);

    // a suggestion's outcome does not fit a complaint
    const wrong = await coord.post(`/api/feedback/${id}/answer`, {
      outcome: 'adopted',
      reasoning: '研究论证的情况说明文字。',
      answer: '答复内容的文字说明部分。',
    });
    expect(wrong.statusCode).toBe(400);
    expect((await row(id)).status).toBe('assigned');
    const noKind = await coord.post(`/api/feedback/${id}/answer`, {
      outcome: 'substantiated',
      reasoning: '调取窗口受理记录并约谈经办人员。',
      answer: '经核查，您反映的情况属实。',
    });
    expect(noKind.statusCode).toBe(400);
    expect((await row(id)).status).toBe('assigned');
    const ok = await coord.post(`/api/feedback/${id}/answer`, {
      findingKind: 'unauthorisedChange',
      outcome: 'substantiated',
      reasoning: '调取窗口受理记录并约谈经办人员，确认要求提供了清单外材料。',
      answer: '经核查，您反映的情况属实。已责令该局立即纠正并在五个工作日内报送整改情况。',
    });
    expect(ok.statusCode).toBe(200);
    expect((await row(id)).status).toBe('answered');
    expect(await audits('feedback.answered', id)).toBe(1);
    // §16 ¶2: the complaint found true is now a supervision finding of the body
    const finding = await t.db.selectFrom('finding').selectAll().where('feedback_id', '=', id).execute();
    expect(finding).toHaveLength(1);
    expect(finding[0]).toMatchObject({ body_id: scjg, kind: 'unauthorisedChange', source: 'feedback' });
    expect((await row(id)).finding_id).toBe(finding[0]!.id);
    expect(
      (
        await coord.post(`/api/feedback/${id}/answer`, {
          outcome: 'unsubstantiated',
          reasoning: '第二次答复的研究论证。',
          answer: '第二次答复不应被接受。',
        })
      ).statusCode,
    ).toBe(409);

    const page = await status(code.toLowerCase().replace(/-/g, ' '));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('已答复');
    expect(page.body).toContain('查实');
    expect(page.body).toContain('已责令该局立即纠正');
    expect(page.body).not.toContain('13847211234');
  });

  it('moderation refuses with a reason the citizen reads; a refused one cannot be assigned or merged into', async () => {
    const { code, id } = await complaint({ content: '广告推广：低价代办各类许可证件，联系微信，包过包办。' });
    const kdl = await t.login('coord.kdl');
    expect((await kdl.post(`/api/feedback/${id}/moderate`, { decision: 'reject', reason: '广告' })).statusCode).toBe(
      404,
    );
    const r = await coord.post(`/api/feedback/${id}/moderate`, {
      decision: 'reject',
      reason: '内容为商业广告，与行政职权及其实施情况无关。',
    });
    expect(r.statusCode).toBe(200);
    expect(await row(id)).toMatchObject({
      status: 'rejected',
      decision_reason: '内容为商业广告，与行政职权及其实施情况无关。',
    });
    expect(await audits('feedback.rejected', id)).toBe(1);
    const coordId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'coord.city').executeTakeFirstOrThrow()
    ).id;
    expect((await coord.post(`/api/feedback/${id}/assign`, { handlerId: coordId })).statusCode).toBe(409);
    const other = await complaint();
    await coord.post(`/api/feedback/${other.id}/moderate`, { decision: 'accept' });
    expect((await coord.post(`/api/feedback/${other.id}/merge`, { intoId: id, reason: '重复' })).statusCode).toBe(409);
    expect((await row(other.id)).status).toBe('open');
    expect((await row(id)).status).toBe('rejected');
    const page = await status(code);
    expect(page.body).toContain('不予受理');
    expect(page.body).toContain('内容为商业广告');
  });

  it('an unknown code is 404 and says so; a malformed one 400', async () => {
    const r = await status('ABCD-EFGH-JKMN-PQRS');
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain('未找到');
    expect((await status('123')).statusCode).toBe(400);
  });
});

describe('staff intake, routing to the body, merge and an adjustment from an adopted opinion', () => {
  it('records a phone opinion about a power, routed to the body; its lead unit assigns the clerk', async () => {
    const clerk = await t.login('clerk.scjg');
    const lead = await t.login('lead.scjg');
    const made = await coord.post('/api/feedback', {
      channel: 'phone',
      kind: 'suggestion',
      bodyId: scjg,
      powerCode: power.code,
      content: '来电建议：该事项的申请材料中营业执照复印件可通过部门共享获取，建议取消。',
      contactName: '李女士',
      contact: '0472-5123456',
    });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id as number;
    expect(await row(id)).toMatchObject({
      status: 'open',
      channel: 'phone',
      routed_to: 'body',
      power_code: power.code,
    });
    expect(await audits('feedback.intake', id)).toBe(1);
    // a duplicate by letter, merged into the first
    const dup = (
      await clerk.post('/api/feedback', {
        channel: 'letter',
        kind: 'suggestion',
        bodyId: scjg,
        powerCode: power.code,
        content: '来信建议取消营业执照复印件这一申请材料。',
      })
    ).json().id as number;
    expect((await clerk.post(`/api/feedback/${dup}/merge`, { intoId: id, reason: '同一诉求' })).statusCode).toBe(403);
    expect((await row(dup)).status).toBe('open');
    expect((await lead.post(`/api/feedback/${dup}/merge`, { intoId: dup, reason: '同一诉求' })).statusCode).toBe(400);
    expect(
      (await lead.post(`/api/feedback/${dup}/merge`, { intoId: id, reason: '与来电反映的诉求相同' })).statusCode,
    ).toBe(200);
    expect(await row(dup)).toMatchObject({ status: 'merged', merged_into: id });

    const clerkId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'clerk.scjg').executeTakeFirstOrThrow()
    ).id;
    expect((await clerk.post(`/api/feedback/${id}/assign`, { handlerId: clerkId })).statusCode).toBe(403);
    expect((await lead.post(`/api/feedback/${id}/assign`, { handlerId: clerkId })).statusCode).toBe(200);
    // the lead unit is not the handler: no full contact, no answer
    expect((await lead.get(`/api/feedback/${id}/contact`)).statusCode).toBe(403);
    expect(
      (
        await lead.post(`/api/feedback/${id}/answer`, {
          outcome: 'adopted',
          reasoning: '研究论证的情况说明文字。',
          answer: '答复内容的文字说明部分。',
        })
      ).statusCode,
    ).toBe(403);
    expect((await row(id)).status).toBe('assigned');
    expect((await clerk.post(`/api/feedback/${id}/adjustment`, { kind: 'cancel' })).statusCode).toBe(403);
    const answered = await clerk.post(`/api/feedback/${id}/answer`, {
      outcome: 'adopted',
      reasoning: '经核实，营业执照信息可通过部门间数据共享获取，申请人无需重复提交。',
      answer: '您的建议已采纳，我局将启动权责清单调整，取消该项申请材料要求。',
    });
    expect(answered.statusCode).toBe(200);
    expect((await lead.post(`/api/feedback/${id}/adjustment`, { kind: 'modify' })).statusCode).toBe(403);
    const opened = await clerk.post(`/api/feedback/${id}/adjustment`, { kind: 'modify' });
    expect(opened.statusCode, opened.body).toBe(200);
    const adjustmentId = opened.json().adjustmentId as number;
    const adj = (await clerk.get(`/api/adjustments/${adjustmentId}`)).json();
    expect(adj.title).toContain(power.name);
    expect((await row(id)).adjustment_id).toBe(adjustmentId);
    expect((await clerk.post(`/api/feedback/${id}/adjustment`, { kind: 'modify' })).statusCode).toBe(409);
    // the merged duplicate's status page shows the answer it was handled with
    const dupCode = (await row(dup)).receipt_code;
    const page = await status(dupCode);
    expect(page.body).toContain('已合并办理');
    expect(page.body).toContain('您的建议已采纳');
  });

  it('an opinion taken by e-mail and partly adopted opens a cancellation with the power as its target', async () => {
    const clerk = await t.login('clerk.scjg');
    const lead = await t.login('lead.scjg');
    const clerkId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'clerk.scjg').executeTakeFirstOrThrow()
    ).id;
    const id = (
      await clerk.post('/api/feedback', {
        channel: 'email',
        kind: 'suggestion',
        bodyId: scjg,
        powerCode: power.code,
        content: '来信建议：该事项已由告知承诺替代，建议从清单中取消。',
      })
    ).json().id as number;
    expect((await row(id)).channel).toBe('email');
    await lead.post(`/api/feedback/${id}/assign`, { handlerId: clerkId });
    await clerk.post(`/api/feedback/${id}/answer`, {
      outcome: 'partlyAdopted',
      reasoning: '经研究，该事项的部分情形已改为告知承诺，拟按程序申请取消。',
      answer: '您的建议部分采纳，我局将按第十二条程序申请调整。',
    });
    expect((await clerk.post(`/api/feedback/${id}/adjustment`, { kind: 'delegate' })).statusCode).toBe(400);
    const opened = await clerk.post(`/api/feedback/${id}/adjustment`, { kind: 'cancel' });
    expect(opened.statusCode, opened.body).toBe(200);
    const adj = (await clerk.get(`/api/adjustments/${opened.json().adjustmentId}`)).json();
    expect(adj.kind).toBe('cancel');
    expect(JSON.stringify(adj.items)).toContain(power.code);
  });

  it('a clerk lists only the opinions routed to its body, never a complaint about it', async () => {
    const clerk = await t.login('clerk.scjg');
    const list = (await clerk.get('/api/feedback')).json() as { kind: string; routedTo: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((f) => f.routedTo === 'body' && f.kind === 'suggestion')).toBe(true);
  });

  it('the reminder sweep tells the handler once when the answer falls due soon, once when overdue', async () => {
    const { sweepFeedback } = await import('./feedback.notices.js');
    const { code, id } = await complaint();
    void code;
    await coord.post(`/api/feedback/${id}/moderate`, { decision: 'accept' });
    const coordId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'coord.city').executeTakeFirstOrThrow()
    ).id;
    await coord.post(`/api/feedback/${id}/assign`, { handlerId: coordId });
    const due = (await row(id)).due_on;
    const keyed = (tag: string) =>
      t.db.selectFrom('inbox_item').select('id').where('dedupe_key', 'like', `feedback:${id}:${tag}%`).execute();
    // the daily sweep (npm run sweep) runs the feedback listener the app registered
    const { runSweep } = await import('../adjustments/sweep.js');
    await runSweep(t.db, new Date(`${due}T09:00:00+08:00`));
    await sweepFeedback(t.db, new Date(`${due}T10:00:00+08:00`));
    expect(await keyed('reminder')).toHaveLength(1);
    await sweepFeedback(t.db, new Date(new Date(`${due}T09:00:00+08:00`).getTime() + 86_400_000));
    expect(await keyed('overdue')).toHaveLength(1);
  });
});

describe('contact details at rest', () => {
  it('no contact detail given in this file is anywhere in the feedback tables in clear text', async () => {
    const dump = await sql<{ t: string }>`select string_agg(f::text, E'\n') as t from feedback f`.execute(t.db);
    const text = dump.rows[0]!.t;
    // given in this file, and in the demo data (feedback.seed.ts)
    const secrets = [
      '王建国',
      '13847211234',
      'wang@example.com',
      '李女士',
      '0472-5123456',
      '赵海峰',
      '13904721357',
      '0472-6158820',
      '15647201188',
      'chen.bt@example.com',
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
    const audit = await sql<{ t: string }>`select string_agg(a::text, E'\n') as t from audit_event a`.execute(t.db);
    for (const secret of secrets) expect(audit.rows[0]!.t).not.toContain(secret);
    expect(text).toContain('sm4:');
  });
});

describe('the demo year', () => {
  it('has opinions, complaints and reports for 包头市 and 昆都仑区 in every stage, and a complaint found true is a finding', async () => {
    const rows = await t.db
      .selectFrom('feedback as f')
      .innerJoin('body as b', 'b.id', 'f.body_id')
      .select(['f.kind', 'f.status', 'f.channel', 'f.outcome', 'f.finding_id', 'b.region_code'])
      .where('f.client_key', '=', 'demo-seed')
      .where('f.status', '<>', 'answered')
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['moderation', 'open']);
    const answered = await t.db
      .selectFrom('feedback as f')
      .innerJoin('body as b', 'b.id', 'f.body_id')
      .select(['f.outcome', 'f.finding_id', 'b.region_code', 'f.channel'])
      .where('f.status', '=', 'answered')
      .where('f.answered_at', '<', new Date('2026-08-01T00:00:00+08:00'))
      .orderBy('f.id')
      .execute();
    expect(answered.map((a) => [a.region_code, a.channel, a.outcome])).toEqual([
      ['150200', 'web', 'adopted'],
      ['150200', 'phone', 'substantiated'],
      ['150203', 'hall', 'unsubstantiated'],
    ]);
    expect(answered[1]!.finding_id).not.toBeNull();
    expect(answered[2]!.finding_id).toBeNull();
  });
});
