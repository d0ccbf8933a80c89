// §13.1 (issue 14.1): the platform-update step of an application is done by attaching a
// reconciliation that shows the application's changes present on the regional platform.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { multipart } from '../exchange/test-fixtures.js';
import {
  at,
  auditActionsOf,
  bodyIdOf,
  draftApplication,
  drive,
  expectOk,
  power,
  publishFixture,
} from '../adjustments/test-fixtures.js';

let t: TestApp;
let id: number;
let code: string;
let scjg: number;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({
    bodyId: scjg,
    codes: [code],
  } = await publishFixture(t, '包头市市场监督管理局', [power('对某类经营活动的备案核查', 'QT')]));
  id = await draftApplication(t, 'clerk.scjg', { kind: 'cancel', title: '取消“对某类经营活动的备案核查”' }, [
    { targetCode: code },
  ]);
  await drive(t, id, 'platformSync');
});
afterAll(() => t.close());

type Doc = { items: { implementationCode: string; status: string }[] };

async function reconcileBody(user: string, bodyId: number, change?: (d: Doc) => void): Promise<number> {
  const c = await t.login(user);
  const doc = (await c.get(`/api/regional-platform/bodies/${bodyId}/export.json`)).json() as Doc;
  change?.(doc);
  const m = multipart(Buffer.from(JSON.stringify(doc)), 'regional.json', 'application/json');
  return (
    await expectOk(
      await c.request('POST', `/api/regional-platform/bodies/${bodyId}/reconciliations`, m.payload, m.headers),
      201,
    )
  ).id;
}

const attach = async (reconciliationId: number, user = 'clerk.scjg') =>
  (await t.login(user)).post(`/api/regional-platform/adjustments/${id}/sync`, { reconciliationId });
const synced = () => t.db.selectFrom('regional_platform_sync').selectAll().where('adjustment_id', '=', id).execute();

describe('the platform-update step (§13.1)', () => {
  it('a click alone is refused with a stable code and nothing changes', async () => {
    const before = await auditActionsOf(t, id);
    const res = await (await t.login('clerk.scjg')).post(`/api/adjustments/${id}/steps/platformSync/complete`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'PLATFORM_NOT_RECONCILED' });
    expect(res.json().error.message).toContain('自治区事项管理平台');
    expect(await auditActionsOf(t, id)).toEqual(before);
  });

  it('a reconciliation where the cancelled power is still 在用 there does not prove it', async () => {
    const stale = await reconcileBody('clerk.scjg', scjg, (d) => {
      d.items.find((i) => i.implementationCode === code)!.status = '在用';
    });
    const res = await attach(stale);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PLATFORM_NOT_RECONCILED');
    expect(res.json().error.message).toContain(`${code}（状态不一致）`);
    expect(await synced()).toEqual([]);
  });

  it('nor does one missing the power there, nor another body’s; nor may another body attach', async () => {
    const missing = await reconcileBody('clerk.scjg', scjg, (d) => {
      d.items = d.items.filter((i) => i.implementationCode !== code);
    });
    expect((await attach(missing)).json().error.message).toContain(`${code}（自治区平台缺少）`);
    const zjj = await reconcileBody('clerk.zjj', await bodyIdOf(t, '包头市住房和城乡建设局'));
    expect((await attach(zjj)).json().error.message).toContain('不包含本调整公布后的清单');
    expect((await attach(zjj, 'clerk.zjj')).statusCode).toBe(404);
    expect(await synced()).toEqual([]);
  });

  it('one that shows the change there is attached; then the step completes', async () => {
    const clean = await reconcileBody('lead.scjg', scjg);
    await expectOk(await attach(clean));
    const view = await expectOk(
      await (await t.login('coord.city')).get(`/api/regional-platform/adjustments/${id}/sync`),
    );
    expect(view.codes).toEqual([code]);
    expect(view.reconciliations.map((r: { id: number }) => r.id)).toEqual([clean]);
    const a = await expectOk(
      await (await t.login('clerk.scjg')).post(`/api/adjustments/${id}/steps/platformSync/complete`, {
        note: '已在自治区事项管理平台取消该事项',
      }),
    );
    expect(a.openSteps).toEqual(['filing']);
    expect((await auditActionsOf(t, id)).slice(-2)).toEqual([
      'regionalPlatform.syncAttached',
      'adjustment.platformSynced',
    ]);
  });
});
