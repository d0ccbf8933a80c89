// The public portal, server-rendered and without script: levels → region → a body's list →
// a power, versions and their field-level difference, the list as at a date, caching, and
// Chinese error pages for bad URLs.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { freshBody, power, publish, type FixtureBody } from './test-fixtures.js';

let t: TestApp;
let body: FixtureBody;
let codes: { xk: string; sub: string; cf: string; new: string };

const noScript = (html: string) => expect(html).not.toMatch(/<script/i);

beforeAll(async () => {
  t = await setupTestApp();
  body = await freshBody(t, '包头市测试监督管理局');
  const p = body.prefix;
  codes = { xk: `${p}-XK-00001-000`, sub: `${p}-XK-00001-001`, cf: `${p}-CF-00001-000`, new: `${p}-JC-00001-000` };
  await publish(
    t,
    body,
    [
      power(codes.xk, '食品经营许可'),
      power(codes.sub, '食品经营许可证变更', { parentId: codes.xk }),
      power(codes.cf, '对未取得食品经营许可从事食品经营活动的处罚', { remarks: '与住建部门按职责分工实施' }),
    ],
    {
      at: new Date('2026-03-31T10:00:00+08:00'),
      duties: [{ name: '市场综合监督管理', content: '负责市场综合监督管理，起草有关地方性法规草案。' }],
    },
  );
  await publish(
    t,
    body,
    [
      power(codes.xk, '食品经营许可（含仓储）'),
      power(codes.sub, '食品经营许可证变更', { parentId: codes.xk }),
      power(codes.cf, '对未取得食品经营许可从事食品经营活动的处罚', {
        status: 'cancelled',
        remarks: '与住建部门按职责分工实施',
      }),
      power(codes.new, '食品安全监督检查'),
    ],
    { at: new Date('2026-06-15T10:00:00+08:00'), source: { type: 'adjustment', id: 7 } },
  );
});
afterAll(() => t.close());

