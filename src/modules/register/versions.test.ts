// Published versions (spec §2): the demo lists as version 1, a second version, the list as at a
// date, and the field-level comparison of two versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { listDigest, loadCurrentList, publishVersion } from './publish.js';

let t: TestApp;
let clerk: Client;
let bodyId: number;

beforeAll(async () => {
  t = await setupTestApp(); // clock: 2026-11-30 09:00 Beijing
  clerk = await t.login('clerk.scjg');
  bodyId = (
    await t.db.selectFrom('body').select('id').where('name', '=', '包头市市场监督管理局').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

describe('demo register', () => {
  it('publishes every demo body as version 1 on 2026-03-31, digests matching what is read back', async () => {
    const versions = await t.db
      .selectFrom('power_list_version as v')
      .innerJoin('body as b', 'b.id', 'v.body_id')
      .select(['v.body_id', 'v.version', 'v.digest', 'v.power_count', 'b.region_code'])
      .execute();
    expect(versions.every((v) => v.version === 1)).toBe(true);
    expect(versions.filter((v) => v.region_code === '150200').length).toBeGreaterThanOrEqual(25);
    expect(versions.reduce((n, v) => n + v.power_count, 0)).toBeGreaterThanOrEqual(2000);
    const cats = await t.db.selectFrom('power').select('category').distinct().where('valid_to', 'is', null).execute();
    expect(cats.length).toBe(10);
    for (const v of versions.slice(0, 5))
      expect(listDigest((await loadCurrentList(t.db, v.body_id)).powers)).toBe(v.digest);
    const docs = await t.db.selectFrom('legal_document').select('id').execute();
    expect(docs.length).toBeGreaterThan(100);
  });
});

describe('versions', () => {
  let changedCode: string, cancelledCode: string, oldName: string;

  it('a second version: the list as at a date before it is version 1', async () => {
    const cur = await loadCurrentList(t.db, bodyId);
    expect(cur.version).toBe(1);
    [changedCode, cancelledCode] = [cur.powers[0].code, cur.powers[1].code];
    oldName = cur.powers[0].name;
    const next = cur.powers.map(({ id: _, ...p }) =>
      p.code === changedCode
        ? { ...p, name: `${p.name}（含变更）` }
        : p.code === cancelledCode
          ? { ...p, status: 'cancelled' as const }
          : p,
    );
    const r = await t.db.transaction().execute((trx) =>
      publishVersion(trx, {
        bodyId,
        powers: next,
        source: { type: 'adjustment', id: 42 },
        rulebookId: 'baotou-2023',
        actor: null,
        at: t.clock.now,
      }),
    );
    expect(r.version).toBe(2);

    const history = (await clerk.get(`/api/bodies/${bodyId}/versions`)).json();
    expect(
      history.map((v: { version: number; effectiveDate: string; source: unknown }) => [
        v.version,
        v.effectiveDate,
        v.source,
      ]),
    ).toEqual([
      [2, '2026-11-30', { type: 'adjustment', id: 42 }],
      [1, '2026-03-31', { type: 'compilation', id: null }],
    ]);

    const before = (await clerk.get(`/api/bodies/${bodyId}/list?date=2026-11-29`)).json();
    expect(before.version).toBe(1);
    expect(before.powers.find((p: { code: string }) => p.code === changedCode).name).toBe(oldName);
    const on = (await clerk.get(`/api/bodies/${bodyId}/list?date=2026-11-30`)).json();
    expect(on.version).toBe(2);
    expect(on.powers.find((p: { code: string }) => p.code === cancelledCode).status).toBe('cancelled'); // stays listed
    expect(on.powers).toHaveLength(before.powers.length);
    expect((await clerk.get(`/api/bodies/${bodyId}/list?version=1`)).json().digest).toBe(before.digest);
    expect((await clerk.get(`/api/bodies/${bodyId}/list`)).json().version).toBe(2);
    expect((await clerk.get(`/api/bodies/${bodyId}/list?date=2026-03-30`)).statusCode).toBe(404);
  });

  it('compares v1 and v2 field by field', async () => {
    const res = await clerk.get(`/api/bodies/${bodyId}/versions/compare?from=1&to=2`);
    expect(res.statusCode).toBe(200);
    const diff = res.json();
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toHaveLength(2);
    const named = diff.changed.find((c: { code: string }) => c.code === changedCode);
    expect(named.changes).toEqual([{ field: 'name', path: 'name', before: oldName, after: `${oldName}（含变更）` }]);
    const cancelled = diff.changed.find((c: { code: string }) => c.code === cancelledCode);
    expect(cancelled.changes).toEqual([{ field: 'status', path: 'status', before: 'active', after: 'cancelled' }]);
    expect(diff.to.source).toEqual({ type: 'adjustment', id: 42 });
  });

  it('bad queries are 400 in Chinese; unknown versions and bodies are 404', async () => {
    const bad = await clerk.get(`/api/bodies/${bodyId}/list?date=2026-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('日期格式应为');
    expect((await clerk.get(`/api/bodies/${bodyId}/list?version=0`)).json().error.message).toContain(
      '版本号应为正整数',
    );
    expect((await clerk.get(`/api/bodies/${bodyId}/versions/compare?from=1`)).statusCode).toBe(400);
    expect((await clerk.get(`/api/bodies/${bodyId}/versions/compare?from=1&to=9`)).statusCode).toBe(404);
    expect((await clerk.get('/api/bodies/999999/versions')).statusCode).toBe(404);
    expect((await t.anon.get(`/api/bodies/${bodyId}/versions`)).statusCode).toBe(401);
  });
});
