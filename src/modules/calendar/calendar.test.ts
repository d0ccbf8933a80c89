// Spec §5 calendar vectors at the API, computed by hand (the trigger day is not counted; the
// deadline is the end of the Nth working day), and the administrator's entry of a new year's notice
// (the overlay's refusals and its preview are in overlay.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { at, expectOk } from '../adjustments/test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
});
afterAll(() => t.close());

const add = async (from: string, n: number) =>
  expectOk(await (await t.login('clerk.scjg')).get(`/api/calendar/workdays?from=${from}&add=${n}`));

// A plausible 2027 notice for the test (元旦 1–3 January); the real one is entered the same way.
const NOTICE_2027 = {
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  makeupWorkdays: [],
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
};

describe('working-day vectors (hand-computed)', () => {
  // [trigger, working days, due date, provisional, why]
  const table: [string, number, string, boolean, string][] = [
    // Mon 28 Sep: 29, 30 Sep = 2; 1–7 Oct 国庆 off; 8, 9, Sat 10 Oct (调休上班) = 5; 12–16 = 10; 19–23 = 15 → Fri 23 Oct
    ['2026-09-28', 15, '2026-10-23', false, 'spec §5 vector'],
    // Tue 10 Feb: 11, 12, 13, Sat 14 (调休上班) = 4; 15–23 Feb 春节 off; 24–27 = 8; Sat 28 (调休上班) = 9; 2–6 Mar = 14; Mon 9 Mar = 15
    ['2026-02-10', 15, '2026-03-09', false, 'across the 2026 Spring Festival'],
    // Sun 20 Dec: 21–25 = 5, 28–31 = 9, then 2027 unknown: Fri 1 Jan 元旦 by statute, 4–8 Jan = 14, Mon 11 Jan = 15
    ['2026-12-20', 15, '2027-01-11', true, 'into 2027 without its notice'],
    // the trigger day itself is never counted
    ['2026-11-30', 0, '2026-11-30', false, 'zero'],
    ['2026-11-27', 1, '2026-11-30', false, 'Friday + 1 = Monday'],
  ];
  it.each(table)('%s + %i working days = %s (provisional %s; %s)', async (from, n, date, provisional) => {
    expect(await add(from, n)).toMatchObject({ date, provisional });
  });

  it('refuses a malformed date in Chinese', async () => {
    const res = await (await t.login('clerk.scjg')).get('/api/calendar/workdays?from=2026-02-30&add=3');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('有效日期');
  });

  it('shows a day-by-day view with the kind of each day', async () => {
    const r = await expectOk(
      await (await t.login('clerk.scjg')).get('/api/calendar/days?from=2026-02-14&to=2026-02-16'),
    );
    expect(r.days.map((d: { kind: string }) => d.kind)).toEqual(['makeupWorkday', 'holiday', 'holiday']);
  });
});

describe('a year with no data, until its notice is entered', () => {
  let id: number;
  const enter = async (body: object) =>
    (await t.login('sysadmin')).put('/api/calendar/overlays/2027', {
      ...NOTICE_2027,
      reason: '国务院办公厅已发布2027年节假日安排通知',
      ...body,
    });

  it('an application whose filing deadline reaches 2027 shows it as provisional, with 元旦 already a rest day', async () => {
    at(t, '2026-12-21T09:00:00');
    const c = await t.login('clerk.scjg');
    const a = await expectOk(
      await c.post('/api/adjustments', {
        title: '跨年申请',
        kind: 'add',
        triggerKind: 'lawIssued',
        triggerDate: '2026-12-20',
      }),
      201,
    );
    id = a.id;
    expect(a.filing).toMatchObject({ due: '2027-01-11', provisional: true });
    expect(a.filingDueProvisional).toBe(true);
    // the calculator names the notice that would make it exact, and the law it rests on meanwhile
    expect(await add('2026-12-20', 15)).toMatchObject({
      provisional: true,
      exactAfter: ['《国务院办公厅关于2027年部分节假日安排的通知》'],
      basis: '《全国年节及纪念日放假办法》（2024年修订）',
    });
    const days = await expectOk(await c.get('/api/calendar/days?from=2027-01-01&to=2027-01-01'));
    expect(days.days[0]).toMatchObject({
      kind: 'holiday',
      known: false,
      festival: '元旦',
      exactAfter: '《国务院办公厅关于2027年部分节假日安排的通知》',
    });
  });

  it('only the city’s system administrator enters a year, and a bad entry is refused in Chinese', async () => {
    expect(
      (await (await t.login('coord.city')).put('/api/calendar/overlays/2027', { ...NOTICE_2027, reason: '通知已发布' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await (
          await t.login('sysadmin.kdl')
        ).put('/api/calendar/overlays/2027', { ...NOTICE_2027, reason: '通知已发布' })
      ).statusCode,
    ).toBe(403);
    const wrongYear = await enter({ holidays: ['2026-12-31'] });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.message).toContain('不属于 2027 年');
    const notWeekend = await enter({ makeupWorkdays: ['2027-01-04'] });
    expect(notWeekend.json().error.message).toContain('不是周末');
    expect((await add('2026-12-20', 15)).provisional).toBe(true);
    expect(await t.db.selectFrom('calendar_year').select('year').execute()).toEqual([]);
  });

  it('after the notice is previewed and confirmed the same count is exact', async () => {
    const p = await expectOk(await enter({}));
    expect(p.moved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          adjustmentId: id,
          step: 'submit',
          from: { date: '2027-01-11', provisional: true },
          to: { date: '2027-01-11', provisional: false },
        }),
      ]),
    );
    const r = await expectOk(await enter({ confirm: true, previewDigest: p.digest }));
    expect(r.refreshedFilingDeadlines).toBeGreaterThanOrEqual(1);
    expect(await add('2026-12-20', 15)).toMatchObject({ date: '2027-01-11', provisional: false, exactAfter: [] });
    const a = await expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${id}`));
    expect(a.filing).toMatchObject({ due: '2027-01-11', provisional: false });
    expect(a.filingDue).toBe('2027-01-11');
    expect(a.filingDueProvisional).toBe(false);
    const years = await expectOk(await (await t.login('clerk.scjg')).get('/api/calendar/years'));
    expect(years.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({
      entered: true,
      shipped: false,
      source: NOTICE_2027.source,
    });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'before'])
      .where('action', 'like', 'calendar.%')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'calendar.overlaySet' })]);
  });
});
