// Issue 9.5: the public portal tells the truth. Lists changed through the real procedure
// (applications driven through every role to publication): counts are of powers in force, the
// others are listed apart with where they went, as links both ways for a delegation or an
// entrustment (§13(五)); open consultations are reachable from the home page, the body and the
// power (§12); a version names its application and approving document; a split 子项 is not
// called merged; the footer carries the site identity; the city heads its 旗县区 as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { siteIdentity } from '../../config.js';
import {
  at,
  bodyIdOf,
  draftApplication,
  drive,
  expectOk,
  power,
  publishFixture,
} from '../adjustments/test-fixtures.js';
import { html } from './html.js';
import { page } from './layout.js';

let t: TestApp;
let scjg: number;
let kdl: number;
let codes: string[];
const ids: Record<string, number> = {};
const results: Record<string, { resultCode: string }[]> = {};

const fullValues = (name: string) => {
  const p = power(name);
  return {
    name,
    category: 'XK',
    responsibleSubject: p.responsibleSubject,
    implementingAgency: '特种设备安全监察科',
    legalBases: p.legalBases,
    responsibilities: p.responsibilities,
    accountabilityCases: p.accountabilityCases,
    accountabilityBasis: p.accountabilityBasis,
  };
};

const plusDays = (n: number) =>
  new Date(t.clock.now.getTime() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

async function publishApp(key: string, body: Record<string, unknown>, items: unknown[]) {
  ids[key] = await draftApplication(t, 'clerk.scjg', body, items);
  const a = await drive(t, ids[key]!, null);
  expect(a.status, `${key}: ${JSON.stringify(a.openSteps)}`).toBe('done');
  results[key] = a.items;
}

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-02T09:00:00');
  ({ codes, bodyId: scjg } = await publishFixture(t, '包头市市场监督管理局', [
    power('锅炉安装告知'),
    power('压力容器安装告知'),
    power('计量器具检定'),
    power('电梯维保单位备案', 'QT'),
    power('广告发布登记', 'QT'),
    power('产品质量监督抽查结果公告', 'QT'),
    power('食品生产许可'),
  ]));
  kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
  await publishApp('merge', { title: '合并安装告知', kind: 'merge', triggerKind: 'mergeSplit' }, [
    { targetCode: codes[0] },
    { targetCode: codes[1] },
    { values: fullValues('特种设备安装改造维修告知') },
  ]);
  await publishApp('split', { title: '分设计量器具检定', kind: 'split', triggerKind: 'mergeSplit' }, [
    { targetCode: codes[2] },
    { values: fullValues('计量器具检定（强制检定）') },
    { values: fullValues('计量器具检定（非强制检定）') },
  ]);
  await publishApp(
    'delegate',
    {
      title: '下放“电梯维保单位备案”',
      kind: 'delegate',
      triggerKind: 'other',
      receivingBodyId: kdl,
      takeover: '已完成承接能力评估',
    },
    [{ targetCode: codes[3] }],
  );
  await publishApp(
    'entrust',
    {
      title: '委托“广告发布登记”',
      kind: 'entrust',
      triggerKind: 'other',
      receivingBodyId: kdl,
      takeover: '已签订委托协议',
    },
    [{ targetCode: codes[4] }],
  );
  await publishApp('cancel', { title: '取消“产品质量监督抽查结果公告”', kind: 'cancel', triggerKind: 'other' }, [
    { targetCode: codes[5] },
  ]);
  // last: a modification whose consultation is open now
  ids.modify = await draftApplication(
    t,
    'clerk.scjg',
    { title: '调整“食品生产许可”的实施机构', kind: 'modify', triggerKind: 'dutyAdjustment' },
    [{ targetCode: codes[6], values: { implementingAgency: '行政审批服务科' } }],
  );
  const a = await drive(t, ids.modify, 'consultation');
  expect(a.openSteps).toContain('consultation');
  await expectOk(
    await (await t.login('coord.city')).post(`/api/adjustments/${ids.modify}/consultation`, { closesOn: plusDays(7) }),
  );
}, 240_000);
afterAll(() => t?.close());

const consultationId = async () =>
  (
    await t.db
      .selectFrom('consultation')
      .select('id')
      .where('adjustment_id', '=', ids.modify!)
      .executeTakeFirstOrThrow()
  ).id;

