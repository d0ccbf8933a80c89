// Search over current published powers: 1-, 2- and 4-character Chinese queries, codes, law
// names and article texts, body names, filters, pagination, the result cap, highlighting and
// the empty states. Rare characters (麒麟, 饕餮) keep the demo data out of the counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { freshBody, power, publish, type FixtureBody } from '../portal/test-fixtures.js';
import { parseQuery } from './query.js';
import { RESULT_CAP, searchPowersSql } from './search.repo.js';

let t: TestApp;
let city: FixtureBody;
let county: FixtureBody;

const law = {
  documentName: '《包头市麒麟灯会管理条例》',
  level: '地方性法规' as const,
  article: '第九条',
  text: '举办大型灯会，应当向公安机关申请安全许可，并落实饕餮广场疏散预案。',
};
const at = (d: string) => new Date(`${d}T10:00:00+08:00`);
const items = (body: string) => [...body.matchAll(/<li><h2 class="hit"><a href="([^"]+)">/g)].map((m) => m[1]);

beforeAll(async () => {
  t = await setupTestApp();
  city = await freshBody(t, '包头市麒麟检索测试局');
  county = await freshBody(t, '昆都仑区饕餮检索测试局', '150203');
  await publish(
    t,
    city,
    [
      power(`${city.prefix}-XK-00001-000`, '麒麟灯会活动许可', { legalBases: [law] }),
      power(`${city.prefix}-CF-00001-000`, '对<b>擅自</b>举办麒麟灯会的处罚'),
      power(`${city.prefix}-JC-00001-000`, '灯会安全监督检查'),
      power(`${city.prefix}-XK-00002-000`, '将被移出的麒麟旧事项'),
    ],
    { at: at('2026-03-31') },
  );
  // version 2: one renamed, one removed — only the current list is searched
  await publish(
    t,
    city,
    [
      power(`${city.prefix}-XK-00001-000`, '麒麟灯会活动许可', { legalBases: [law] }),
      power(`${city.prefix}-CF-00001-000`, '对<b>擅自</b>举办麒麟灯会的处罚'),
      power(`${city.prefix}-JC-00001-000`, '灯会安全监督检查（麟）'),
    ],
    { at: at('2026-06-01') },
  );
  await publish(
    t,
    county,
    Array.from({ length: 25 }, (_, i) =>
      power(`${county.prefix}-QR-${String(i + 1).padStart(5, '0')}-000`, `麒麟分页确认事项${i + 1}`),
    ),
    { at: at('2026-04-01') },
  );
});
afterAll(() => t.close());

const search = (qs: string) => t.anon.get(`/search?${qs}`);

