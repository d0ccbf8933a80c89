// The yearly report from the database: a year with known data, downloaded as docx and xlsx by
// the coordination office, read back, counts checked. Other years and other levels stay out.
// The scenario sits in 2025: the demo data files its own applications in 2026 (the delegation of
// issue 13), and the counts below are this file's alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { makeApplication, makeComment, makeConsultation } from '../consultations/test-factory.js';
import { readDocx, readXlsx } from './read-back.js';

let t: TestApp;
let coord: Client;
const d = (s: string) => new Date(`${s}T10:00:00+08:00`);

async function step(
  t: TestApp,
  adjustmentId: number,
  step: string,
  action: string,
  at: string,
  onTime: boolean | null,
) {
  await t.db
    .insertInto('adjustment_step_record')
    .values({
      adjustment_id: adjustmentId,
      round: 1,
      step,
      action,
      at: d(at),
      due_on: onTime === null ? null : at,
      on_time: onTime,
    })
    .execute();
}

beforeAll(async () => {
  t = await setupTestApp();
  const scjg = '包头市市场监督管理局';
  const a = await makeApplication(t.db, {
    bodyName: scjg,
    kind: 'modify',
    status: 'done',
    firstSubmittedAt: d('2025-03-10'),
  });
  const b = await makeApplication(t.db, {
    bodyName: scjg,
    kind: 'cancel',
    status: 'open',
    late: true,
    firstSubmittedAt: d('2025-05-10'),
    items: [],
  });
  await makeApplication(t.db, {
    bodyName: '包头市住房和城乡建设局',
    kind: 'add',
    status: 'withdrawn',
    firstSubmittedAt: d('2025-07-01'),
    items: [],
  });
  const lastYear = await makeApplication(t.db, {
    bodyName: scjg,
    kind: 'modify',
    status: 'done',
    firstSubmittedAt: d('2024-12-20'),
  });
  const kdl = await makeApplication(t.db, {
    bodyName: '昆都仑区市场监督管理局',
    kind: 'modify',
    firstSubmittedAt: d('2025-04-01'),
  });
  await makeApplication(t.db, {
    bodyName: scjg,
    kind: 'modify',
    status: 'due',
    firstSubmittedAt: null,
    missingAt: d('2025-09-01'),
    items: [],
  });

  await step(t, a.id, 'submit', 'complete', '2025-03-10', true);
  await step(t, a.id, 'preliminaryReview', 'start', '2025-03-11', true); // not an answer to the step
  await step(t, a.id, 'preliminaryReview', 'complete', '2025-03-20', true);
  await step(t, a.id, 'legalityReview', 'return', '2025-04-20', false);
  await step(t, a.id, 'consultation', 'openConsultation', '2025-04-01', null);
  await step(t, b.id, 'submit', 'complete', '2025-05-10', false);
  await step(t, lastYear.id, 'submit', 'complete', '2024-12-20', true);
  await step(t, kdl.id, 'submit', 'complete', '2025-04-01', true);

  const c = await makeConsultation(t.db, a.id, '2025-04-01', '2025-04-07', 'closed');
  await makeComment(t.db, c, 1, { disposition: 'adopted' });
  await makeComment(t.db, c, 2, { disposition: 'notAdopted' });
  await makeComment(t.db, c, 3, {});
  await makeComment(t.db, c, 4, { hidden: true });
  const old = await makeConsultation(t.db, lastYear.id, '2024-12-25', '2024-12-31', 'closed');
  await makeComment(t.db, old, 1, { disposition: 'adopted' });
  const kc = await makeConsultation(t.db, kdl.id, '2025-04-10', '2025-04-16', 'closed');
  await makeComment(t.db, kc, 1, { disposition: 'adopted' });
  coord = await t.login('coord.city');
});
afterAll(() => t.close());