describe("a body's page counts powers in force and lists the others apart", () => {
  it('counts only 在用; 已合并, 已取消, 已下放, 已委托 are listed with where they went', async () => {
    const inForce = await t.db
      .selectFrom('power')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('body_id', '=', scjg)
      .where('valid_to', 'is', null)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const all = await t.db
      .selectFrom('power')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('body_id', '=', scjg)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(all.n) - Number(inForce.n)).toBe(5); // 2 merged, 1 delegated, 1 entrusted, 1 cancelled
    const r = await t.anon.get(`/bodies/${scjg}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`共 <strong>${Number(inForce.n)}</strong> 项在用行政职权`);
    expect(r.body).toContain('另有已取消、合并、下放或委托的职权 5 项');
    const retired = r.body.slice(r.body.indexOf('id="retired"'));
    const merged = results.merge![2]!.resultCode;
    const delegatedTo = results.delegate![0]!.resultCode;
    for (const c of [codes[0], codes[1], codes[3], codes[4], codes[5]])
      expect(retired).toContain(`href="/bodies/${scjg}/powers/${c}"`);
    expect(retired).toContain(`合并为<a href="/bodies/${scjg}/powers/${merged}">特种设备安装改造维修告知</a>`);
    expect(retired).toContain(`下放至<a href="/bodies/${kdl}/powers/${delegatedTo}">昆都仑区市场监督管理局</a>`);
    expect(retired).toContain(`委托<a href="/bodies/${kdl}">昆都仑区市场监督管理局</a>实施`);
    for (const s of ['已合并', '已下放', '已委托', '已取消'])
      expect(retired).toContain(`<span class="tag old">${s}</span>`);
    // none of them sits in the lists of powers in force above
    const above = r.body.slice(0, r.body.indexOf('id="retired"'));
    expect(above).not.toContain(`href="/bodies/${scjg}/powers/${codes[5]}"`);
  });

  it("the receiving body's page shows the delegated power (linked back) and the entrusted one", async () => {
    const delegatedTo = results.delegate![0]!.resultCode;
    const r = await t.anon.get(`/bodies/${kdl}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(
      `href="/bodies/${kdl}/powers/${delegatedTo}">电梯维保单位备案</a> <span class="muted">（由<a href="/bodies/${scjg}/powers/${codes[3]}">包头市市场监督管理局</a>下放）`,
    );
    const entrusted = r.body.slice(r.body.indexOf('id="entrusted-in"'));
    expect(entrusted).toContain('受委托实施的职权（1 项）');
    expect(entrusted).toContain(
      `<a href="/bodies/${scjg}/powers/${codes[4]}">广告发布登记</a>（委托机构：<a href="/bodies/${scjg}">包头市市场监督管理局</a>`,
    );
  });
});

