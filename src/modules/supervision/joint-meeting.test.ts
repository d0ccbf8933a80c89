// Issue 12.7 (§4): the office of a level names the joint meeting's member bodies, calls a meeting
// with an agenda, records attendance and decisions, and publishes the minutes on the portal;
// another level's office, a body and the legal office are refused and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let office: Client;
let ids: Record<string, number>;
beforeAll(async () => {
  t = await setupTestApp();
  office = await t.login('coord.city');
  const rows = await t.db
    .selectFrom('body')
    .select(['id', 'name'])
    .where('name', 'in', ['包头市市场监督管理局', '包头市住房和城乡建设局', '昆都仑区市场监督管理局'])
    .execute();
  ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
});
afterAll(() => t.close());

const meetings = async () =>
  t.db.selectFrom('joint_meeting').select(['id', 'status', 'minutes_published_at']).orderBy('id').execute();
const memberRows = async () =>
  t.db.selectFrom('joint_meeting_member').select(['region_code', 'body_id']).orderBy('body_id').execute();

describe('联席会议 (§4)', () => {
  it('the city office names its level’s member bodies; a 旗县区 body, another office or a body are refused', async () => {
    const city = [ids['包头市市场监督管理局']!, ids['包头市住房和城乡建设局']!];
    const before = await memberRows();
    for (const [who, body, status] of [
      ['coord.city', { region: '150200', bodyIds: [ids['昆都仑区市场监督管理局']!] }, 400],
      ['coord.kdl', { region: '150200', bodyIds: city }, 404],
      ['legal.city', { region: '150200', bodyIds: city }, 404],
      ['lead.scjg', { region: '150200', bodyIds: city }, 404],
    ] as const) {
      const res = await (await t.login(who)).put('/api/joint-meetings/members', body);
      expect(res.statusCode, `${who} ${res.body}`).toBe(status);
    }
    expect(await memberRows()).toEqual(before);
    const res = await office.put('/api/joint-meetings/members', { region: '150200', bodyIds: city });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .members.map((m: { bodyName: string }) => m.bodyName)
        .sort(),
    ).toEqual(['包头市住房和城乡建设局', '包头市市场监督管理局'].sort());
    // the city sees the 旗县区's members, without managing them
    const kdl = (await office.get('/api/joint-meetings/members?region=150203')).json();
    expect(kdl).toMatchObject({ regionName: '昆都仑区', manage: false });
  });

  it('a meeting: agenda, then attendance and decisions, then published minutes — in that order', async () => {
    const finding = await t.db.selectFrom('finding').select('id').orderBy('id').executeTakeFirstOrThrow();
    const seeded = await meetings(); // the demo year's meeting
    const input = {
      region: '150200',
      title: '2026年第二次权责清单管理联席会议',
      heldOn: '2026-12-10',
      place: '市政务服务中心第三会议室',
      agenda: [
        { kind: 'finding', refId: finding.id, text: '通报督查发现的整改情况' },
        { kind: 'assessment', text: '研究2026年度权责清单实施情况绩效考核办法' },
      ],
    };
    expect((await office.post('/api/joint-meetings', { ...input, agenda: [] })).statusCode).toBe(400);
    expect(
      (
        await office.post('/api/joint-meetings', {
          ...input,
          agenda: [{ kind: 'finding', refId: 999999, text: '不存在' }],
        })
      ).statusCode,
    ).toBe(400);
    expect((await (await t.login('coord.kdl')).post('/api/joint-meetings', input)).statusCode).toBe(404);
    expect(await meetings()).toEqual(seeded);
    const created = await office.post('/api/joint-meetings', input);
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({
      status: 'planned',
      agenda: [
        { kind: 'finding', refId: finding.id },
        { kind: 'assessment', refId: null },
      ],
    });

    expect((await office.post(`/api/joint-meetings/${m.id}/publish`)).statusCode).toBe(409);
    const record = {
      attendance: [
        { bodyId: ids['包头市市场监督管理局'], present: true, attendee: '李建国' },
        { bodyId: ids['包头市住房和城乡建设局'], present: false },
      ],
      decisions: ['各成员单位于12月底前完成牵头机构登记', '整改不到位的单位在年度考核中扣分'],
      minutes: '会议听取了督查发现整改情况的通报，研究了年度绩效考核办法。',
    };
    const stranger = { ...record, attendance: [{ bodyId: ids['昆都仑区市场监督管理局'], present: true }] };
    expect((await office.post(`/api/joint-meetings/${m.id}/record`, stranger)).statusCode).toBe(400);
    const rec = await office.post(`/api/joint-meetings/${m.id}/record`, record);
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toMatchObject({
      status: 'held',
      attendance: [{ bodyName: '包头市市场监督管理局', present: true }, { present: false }],
    });
    expect((await t.anon.get('/joint-meetings')).body).not.toContain(input.title);

    expect((await (await t.login('coord2.city')).post(`/api/joint-meetings/${m.id}/publish`)).statusCode).toBe(200);
    expect((await office.post(`/api/joint-meetings/${m.id}/publish`)).statusCode).toBe(409);
    expect((await office.post(`/api/joint-meetings/${m.id}/record`, record)).statusCode).toBe(409);
    const page = await t.anon.get('/joint-meetings');
    expect(page.body).toContain(input.title);
    expect(page.body).toContain('各成员单位于12月底前完成牵头机构登记');
    expect(page.body).toContain('出席成员单位：包头市市场监督管理局');
    expect(page.body).toContain('2026年第一次权责清单管理联席会议'); // the demo's, published in June
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_type', '=', 'jointMeeting')
      .where('object_id', '=', String(m.id))
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'jointMeeting.created',
      'jointMeeting.recorded',
      'jointMeeting.minutesPublished',
    ]);
    // the 旗县区 office does not see the city's meeting; the city office lists it
    expect((await (await t.login('coord.kdl')).get(`/api/joint-meetings/${m.id}`)).statusCode).toBe(404);
    expect((await office.get('/api/joint-meetings')).json().items.map((x: { id: number }) => x.id)).toContain(m.id);
  });
});
