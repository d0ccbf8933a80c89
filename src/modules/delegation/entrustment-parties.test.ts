// Issue 13.3, the rest, through the API on a real database (§13.3): an organisation outside the
// register as the entrusted party, the 委托公告 published on the portal (which is the 报备 too),
// the office's acknowledgement, the entrusting body's supervision record, and the refusal of
// re-entrustment. Each refusal: a Chinese message, a stable code, nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import {
  assessFixture,
  at,
  attachPdf,
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
let codes: string[];
const PDF = Buffer.from('%PDF-1.7\n委托书（双方签署）\n%%EOF');
const org = {
  name: '包头市特种设备检验所',
  creditCode: '12150200MB1234567X',
  publicFunction: '依《中华人民共和国特种设备安全法》第五十条承担特种设备检验检测的公益服务职能',
};
const basis = { basisLevel: '法律', basisDocument: '《中华人民共和国行政处罚法》', basisArticle: '第二十条' };

const state = async (id: number) => {
  const a = await expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${id}`));
  return { status: a.status, openSteps: a.openSteps, audits: await auditActionsOf(t, id) };
};
const upload = (id: number, name: string) => attachPdf(t, 'clerk.scjg', id, name, PDF);

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-02T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [
    power('特种设备检验检测机构核准', 'XK'),
    power('对发布虚假广告的处罚', 'CF'),
    power('对未经许可擅自从事特种设备生产活动的处罚', 'CF'),
  ]));
  kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
}, 120_000);
afterAll(() => t?.close());

describe('委托具有管理公共事务职能的组织 (§13.3)', () => {
  let id: number;
  let instrument: number;
  beforeAll(async () => {
    id = await draftApplication(
      t,
      'clerk.scjg',
      { title: '委托“对未经许可擅自从事特种设备生产活动的处罚”', kind: 'entrust', receivingBodyId: null },
      [{ targetCode: codes[2] }],
    );
    instrument = await upload(id, '委托书.pdf');
    await drive(t, id, 'submit');
    await assessFixture(t, id, 'clerk.scjg', 'delegate');
  }, 120_000);

  it('names nobody: submission refused, nothing changed; a bad 统一社会信用代码 is 400', async () => {
    const clerk = await t.login('clerk.scjg');
    await expectOk(await clerk.put(`/api/adjustments/${id}/delegation/entrustment`, basis));
    const before = await state(id);
    const r = await (await t.login('lead.scjg')).post(`/api/adjustments/${id}/steps/submit/complete`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'INVALID_STATE' });
    expect(r.json().error.message).toContain('具有管理公共事务职能的组织');
    expect(await state(id)).toEqual(before);
    const bad = await clerk.put(`/api/adjustments/${id}/delegation/entrustment`, {
      ...basis,
      organisation: { ...org, creditCode: '12150200MB123456' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('统一社会信用代码应为18位');
  });

  it('a 处罚 to an organisation without the written instrument is refused; with it the office confirms for it', async () => {
    const clerk = await t.login('clerk.scjg');
    await expectOk(await clerk.put(`/api/adjustments/${id}/delegation/entrustment`, { ...basis, organisation: org }));
    const before = await state(id);
    const r = await (await t.login('lead.scjg')).post(`/api/adjustments/${id}/steps/submit/complete`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('书面委托形式');
    expect(await state(id)).toEqual(before);
    const d = await expectOk(
      await clerk.put(`/api/adjustments/${id}/delegation/entrustment`, {
        ...basis,
        organisation: org,
        instrumentAttachmentId: instrument,
      }),
    );
    expect(d.receivingBodyName).toBe(org.name);
    expect(d.entrustment.organisation).toEqual(org);
    await drive(t, id, 'receivingConfirm');
    // nobody of the organisation is on the platform: the entrusting body may not confirm for it
    const self = await (await t.login('lead.scjg')).post(`/api/adjustments/${id}/steps/receivingConfirm/complete`);
    expect(self.statusCode).toBe(403);
    await expectOk(await (await t.login('coord.city')).post(`/api/adjustments/${id}/steps/receivingConfirm/complete`));
  });

  it('the 委托公告 is published once after the decision, filed, acknowledged once by the office', async () => {
    const clerk = await t.login('clerk.scjg');
    const coord = await t.login('coord.city');
    const early = await coord.post(`/api/adjustments/${id}/delegation/announcement/acknowledge`, {});
    expect(early.statusCode).toBe(409);
    const d = await expectOk(await clerk.post(`/api/adjustments/${id}/delegation/announcement`));
    expect(d.entrustment.announcement).toMatchObject({
      partyName: org.name,
      partyKind: 'organisation',
      powers: [{ code: codes[2], name: '对未经许可擅自从事特种设备生产活动的处罚', category: 'CF' }],
      acknowledgedAt: null,
    });
    expect(d.can).toMatchObject({ announce: false, acknowledge: false, supervise: false });
    const again = await clerk.post(`/api/adjustments/${id}/delegation/announcement`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    const inbox = await expectOk(await coord.get('/api/inbox'));
    expect(JSON.stringify(inbox)).toContain(`委托报备：包头市市场监督管理局委托${org.name}`);
    const notOffice = await clerk.post(`/api/adjustments/${id}/delegation/announcement/acknowledge`, {});
    expect(notOffice.statusCode).toBe(403);
    expect(notOffice.json().error.message).toContain('由本级协调小组办公室确认');
    const ack = await expectOk(
      await coord.post(`/api/adjustments/${id}/delegation/announcement/acknowledge`, { note: '已收到报备材料' }),
    );
    expect(ack.entrustment.announcement).toMatchObject({
      acknowledgedBy: expect.any(String),
      acknowledgementNote: '已收到报备材料',
    });
    const twice = await coord.post(`/api/adjustments/${id}/delegation/announcement/acknowledge`, {});
    expect(twice.statusCode).toBe(409);
    expect(await auditActionsOf(t, id)).toEqual(
      expect.arrayContaining(['delegation.entrustmentAnnounced', 'delegation.filingAcknowledged']),
    );
  });

  it('supervision is recorded once the entrustment is in force; the portal shows the announcement', async () => {
    const clerk = await t.login('clerk.scjg');
    const input = { kind: 'inspection', heldOn: '2026-11-02', summary: '抽查受委托组织核准卷宗10件', problems: '' };
    const before = await state(id);
    const early = await clerk.post(`/api/adjustments/${id}/delegation/supervision`, input);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('委托公布施行');
    expect(await state(id)).toEqual(before);
    const a = await drive(t, id, null);
    expect(a.status).toBe('done');
    const future = await clerk.post(`/api/adjustments/${id}/delegation/supervision`, {
      ...input,
      heldOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    const d = await expectOk(await clerk.post(`/api/adjustments/${id}/delegation/supervision`, input));
    expect(d.entrustment.supervision).toMatchObject([
      { kind: 'inspection', label: '监督检查', summary: input.summary },
    ]);
    const page = await t.anon.get('/entrustments');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(org.name);
    expect(page.body).toContain('对未经许可擅自从事特种设备生产活动的处罚');
    expect(page.body).toContain('包头市市场监督管理局');
    expect(page.body).toContain('责任主体');
    // the power's own page: entrusted to an organisation, its body still answers for it
    const scjg = await bodyIdOf(t, '包头市市场监督管理局');
    const own = await t.anon.get(`/bodies/${scjg}/powers/${codes[2]}`);
    expect(own.body).toContain('委托名录外的组织实施（见<a href="/entrustments">委托公告</a>）');
    expect(own.body).toContain('包头市市场监督管理局仍为责任主体');
  });
});

describe('the demo (issue 13 acceptance)', () => {
  it('has one entrustment to an organisation, announced and acknowledged, waiting for publication', async () => {
    const { id: demo } = await t.db
      .selectFrom('adjustment')
      .select('id')
      .where('title', 'like', '委托包头市市容环境卫生服务中心%')
      .executeTakeFirstOrThrow();
    const a = await expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${demo}`));
    expect(a).toMatchObject({ kind: 'entrust', status: 'open', openSteps: ['publish'] });
    const d = await expectOk(await (await t.login('clerk.cgj')).get(`/api/adjustments/${demo}/delegation`));
    expect(d.entrustment).toMatchObject({
      basisDocument: '《城市市容和环境卫生管理条例》',
      instrument: { filename: '行政处罚委托书.pdf' },
      organisation: { name: '包头市市容环境卫生服务中心', creditCode: null },
      announcement: { partyKind: 'organisation', decision: '包府办发〔2026〕27号', acknowledgedAt: expect.any(String) },
    });
    expect((await t.anon.get('/entrustments')).body).toContain(
      '包头市城市管理综合执法局委托包头市市容环境卫生服务中心实施行政权力',
    );
  });
});