describe("a power's page says what it is", () => {
  it('a cancelled power never sits under 现行有效', async () => {
    const r = await t.anon.get(`/bodies/${scjg}/powers/${codes[5]}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('现行有效');
    expect(r.body).toContain('<span class="tag old">已取消</span>');
    expect(r.body).toContain('本事项已取消，不再由包头市市场监督管理局直接实施');
    const active = await t.anon.get(`/bodies/${scjg}/powers/${results.merge![2]!.resultCode}`);
    expect(active.body).toContain('<span class="tag ok">现行有效</span>');
  });

  it('a merged power links to its successor, the merged one to its predecessors', async () => {
    const merged = results.merge![2]!.resultCode;
    const old = await t.anon.get(`/bodies/${scjg}/powers/${codes[0]}`);
    expect(old.body).toContain(
      `<tr><th scope="row">合并后编码</th><td><a class="code" href="/bodies/${scjg}/powers/${merged}">${merged}</a></td></tr>`,
    );
    const now = await t.anon.get(`/bodies/${scjg}/powers/${merged}`);
    expect(now.body).toContain(
      `<tr><th scope="row">合并前编码</th><td><a class="code" href="/bodies/${scjg}/powers/${codes[0]}">${codes[0]}</a>、<a class="code" href="/bodies/${scjg}/powers/${codes[1]}">${codes[1]}</a></td></tr>`,
    );
  });

  it('a split 子项 names its parent as 分设前编码, never 合并前编码, and the parent names its 子项', async () => {
    const sub = results.split![1]!.resultCode;
    const r = await t.anon.get(`/bodies/${scjg}/powers/${sub}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('合并前编码');
    expect(r.body).toContain(
      `<tr><th scope="row">分设前编码</th><td><a class="code" href="/bodies/${scjg}/powers/${codes[2]}">${codes[2]}</a></td></tr>`,
    );
    const parent = await t.anon.get(`/bodies/${scjg}/powers/${codes[2]}`);
    expect(parent.body).toContain('<th scope="row">分设后编码</th>');
    expect(parent.body).toContain(`<a class="code" href="/bodies/${scjg}/powers/${sub}">${sub}</a>`);
  });

  it('a delegated power links to the receiving body and its power there, which links back', async () => {
    const there = results.delegate![0]!.resultCode;
    const here = await t.anon.get(`/bodies/${scjg}/powers/${codes[3]}`);
    expect(here.body).toContain(`下放至<a href="/bodies/${kdl}/powers/${there}">昆都仑区市场监督管理局</a>`);
    expect(here.body).not.toContain('现行有效');
    const back = await t.anon.get(`/bodies/${kdl}/powers/${there}`);
    expect(back.body).toContain(`由<a href="/bodies/${scjg}/powers/${codes[3]}">包头市市场监督管理局</a>下放`);
    const entrusted = await t.anon.get(`/bodies/${scjg}/powers/${codes[4]}`);
    expect(entrusted.body).toContain(`委托<a href="/bodies/${kdl}">昆都仑区市场监督管理局</a>实施`);
  });
});

describe('open consultations are reachable', () => {
  it('from the home page, the body whose list it changes and the power it touches; not from others', async () => {
    const cid = await consultationId();
    const link = `href="/consultations/${cid}"`;
    const home = await t.anon.get('/');
    expect(home.body).toContain(link);
    expect(home.body).toContain('href="/consultations"');
    expect((await t.anon.get(`/bodies/${scjg}`)).body).toContain(link);
    expect((await t.anon.get(`/bodies/${scjg}/powers/${codes[6]}`)).body).toContain(link);
    expect((await t.anon.get(`/bodies/${scjg}/powers/${results.merge![2]!.resultCode}`)).body).not.toContain(link);
    expect((await t.anon.get(`/bodies/${await bodyIdOf(t, '包头市住房和城乡建设局')}`)).body).not.toContain(link);
  });

  it('the consultation page links back to the body and the power it changes', async () => {
    const r = await t.anon.get(`/consultations/${await consultationId()}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`<a href="/bodies/${scjg}">包头市市场监督管理局权责清单</a>`);
    expect(r.body).toContain(`<a href="/bodies/${scjg}/powers/${codes[6]}">${codes[6]}</a>`);
  });

  it('once the consultation is over, the body page no longer offers it (the cached page is not served)', async () => {
    const cid = await consultationId();
    const before = await t.anon.get(`/bodies/${scjg}`);
    const saved = t.clock.now;
    t.clock.now = new Date(t.clock.now.getTime() + 9 * 86_400_000);
    try {
      const after = await t.anon.request('GET', `/bodies/${scjg}`, undefined, { 'cache-control': 'no-cache' });
      expect(after.body).not.toContain(`href="/consultations/${cid}"`);
      expect(after.headers.etag).not.toBe(before.headers.etag);
    } finally {
      t.clock.now = saved;
    }
  });
});

describe('a version names where it came from', () => {
  it('the application, its approving document (文号, date) and its consultation', async () => {
    const a = await expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${ids.cancel}`));
    const r = await t.anon.get(`/bodies/${scjg}/versions`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('动态调整（取消）：取消“产品质量监督抽查结果公告”');
    expect(r.body).toContain(`审定文件：${a.normativeDocumentNumber}（`);
    expect(a.normativeDocumentNumber).toMatch(/^包府发〔2026〕\d+号$/);
    expect(r.body).not.toMatch(/调整申请 #\d+/);
    const kv = await t.anon.get(`/bodies/${kdl}/versions`);
    expect(kv.body).toContain(
      `承接<a href="/bodies/${scjg}">包头市市场监督管理局</a>下放的职权：下放“电梯维保单位备案”`,
    );
  });
});

describe('the frame', () => {
  it('the footer shows the configured site identity, examples marked, a site map and the favicon', async () => {
    const home = await t.anon.get('/');
    for (const s of [
      '主办单位：',
      '联系方式：',
      '网站标识码：',
      '蒙ICP备',
      '蒙公网安备',
      'href="/sitemap"',
      'rel="icon" href="/favicon.svg"',
      '（示例）',
    ])
      expect(home.body).toContain(s);
    expect(home.body).not.toContain('政务服务大厅'); // no channel the site does not offer
    const own = page(
      {
        title: 'x',
        elder: false,
        path: '/',
        site: siteIdentity({
          SITE_ORGANIZER: '包头市人民政府办公室',
          SITE_CODE: '1502000001',
          SITE_ICP: '蒙ICP备12345678号',
          SITE_PSB: '蒙公网安备 15020202000123号',
          SITE_CONTACT: '0472-1234567',
        }),
      },
      html`<h1>x</h1>`,
    );
    expect(own).toContain('主办单位：包头市人民政府办公室');
    expect(own).toContain('网站标识码：1502000001');
    expect(own).toContain('code=15020202000123');
    expect(own).not.toContain('（示例）');
    const map = await t.anon.get('/sitemap');
    expect(map.statusCode).toBe(200);
    expect(map.body).toContain('href="/regions/150203"');
    expect(map.body).toContain('href="/consultations"');
    const icon = await t.anon.get('/favicon.svg');
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    expect((await t.anon.get('/favicon.ico')).headers.location).toBe('/favicon.svg');
  });

  it('no link carries aria-pressed; the city heads its 旗县区 as 下辖旗县区', async () => {
    const city = await t.anon.get('/regions/150200');
    expect(city.body).toContain('<h2>下辖旗县区</h2>');
    expect(city.body).not.toContain('下辖苏木乡镇（街道）');
    expect((await t.anon.get('/regions/150203')).body).toContain('<h2>下辖苏木乡镇（街道）</h2>');
    for (const u of ['/', '/regions/150200', `/bodies/${scjg}`, '/search?q=许可', '/consultations'])
      expect((await t.anon.get(u)).body).not.toContain('aria-pressed');
  });
});
