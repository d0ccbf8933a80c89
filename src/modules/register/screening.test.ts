// §8 exclusion screening on save and the coordinator's recorded override; §7 legal documents
// and the 临时性行政许可 lapse flag; bad input is a 400 in Chinese and saves nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { licencePower } from './fixtures.js';
import { unlistedBody, type UnlistedBody } from './test-support.js';

let t: TestApp;
let body: UnlistedBody;
let clerk: Client, lead: Client, coord: Client, legal: Client;
let draftId: number;

beforeAll(async () => {
  t = await setupTestApp(); // clock: 2026-11-30 09:00 Beijing
  body = await unlistedBody(t, '包头市测试筛查局', [
    { username: 'clerk.scr', roles: ['clerk'] },
    { username: 'lead.scr', roles: ['leadUnit'] },
  ]);
  [clerk, lead, coord, legal] = await Promise.all(
    ['clerk.scr', 'lead.scr', 'coord.city', 'legal.city'].map((u) => t.login(u)),
  );
  draftId = (await clerk.post('/api/list-drafts', { bodyId: body.bodyId })).json().id;
});
afterAll(() => t.close());

const count = async () => ({
  powers: (await t.db.selectFrom('draft_power').select('id').where('draft_id', '=', draftId).execute()).length,
  codes: (await t.db.selectFrom('power_code').select('code').where('body_id', '=', body.bodyId).execute()).length,
});

