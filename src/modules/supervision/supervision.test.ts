// Issue 12.2 (§16 ¶2, §17): a finding through a rectification order to acceptance, rejection,
// a missed deadline and 通报批评 — every transition and every refusal, on a real database.
// A refusal changes nothing: the rows and the audit trail are compared before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { getRulebook } from '../../core/rulebook/index.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { runSweep } from '../adjustments/sweep.js';
import { linkOf } from '../adjustments/inbox.mail.js';

let t: TestApp;
let office: Client; // coord.city
let office2: Client; // coord2.city
let lead: Client; // lead.scjg (包头市市场监督管理局)
let scjg: number;
let kdlScjg: number;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  t = await setupTestApp();
  [office, office2, lead] = await Promise.all(['coord.city', 'coord2.city', 'lead.scjg'].map((u) => t.login(u)));
  const id = async (name: string) =>
    (await t.db.selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  scjg = await id('包头市市场监督管理局');
  kdlScjg = await id('昆都仑区市场监督管理局');
});
afterAll(() => t.close());

/** Everything a refused call could have touched. */
async function snapshot() {
  const count = async (table: 'finding' | 'rectification_order' | 'public_reprimand' | 'rectification_evidence') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const states = await t.db.selectFrom('finding').select(['id', 'status']).orderBy('id').execute();
  const orders = await t.db.selectFrom('rectification_order').select(['id', 'status']).orderBy('id').execute();
  const notices = await t.db.selectFrom('public_reprimand').select(['id', 'status']).orderBy('id').execute();
  const audit = await t.db
    .selectFrom('audit_event')
    .select('seq')
    .where('action', 'like', 'supervision.%')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    findings: await count('finding'),
    orders: await count('rectification_order'),
    notices: await count('public_reprimand'),
    evidence: await count('rectification_evidence'),
    states,
    orderStates: orders,
    noticeStates: notices,
    audit: audit?.seq ?? null,
  };
}

async function refused(call: Promise<{ statusCode: number; json(): unknown }>, status: number, code: string) {
  const before = await snapshot();
  const res = await call;
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect((res.json() as { error: { code: string } }).error.code).toBe(code);
  expect(await snapshot()).toEqual(before);
}

