// Issue 9.7: each role lands on its work. /api/inbox/workload counts, per role held, the
// applications waiting for that role now and those past the deadline of the step it acts on —
// only within what the actor may see; reading it changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, draftApplication, drive, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let codes: string[];
let id: number;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [power('工作量测试许可')]));
  id = await draftApplication(t, 'clerk.scjg', { title: '工作量测试', kind: 'cancel' }, [{ targetCode: codes[0] }]);
});
afterAll(() => t.close());

type W = { role: string; waiting: number[]; overdue: number[] };
const workload = async (user: string) =>
  (await expectOk(await (await t.login(user)).get('/api/inbox/workload'))).roles as W[];
const of = (ws: W[], role: string) => ws.find((w) => w.role === role);

describe('工作台 workload', () => {
  it('the clerk’s draft waits for the clerk; the office sees nothing yet', async () => {
    expect(of(await workload('clerk.scjg'), 'clerk')).toEqual({ role: 'clerk', waiting: [id], overdue: [] });
    expect(of(await workload('coord.city'), 'coordinator')?.waiting).not.toContain(id);
  });

  it('once submitted it waits for both offices of the body’s level, not for another body or level', async () => {
    await drive(t, id, 'preliminaryReview');
    expect(of(await workload('coord.city'), 'coordinator')?.waiting).toContain(id);
    expect(of(await workload('legal.city'), 'legalReviewer')?.waiting).toContain(id);
    expect(of(await workload('clerk.scjg'), 'clerk')?.waiting).not.toContain(id);
    expect(of(await workload('clerk.zjj'), 'clerk')?.waiting).not.toContain(id);
    expect(of(await workload('coord.kdl'), 'coordinator')?.waiting).not.toContain(id);
  });

  it('past the review deadline (15 working days, §12) it counts as overdue for the reviewers; reading changes nothing', async () => {
    const before = await t.db.selectFrom('adjustment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const audit = (await t.db.selectFrom('audit_event').select('seq').execute()).length;
    expect(of(await workload('coord.city'), 'coordinator')?.overdue).not.toContain(id);
    at(t, '2026-12-31T09:00:00');
    expect(of(await workload('coord.city'), 'coordinator')?.overdue).toContain(id);
    expect(of(await workload('legal.city'), 'legalReviewer')?.overdue).toContain(id);
    expect(await t.db.selectFrom('adjustment').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(
      before,
    );
    // logins write their own audit rows; no other row was written
    const rows = await t.db.selectFrom('audit_event').select('action').orderBy('seq').offset(audit).execute();
    expect(rows.filter((r) => !r.action.startsWith('auth.') && !r.action.startsWith('session.'))).toEqual([]);
  });

  it('signed out it is refused', async () => {
    expect((await t.anon.get('/api/inbox/workload')).statusCode).toBe(401);
  });
});
