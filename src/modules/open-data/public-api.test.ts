// The public v1 API and bulk data (issue 14.3, §15 ¶2): per-level and whole-city downloads as JSON
// Lines and CSV whose lines match the published schema and whose bodies hash back to the manifest's
// digests; diffs and Atom feeds of every publication; cache headers (ETag, Last-Modified, 304); its
// own OpenAPI document; refusals of bad input. Runs on PGlite and on PostgreSQL.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { canonicalJson } from '../../core/canonical-json.js';
import { powerLineSchema } from '../../contract/open-data.js';
import { listDigest } from '../register/publish.js';
import { freshBody, power, publish, type FixtureBody } from '../portal/test-fixtures.js';
import { powerLineJsonSchema } from './line-schema.js';

let t: TestApp;
let city: FixtureBody;
let county: FixtureBody;
const V1 = '/api/public/v1';

beforeAll(async () => {
  t = await setupTestApp();
  city = await freshBody(t, '包头市开放数据批量测试局');
  county = await freshBody(t, '昆都仑区开放数据批量测试局', '150203');
  await publish(
    t,
    city,
    [power(`${city.prefix}-XK-00001-000`, '食品经营许可'), power(`${city.prefix}-CF-00001-000`, '对无证经营的处罚')],
    {
      at: new Date('2026-11-01T10:00:00+08:00'),
    },
  );
  await publish(
    t,
    city,
    [
      power(`${city.prefix}-XK-00001-000`, '食品经营许可', { remarks: '含仅销售预包装食品备案' }),
      power(`${city.prefix}-JC-00001-000`, '食品安全监督检查'),
    ],
    { at: new Date('2026-11-20T10:00:00+08:00'), source: { type: 'adjustment', id: 7 } },
  );
  await publish(t, county, [power(`${county.prefix}-XK-00001-000`, '小餐饮经营许可')], {
    at: new Date('2026-11-21T10:00:00+08:00'),
  });
});
afterAll(() => t.close());

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('bulk data per level and for the city', () => {
  it('the manifest names every body of the level with its version and digest, and the file digest', async () => {
    const r = await t.anon.get(`${V1}/levels/1/manifest.json`);
    expect(r.statusCode).toBe(200);
    const m = r.json();
    expect(m.scope).toEqual({ level: 1, label: '包头市市本级' });
    expect(m.bodies.every((b: { level: number }) => b.level === 1)).toBe(true);
    expect(m.bodies.find((b: { id: number }) => b.id === county.id)).toBeUndefined();
    expect(m.bodies.find((b: { id: number }) => b.id === city.id)).toMatchObject({ version: 2, powerCount: 2 });
    const expected = createHash('sm3')
      .update(
        canonicalJson(
          [...m.bodies]
            .sort((a: { id: number }, b: { id: number }) => a.id - b.id)
            .map((b: { id: number; version: number; digest: string }) => ({
              bodyId: b.id,
              version: b.version,
              digest: b.digest,
            })),
        ),
      )
      .digest('hex');
    expect(m.digest).toBe(expected);
    expect(r.headers['x-publication-digest']).toBe(`sm3:${m.digest}`);
    expect(m.schema).toBe(`${V1}/schemas/power-line.v1.json`);
  });

  it('JSON Lines: every line matches the schema, and each body’s powers hash back to its digest', async () => {
    // the city's file is the same code over every level (its manifest is checked below); level 2 keeps the test short
    const m = (await t.anon.get(`${V1}/levels/2/manifest.json`)).json();
    const r = await t.anon.get(`${V1}/levels/2/powers.jsonl`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/x-ndjson');
    expect(r.headers['x-publication-digest']).toBe(`sm3:${m.digest}`);
    expect(r.headers.link).toContain('power-line.v1.json');
    const all = lines(r.body);
    expect(all).toHaveLength(m.powerCount);
    for (const l of all) powerLineSchema.strict().parse(l);
    const byBody = new Map<number, typeof all>();
    for (const l of all) byBody.set(l.body.id, [...(byBody.get(l.body.id) ?? []), l]);
    for (const b of m.bodies) {
      const ls = byBody.get(b.id) ?? [];
      expect(
        ls.every((l: { version: number; digest: string }) => l.version === b.version && l.digest === b.digest),
      ).toBe(true);
      expect(listDigest(ls.map((l: { power: never }) => l.power))).toBe(b.digest);
    }
    expect(byBody.get(county.id)?.[0]).toMatchObject({
      body: { region: { code: '150203', level: 2 } },
      power: { name: '小餐饮经营许可' },
    });
  });

  it('CSV: a header with the body columns first, one row per power', async () => {
    const r = await t.anon.get(`${V1}/levels/2/powers.csv`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    const m = (await t.anon.get(`${V1}/levels/2/manifest.json`)).json();
    expect(r.body.startsWith('\uFEFF区划代码,区划,机构编号,机构,版本,版本摘要（SM3）,序号,权力编码')).toBe(true);
    expect(r.body).toContain(`150203,昆都仑区,${county.id},昆都仑区开放数据批量测试局,1,`);
    // quoted cells may hold line breaks; count the rows by their leading region code
    expect(r.body.split('\r\n').filter((l) => /^15\d{4}/.test(l))).toHaveLength(m.powerCount);
  });

  it('ETag and Last-Modified: a client that has the file gets 304', async () => {
    const r = await t.anon.get(`${V1}/levels/1/powers.jsonl`);
    expect(r.headers['cache-control']).toBe('public, max-age=300');
    expect(r.headers['last-modified']).toBeTruthy();
    const etag = String(r.headers.etag);
    expect(
      (await t.anon.request('GET', `${V1}/levels/1/powers.jsonl`, undefined, { 'if-none-match': etag })).statusCode,
    ).toBe(304);
    const since = String(r.headers['last-modified']);
    expect(
      (await t.anon.request('GET', `${V1}/levels/1/powers.jsonl`, undefined, { 'if-modified-since': since }))
        .statusCode,
    ).toBe(304);
    // the level's data changes with a publication: the old ETag no longer matches
    await publish(t, city, [power(`${city.prefix}-XK-00001-000`, '食品经营许可')], {
      at: new Date('2026-11-25T10:00:00+08:00'),
    });
    const again = await t.anon.request('GET', `${V1}/levels/1/powers.jsonl`, undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(200);
    expect(again.headers.etag).not.toBe(etag);
  });

  it('the city’s manifest covers every level', async () => {
    const m = (await t.anon.get(`${V1}/city/manifest.json`)).json();
    expect(m.scope).toEqual({ level: null, label: '包头市全市' });
    const ids = m.bodies.map((b: { id: number }) => b.id);
    expect(ids).toEqual(expect.arrayContaining([city.id, county.id]));
    const levels = await Promise.all(
      [1, 2, 3].map(async (l) => (await t.anon.get(`${V1}/levels/${l}/manifest.json`)).json()),
    );
    expect(levels.reduce((n, x) => n + x.bodyCount, 0)).toBe(m.bodyCount);
    expect(m.downloads.jsonl).toBe(`${V1}/city/powers.jsonl`);
  });

  it('refuses a level that does not exist', async () => {
    for (const bad of ['0', '4', 'x']) {
      const r = await t.anon.get(`${V1}/levels/${bad}/manifest.json`);
      expect(r.statusCode, bad).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('changes: diffs and Atom feeds', () => {
  it('the diff of a version against the one before', async () => {
    const r = await t.anon.get(`${V1}/bodies/${city.id}/versions/2/diff.json`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      from: 1,
      to: 2,
      changes: {
        added: [{ code: `${city.prefix}-JC-00001-000`, name: '食品安全监督检查' }],
        removed: [{ code: `${city.prefix}-CF-00001-000`, name: '对无证经营的处罚' }],
        changed: [{ code: `${city.prefix}-XK-00001-000`, fields: ['remarks'] }],
      },
    });
    expect((await t.anon.get(`${V1}/bodies/${city.id}/versions/9/diff.json`)).statusCode).toBe(404);
  });

  it('a body’s feed has one entry per publication with its diff, newest first', async () => {
    const r = await t.anon.get(`${V1}/bodies/${city.id}/changes.atom`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/atom+xml');
    const entries = r.body.split('<entry>').slice(1);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toContain('权责清单公布第 3 版');
    expect(entries[1]).toContain('新增 1 项，取消或删除 1 项，修改 1 项');
    expect(entries[1]).toContain(`/api/public/v1/bodies/${city.id}/versions/2/diff.json`);
    expect(entries[2]).toContain('新增 2 项');
    expect(r.body).not.toContain('rel="next"');
    // paging back (RFC 5005): the entries published before version 3
    const v3 = await t.db
      .selectFrom('power_list_version')
      .select('id')
      .where('body_id', '=', city.id)
      .where('version', '=', 3)
      .executeTakeFirstOrThrow();
    const older = (await t.anon.get(`${V1}/bodies/${city.id}/changes.atom?before=${v3.id}`)).body;
    expect(
      older
        .split('<entry>')
        .slice(1)
        .map((e) => /公布第 (\d+) 版/.exec(e)![1]),
    ).toEqual(['2', '1']);
    expect((await t.anon.get(`${V1}/bodies/${city.id}/changes.atom?before=x`)).statusCode).toBe(400);
  });

  it('the level’s and the city’s feeds hold the publications of their bodies only', async () => {
    const level2 = (await t.anon.get(`${V1}/levels/2/changes.atom`)).body;
    expect(level2).toContain('昆都仑区开放数据批量测试局');
    expect(level2).not.toContain('包头市开放数据批量测试局');
    const all = (await t.anon.get(`${V1}/city/changes.atom`)).body;
    expect(all).toContain('昆都仑区开放数据批量测试局');
    expect(all).toContain('包头市开放数据批量测试局');
  });
});

describe('the v1 API', () => {
  it('a body’s list as JSON and CSV, the same presenters as the portal’s downloads', async () => {
    const v1 = (await t.anon.get(`${V1}/bodies/${city.id}/list.json?version=2`)).json();
    const old = (await t.anon.get(`/api/public/bodies/${city.id}/list.json?version=2`)).json();
    expect(v1).toEqual(old);
    expect(listDigest(v1.powers)).toBe(v1.digest);
    const csv = await t.anon.get(`${V1}/bodies/${city.id}/list.csv`);
    expect(csv.headers['x-publication-digest']).toMatch(/^sm3:[0-9a-f]{64}$/);
    const versions = (await t.anon.get(`${V1}/bodies/${city.id}/versions`)).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(versions.items[2].json).toBe(`${V1}/bodies/${city.id}/list.json?version=1`);
  });

  it('the schema served is the file in the repository', async () => {
    const r = await t.anon.get(`${V1}/schemas/power-line.v1.json`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/schema+json');
    const file = readFileSync(new URL('../../../docs/schemas/power-line.v1.schema.json', import.meta.url), 'utf8');
    // the same schema (the file is laid out by the formatter, so compared as JSON)
    expect(JSON.parse(file)).toEqual(powerLineJsonSchema());
    expect(r.json()).toEqual(JSON.parse(file));
  });

  it('has its own OpenAPI document with the v1 paths only, and a page', async () => {
    const doc = (await t.anon.get(`${V1}/openapi.json`)).json();
    const paths = Object.keys(doc.paths);
    expect(paths).toContain(`${V1}/city/powers.jsonl`);
    expect(paths).toContain(`${V1}/bodies/{id}/changes.atom`);
    expect(paths.every((p) => p.startsWith(V1))).toBe(true);
    expect(doc.info.title).toBe('包头市权责清单开放数据接口');
    expect((await t.anon.get(`${V1}/docs`)).headers.location).toBe('/api/docs/public');
    expect((await t.anon.get('/api/docs/public')).body).toContain('/api/docs/public/init.js');
  });

  it('is rate limited like the portal’s public downloads', async () => {
    const r = await t.anon.get(`${V1}/bodies/${city.id}/versions`);
    expect(r.headers['x-ratelimit-limit']).toBe('120');
    expect((await t.anon.get(`${V1}/city/manifest.json`)).headers['x-ratelimit-limit']).toBe('120');
    expect((await t.anon.get(`${V1}/levels/3/powers.csv`)).headers['x-ratelimit-limit']).toBe('10');
  });
});