describe('§8 exclusion screening', () => {
  const examples: [string, string, string][] = [
    ['制定全市市场监管政策', '§8.1', '政策制定'],
    ['编制全市市场监管发展规划', '§8.1', '规划编制'],
    ['地方标准制定', '§8.1', '标准制定'],
    ['市场监管政策调研', '§8.1', '政策调研'],
    ['机关干部人事任免', '§8.2', '人事任免'],
    ['行政复议', '§8.3', '行政复议'],
    ['加处罚款', '§8.3', '加处罚款'],
    ['申投诉处理', '§8.3', '申投诉处理'],
  ];

  it('flags each §8 example on save, with its clause and reason; an ordinary power is not flagged', async () => {
    const res = await clerk.post(`/api/list-drafts/${draftId}/powers/batch`, {
      powers: [...examples.map(([name]) => licencePower(name)), licencePower('食品经营许可')],
    });
    expect(res.statusCode).toBe(201);
    const powers = (await clerk.get(`/api/list-drafts/${draftId}`)).json().powers as {
      name: string;
      exclusionFlags: { clause: string; keyword: string; reason: string }[];
    }[];
    for (const [name, clause, keyword] of examples) {
      const p = powers.find((x) => x.name === name)!;
      expect(p.exclusionFlags[0], name).toMatchObject({ clause, keyword });
      expect(p.exclusionFlags[0].reason).toContain('第八条');
    }
    expect(powers.find((x) => x.name === '食品经营许可')!.exclusionFlags).toEqual([]);
  });

  it('the coordination office overrides a flag with a recorded note; the clerk may not', async () => {
    const view = (await coord.get(`/api/list-drafts/${draftId}`)).json();
    expect(view.unresolvedFlags).toBe(8);
    const p = view.powers.find((x: { name: string }) => x.name === '行政复议');
    expect(
      (await clerk.post(`/api/list-drafts/${draftId}/powers/${p.id}/exclusion-override`, { note: '本机构确有此职权' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await coord.post(`/api/list-drafts/${draftId}/powers/${p.id}/exclusion-override`, { note: '短' })).statusCode,
    ).toBe(400);
    const ok = await coord.post(`/api/list-drafts/${draftId}/powers/${p.id}/exclusion-override`, {
      note: '经研究，本事项为本机构依法承担的复议职责，保留',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().exclusionOverride).toMatchObject({
      note: '经研究，本事项为本机构依法承担的复议职责，保留',
      byName: '刘海峰',
    });
    const ev = await t.db
      .selectFrom('audit_event')
      .select(['actor_name', 'after'])
      .where('action', '=', 'draft.exclusionOverridden')
      .where('object_id', '=', String(p.id))
      .executeTakeFirstOrThrow();
    expect(ev.actor_name).toBe('刘海峰');
    expect(ev.after).toMatchObject({
      code: p.code,
      note: '经研究，本事项为本机构依法承担的复议职责，保留',
      flags: [{ clause: '§8.3', keyword: '行政复议' }],
    });
    // an edit that keeps the same flags keeps the decision
    const edited = await clerk.put(`/api/list-drafts/${draftId}/powers/${p.id}`, {
      ...licencePower('行政复议', { remarks: '保留' }),
      version: p.version,
    });
    expect(edited.json().exclusionOverride).not.toBeNull();
  });

  it('publication waits until every flag is resolved', async () => {
    await lead.post(`/api/list-drafts/${draftId}/submit`);
    await coord.post(`/api/list-drafts/${draftId}/preliminary-review`, { decision: 'pass' });
    await legal.post(`/api/list-drafts/${draftId}/legality-review`, { decision: 'pass' });
    const res = await coord.post(`/api/list-drafts/${draftId}/publish`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('7项疑似不应列入清单');
    expect(
      await t.db.selectFrom('power_list_version').select('id').where('body_id', '=', body.bodyId).execute(),
    ).toEqual([]);
    const ret = await coord.post(`/api/list-drafts/${draftId}/preliminary-review`, {
      decision: 'return',
      reason: '请删除第八条所列不应列入的事项',
    });
    expect(ret.json().status).toBe('returned');
  });
});

describe('bad input', () => {
  it('400 with Chinese messages and nothing saved', async () => {
    const before = await count();
    const cases: [unknown, string][] = [
      [{ ...licencePower('x'), name: '' }, '请输入行政职权名称'],
      [{ ...licencePower('食品经营许可'), legalBases: [] }, '请至少填写一项法定依据'],
      [{ ...licencePower('食品经营许可'), category: 'ZZ' }, '权力类别须为'],
      [
        licencePower('食品经营许可', {
          legalBases: [{ documentName: '《不存在的条例》', article: '第一条', text: '' }],
        }),
        '不在法律文件库中',
      ],
      [{ ...licencePower('食品经营许可'), status: '作废' }, '状态须为'],
      [licencePower('食品经营许可', { parentCode: `${body.prefix}-CF-00009-000` }), '不是本草稿中的主项'],
    ];
    for (const [payload, message] of cases) {
      const res = await clerk.post(`/api/list-drafts/${draftId}/powers`, payload);
      expect(res.statusCode, `${message}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error)).toContain(message);
    }
    // a batch with one bad entry saves none of it, and names the entry
    const batch = await clerk.post(`/api/list-drafts/${draftId}/powers/batch`, {
      powers: [licencePower('好的一项'), { ...licencePower('坏的一项'), category: 'ZZ' }],
    });
    expect(batch.statusCode).toBe(400);
    expect(batch.json().error.details[0].field).toBe('powers.1.category');
    expect(await count()).toEqual(before);
    expect(
      (await clerk.put(`/api/list-drafts/${draftId}/duties`, { duties: [{ name: '' }], version: 1 })).statusCode,
    ).toBe(400);
  });
});

describe('§7 legal documents and the 临时性行政许可', () => {
  it('searches the register; only the offices add documents; duplicates and bad input are refused', async () => {
    const found = (await clerk.get(`/api/legal-documents?q=${encodeURIComponent('行政许可')}`)).json();
    expect(found.items.some((d: { name: string }) => d.name === '《中华人民共和国行政许可法》')).toBe(true);
    expect((await clerk.get('/api/legal-documents?level=法律&limit=5')).json().items).toHaveLength(5);
    const doc = {
      name: '包头市临时性行政许可事项设定决定',
      level: '临时性行政许可',
      issuingBody: '包头市人民政府',
      effectiveDate: '2025-12-20',
    };
    expect((await clerk.post('/api/legal-documents', doc)).statusCode).toBe(403);
    const bad = await legal.post('/api/legal-documents', { ...doc, level: '通知', effectiveDate: '2025-13-40' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/法律文件层级须为|日期格式/);
    expect(
      (await legal.post('/api/legal-documents', { ...doc, effectiveDate: undefined })).json().error.message,
    ).toContain('须填写生效日期');
    const created = await legal.post('/api/legal-documents', doc);
    expect(created.statusCode).toBe(201);
    // §7: one year from taking effect (rulebook validity)
    expect(created.json()).toMatchObject({ name: '《包头市临时性行政许可事项设定决定》', expiryDate: '2026-12-20' });
    expect((await coord.post('/api/legal-documents', doc)).statusCode).toBe(409);
    expect(
      (
        await coord.post('/api/legal-documents', {
          ...doc,
          name: '包头市另一临时性行政许可决定',
          effectiveDate: '2026-03-01',
        })
      ).json().expiryDate,
    ).toBe('2027-03-01');
  });

  it('a power resting on a 临时性行政许可 within 60 days of expiry is flagged, in the draft and once published', async () => {
    const b2 = await unlistedBody(t, '包头市测试临时许可局', [
      { username: 'clerk.tmp', roles: ['clerk'] },
      { username: 'lead.tmp', roles: ['leadUnit'] },
    ]);
    const [c2, l2] = await Promise.all([t.login('clerk.tmp'), t.login('lead.tmp')]);
    const d2 = (await c2.post('/api/list-drafts', { bodyId: b2.bodyId })).json().id;
    const cite = (name: string) => [{ documentName: name, article: '第一条', text: '临时设定的行政许可' }];
    await c2.post(`/api/list-drafts/${d2}/powers/batch`, {
      powers: [
        licencePower('临时许可事项甲', { legalBases: cite('包头市临时性行政许可事项设定决定') }), // lapses 2026-12-20: 20 days
        licencePower('临时许可事项乙', { legalBases: cite('包头市另一临时性行政许可决定') }), // lapses 2027-03-01: 91 days
        licencePower('普通许可事项'),
      ],
    });
    const draft = (await c2.get(`/api/list-drafts/${d2}`)).json();
    const byName = (n: string) => draft.powers.find((p: { name: string }) => p.name === n);
    expect(byName('临时许可事项甲').lapse).toMatchObject({
      expiryDate: '2026-12-20',
      daysRemaining: 20,
      state: 'lapsing',
    });
    expect(byName('临时许可事项乙').lapse).toBeNull();
    expect(byName('普通许可事项').lapse).toBeNull();

    await l2.post(`/api/list-drafts/${d2}/submit`);
    await coord.post(`/api/list-drafts/${d2}/preliminary-review`, { decision: 'pass' });
    await legal.post(`/api/list-drafts/${d2}/legality-review`, { decision: 'pass' });
    expect((await coord.post(`/api/list-drafts/${d2}/publish`, {})).statusCode).toBe(200);
    const flags = (await c2.get(`/api/register/lapsing?bodyId=${b2.bodyId}`)).json();
    expect(flags.warningDays).toBe(60);
    expect(flags.items).toEqual([
      expect.objectContaining({
        name: '临时许可事项甲',
        expiryDate: '2026-12-20',
        daysRemaining: 20,
        state: 'lapsing',
        bodyName: '包头市测试临时许可局',
      }),
    ]);
    // sixty days before 2027-03-01 the second one joins
    t.clock.now = new Date('2026-12-31T09:00:00+08:00');
    const later = (await (await t.login('clerk.tmp')).get(`/api/register/lapsing?region=150200`)).json().items;
    expect(later.map((x: { name: string; state: string }) => [x.name, x.state])).toEqual([
      ['临时许可事项甲', 'lapsed'],
      ['临时许可事项乙', 'lapsing'],
    ]);
  });
});