describe('yearly report downloads (§12)', () => {
  it('the docx holds the right counts', async () => {
    const res = await coord.get('/api/reports/yearly.docx?region=150200&year=2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('包头市2025年度权责清单动态调整情况报告.docx'),
    );
    const doc = await readDocx(res.rawPayload);
    expect(doc.paragraphs[0]).toBe('包头市2025年度权责清单动态调整情况报告');
    expect(doc.xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc.xml).toContain('w:eastAsia="黑体"');
    const [byKind, byBody, steps, cons] = doc.tables;
    expect(byKind!.at(-1)).toEqual(['合计', '3', '1', '1', '1', '0', '1']);
    expect(byKind!.find((r) => r[0] === '取消')).toEqual(['取消', '1', '0', '1', '0', '0', '1']);
    expect(byBody!.map((r) => r[0])).toEqual([
      '职权行使机构',
      '包头市市场监督管理局',
      '包头市住房和城乡建设局',
      '合计',
    ]);
    expect(steps!.find((r) => r[0] === '报送调整申请')!.slice(2)).toEqual(['2', '1', '1', '50.0%']);
    expect(steps!.at(-1)!.slice(2)).toEqual(['4', '2', '2', '50.0%']);
    expect(cons!.slice(1, -1)).toHaveLength(1);
    expect(cons!.at(-1)).toEqual(['合计', '', '1次', '4', '1', '1', '0', '1', '1']);
    expect(doc.paragraphs.some((p) => p.includes('应报未报（漏报）1件'))).toBe(true);
    expect(doc.paragraphs.some((p) => p.includes('投诉举报'))).toBe(true);
  });

  it('the xlsx holds the same counts, one sheet per section', async () => {
    const res = await coord.get('/api/reports/yearly.xlsx?region=150200&year=2025');
    expect(res.statusCode).toBe(200);
    const sheets = await readXlsx(res.rawPayload);
    const overview = new Map(
      sheets
        .get('总体情况')!
        .filter((r) => r.length === 2)
        .map((r) => [r[0], r[1]]),
    );
    expect(overview.get('调整申请（件）')).toBe(3);
    expect(overview.get('迟报（件）')).toBe(1);
    expect(overview.get('漏报（件）')).toBe(1);
    expect(overview.get('公开征求意见（次）')).toBe(1);
    expect(overview.get('公众意见（条）')).toBe(4);
    expect(overview.get('未公开显示的意见（条）')).toBe(1);
    expect(overview.get('采纳（条）')).toBe(1);
    expect(overview.get('不予采纳（条）')).toBe(1);
    expect(overview.get('待处理（条）')).toBe(1);
    expect(
      sheets
        .get('按职权行使机构')!
        .find((r) => r[0] === '包头市市场监督管理局')!
        .slice(-2),
    ).toEqual([2, 1]);
    expect(sheets.get('环节按时率')!.at(-1)!.slice(2)).toEqual([4, 2, 2, '50.0%']);
    const events = await t.db
      .selectFrom('audit_event')
      .select(['object_id', 'after'])
      .where('action', '=', 'report.yearlyExported')
      .execute();
    expect(events.map((e) => (e.after as { format: string }).format)).toEqual(['docx', 'xlsx']);
  });

  it('each office reports on its own level; another level is 404', async () => {
    // §18: a 街道办事处 of 昆都仑区 is served by the district's offices, so it is in their report
    const township = await t.db
      .selectFrom('body as b')
      .innerJoin('region as r', 'r.code', 'b.region_code')
      .select('b.name')
      .where('r.parent_code', '=', '150203')
      .orderBy('b.id')
      .executeTakeFirstOrThrow();
    await makeApplication(t.db, { bodyName: township.name, kind: 'add', firstSubmittedAt: d('2025-06-01'), items: [] });
    const kdl = await t.login('coord.kdl');
    expect((await kdl.get('/api/reports/yearly.docx?region=150200&year=2025')).statusCode).toBe(404);
    const own = await kdl.get('/api/reports/yearly?year=2025');
    expect(own.statusCode).toBe(200);
    expect(own.json().title).toBe('包头市昆都仑区2025年度权责清单动态调整情况报告');
    expect(own.json().totals).toMatchObject({ applications: 2, comments: 1 });
    expect((await coord.get('/api/reports/yearly?region=150200&year=2025')).json().totals.applications).toBe(3);
    expect(
      (await (await t.login('clerk.scjg')).get('/api/reports/yearly.xlsx?region=150200&year=2025')).statusCode,
    ).toBe(404);
    expect((await coord.get('/api/reports/yearly.docx?region=150200')).statusCode).toBe(400);
    expect((await t.anon.get('/api/reports/yearly.docx?region=150200&year=2025')).statusCode).toBe(401);
  });
});