describe('pages without script', () => {
  it('home lists the levels and links to regions', async () => {
    const r = await t.anon.get('/');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('市本级');
    expect(r.body).toContain('href="/regions/150200"');
    expect(r.body).toContain('action="/search"');
    noScript(r.body);
  });

  it('a region lists its bodies with their list status', async () => {
    const r = await t.anon.get('/regions/150200');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`href="/bodies/${body.id}"`);
    expect(r.body).toContain('现行第 2 版');
  });

  it("a body's page: current version, grouped by category with counts, duties, 子项 under 主项", async () => {
    const r = await t.anon.get(`/bodies/${body.id}`);
    expect(r.statusCode).toBe(200);
    noScript(r.body);
    expect(r.body).toContain('包头市测试监督管理局权责清单');
    // counts are of powers in force: the 处罚 cancelled in version 2 is listed apart
    expect(r.body).toContain('共 <strong>3</strong> 项在用行政职权（主项 2 项、子项 1 项）');
    expect(r.body).toContain('第 2 版</strong> · 2026年6月15日公布 · 自2026年6月15日起施行');
    expect(r.body).toContain('行政许可（2 项）');
    expect(r.body).not.toContain('行政处罚（');
    expect(r.body).toContain('行政检查（1 项）');
    // the 2025 rulebook's order: 许可 before 检查
    expect(r.body.indexOf('行政许可（')).toBeLessThan(r.body.indexOf('行政检查（'));
    expect(r.body).toMatch(/<tr class="sub"><td>1\.1<\/td>/);
    expect(r.body).toContain(`href="/bodies/${body.id}/powers/${codes.xk}"`);
    expect(r.body).toContain('另有已取消、合并、下放或委托的职权 1 项');
    const retired = r.body.slice(r.body.indexOf('id="retired"'));
    expect(retired).toContain('已取消、合并、下放或委托的职权（1 项）');
    expect(retired).toContain(
      `<a href="/bodies/${body.id}/powers/${codes.cf}">对未取得食品经营许可从事食品经营活动的处罚</a>`,
    );
    expect(retired).toContain('<span class="tag old">已取消</span>');
    expect(r.body).toContain('职责（1 项）');
    // every code in the list tables is a .code element (the stylesheet keeps it on one line)
    for (const c of [codes.xk, codes.sub, codes.new, codes.cf])
      expect(r.body).toContain(`<td><span class="code">${c}</span></td>`);
    expect(r.body).not.toMatch(/<td>\d{6}-\d{3}-[A-Z]{2}-/);
  });

  it("a power's page shows every field", async () => {
    const r = await t.anon.get(`/bodies/${body.id}/powers/${codes.cf}?version=1`);
    expect(r.statusCode).toBe(200);
    noScript(r.body);
    for (const s of [
      '对未取得食品经营许可从事食品经营活动的处罚',
      codes.cf,
      '行政处罚',
      '包头市测试监督管理局',
      '《中华人民共和国行政许可法》',
      '法律',
      '第十二条',
      '下列事项可以设定行政许可',
      '受理责任',
      '审查责任',
      '决定责任',
      '对符合法定条件的申请不予受理的',
      '第七十二条',
      '与住建部门按职责分工实施',
      '在用',
      '历史版本',
    ])
      expect(r.body).toContain(s);
    expect(r.body.indexOf('受理责任')).toBeLessThan(r.body.indexOf('审查责任'));
    // the code in the heading and in the field table is a .code element: it never breaks inside
    expect(r.body).toContain(`权力编码 <span class="code">${codes.cf}</span>`);
    expect(r.body).toContain(`<tr><th scope="row">权力编码</th><td><span class="code">${codes.cf}</span></td></tr>`);
    const sub = await t.anon.get(`/bodies/${body.id}/powers/${codes.sub}`);
    expect(sub.body).toContain('子项，所属主项');
    const main = await t.anon.get(`/bodies/${body.id}/powers/${codes.xk}`);
    expect(main.body).toContain('主项（含子项 1 项）');
    expect(main.body).toContain('第 2 版有变更');
  });

  it('the version history lists both versions with digest and source', async () => {
    const r = await t.anon.get(`/bodies/${body.id}/versions`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('共公布 2 个版本');
    expect(r.body).toContain('动态调整');
    expect(r.body).not.toContain('第 7 号'); // no record numbers shown to the public
    expect(r.body).toContain('编制公布');
    const digests = await t.db
      .selectFrom('power_list_version')
      .select('digest')
      .where('body_id', '=', body.id)
      .execute();
    for (const d of digests) expect(r.body).toContain(d.digest);
    expect(r.body).toContain(`/bodies/${body.id}/diff?from=1&amp;to=2`);
  });

  it('the difference between two versions is field by field', async () => {
    const r = await t.anon.get(`/bodies/${body.id}/diff?from=1&to=2`);
    expect(r.statusCode).toBe(200);
    noScript(r.body);
    expect(r.body).toContain('新增 <strong>1</strong> 项');
    expect(r.body).toContain('内容变更 <strong>2</strong> 项');
    expect(r.body).toContain('食品安全监督检查');
    expect(r.body).toContain('<del>食品经营许可</del>');
    expect(r.body).toContain('<ins>食品经营许可（含仓储）</ins>');
    expect(r.body).toContain('行政职权名称');
    expect(r.body).toMatch(/<del>在用<\/del>[\s\S]*<ins>已取消<\/ins>/);
    // default: the latest against the one before
    const d = await t.anon.get(`/bodies/${body.id}/diff`);
    expect(d.body).toContain('第 1 版（2026年3月31日起施行）→ 第 2 版');
  });

  it('the list as at a date is the version in force then', async () => {
    const before = await t.anon.get(`/bodies/${body.id}?date=2026-05-01`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('第 1 版</strong>');
    expect(before.body).toContain('2026年5月1日当日有效');
    expect(before.body).toContain('历史版本');
    expect(before.body).not.toContain('食品安全监督检查');
    const after = await t.anon.get(`/bodies/${body.id}?date=2026-07-01`);
    expect(after.body).toContain('第 2 版</strong>');
    // the form's date box: a hint says the format, a typed date without leading zeros or with
    // slashes (browsers without a date picker send what was typed) is the same day
    expect(before.body).toContain('<p class="hint" id="asof-hint">格式：年-月-日，如 2026-01-01</p>');
    expect(before.body).toContain('aria-describedby="asof-hint"');
    for (const typed of ['2026-5-1', '2026/5/1', encodeURIComponent('2026年5月1日')]) {
      const r = await t.anon.get(`/bodies/${body.id}?date=${typed}`);
      expect(r.statusCode, typed).toBe(200);
      expect(r.body, typed).toContain('2026年5月1日当日有效');
      expect(r.body, typed).toContain('第 1 版</strong>');
    }
    const none = await t.anon.get(`/bodies/${body.id}?date=2020-01-01`);
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('2020年1月1日时本机构尚未公布权责清单');
  });
});

describe('a long list', () => {
  it('opens with the first rows of each category, one category or all on request', async () => {
    const big = await freshBody(t, '包头市长清单测试局');
    const powers = [
      ...Array.from({ length: 90 }, (_, i) =>
        power(`${big.prefix}-XK-${String(i + 1).padStart(5, '0')}-000`, `长清单许可事项${i + 1}`),
      ),
      ...Array.from({ length: 30 }, (_, i) =>
        power(`${big.prefix}-CF-${String(i + 1).padStart(5, '0')}-000`, `长清单处罚事项${i + 1}`),
      ),
    ];
    await publish(t, big, powers, { at: new Date('2026-03-31T10:00:00+08:00') });
    const rows = (html: string) => (html.match(/<tr><td>\d+<\/td>/g) ?? []).length;
    const first = await t.anon.get(`/bodies/${big.id}`);
    expect(first.body).toContain('共 <strong>120</strong> 项在用行政职权');
    expect(first.body).toContain('行政许可（90 项）');
    expect(rows(first.body)).toBe(10);
    expect(first.body).toContain(`href="/bodies/${big.id}?category=XK#cat-XK">查看行政许可全部 90 项</a>`);
    expect(first.body).toContain(`href="/bodies/${big.id}?all=1">显示全部 120 项</a>`);
    const xk = await t.anon.get(`/bodies/${big.id}?category=XK`);
    expect(rows(xk.body)).toBe(95); // all 90 许可, and the 处罚 preview
    expect(xk.body).toContain('长清单许可事项90');
    const all = await t.anon.get(`/bodies/${big.id}?all=1`);
    expect(rows(all.body)).toBe(120);
    expect((await t.anon.get(`/bodies/${big.id}?category=xk`)).statusCode).toBe(400);
    expect((await t.anon.get(`/bodies/${big.id}?all=2`)).statusCode).toBe(400);
  });
});

describe('the stylesheet', () => {
  it('keeps a code on one line everywhere and stacks the field table on a phone', async () => {
    const css = (await t.anon.get('/portal.css')).body;
    const rule = (sel: string) =>
      css.match(new RegExp(`(?:^|\\})${sel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\{([^}]*)\\}`, 'm'))?.[1] ?? '';
    expect(rule('.code')).toContain('white-space:nowrap');
    expect(rule('.code')).toContain('word-break:keep-all');
    // nothing, elder mode or a narrow screen included, lets a code wrap again
    expect(css).not.toMatch(/\.code[^{}]*\{[^}]*(white-space:normal|break-all)/);
    const narrow = css.slice(css.indexOf('@media (max-width:600px)'));
    expect(narrow).toMatch(/table\.fields th,table\.fields td\{display:block;width:auto\}/);
  });
});

describe('caching', () => {
  it('answers If-None-Match with 304, and elder mode is its own variant', async () => {
    const r = await t.anon.get(`/bodies/${body.id}`);
    const etag = r.headers.etag as string;
    expect(etag).toBeTruthy();
    expect(r.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    const again = await t.anon.request('GET', `/bodies/${body.id}`, undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const elder = await t.anon.request('GET', `/bodies/${body.id}`, undefined, {
      'if-none-match': etag,
      cookie: 'elder=1',
    });
    expect(elder.statusCode).toBe(200);
    expect(elder.body).toContain('<html lang="zh-CN" class="elder">');
    expect(elder.headers.etag).not.toBe(etag);
    const home = await t.anon.get('/');
    expect(
      (await t.anon.request('GET', '/', undefined, { 'if-none-match': home.headers.etag as string })).statusCode,
    ).toBe(304);
  });

  it('serves the cached page gzipped to clients that accept it', async () => {
    const plain = await t.anon.get(`/bodies/${body.id}`);
    const gz = await t.anon.request('GET', `/bodies/${body.id}`, undefined, { 'accept-encoding': 'gzip, deflate, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Cookie, Accept-Encoding');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
  });

  it('a new publication changes the ETag', async () => {
    const { body: b2 } = { body: await freshBody(t, '包头市缓存测试局') };
    await publish(t, b2, [power(`${b2.prefix}-XK-00001-000`, '缓存测试许可')], {
      at: new Date('2026-04-01T10:00:00+08:00'),
    });
    const e1 = (await t.anon.get(`/bodies/${b2.id}`)).headers.etag;
    await publish(t, b2, [power(`${b2.prefix}-XK-00001-000`, '缓存测试许可（新）')], {
      at: new Date('2026-04-02T10:00:00+08:00'),
    });
    // published behind the app's back (no write request): a reload asks past the 250 ms memo
    const r = await t.anon.request('GET', `/bodies/${b2.id}`, undefined, { 'cache-control': 'no-cache' });
    expect(r.headers.etag).not.toBe(e1);
    expect(r.body).toContain('缓存测试许可（新）');
  });
});

describe('bad URLs give a Chinese page, never a 500', () => {
  const cases: [string, number, string][] = [
    ['/bodies/abc', 400, '参数不符合要求'],
    ['/bodies/0', 400, '机构编号无效'],
    ['/bodies/99999999', 404, '未找到编号为 99999999 的机构'],
    ['/bodies/{id}?version=99', 404, '没有第 99 版'],
    ['/bodies/{id}?version=x', 400, '版本号应为数字'],
    ['/bodies/{id}?date=2026-02-30', 400, '查询日期应为有效的日期，格式：年-月-日，如 2026-01-01'],
    ['/bodies/{id}?date=0000-01-01', 400, '查询日期应为有效的日期'],
    ['/bodies/{id}?date=', 400, '查询日期应为有效的日期'],
    ['/bodies/{id}?date=01/05/2026', 400, '查询日期应为有效的日期'],
    ['/bodies/{id}?date=2026-05-01&date=2026-07-01', 400, '查询日期应为有效的日期'],
    ['/bodies/{id}/powers/bad!code', 400, '权力编码格式不正确'],
    ['/bodies/{id}/powers/150200-999-XK-00001-000', 404, '没有编码为'],
    ['/bodies/{id}/diff?from=1&to=1', 400, '请选择两个不同的版本'],
    ['/bodies/{id}/diff?from=1&to=9', 404, '没有第 9 版'],
    ['/regions/12', 400, '区划代码应为 6 位或 9 位数字'],
    ['/regions/999999', 404, '未找到区划代码为 999999 的区划'],
    ['/search?page=0', 400, '页码应从 1 开始'],
    ['/search?level=9', 400, '层级应为 1、2 或 3'],
  ];
  it.each(cases)('%s → %i', async (url, status, text) => {
    const r = await t.anon.get(url.replace('{id}', String(body.id)));
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain(text);
    expect(r.headers.etag).toBeUndefined();
    noScript(r.body);
  });

  it('a body with nothing published says so', async () => {
    const b = await freshBody(t, '包头市未公布测试局');
    const r = await t.anon.get(`/bodies/${b.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('本机构尚未公布权责清单');
  });
});
