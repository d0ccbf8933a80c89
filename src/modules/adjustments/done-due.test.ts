// Issue 9.2: a step already done never has its due date recomputed — after a calendar correction
// the application view shows the due date recorded when the step was done, and the filing deadline
// stored at filing. Shipped 2026 data, 2027 provisional (元旦 by statute); hand-computed:
//   trigger Fri 2026-12-18 → filing due 2027-01-11 (12-21..25, 28..31, 1-04..08, 1-11 = 15);
//   with Thu 2026-12-31 made a rest day it would be 2027-01-12.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { builtinYears } from '../../core/calendar/index.js';
import { at, draftApplication, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let filed: number;
let running: number;
const SHIPPED = builtinYears().get(2026)!;
const CORRECTION = {
  holidays: [...SHIPPED.holidays, '2026-12-31'].sort(),
  makeupWorkdays: [...SHIPPED.makeupWorkdays].sort(),
  source: '国务院办公厅关于2026年部分节假日安排的通知（测试用更正）',
  reason: '测试：假设通知补充12月31日放假',
};
const view = async (id: number) => expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${id}`));
const submitRow = (a: { deadlines: { step: string; due: { date: string; provisional: boolean } | null }[] }) =>
  a.deadlines.find((d) => d.step === 'submit')!;

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-12-21T09:00:00');
  const { codes } = await publishFixture(t, '包头市市场监督管理局', [
    power('对丙类活动的备案核查', 'QT'),
    power('对丁类活动的备案核查', 'QT'),
  ]);
  const body = { kind: 'cancel', triggerKind: 'higherCancellation', triggerDate: '2026-12-18' };
  filed = await draftApplication(t, 'clerk.scjg', { ...body, title: '取消丙类备案核查' }, [{ targetCode: codes[0] }]);
  running = await draftApplication(t, 'clerk.scjg', { ...body, title: '取消丁类备案核查' }, [{ targetCode: codes[1] }]);
  await expectOk(await (await t.login('clerk.scjg')).post(`/api/adjustments/${filed}/steps/draft/complete`, {}));
  await expectOk(await (await t.login('lead.scjg')).post(`/api/adjustments/${filed}/steps/submit/complete`, {}));
}, 120_000);
afterAll(() => t?.close());

describe('after a calendar correction (overlay entered through the API)', () => {
  it('before: both filing deadlines are 2027-01-11; the provisional one names the notice that makes it exact', async () => {
    const a = await view(filed);
    expect(a.filing.due).toBe('2027-01-11');
    expect(submitRow(a)).toMatchObject({ state: 'done', due: { date: '2027-01-11' }, onTime: true });
    const b = await view(running);
    expect(b.filing).toMatchObject({
      due: '2027-01-11',
      provisional: true,
      exactNotice: '《国务院办公厅关于2027年部分节假日安排的通知》',
    });
  });

  it('the done submit step and the stored filing deadline keep their dates; the running one moves', async () => {
    const sys = await t.login('sysadmin');
    const preview = await expectOk(await sys.put('/api/calendar/overlays/2026', CORRECTION));
    await expectOk(
      await sys.put('/api/calendar/overlays/2026', { ...CORRECTION, confirm: true, previewDigest: preview.digest }),
    );
    const a = await view(filed);
    expect(a.filing.due).toBe('2027-01-11');
    expect(submitRow(a)).toMatchObject({
      state: 'done',
      due: { date: '2027-01-11', provisional: false },
      onTime: true,
    });
    // the open reviews count from the filing (12-21) and do move: 1-12 → 1-13
    expect(a.deadlines.find((d: { step: string }) => d.step === 'preliminaryReview').due.date).toBe('2027-01-13');
    const b = await view(running);
    expect(b.filing.due).toBe('2027-01-12');
  });
});
