// Issue 12.3 (§5, §16 ¶1): the assessment of the seeded demo year on a real database — the ranked
// table, the drill-down whose facts recompute each score by hand, the office's adjustment with a
// reason (the computed score kept, audited), scope refusals that change nothing, and the exports.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let city: Client; // coord.city
let kdl: Client; // coord.kdl
let leadJt: Client; // lead.jtj (包头市交通运输局)
let leadWjw: Client; // lead.kdl.wjw (昆都仑区卫生健康委员会)
let jt: number;
let wjw: number;
const YEAR = 2026;

beforeAll(async () => {
  t = await setupTestApp({ countQueries: true });
  [city, kdl, leadJt, leadWjw] = await Promise.all(
    ['coord.city', 'coord.kdl', 'lead.jtj', 'lead.kdl.wjw'].map((u) => t.login(u)),
  );
  const id = async (name: string) =>
    (await t.db.selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  jt = await id('包头市交通运输局');
  wjw = await id('昆都仑区卫生健康委员会');
});
afterAll(() => t.close());

type Term = {
  fact: string;
  weight: number;
  cap: number;
  value: { kind: 'rate'; done: number; of: number } | { kind: 'count'; n: number };
  deduction: number;
};

/** The formula written out again from the rulebook's words, independent of core/assessment. */
function byHand(base: number, terms: Term[]): number {
  let total = 0;
  for (const x of terms) {
    const measure =
      x.value.kind === 'count' ? x.value.n : x.value.of === 0 ? 0 : 100 - (100 * x.value.done) / x.value.of;
    const raw = x.weight * measure;
    const d = raw >= 0 ? Math.min(x.cap, raw) : -Math.min(x.cap, -raw);
    expect(x.deduction).toBeCloseTo(d, 2);
    total += d;
  }
  return Math.round(Math.min(base, Math.max(0, base - total)) * 100) / 100;
}

describe('the seeded demo year', () => {
  it('scores 包头市交通运输局 and 昆都仑区卫生健康委员会 from the facts the drill-down shows', async () => {
    for (const [client, body] of [
      [city, jt],
      [kdl, wjw],
    ] as const) {
      const res = await client.get(`/api/assessment/bodies/${body}?year=${YEAR}`);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d.computed).toBe(byHand(d.base, d.terms));
      expect(d.computed).toBeLessThan(100); // the demo's findings cost points
    }
    const jtTerms = (await city.get(`/api/assessment/bodies/${jt}?year=${YEAR}`)).json().terms as Term[];
    const fact = (f: string) => jtTerms.find((x) => x.fact === f)!.value;
    // the demo's 迟报 of 包头市交通运输局, rectified and accepted (supervision.seed.ts)
    expect(fact('lateFindings')).toEqual({ kind: 'count', n: 1 });
    expect(fact('rectificationsAccepted')).toEqual({ kind: 'count', n: 1 });
    const wjwTerms = (await kdl.get(`/api/assessment/bodies/${wjw}?year=${YEAR}`)).json().terms as Term[];
    expect(wjwTerms.find((x) => x.fact === 'reprimands')!.value).toEqual({ kind: 'count', n: 1 });
    expect(wjwTerms.find((x) => x.fact === 'rectificationsFailed')!.value).toEqual({ kind: 'count', n: 1 });
  });

  it('ranks a level: the city office sees every level, the 旗县区 office its own', async () => {
    const res = await city.get(`/api/assessment?level=150200&year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.rows.length).toBeGreaterThan(5);
    const scores = r.rows.map((x: { score: number }) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(r.rows.find((x: { bodyId: number }) => x.bodyId === jt).score).toBeLessThan(100);
    expect(r.rows[0].rank).toBe(1);
    // offices assess; they are not in the table
    const offices = await t.db.selectFrom('body').select('id').where('office', '=', 'coordination').execute();
    const ids = new Set(r.rows.map((x: { bodyId: number }) => x.bodyId));
    expect(offices.some((o) => ids.has(o.id))).toBe(false);
    const kdlLevel = (await city.get(`/api/assessment?level=150203&year=${YEAR}`)).json();
    expect(kdlLevel.rows.find((x: { bodyId: number }) => x.bodyId === wjw).score).toBeLessThan(100);
    expect((await kdl.get(`/api/assessment?level=150203&year=${YEAR}`)).statusCode).toBe(200);
  });

  it('exports Excel and Word for the 绩效考核部门', async () => {
    const x = await city.get(`/api/assessment/export.xlsx?level=150200&year=${YEAR}`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // read back: the ranking's rows and the formula are in the workbook
    const book = await JSZip.loadAsync(x.rawPayload);
    const sheets = await Promise.all(
      Object.keys(book.files)
        .filter((f) => f.startsWith('xl/worksheets/'))
        .map((f) => book.file(f)!.async('string')),
    );
    const all = sheets.join('');
    expect(all).toContain('包头市交通运输局');
    expect(all).toContain('2026年度权责清单实施情况绩效考核结果');
    expect(all).toMatch(/迟报（§14）/);
    const w = await kdl.get(`/api/assessment/export.docx?level=150203&year=${YEAR}`);
    expect(w.statusCode).toBe(200);
    expect(w.headers['content-type']).toContain('wordprocessingml');
    const doc = await (await JSZip.loadAsync(w.rawPayload)).file('word/document.xml')!.async('string');
    expect(doc).toContain('昆都仑区卫生健康委员会');
    expect(doc).toContain('通报批评扣分');
    // issue 12 flaw c: each export is audited — who, which level and year, which format
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_name', 'object_id', 'after'])
      .where('action', '=', 'assessment.exported')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.object_id, (a.after as { format: string }).format])).toEqual([
      [`150200:${YEAR}`, 'xlsx'],
      [`150203:${YEAR}`, 'docx'],
    ]);
  });
});

describe('the dashboard', () => {
  it('shows the level’s year, filters by body, in the same number of queries at every level', async () => {
    const res = await city.get(`/api/dashboard?level=150200&year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const sup = Object.fromEntries(d.supervision.map((r: { key: string; n: number }) => [r.key, r.n]));
    expect(sup['finding.late']).toBe(1); // the demo's 迟报 of 包头市交通运输局
    expect(sup['order.accepted']).toBe(1);
    expect(d.scores.find((x: { bodyName: string }) => x.bodyName === '包头市交通运输局').score).toBeLessThan(100);
    // one body: its own figures only
    const one = (await city.get(`/api/dashboard?level=150200&year=${YEAR}&bodyId=${jt}`)).json();
    expect(one.scores).toHaveLength(1);
    expect(one.supervision.find((r: { key: string }) => r.key === 'finding.late').n).toBe(1);
    // a body of another level is not a filter of this one
    expect((await city.get(`/api/dashboard?level=150200&year=${YEAR}&bodyId=${wjw}`)).statusCode).toBe(404);
    const kdlDash = (await kdl.get(`/api/dashboard?level=150203&year=${YEAR}`)).json();
    expect(kdlDash.supervision.some((r: { key: string }) => r.key === 'order.rejected')).toBe(true);
    // a fixed number of statements, whatever the number of bodies (the city has many more than one)
    const q = t.queries!;
    const counted = async (url: string) => (await q.during(() => city.get(url))).length;
    const cityLevel = await counted(`/api/dashboard?level=150200&year=${YEAR}`);
    // the level, the rulebook, the facts, seven aggregates (and the session's own reads)
    expect(cityLevel).toBeGreaterThanOrEqual(10);
    expect(cityLevel).toBeLessThan(20);
    expect(cityLevel).toBe(await counted(`/api/dashboard?level=150203&year=${YEAR}`));
    expect(cityLevel).toBe(await counted(`/api/dashboard?level=150200&year=${YEAR}&bodyId=${jt}`));
    expect(await counted(`/api/assessment?level=150200&year=${YEAR}`)).toBe(
      await counted(`/api/assessment?level=150203&year=${YEAR}`),
    );
  });
});

async function snapshot() {
  const rows = await t.db.selectFrom('assessment_adjustment').selectAll().orderBy('id').execute();
  const audit = await t.db
    .selectFrom('audit_event')
    .select('seq')
    .where('action', '=', 'assessment.adjusted')
    .execute();
  return { rows, audit: audit.length };
}

describe('scope and adjustment', () => {
  it('refuses outside scope with 404 and changes nothing', async () => {
    const before = await snapshot();
    // a 旗县区 office: not the city level, not a city body
    expect((await kdl.get(`/api/assessment?level=150200&year=${YEAR}`)).statusCode).toBe(404);
    expect((await kdl.get(`/api/assessment/bodies/${jt}?year=${YEAR}`)).statusCode).toBe(404);
    expect((await kdl.get(`/api/dashboard?level=150200&year=${YEAR}`)).statusCode).toBe(404);
    expect((await kdl.get(`/api/assessment/export.xlsx?level=150200&year=${YEAR}`)).statusCode).toBe(404);
    // a body sees its own drill-down, not another's, nor a ranked table
    expect((await leadJt.get(`/api/assessment/bodies/${jt}?year=${YEAR}`)).statusCode).toBe(200);
    expect((await leadJt.get(`/api/assessment/bodies/${wjw}?year=${YEAR}`)).statusCode).toBe(404);
    expect((await leadJt.get(`/api/assessment?level=150200&year=${YEAR}`)).statusCode).toBe(404);
    // nobody adjusts outside their level, and a body never adjusts its own score
    const body = { year: YEAR, score: 60, reason: '越权' };
    expect((await kdl.post(`/api/assessment/bodies/${jt}/adjustments`, body)).statusCode).toBe(404);
    expect((await leadJt.post(`/api/assessment/bodies/${jt}/adjustments`, body)).statusCode).toBe(403);
    expect((await leadWjw.post(`/api/assessment/bodies/${jt}/adjustments`, body)).statusCode).toBe(404);
    // the city office reaches the 昆都仑区 body but does not assess it (§5: 本级)
    expect((await city.post(`/api/assessment/bodies/${wjw}/adjustments`, body)).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an adjustment without a reason, and changes nothing', async () => {
    const before = await snapshot();
    for (const reason of [undefined, '', '   ']) {
      const res = await city.post(`/api/assessment/bodies/${jt}/adjustments`, { year: YEAR, score: 90, reason });
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/理由/);
    }
    const high = await city.post(`/api/assessment/bodies/${jt}/adjustments`, {
      year: YEAR,
      score: 101,
      reason: '核实',
    });
    expect(high.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('adjusts with a reason: the computed score and the history kept, audited, the ranking follows', async () => {
    const original = (await city.get(`/api/assessment/bodies/${jt}?year=${YEAR}`)).json();
    const res = await city.post(`/api/assessment/bodies/${jt}/adjustments`, {
      year: YEAR,
      score: 95.5,
      reason: '经联席会议研究，迟报系上级文件延迟转发所致，酌情调整。',
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d.score).toBe(95.5);
    expect(d.computed).toBe(original.computed);
    expect(d.adjustments).toHaveLength(1);
    expect(d.adjustments[0].reason).toMatch(/联席会议/);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['object_id', 'body_id'])
      .where('action', '=', 'assessment.adjusted')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.body_id).toBe(jt);
    const again = await city.post(`/api/assessment/bodies/${jt}/adjustments`, {
      year: YEAR,
      score: 97,
      reason: '复核',
    });
    expect(again.json().adjustments.map((a: { score: number }) => a.score)).toEqual([95.5, 97]);
    const row = (await city.get(`/api/assessment?level=150200&year=${YEAR}`))
      .json()
      .rows.find((x: { bodyId: number }) => x.bodyId === jt);
    expect(row).toMatchObject({ score: 97, computed: original.computed, adjusted: { reason: '复核' } });
  });
});
