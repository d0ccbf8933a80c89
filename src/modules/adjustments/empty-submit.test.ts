// Issue 9.7: an application without any power to adjust cannot be submitted (§13.1 调整申请中应
// 载明拟调整行政权力事项): the server refuses 提交 with a Chinese message naming what is missing,
// and nothing changes — no step, no round, no audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, draftApplication, expectOk } from './test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
});
afterAll(() => t.close());

describe('提交 on an empty application', () => {
  it('is refused in Chinese, and nothing changes', async () => {
    const id = await draftApplication(t, 'clerk.scjg', { title: '空申请', kind: 'cancel' }, []);
    const c = await t.login('clerk.scjg');
    const before = await expectOk(await c.get(`/api/adjustments/${id}`));
    expect(before.items).toEqual([]);
    const audit = async () =>
      (
        await t.db
          .selectFrom('audit_event')
          .select('seq')
          .where('object_type', '=', 'adjustment')
          .where('object_id', '=', String(id))
          .execute()
      ).length;
    const events = await audit();
    const res = await c.post(`/api/adjustments/${id}/steps/draft/complete`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('请列出拟调整的行政职权');
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'items' })]));
    const after = await expectOk(await c.get(`/api/adjustments/${id}`));
    expect({
      s: after.status,
      o: after.openSteps,
      c: after.completedSteps,
      r: after.round,
      f: after.firstSubmittedAt,
    }).toEqual({ s: before.status, o: ['draft'], c: before.completedSteps, r: before.round, f: null });
    expect(await audit()).toBe(events);
  });
});
