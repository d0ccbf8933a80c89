// Issue 9.7: an application opened by a trigger reads 待申报 while its filing deadline runs (§12:
// 15 working days from the trigger) and 应申报未申报 only once that deadline has passed; the sweep
// records nothing as 漏报 on the deadline day itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { runSweep } from './sweep.js';
import { at, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let id: number;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  const doc = await t.db
    .insertInto('legal_document')
    .values({ key: '包头市申报测试条例', name: '《包头市申报测试条例》', level: '地方性法规' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await publishFixture(t, '包头市市场监督管理局', [
    power('申报测试登记', 'QT', {
      legalBases: [
        {
          documentId: doc.id,
          documentName: '《包头市申报测试条例》',
          level: '地方性法规',
          article: '第三条',
          text: '',
        },
      ],
    }),
  ]);
  const r = await expectOk(
    await (await t.login('coord.city')).post('/api/law-changes', {
      legalDocumentId: doc.id,
      changeKind: 'repealed',
      changeDate: '2026-11-27',
    }),
    201,
  );
  expect(r.filingDue).toBe('2026-12-18');
  id = r.opened.find((o: { bodyName: string }) => o.bodyName === '包头市市场监督管理局').adjustmentId;
});
afterAll(() => t.close());

const labels = async () => {
  const c = await t.login('clerk.scjg');
  const one = await expectOk(await c.get(`/api/adjustments/${id}`));
  const row = (await expectOk(await c.get('/api/adjustments?status=due'))).items.find(
    (x: { id: number }) => x.id === id,
  );
  return [one.statusLabel, row.statusLabel];
};

describe('待申报 before the filing deadline, 应申报未申报 after', () => {
  it('reads 待申报 while the deadline runs, up to and including its last day', async () => {
    expect(await labels()).toEqual(['待申报', '待申报']);
    at(t, '2026-12-18T17:00:00');
    expect(await labels()).toEqual(['待申报', '待申报']);
  });

  it('the sweep on the last day records no 漏报 and changes nothing', async () => {
    const r = await runSweep(t.db, new Date('2026-12-18T06:00:00+08:00'));
    expect(r.missing).toBe(0);
    const a = await t.db
      .selectFrom('adjustment')
      .select(['status', 'missing_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(a).toEqual({ status: 'due', missing_at: null });
    expect(
      await t.db
        .selectFrom('audit_event')
        .select('seq')
        .where('action', '=', 'adjustment.missing')
        .where('object_id', '=', String(id))
        .execute(),
    ).toEqual([]);
  });

  it('reads 应申报未申报 the working day after, when the sweep records 漏报', async () => {
    at(t, '2026-12-21T09:00:00');
    expect(await labels()).toEqual(['应申报未申报', '应申报未申报']);
    const r = await runSweep(t.db, t.clock.now);
    expect(r.missing).toBeGreaterThanOrEqual(1);
    expect((await expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${id}`))).filing.missing).toBe(
      true,
    );
  });
});