describe('search page', () => {
  it('finds by one character', async () => {
    const r = await search(`q=${encodeURIComponent('麟')}&body=${city.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('共找到 <strong>3</strong> 项');
    expect(r.body).toContain('灯会安全监督检查（<mark>麟</mark>）');
    expect(r.body).not.toContain('将被移出的麒麟旧事项');
  });

  it('finds by two characters, ranking name matches first', async () => {
    const r = await search(`q=${encodeURIComponent('麒麟')}&body=${city.id}`);
    expect(r.body).toContain('共找到 <strong>3</strong> 项');
    // the body's name contains 麒麟 too, so its third power matches by body name, last
    const hits = items(r.body);
    expect(hits[2]).toContain('-JC-00001-000');
  });

  it('finds by four characters, and escapes what it highlights', async () => {
    const r = await search(`q=${encodeURIComponent('麒麟灯会')}`);
    expect(r.body).toContain('共找到 <strong>2</strong> 项');
    expect(r.body).toContain('对&lt;b&gt;擅自&lt;/b&gt;举办<mark>麒麟灯会</mark>的处罚');
    expect(r.body).toContain('<mark>麒麟灯会</mark>活动许可');
    expect(r.body).not.toContain('<b>擅自');
  });

  it('finds by code, whole or in part, in any case', async () => {
    const code = `${city.prefix}-CF-00001-000`;
    const r = await search(`q=${code}`);
    expect(r.body).toContain('共找到 <strong>1</strong> 项');
    expect(r.body).toContain(`<mark>${code}</mark>`);
    const part = await search(`q=${city.prefix.toLowerCase()}-xk`);
    expect(part.body).toContain('共找到 <strong>1</strong> 项');
  });

  it("finds by a law's name and by its article text", async () => {
    const byName = await search(`q=${encodeURIComponent('麒麟灯会管理条例')}`);
    expect(byName.body).toContain('共找到 <strong>1</strong> 项');
    expect(byName.body).toContain('依据：《包头市<mark>麒麟灯会管理条例</mark>》第九条');
    const byText = await search(`q=${encodeURIComponent('饕餮广场')}`);
    expect(byText.body).toContain('共找到 <strong>1</strong> 项');
    expect(byText.body).toContain('<mark>饕餮广场</mark>');
  });

  it("finds by the body's name", async () => {
    const r = await search(`q=${encodeURIComponent('饕餮检索')}`);
    expect(r.body).toContain('共找到 <strong>25</strong> 项');
    expect(r.body).toContain('昆都仑区<mark>饕餮检索</mark>测试局');
  });

  it('filters by level, body and category; several terms must all match', async () => {
    const q = `q=${encodeURIComponent('麒麟')}`;
    expect((await search(`${q}&level=2`)).body).toContain('共找到 <strong>25</strong> 项');
    expect((await search(`${q}&level=1&category=XK`)).body).toContain('共找到 <strong>1</strong> 项');
    expect((await search(`${q}&category=QR&body=${city.id}`)).body).toContain('未找到与“麒麟”相关的行政职权');
    expect((await search(`q=${encodeURIComponent('麒麟 确认事项1')}`)).body).toContain('共找到 <strong>11</strong> 项');
    // empty selects from the form mean "all"
    expect((await search(`${q}&level=&category=&body=`)).statusCode).toBe(200);
  });

  it('pages through results', async () => {
    const q = `q=${encodeURIComponent('分页确认')}`;
    const p1 = await search(q);
    expect(items(p1.body)).toHaveLength(20);
    expect(p1.body).toContain('当前显示第 1–20 项');
    expect(p1.body).toContain('rel="next"');
    const p2 = await search(`${q}&page=2`);
    expect(items(p2.body)).toHaveLength(5);
    expect(p2.body).toContain('<ol class="results" start="21">');
    const beyond = await search(`${q}&page=9`);
    expect(beyond.body).toContain('该页没有结果');
  });

  it('explains the empty query and the query without results, in Chinese', async () => {
    const empty = await search('');
    expect(empty.body).toContain('如何检索');
    expect(empty.body).toContain('支持单字和两个字的检索');
    const none = await search(`q=${encodeURIComponent('不存在的职权名称')}`);
    expect(none.body).toContain('未找到与“不存在的职权名称”相关的行政职权');
    expect(none.body).not.toMatch(/<script/i);
  });

  it('answers repeated requests with 304 until something is published', async () => {
    const r = await search('q=%E9%BA%92');
    const again = await t.anon.request('GET', '/search?q=%E9%BA%92', undefined, {
      'if-none-match': r.headers.etag as string,
    });
    expect(again.statusCode).toBe(304);
  });
});

describe('search API and the result cap', () => {
  it('returns JSON without login', async () => {
    const r = await t.anon.get(`/api/public/search?q=${encodeURIComponent('麒麟灯会')}`);
    expect(r.statusCode).toBe(200);
    const j = r.json();
    expect(j.total).toBe(2);
    expect(j.items[0]).toMatchObject({ name: '麒麟灯会活动许可', categoryLabel: '行政许可', body: { id: city.id } });
    expect((await t.anon.get('/api/public/search?page=x')).statusCode).toBe(400);
  });

  it(`counts at most ${RESULT_CAP} hits and still pages through them in a stable order`, async () => {
    const big = await freshBody(t, '包头市饕餮容量测试局');
    const n = RESULT_CAP + 30;
    await publish(
      t,
      big,
      Array.from({ length: n }, (_, i) =>
        power(`${big.prefix}-QT-${String(i + 1).padStart(5, '0')}-000`, `饕餮溢出事项${i + 1}`),
      ),
      { at: at('2026-05-01') },
    );
    const terms = parseQuery('溢出');
    const p1 = await searchPowersSql(t.db, { terms, page: 1, pageSize: 20 });
    expect(p1).toMatchObject({ total: RESULT_CAP, capped: true });
    const p2 = await searchPowersSql(t.db, { terms, page: 2, pageSize: 20 });
    expect(p2.rows[0]!.id).toBeGreaterThan(p1.rows.at(-1)!.id);
    const page = await search(`q=${encodeURIComponent('溢出')}`);
    expect(page.body).toContain(`找到超过 <strong>${RESULT_CAP}</strong> 项`);
  });
});
