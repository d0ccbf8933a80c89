// Issue 9.2: the working-day calendar cannot be broken by one call. A shipped year is read-only;
// a correction is an overlay with a reason, previewed (which running deadlines move) before it is
// confirmed, removable again; the audit keeps before and after; a done step keeps its due date.
// Hand-computed (shipped 2026 data; 2027 has no notice, Fri 1 Jan 2027 is 元旦 by statute):
//   A: trigger Fri 2026-12-18, not filed: 12-21..25 (5), 28..31 (9), 1-04..08 (14), 1-11 (15)
//      → filing due 2027-01-11; with Thu 12-31 made a rest day: 1-04..08 (13), 1-11, 1-12 → 2027-01-12
//   C: same trigger, filed Mon 2026-12-21 (on time, due 2027-01-11: done, never moves); its reviews
//      count from 12-21: 12-22..25 (4), 28..31 (8), 1-04..08 (13), 1-11, 1-12 → 2027-01-12; with
//      12-31 off → 2027-01-13
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { BUILTIN_SOURCE, builtinYears } from '../../core/calendar/index.js';
import { readJsonb } from '../../platform/db.js';
import { at, expectOk, power, publishFixture } from '../adjustments/test-fixtures.js';

let t: TestApp;
let codes: string[];
let A: number;
let C: number;
const SHIPPED_2026 = [...builtinYears().get(2026)!.holidays].sort();
const CORRECTION = {
  holidays: [...SHIPPED_2026, '2026-12-31'],
  makeupWorkdays: [...builtinYears().get(2026)!.makeupWorkdays].sort(),
  source: '国务院办公厅关于2026年部分节假日安排的通知（测试用更正）',
};
const REASON = '测试：假设通知补充12月31日放假，按更正后的安排计算期限';

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-12-21T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [
    power('对甲类活动的备案核查', 'QT'),
    power('对乙类活动的备案核查', 'QT'),
  ]));
  const clerk = await t.login('clerk.scjg');
  const create = async (title: string, code: string) => {
    const a = await expectOk(
      await clerk.post('/api/adjustments', {
        title,
        kind: 'cancel',
        triggerKind: 'higherCancellation',
        triggerDate: '2026-12-18',
        reason: '自治区已取消该事项',
        legalBasis: '内政发〔2026〕1号',
      }),
      201,
    );
    await expectOk(
      await clerk.put(`/api/adjustments/${a.id}/items`, { items: [{ targetCode: code }], version: a.version }),
    );
    return a.id as number;
  };
  A = await create('取消甲类备案核查', codes[0]);
  C = await create('取消乙类备案核查', codes[1]);
  await expectOk(await clerk.post(`/api/adjustments/${C}/steps/draft/complete`, {}));
  await expectOk(await (await t.login('lead.scjg')).post(`/api/adjustments/${C}/steps/submit/complete`, {}));
});
afterAll(() => t.close());

const admin = () => t.login('sysadmin');
const workdays = async (from: string, n: number) =>
  expectOk(await (await t.login('clerk.scjg')).get(`/api/calendar/workdays?from=${from}&add=${n}`));
