// Open data (spec §7): a body's published list as JSON and CSV, current or ?version=, with an
// ETag from the publication digest, 304 on If-None-Match, and the OpenAPI description.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { neutralise } from '../../core/formula-text.js';
import { listDigest } from '../register/publish.js';
import { freshBody, power, publish, type FixtureBody } from './test-fixtures.js';

let t: TestApp;
let body: FixtureBody;
let code: string;

beforeAll(async () => {
  t = await setupTestApp();
  body = await freshBody(t, '包头市开放数据测试局');
  code = `${body.prefix}-XK-00001-000`;
  await publish(
    t,
    body,
    [
      power(code, '=HYPERLINK("http://example.com","危险")', {
        remarks: '+1 备注以加号开头',
        accountabilityCases: ['@SUM(1,1)', '-2 情形'],
      }),
      power(`${body.prefix}-CF-00001-000`, '对违法行为的处罚', {
        legalBases: [
          {
            documentName: '《中华人民共和国行政处罚法》',
            level: '法律',
            article: '第九条',
            text: '行政处罚的种类：（一）警告、通报批评，"罚款"',
            documentId: 'xzcff',
            effectiveDate: '2021-07-15',
          },
        ],
      }),
    ],
    { at: new Date('2026-03-31T10:00:00+08:00'), duties: [{ name: '开放数据职责', content: '依法公开权责清单。' }] },
  );
  await publish(t, body, [power(code, '食品经营许可')], {
    at: new Date('2026-06-01T10:00:00+08:00'),
    source: { type: 'adjustment', id: 3 },
  });
});
afterAll(() => t.close());

describe('JSON', () => {
  it('downloads the current list; its powers hash back to the digest', async () => {
    const r = await t.anon.get(`/api/public/bodies/${body.id}/list.json`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/json');
    const j = r.json();
    expect(j).toMatchObject({
      version: 2,
      digestAlgorithm: 'SM3',
      powerCount: 1,
      source: { type: 'adjustment', id: 3 },
      body: { id: body.id, name: '包头市开放数据测试局', region: { level: 1 } },
    });
    expect(j.powers[0]).toMatchObject({ code, name: '食品经营许可', category: 'XK', status: 'active' });
    expect(j.powers[0].id).toBeUndefined();
    expect(listDigest(j.powers)).toBe(j.digest);
    expect(j.categories.XK).toBe('行政许可');
  });

  it('downloads a numbered version, every field kept', async () => {
    const j = (await t.anon.get(`/api/public/bodies/${body.id}/list.json?version=1`)).json();
    expect(j.version).toBe(1);
    expect(j.powers).toHaveLength(2);
    expect(j.duties).toEqual([{ name: '开放数据职责', content: '依法公开权责清单。' }]);
    expect(j.powers[1].legalBases[0]).toMatchObject({
      documentId: 'xzcff',
      effectiveDate: '2021-07-15',
      article: '第九条',
    });
    expect(listDigest(j.powers)).toBe(j.digest);
  });

  it('carries an ETag from the digest and answers If-None-Match with 304', async () => {
    const r = await t.anon.get(`/api/public/bodies/${body.id}/list.json?version=1`);
    expect(r.headers['cache-control']).toBe('public, max-age=86400');
    const again = await t.anon.request('GET', `/api/public/bodies/${body.id}/list.json?version=1`, undefined, {
      'if-none-match': r.headers.etag as string,
    });
    expect(again.statusCode).toBe(304);
    const current = await t.anon.get(`/api/public/bodies/${body.id}/list.json`);
    expect(current.headers.etag).not.toBe(r.headers.etag);
    expect(current.headers['cache-control']).toBe('public, max-age=300');
  });

  it('lists the bodies and a body’s versions', async () => {
    const bodies = (await t.anon.get('/api/public/bodies')).json();
    expect(bodies.items.find((b: { id: number }) => b.id === body.id)).toMatchObject({
      version: 2,
      json: `/api/public/bodies/${body.id}/list.json`,
    });
    const v = (await t.anon.get(`/api/public/bodies/${body.id}/versions`)).json();
    expect(v.items.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    expect(v.items[1].csv).toBe(`/api/public/bodies/${body.id}/list.csv?version=1`);
  });

  it('refuses bad input in Chinese, as JSON', async () => {
    const cases: [string, number, string][] = [
      [`/api/public/bodies/${body.id}/list.json?version=9`, 404, '没有第 9 版'],
      [`/api/public/bodies/${body.id}/list.json?version=abc`, 400, '版本号应为数字'],
      ['/api/public/bodies/99999999/list.csv', 404, '未找到编号为 99999999 的机构'],
      ['/api/public/bodies/x/list.json', 400, 'VALIDATION_FAILED'],
    ];
    for (const [url, status, text] of cases) {
      const r = await t.anon.get(url);
      expect(r.statusCode, url).toBe(status);
      expect(r.body, url).toContain(text);
    }
    const unpublished = await freshBody(t, '包头市未公布数据局');
    const r = await t.anon.get(`/api/public/bodies/${unpublished.id}/list.json`);
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toBe('包头市未公布数据局尚未公布权责清单');
  });
});

describe('CSV', () => {
  it('is UTF-8 with a BOM, the 职权信息表 columns, and formula cells neutralised', async () => {
    const r = await t.anon.get(`/api/public/bodies/${body.id}/list.csv?version=1`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toMatch(new RegExp(`filename="?list-${body.id}-v1\\.csv"?;`));
    expect(r.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('包头市开放数据测试局权责清单（第1版）.csv')}`,
    );
    const raw = r.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    const [header] = text.split('\r\n');
    expect(header).toBe(
      '序号,权力编码,主项编码,行政职权名称,权力类别,责任主体,实施机构,法定依据,责任事项,追责情形,追责依据,备注,状态',
    );
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"",""危险"")"`);
    expect(text).toContain("'+1 备注以加号开头");
    expect(text).toContain('"1. @SUM(1,1)\n2. -2 情形"');
    expect(text).toContain(
      '《中华人民共和国行政处罚法》（法律）第九条：行政处罚的种类：（一）警告、通报批评，""罚款""',
    );
    expect(text).toContain(',行政许可,');
    expect(text.endsWith('\r\n')).toBe(true);
    const again = await t.anon.request('GET', `/api/public/bodies/${body.id}/list.csv?version=1`, undefined, {
      'if-none-match': r.headers.etag as string,
    });
    expect(again.statusCode).toBe(304);
  });

  it('neutralises every formula lead character', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(neutralise(`${c}x`)).toBe(`'${c}x`);
    expect(neutralise('150200-001')).toBe('150200-001');
  });
});

describe('OpenAPI', () => {
  it('documents the open data routes', async () => {
    const doc = (await t.anon.get('/api/openapi.json')).json();
    for (const p of [
      '/api/public/bodies',
      '/api/public/bodies/{id}/versions',
      '/api/public/bodies/{id}/list.json',
      '/api/public/bodies/{id}/list.csv',
      '/api/public/search',
    ])
      expect(doc.paths[p], p).toBeDefined();
    expect(doc.paths['/api/public/bodies/{id}/list.json'].get.tags).toEqual(['公开数据']);
  });
});
