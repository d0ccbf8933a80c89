// Issue 9.7: finished tasks leave the inbox. A task is shown while its step is open in the round
// it was delivered for; once done (or the round is returned) it leaves both the list and the
// unread count, and a returned application's next round brings exactly one new task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, draftApplication, drive, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let codes: string[];
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [power('待办测试许可')]));
});
afterAll(() => t.close());

interface Item {
  id: number;
  kind: string;
  step: string | null;
  adjustmentId: number | null;
  readAt: string | null;
}
const inbox = async (user: string) =>
  expectOk(await (await t.login(user)).get('/api/inbox')) as Promise<{ unread: number; items: Item[] }>;
const tasksOf = async (user: string, id: number) =>
  (await inbox(user)).items.filter((i) => i.adjustmentId === id && i.kind === 'task');

describe('finished tasks leave the inbox', () => {
  it('the lead unit’s submit task is gone once submitted; the office’s review task appears', async () => {
    const id = await draftApplication(t, 'clerk.scjg', { title: '待办测试：取消', kind: 'cancel' }, [
      { targetCode: codes[0] },
    ]);
    await drive(t, id, 'submit');
    expect((await tasksOf('lead.scjg', id)).map((i) => i.step)).toEqual(['submit']);
    const unreadBefore = (await inbox('lead.scjg')).unread;
    await drive(t, id, 'preliminaryReview');
    expect(await tasksOf('lead.scjg', id)).toEqual([]);
    expect((await inbox('lead.scjg')).unread).toBe(unreadBefore - 1);
    // the row itself is kept (the history of what was delivered), only no longer listed
    const rows = await t.db
      .selectFrom('inbox_item')
      .select('dedupe_key')
      .where('adjustment_id', '=', id)
      .where('step', '=', 'submit')
      .where('kind', '=', 'task')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect((await tasksOf('coord.city', id)).map((i) => i.step)).toEqual(['preliminaryReview']);
  });

  it('a return clears the review tasks of that round; the next round brings one task each, not two', async () => {
    const id = await draftApplication(t, 'clerk.scjg', { title: '待办测试：退回', kind: 'cancel' }, [
      { targetCode: codes[0] },
    ]);
    await drive(t, id, 'preliminaryReview');
    expect((await tasksOf('coord.city', id)).map((i) => i.step)).toEqual(['preliminaryReview']);
    await expectOk(
      await (await t.login('coord.city')).post(`/api/adjustments/${id}/steps/preliminaryReview/return`, {
        reason: '请补充依据',
      }),
    );
    expect(await tasksOf('coord.city', id)).toEqual([]);
    expect(await tasksOf('legal.city', id)).toEqual([]);
    // the applicant's news of the return stays: it is a notice, not a task
    expect((await inbox('clerk.scjg')).items.some((i) => i.adjustmentId === id && i.kind === 'notice')).toBe(true);
    await drive(t, id, 'preliminaryReview');
    expect((await tasksOf('coord.city', id)).map((i) => i.step)).toEqual(['preliminaryReview']);
  });

  it('a withdrawn application leaves no task behind', async () => {
    const id = await draftApplication(t, 'clerk.scjg', { title: '待办测试：撤回', kind: 'cancel' }, [
      { targetCode: codes[0] },
    ]);
    await drive(t, id, 'preliminaryReview');
    await expectOk(
      await (await t.login('clerk.scjg')).post(`/api/adjustments/${id}/withdraw`, { reason: '事由已消失' }),
    );
    for (const u of ['coord.city', 'legal.city', 'lead.scjg']) expect(await tasksOf(u, id), u).toEqual([]);
  });
});