describe('行政许可只能委托行政机关 (§13.3, 行政许可法第二十四条)', () => {
  it('a 许可 entrusted to an organisation is refused at submission: 409, nothing changed', async () => {
    const xk = await draftApplication(
      t,
      'clerk.scjg',
      { title: '委托“特种设备检验检测机构核准”', kind: 'entrust', receivingBodyId: null },
      [{ targetCode: codes[0] }],
    );
    const f = await upload(xk, '委托书（许可）.pdf');
    await drive(t, xk, 'submit');
    await assessFixture(t, xk, 'clerk.scjg', 'delegate');
    await expectOk(
      await (await t.login('clerk.scjg')).put(`/api/adjustments/${xk}/delegation/entrustment`, {
        ...basis,
        organisation: org,
        instrumentAttachmentId: f,
      }),
    );
    const before = await state(xk);
    const r = await (await t.login('lead.scjg')).post(`/api/adjustments/${xk}/steps/submit/complete`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('行政许可只能委托其他行政机关'),
    });
    expect(await state(xk)).toEqual(before);
  });
});

describe('受委托行政机关不得再委托 (§13.3)', () => {
  it('a body entrusted with a 行政处罚 may not entrust it onward: 409, nothing changed', async () => {
    const first = await draftApplication(
      t,
      'clerk.scjg',
      { title: '委托“对发布虚假广告的处罚”', kind: 'entrust', receivingBodyId: kdl },
      [{ targetCode: codes[1] }],
    );
    const f = await upload(first, '委托书（处罚）.pdf');
    await drive(t, first, 'submit');
    await assessFixture(t, first, 'clerk.scjg', 'delegate');
    await expectOk(
      await (await t.login('clerk.scjg')).put(`/api/adjustments/${first}/delegation/entrustment`, {
        ...basis,
        instrumentAttachmentId: f,
      }),
    );
    await drive(t, first, 'receivingConfirm');
    // the district bureau lists the same 处罚 as its own entry and files an entrustment of it
    const { codes: own } = await publishFixture(t, '昆都仑区市场监督管理局', [power('对发布虚假广告的处罚', 'CF')]);
    const onward = await draftApplication(
      t,
      'clerk.kdl.scjg',
      {
        title: '再委托“对发布虚假广告的处罚”',
        kind: 'entrust',
        receivingBodyId: await bodyIdOf(t, '昆都仑区行政审批政务服务与数据管理局'),
      },
      [{ targetCode: own[0] }],
    );
    const KDL = {
      clerk: 'clerk.kdl.scjg',
      leadUnit: 'lead.kdl.scjg',
      coordinator: 'coord.kdl',
      legalReviewer: 'legal.kdl',
      approver: 'gov.kdl',
    };
    await drive(t, onward, 'submit', KDL);
    await assessFixture(t, onward, 'clerk.kdl.scjg', 'entrust');
    const before = await state(onward);
    const r = await (await t.login('lead.kdl.scjg')).post(`/api/adjustments/${onward}/steps/submit/complete`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('INVALID_STATE');
    expect(r.json().error.message).toContain('受委托行政机关、组织不得再委托');
    expect(await state(onward)).toEqual(before);
  });
});
