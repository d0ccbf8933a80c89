// Issue 10.8: no silent lost updates in a compilation draft. 20 parallel saves of one power (or
// of the duties) that read the same version: exactly one is stored, 19 are refused with 409
// naming who saved first, and the stored value is the winner's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { licencePower } from './fixtures.js';
import { unlistedBody } from './test-support.js';

let t: TestApp;
let clerks: Client[];
let draftId: number;

beforeAll(async () => {
  t = await setupTestApp();
  const body = await unlistedBody(t, '包头市并发编制局', [
    { username: 'clerk.a', roles: ['clerk'] },
    { username: 'clerk.b', roles: ['clerk'] },
  ]);
  clerks = [await t.login('clerk.a'), await t.login('clerk.b')];
  draftId = (await clerks[0]!.post('/api/list-drafts', { bodyId: body.bodyId })).json().id;
});
afterAll(() => t.close());

describe('a draft power', () => {
  it('20 parallel saves of the version read: one 200, 19 × 409 naming who changed it, the winner stored', async () => {
    const made = await clerks[0]!.post(`/api/list-drafts/${draftId}/powers`, licencePower('并发保存许可'));
    expect(made.statusCode).toBe(201);
    const powerId = made.json().id ?? made.json()[0]?.id;
    const read = (await clerks[1]!.get(`/api/list-drafts/${draftId}`))
      .json()
      .powers.find((p: { id: number }) => p.id === powerId);
    expect(read.version).toBe(1);
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        clerks[i % 2]!.put(`/api/list-drafts/${draftId}/powers/${powerId}`, {
          ...licencePower(`并发保存许可${i}`),
          version: read.version,
        }),
      ),
    );
    const ok = saves.filter((r) => r.statusCode === 200);
    const stale = saves.filter((r) => r.statusCode === 409);
    expect(ok).toHaveLength(1);
    expect(stale).toHaveLength(19);
    const winner = ok[0]!.json();
    expect(winner.version).toBe(2);
    for (const r of stale) {
      expect(r.json().error.code).toBe('CONFLICT');
      expect(r.json().error.message).toMatch(/已被测试用户[12]于 2026\/11\/30 09:00 修改/);
      expect(r.json().error.message).toContain('请刷新页面');
    }
    const row = await t.db
      .selectFrom('draft_power')
      .select(['name', 'version'])
      .where('id', '=', powerId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: winner.name, version: 2 });
    // a save based on the new version goes through
    const next = await clerks[0]!.put(`/api/list-drafts/${draftId}/powers/${powerId}`, {
      ...licencePower('并发保存许可（定稿）'),
      version: 2,
    });
    expect(next.statusCode).toBe(200);
    expect(next.json().version).toBe(3);
  });
});

describe('the duties of a draft', () => {
  it('20 parallel saves of the version read: one 200, 19 × 409, the winner stored', async () => {
    const read = (await clerks[0]!.get(`/api/list-drafts/${draftId}`)).json();
    expect(read.dutiesVersion).toBe(1);
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        clerks[i % 2]!.put(`/api/list-drafts/${draftId}/duties`, {
          duties: [{ name: `职责${i}`, content: '负责本行政区域内的测试工作。' }],
          version: read.dutiesVersion,
        }),
      ),
    );
    const ok = saves.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(saves.filter((r) => r.statusCode === 409 && r.json().error.code === 'CONFLICT')).toHaveLength(19);
    expect(ok[0]!.headers['x-duties-version']).toBe('2');
    const stored = await t.db.selectFrom('draft_duty').select('name').where('draft_id', '=', draftId).execute();
    expect(stored).toEqual([{ name: ok[0]!.json()[0].name }]);
    const after = (await clerks[0]!.get(`/api/list-drafts/${draftId}`)).json();
    expect(after.dutiesVersion).toBe(2);
  });
});

describe('a save that names no version', () => {
  it('is refused with 400 naming the field, and nothing changes', async () => {
    const before = (await clerks[0]!.get(`/api/list-drafts/${draftId}`)).json();
    const p = before.powers[0];
    const res = await clerks[0]!.put(`/api/list-drafts/${draftId}/powers/${p.id}`, licencePower('未带版本号的保存'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'version', message: expect.stringContaining('版本号') }),
    );
    const duties = await clerks[0]!.put(`/api/list-drafts/${draftId}/duties`, {
      duties: [{ name: '未带版本号的职责', content: '' }],
    });
    expect(duties.statusCode).toBe(400);
    expect(duties.json().error.details).toContainEqual(expect.objectContaining({ field: 'version' }));
    const after = (await clerks[0]!.get(`/api/list-drafts/${draftId}`)).json();
    expect(after.powers[0]).toMatchObject({ name: p.name, version: p.version });
    expect({ duties: after.duties, v: after.dutiesVersion }).toEqual({
      duties: before.duties,
      v: before.dutiesVersion,
    });
  });
});
