// Issue 10.8: no silent lost updates in an application. 20 parallel saves of its title (or of
// its affected powers) that read the same version: exactly one is stored, 19 are refused with 409
// naming who saved first and when, the stored value is the winner's. A workflow step changes the
// application too, so a save prepared before it is refused; a save naming no version is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, draftApplication, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let codes: string[];
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [
    power('甲项许可'),
    power('乙项许可'),
    power('丙项许可'),
  ]));
});
afterAll(() => t.close());

const nameOf = async (username: string) =>
  (await t.db.selectFrom('app_user').select('display_name').where('username', '=', username).executeTakeFirstOrThrow())
    .display_name;
const stored = async (id: number) => ({
  a: await t.db
    .selectFrom('adjustment')
    .select(['title', 'version', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow(),
  items: (
    await t.db
      .selectFrom('adjustment_item')
      .select('target_code')
      .where('adjustment_id', '=', id)
      .orderBy('ord')
      .execute()
  ).map((r) => r.target_code),
  audits: (
    await t.db
      .selectFrom('audit_event')
      .select('seq')
      .where('object_type', '=', 'adjustment')
      .where('object_id', '=', String(id))
      .execute()
  ).length,
});
const draft = (title: string) =>
  draftApplication(t, 'clerk.scjg', { title, kind: 'cancel', triggerKind: 'lawRepealed' }, [{ targetCode: codes[0] }]);

describe('an application', () => {
  it('20 parallel saves of the title with the version read: one 200, 19 × 409 naming who changed it and when, the winner stored', async () => {
    const id = await draft('并发保存标题');
    const clerk = await t.login('clerk.scjg');
    const read = (await clerk.get(`/api/adjustments/${id}`)).json();
    expect(read.version).toBe(2); // created, then its items saved
    const before = await stored(id);
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        clerk.patch(`/api/adjustments/${id}`, { title: `并发保存标题${i}`, version: read.version }),
      ),
    );
    const ok = saves.filter((r) => r.statusCode === 200);
    const stale = saves.filter((r) => r.statusCode === 409);
    expect(ok).toHaveLength(1);
    expect(stale).toHaveLength(19);
    const who = await nameOf('clerk.scjg');
    for (const r of stale) {
      expect(r.json().error.code).toBe('CONFLICT');
      expect(r.json().error.message).toContain(
        `调整申请“${ok[0]!.json().title}”已被${who}于 2026/11/30 09:00 修改（当前为第 3 版）`,
      );
      expect(r.json().error.details).toContainEqual(expect.objectContaining({ field: 'version' }));
    }
    expect(ok[0]!.json()).toMatchObject({ version: 3 });
    const after = await stored(id);
    expect(after.a).toMatchObject({ title: ok[0]!.json().title, version: 3 });
    expect(after.audits).toBe(before.audits + 1); // one save, one audit row
  });

  it('20 parallel saves of the items with the version read: one 200, 19 × 409, the winner stored', async () => {
    const id = await draft('并发保存事项');
    const clerk = await t.login('clerk.scjg');
    const { version } = (await clerk.get(`/api/adjustments/${id}`)).json();
    const before = await stored(id);
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        clerk.put(`/api/adjustments/${id}/items`, { items: [{ targetCode: codes[i % 3] }], version }),
      ),
    );
    const ok = saves.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(
      saves.filter(
        (r) =>
          r.statusCode === 409 && r.json().error.code === 'CONFLICT' && r.json().error.message.includes('请刷新页面'),
      ),
    ).toHaveLength(19);
    const winner = ok[0]!.json();
    expect(winner.version).toBe(version + 1);
    const after = await stored(id);
    expect(after.items).toEqual(winner.items.map((i: { targetCode: string }) => i.targetCode));
    expect(after.a.version).toBe(version + 1);
    expect(after.audits).toBe(before.audits + 1);
  });

  it('a save prepared before a workflow step is refused, naming who acted; nothing changes', async () => {
    const id = await draft('先提交后保存');
    const clerk = await t.login('clerk.scjg');
    const read = (await clerk.get(`/api/adjustments/${id}`)).json();
    await expectOk(await clerk.post(`/api/adjustments/${id}/steps/draft/complete`, {}));
    // the lead unit sends it back: the draft step is open again, but the clerk's form is older
    await expectOk(
      await (await t.login('lead.scjg')).post(`/api/adjustments/${id}/steps/submit/return`, {
        reason: '请补充调整理由',
      }),
    );
    const before = await stored(id);
    const res = await clerk.patch(`/api/adjustments/${id}`, { title: '基于旧版本的修改', version: read.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain(`已被${await nameOf('lead.scjg')}于`);
    expect(await stored(id)).toEqual(before);
    // read again, save again: it goes through
    const fresh = (await clerk.get(`/api/adjustments/${id}`)).json();
    expect(fresh.version).toBe(read.version + 2);
    expect(
      (await clerk.patch(`/api/adjustments/${id}`, { title: '基于新版本的修改', version: fresh.version })).statusCode,
    ).toBe(200);
  });

  it('a save naming no version is a 400 naming the field; nothing changes', async () => {
    const id = await draft('未带版本号');
    const clerk = await t.login('clerk.scjg');
    const before = await stored(id);
    for (const res of [
      await clerk.patch(`/api/adjustments/${id}`, { title: '未带版本号的修改' }),
      await clerk.put(`/api/adjustments/${id}/items`, { items: [{ targetCode: codes[1] }] }),
      await clerk.put(`/api/adjustments/${id}/duties`, { duties: [] }),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details).toContainEqual(
        expect.objectContaining({ field: 'version', message: expect.stringContaining('版本号') }),
      );
    }
    expect(await stored(id)).toEqual(before);
  });
});