const view = async (id: number) => expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${id}`));

/** Everything a calendar change could touch: the overlays, calendar audit rows, stored deadlines, step records. */
async function snapshot() {
  const years = await t.db
    .selectFrom('calendar_year')
    .select(['year', 'holidays', 'makeup_workdays', 'source', 'reason'])
    .orderBy('year')
    .execute();
  const audit = await t.db
    .selectFrom('audit_event')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('action', 'like', 'calendar.%')
    .executeTakeFirstOrThrow();
  const apps = await t.db
    .selectFrom('adjustment')
    .select(['id', sql<string>`filing_due::text`.as('due'), 'filing_due_provisional', 'late', 'status'])
    .where('id', 'in', [A, C])
    .orderBy('id')
    .execute();
  const steps = await t.db
    .selectFrom('adjustment_step_record')
    .select(['id', 'step', sql<string | null>`due_on::text`.as('due_on'), 'on_time'])
    .where('adjustment_id', '=', C)
    .orderBy('id')
    .execute();
  return {
    years,
    calendarAudit: audit.n,
    apps,
    steps,
    spec: (await workdays('2026-09-28', 15)).date,
    newYear: (await workdays('2026-12-30', 1)).date,
  };
}

let initial: Awaited<ReturnType<typeof snapshot>>;

describe('nothing changes in one call', () => {
  it('starts from the shipped data: spec vector 2026-09-28 + 15 = 2026-10-23; C filed on time', async () => {
    initial = await snapshot();
    expect(initial).toMatchObject({ years: [], calendarAudit: 0, spec: '2026-10-23', newYear: '2026-12-31' });
    expect(initial.apps).toEqual([
      expect.objectContaining({ id: A, due: '2027-01-11', filing_due_provisional: true }),
      expect.objectContaining({ id: C, due: '2027-01-11', filing_due_provisional: true, late: false }),
    ]);
    expect(initial.steps.find((s) => s.step === 'submit')).toMatchObject({ due_on: '2027-01-11', on_time: true });
  });

  it('a shipped year cannot be overwritten: 409 SHIPPED_YEAR_READONLY, and a new year is refused without a preview', async () => {
    const sys = await admin();
    const res = await sys.put('/api/calendar/years/2026', {
      holidays: ['2026-10-01'],
      makeupWorkdays: [],
      source: '一个假期',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'SHIPPED_YEAR_READONLY',
      message: expect.stringContaining('内置数据'),
    });
    const y2027 = await sys.put('/api/calendar/years/2027', {
      holidays: ['2027-01-01'],
      makeupWorkdays: [],
      source: '通知',
    });
    expect(y2027.json().error.code).toBe('PREVIEW_REQUIRED');
    expect(await snapshot()).toEqual(initial);
  });

  it('only the city’s system administrator may lay an overlay, and never without a reason', async () => {
    for (const u of ['coord.city', 'sysadmin.kdl', 'clerk.scjg']) {
      expect(
        (await (await t.login(u)).put('/api/calendar/overlays/2026', { ...CORRECTION, reason: REASON })).statusCode,
        u,
      ).toBe(403);
    }
    const sys = await admin();
    for (const reason of [undefined, '', '   ', '更正']) {
      const res = await sys.put('/api/calendar/overlays/2026', { ...CORRECTION, reason, confirm: true });
      expect(res.statusCode, String(reason)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('理由') });
    }
    const same = await sys.put('/api/calendar/overlays/2026', {
      holidays: SHIPPED_2026,
      makeupWorkdays: CORRECTION.makeupWorkdays,
      source: BUILTIN_SOURCE,
      reason: REASON,
    });
    expect(same.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('相同') });
    const wrongYear = await sys.put('/api/calendar/overlays/2026', {
      ...CORRECTION,
      holidays: ['2027-01-01'],
      reason: REASON,
    });
    expect(wrongYear.json().error.message).toContain('不属于 2026 年');
    expect(await snapshot()).toEqual(initial);
  });

  it('a confirmation without the digest of a preview is refused: 409 PREVIEW_REQUIRED', async () => {
    const sys = await admin();
    for (const previewDigest of [undefined, 'f'.repeat(64)]) {
      const res = await sys.put('/api/calendar/overlays/2026', {
        ...CORRECTION,
        reason: REASON,
        confirm: true,
        previewDigest,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('PREVIEW_REQUIRED');
    }
    expect(await snapshot()).toEqual(initial);
  });
});

let digest: string;
describe('correcting a shipped year: preview, confirm, remove', () => {
  it('the preview lists the running deadlines it moves — not C’s filing, which is done — and changes nothing', async () => {
    const p = await expectOk(
      await (await admin()).put('/api/calendar/overlays/2026', { ...CORRECTION, reason: REASON }),
    );
    expect(p).toMatchObject({
      applied: false,
      kind: 'set',
      year: 2026,
      reason: REASON,
      before: { origin: 'shipped', holidays: SHIPPED_2026 },
      after: { origin: 'overlay', source: CORRECTION.source },
    });
    const mine = p.moved
      .filter((m: { adjustmentId: number }) => m.adjustmentId === A || m.adjustmentId === C)
      .map((m: { adjustmentId: number; step: string; from: object; to: object }) => [
        m.adjustmentId,
        m.step,
        m.from,
        m.to,
      ]);
    expect(mine).toEqual([
      [A, 'submit', { date: '2027-01-11', provisional: true }, { date: '2027-01-12', provisional: true }],
      [C, 'preliminaryReview', { date: '2027-01-12', provisional: true }, { date: '2027-01-13', provisional: true }],
      [C, 'legalityReview', { date: '2027-01-12', provisional: true }, { date: '2027-01-13', provisional: true }],
    ]);
    expect(p.digest).toMatch(/^[0-9a-f]{64}$/);
    digest = p.digest;
    expect(await snapshot()).toEqual(initial);
  });

  it('confirmed with that digest it applies: A and the open reviews move, C’s done filing keeps its date and on-time finding', async () => {
    const r = await expectOk(
      await (await admin()).put('/api/calendar/overlays/2026', {
        ...CORRECTION,
        reason: REASON,
        confirm: true,
        previewDigest: digest,
      }),
    );
    expect(r).toMatchObject({ applied: true, refreshedFilingDeadlines: expect.any(Number) });
    const now = await snapshot();
    expect(now).toMatchObject({ spec: '2026-10-23', newYear: '2027-01-04', calendarAudit: 1 });
    expect(now.years).toEqual([expect.objectContaining({ year: 2026, reason: REASON, source: CORRECTION.source })]);
    expect(now.apps).toEqual([
      expect.objectContaining({ id: A, due: '2027-01-12', filing_due_provisional: true }),
      expect.objectContaining({ id: C, due: '2027-01-11', late: false }),
    ]);
    expect(now.steps).toEqual(initial.steps);
    const c = await view(C);
    expect(c.deadlines.find((d: { step: string }) => d.step === 'preliminaryReview').due).toMatchObject({
      date: '2027-01-13',
    });
    expect((await view(A)).filingDue).toBe('2027-01-12');

    const row = await t.db
      .selectFrom('audit_event')
      .select(['action', 'before', 'after', 'actor_id'])
      .where('action', '=', 'calendar.overlaySet')
      .executeTakeFirstOrThrow();
    const json = readJsonb<Record<string, unknown>>;
    expect(json(row.before)).toMatchObject({ origin: 'shipped', holidays: SHIPPED_2026 });
    expect(json(row.after)).toMatchObject({
      origin: 'overlay',
      holidays: CORRECTION.holidays,
      reason: REASON,
      source: CORRECTION.source,
    });
    expect(json(row.after).moved).toEqual(
      expect.arrayContaining([
        {
          adjustmentId: A,
          step: 'submit',
          from: { date: '2027-01-11', provisional: true },
          to: { date: '2027-01-12', provisional: true },
        },
      ]),
    );
    const years = await expectOk(await (await t.login('clerk.scjg')).get('/api/calendar/years'));
    expect(years.years.find((y: { year: number }) => y.year === 2026)).toMatchObject({
      shipped: true,
      entered: true,
      reason: REASON,
    });
  });

  it('a preview gone stale (a new application since) is refused, and the overlay stays', async () => {
    const sys = await admin();
    const p = await expectOk(await sys.del('/api/calendar/overlays/2026', { reason: '撤销测试更正，恢复内置数据' }));
    expect(p).toMatchObject({
      applied: false,
      kind: 'remove',
      before: { origin: 'overlay' },
      after: { origin: 'shipped', holidays: SHIPPED_2026 },
    });
    await expectOk(
      await (await t.login('clerk.scjg')).post('/api/adjustments', {
        title: '新的调整申请',
        kind: 'add',
        triggerKind: 'lawIssued',
        triggerDate: '2026-12-21',
        reason: '新法施行',
        legalBasis: '测试依据',
      }),
      201,
    );
    const before = await snapshot();
    const res = await sys.del('/api/calendar/overlays/2026', {
      reason: '撤销测试更正，恢复内置数据',
      confirm: true,
      previewDigest: p.digest,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'PREVIEW_REQUIRED', message: expect.stringContaining('重新预览') });
    expect(await snapshot()).toEqual(before);
  });

  it('removing the overlay restores the shipped data; the audit keeps before and after', async () => {
    const sys = await admin();
    const noReason = await sys.del('/api/calendar/overlays/2026', { confirm: false });
    expect(noReason.json().error.code).toBe('VALIDATION_FAILED');
    const p = await expectOk(await sys.del('/api/calendar/overlays/2026', { reason: '撤销测试更正，恢复内置数据' }));
    expect(p.moved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ adjustmentId: A, step: 'submit', to: { date: '2027-01-11', provisional: true } }),
      ]),
    );
    await expectOk(
      await sys.del('/api/calendar/overlays/2026', {
        reason: '撤销测试更正，恢复内置数据',
        confirm: true,
        previewDigest: p.digest,
      }),
    );
    const now = await snapshot();
    expect(now).toMatchObject({ years: [], spec: '2026-10-23', newYear: '2026-12-31', calendarAudit: 2 });
    expect(now.apps).toEqual(initial.apps);
    expect(now.steps).toEqual(initial.steps);
    const row = await t.db
      .selectFrom('audit_event')
      .select(['before', 'after'])
      .where('action', '=', 'calendar.overlayRemoved')
      .executeTakeFirstOrThrow();
    const json = readJsonb<Record<string, unknown>>;
    expect(json(row.before)).toMatchObject({ origin: 'overlay', holidays: CORRECTION.holidays, reason: REASON });
    expect(json(row.after)).toMatchObject({
      origin: 'shipped',
      holidays: SHIPPED_2026,
      reason: '撤销测试更正，恢复内置数据',
    });
    // nothing left to remove
    const again = await sys.del('/api/calendar/overlays/2026', { reason: '再次撤销' });
    expect(again.statusCode).toBe(404);
  });
});