const open = async (over: Record<string, unknown> = {}) => {
  const res = await office.post('/api/supervision/findings', {
    bodyId: scjg,
    kind: 'unlistedExercise',
    description: '在窗口办理清单外的“户外广告设置备案”事项',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const orderOf = async (findingId: number) => {
  const res = await office.post(`/api/supervision/findings/${findingId}/orders`, {
    requirement: '停止办理清单外事项并报送整改情况',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().orders.at(-1);
};
const auditOf = (action: string, objectId: number) =>
  t.db
    .selectFrom('audit_event')
    .select(['actor_name', 'role', 'after'])
    .where('action', '=', action)
    .where('object_id', '=', String(objectId))
    .execute();

describe('findings', () => {
  it('the office of the body’s level opens one, audited', async () => {
    const f = await open();
    expect(f).toMatchObject({
      status: 'open',
      kind: 'unlistedExercise',
      source: 'office',
      bodyName: '包头市市场监督管理局',
    });
    expect(f.can).toMatchObject({ issueOrder: true, dismiss: true, report: false });
    expect(await auditOf('supervision.findingOpened', f.id)).toEqual([
      expect.objectContaining({ actor_name: '刘海峰', role: 'coordinator' }),
    ]);
  });

  it('refuses the body itself, a body outside, another level’s office and bad input — changing nothing', async () => {
    const body = { bodyId: scjg, kind: 'unlistedExercise', description: '清单外事项' };
    await refused(lead.post('/api/supervision/findings', body), 403, 'FORBIDDEN');
    await refused((await t.login('lead.zjj')).post('/api/supervision/findings', body), 404, 'NOT_FOUND');
    await refused((await t.login('coord.kdl')).post('/api/supervision/findings', body), 404, 'NOT_FOUND');
    await refused(office.post('/api/supervision/findings', { ...body, description: '' }), 400, 'VALIDATION_FAILED');
    await refused(office.post('/api/supervision/findings', { ...body, kind: 'noLeadUnit' }), 400, 'VALIDATION_FAILED');
  });

  it('scope: the city office sees a 旗县区 finding but does not act on it; the body sees its own; others get 404', async () => {
    const kdl = await t.login('coord.kdl');
    const res = await kdl.post('/api/supervision/findings', {
      bodyId: kdlScjg,
      kind: 'delegationObligation',
      description: '下放事项未移交办理卷宗',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await office.get(`/api/supervision/findings/${id}`)).json().can.issueOrder).toBe(false);
    await refused(office.post(`/api/supervision/findings/${id}/orders`, { requirement: '整改' }), 403, 'FORBIDDEN');
    expect((await (await t.login('lead.kdl.scjg')).get(`/api/supervision/findings/${id}`)).statusCode).toBe(200);
    expect((await lead.get(`/api/supervision/findings/${id}`)).statusCode).toBe(404);
    const mine = (await lead.get('/api/supervision/findings')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((f: { bodyId: number }) => f.bodyId === scjg)).toBe(true);
    const cityList = (await office.get('/api/supervision/findings')).json().items;
    expect(cityList.some((f: { id: number }) => f.id === id)).toBe(true);
    expect(
      (await kdl.get('/api/supervision/findings')).json().items.some((f: { bodyId: number }) => f.bodyId === scjg),
    ).toBe(false);
  });

  it('dismisses an open finding with a reason, and only an open one', async () => {
    const f = await open();
    await refused(office.post(`/api/supervision/findings/${f.id}/dismiss`, { reason: '' }), 400, 'VALIDATION_FAILED');
    await refused(lead.post(`/api/supervision/findings/${f.id}/dismiss`, { reason: '不属实' }), 403, 'FORBIDDEN');
    const res = await office.post(`/api/supervision/findings/${f.id}/dismiss`, { reason: '经核实该事项已列入清单' });
    expect(res.json()).toMatchObject({ status: 'dismissed', closeReason: '经核实该事项已列入清单' });
    await refused(office.post(`/api/supervision/findings/${f.id}/dismiss`, { reason: '再次' }), 409, 'INVALID_STATE');
    await refused(
      office.post(`/api/supervision/findings/${f.id}/orders`, { requirement: '整改' }),
      409,
      'INVALID_STATE',
    );
  });
});

describe('rectification', () => {
  it('an order takes its deadline from the rulebook in working days and puts a task in the body’s inbox', async () => {
    const f = await open();
    const o = await orderOf(f.id);
    const clock = getRulebook().supervision.rectification;
    const due = (await loadCalendar(t.db)).addWorkdays(todayInBeijing(t.clock.now), clock.amount).date;
    expect(o).toMatchObject({ status: 'issued', dueOn: due, bodyId: scjg });
    expect(o.dueCitation).toContain('第十六条');
    const u = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'lead.scjg')
      .executeTakeFirstOrThrow();
    const task = await t.db
      .selectFrom('inbox_item')
      .select(['kind', 'due_on', 'read_at'])
      .where('user_id', '=', u.id)
      .where('dedupe_key', '=', `rectification:${o.id}`)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ kind: 'task', due_on: due, read_at: null });
    // issue 12 flaw b: the task links to the finding itself, in the inbox and in its mail
    const inbox = (await lead.get('/api/inbox')).json().items;
    expect(inbox.find((i: { title: string; findingId?: number }) => i.findingId === f.id)).toBeTruthy();
    expect(linkOf({ adjustment_id: null, dedupe_key: `rectification:${o.id}`, finding_id: f.id }, 'https://x')).toBe(
      `https://x/app/supervision/findings/${f.id}`,
    );
    await refused(
      office.post(`/api/supervision/findings/${f.id}/orders`, { requirement: '再次' }),
      409,
      'INVALID_STATE',
    );
  });

  it('the body adds evidence checked by content and reports once; the office accepts', async () => {
    const f = await open();
    const o = await orderOf(f.id);
    const up = (c: Client, name: string, bytes: Buffer) =>
      c.request('POST', `/api/supervision/orders/${o.id}/evidence?filename=${encodeURIComponent(name)}`, bytes, {
        'content-type': 'application/octet-stream',
      });
    await refused(up(lead, '整改报告.pdf', Buffer.from('not a pdf')), 415, 'UNSUPPORTED_MEDIA');
    await refused(up(office, '整改报告.pdf', PDF), 403, 'FORBIDDEN');
    await refused(up(await t.login('lead.zjj'), '整改报告.pdf', PDF), 404, 'NOT_FOUND');
    const file = await up(lead, '整改报告.pdf', PDF);
    expect(file.statusCode, file.body).toBe(201);
    const dl = await office.get(`/api/supervision/orders/${o.id}/evidence/${file.json().id}`);
    expect(dl.rawPayload.equals(PDF)).toBe(true);

    await refused(office.post(`/api/supervision/orders/${o.id}/report`, { text: '已整改' }), 403, 'FORBIDDEN');
    await refused(
      office.post(`/api/supervision/orders/${o.id}/decision`, { decision: 'accept' }),
      409,
      'INVALID_STATE',
    );
    const rep = await lead.post(`/api/supervision/orders/${o.id}/report`, { text: '已停止办理并修正办事指南' });
    expect(rep.json()).toMatchObject({
      status: 'reported',
      reportedByName: '李建国',
      evidence: [{ filename: '整改报告.pdf' }],
    });
    await refused(lead.post(`/api/supervision/orders/${o.id}/report`, { text: '再报一次' }), 409, 'INVALID_STATE');
    await refused(up(lead, '补充.pdf', PDF), 409, 'INVALID_STATE');
    await refused(lead.post(`/api/supervision/orders/${o.id}/decision`, { decision: 'accept' }), 403, 'FORBIDDEN');

    const ok = await office.post(`/api/supervision/orders/${o.id}/decision`, { decision: 'accept', note: '整改到位' });
    expect(ok.json()).toMatchObject({ status: 'accepted', decidedByName: '刘海峰' });
    expect((await office.get(`/api/supervision/findings/${f.id}`)).json()).toMatchObject({ status: 'rectified' });
    await refused(
      office.post(`/api/supervision/orders/${o.id}/decision`, { decision: 'reject', note: 'x' }),
      409,
      'INVALID_STATE',
    );
    expect(await auditOf('supervision.rectificationAccepted', o.id)).toHaveLength(1);
  });

  it('a rejection needs its reason, escalates to 通报批评: drafted, approved by another office user, published on the portal', async () => {
    const f = await open({ description: '变相实施已下放的“食品经营许可”审批', kind: 'disguisedRetention' });
    const o = await orderOf(f.id);
    await lead.post(`/api/supervision/orders/${o.id}/report`, { text: '已组织学习' });
    await refused(
      office.post(`/api/supervision/orders/${o.id}/decision`, { decision: 'reject' }),
      400,
      'VALIDATION_FAILED',
    );
    const no = await office.post(`/api/supervision/orders/${o.id}/decision`, {
      decision: 'reject',
      note: '仍在变相审批',
    });
    expect(no.json().status).toBe('rejected');
    const esc = (await office.get(`/api/supervision/findings/${f.id}`)).json();
    expect(esc).toMatchObject({ status: 'escalated', can: { draftReprimand: true } });

    const notice = {
      title: '关于对包头市市场监督管理局不按要求整改的通报批评',
      text: '经督促整改仍变相实施已下放事项。',
    };
    await refused(lead.post(`/api/supervision/findings/${f.id}/reprimand`, notice), 403, 'FORBIDDEN');
    const drafted = await office.post(`/api/supervision/findings/${f.id}/reprimand`, notice);
    expect(drafted.statusCode, drafted.body).toBe(201);
    const r = drafted.json().reprimand;
    expect(r).toMatchObject({ status: 'draft', draftedByName: '刘海峰' });
    await refused(office.post(`/api/supervision/findings/${f.id}/reprimand`, notice), 409, 'INVALID_STATE');
    await refused(office.post(`/api/supervision/reprimands/${r.id}/publish`), 409, 'INVALID_STATE');
    await refused(office.post(`/api/supervision/reprimands/${r.id}/approve`), 403, 'SELF_REVIEW');
    await refused((await t.login('coord.kdl')).post(`/api/supervision/reprimands/${r.id}/approve`), 404, 'NOT_FOUND');
    expect((await t.anon.get('/reprimands')).body).not.toContain(notice.title);

    const ok = await office2.post(`/api/supervision/reprimands/${r.id}/approve`);
    expect(ok.json()).toMatchObject({ status: 'approved', approvedByName: '白雪' });
    await refused(office2.post(`/api/supervision/reprimands/${r.id}/approve`), 409, 'INVALID_STATE');
    const pub = await office.post(`/api/supervision/reprimands/${r.id}/publish`);
    expect(pub.json().status).toBe('published');
    const page = await t.anon.get('/reprimands');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(notice.title);
    expect(page.body).toContain('包头市市场监督管理局');
    for (const a of ['supervision.reprimandDrafted', 'supervision.reprimandApproved', 'supervision.reprimandPublished'])
      expect(await auditOf(a, r.id), a).toHaveLength(1);
  });

  it('an order unreported past its deadline is 逾期未整改 on the sweep, once, and can no longer be reported', async () => {
    const f = await open();
    const o = await orderOf(f.id);
    const day = new Date(`${o.dueOn}T09:00:00+08:00`);
    await runSweep(t.db, day);
    expect((await lead.get(`/api/supervision/orders/${o.id}`)).json().status).toBe('issued');
    t.clock.now = new Date(day.getTime() + 24 * 3600_000);
    lead = await t.login('lead.scjg'); // sessions idle out while the clock moves
    office = await t.login('coord.city');
    await refused(lead.post(`/api/supervision/orders/${o.id}/report`, { text: '迟到的报告' }), 409, 'DEADLINE');
    await runSweep(t.db, t.clock.now);
    await runSweep(t.db, t.clock.now);
    expect((await lead.get(`/api/supervision/orders/${o.id}`)).json().status).toBe('missed');
    expect((await office.get(`/api/supervision/findings/${f.id}`)).json().status).toBe('escalated');
    expect(await auditOf('supervision.orderMissed', o.id)).toHaveLength(1);
    await refused(lead.post(`/api/supervision/orders/${o.id}/report`, { text: '迟到的报告' }), 409, 'INVALID_STATE');
  });
});
