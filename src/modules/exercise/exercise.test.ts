// Issue 12.4 (§14 ¶1, §16 ¶2, §17): exercise records imported by .xlsx, .csv and a sending system's
// JSON request, matched against the list in force on each record's date, the flags opening one
// supervision finding per fact; bad input refuses everything and changes nothing. Real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { EXERCISE_COLUMNS, EXERCISE_SHEET } from '../../contract/exercise.js';
import { buildXlsx, multipart } from '../exchange/test-fixtures.js';
import { loadCurrentList, publishVersion } from '../register/publish.js';

let t: TestApp;
let office: Client; // coord.city
let kdlOffice: Client; // coord.kdl
let scjg: number;
let zjjCode: string;
let kept: { code: string; name: string };
let cancelled: { code: string; name: string };
const HEADERS: string[] = EXERCISE_COLUMNS.map((c) => c.header);
const SCJG = '包头市市场监督管理局';

beforeAll(async () => {
  t = await setupTestApp();
  [office, kdlOffice] = await Promise.all(['coord.city', 'coord.kdl'].map((u) => t.login(u)));
  const body = async (name: string) =>
    (await t.db.selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  scjg = await body(SCJG);
  const zjj = await body('包头市住房和城乡建设局');
  const powers = (id: number) =>
    t.db
      .selectFrom('power')
      .select(['code', 'name'])
      .where('body_id', '=', id)
      .where('valid_to', 'is', null)
      .where('parent_code', 'is', null)
      .orderBy('code')
      .execute();
  const mine = await powers(scjg);
  [kept, cancelled] = [mine[0]!, mine[1]!];
  zjjCode = (await powers(zjj))[1]!.code; // the demo's records already use the first
  // §13: the city's market regulator cancels one power from 2026-06-01 (version 2 of its list)
  await t.db.transaction().execute(async (trx) => {
    const cur = await loadCurrentList(trx, scjg);
    await publishVersion(trx, {
      bodyId: scjg,
      powers: cur.powers.map((p) => (p.code === cancelled.code ? { ...p, status: 'cancelled' as const } : p)),
      source: { type: 'adjustment', id: 1 },
      rulebookId: 'baotou-2023',
      actor: null,
      at: new Date('2026-06-01T10:00:00+08:00'),
    });
  });
});
afterAll(() => t.close());

const xlsx = async (rows: (string | null)[][], headers = HEADERS) =>
  multipart(await buildXlsx(rows, { sheetName: EXERCISE_SHEET, headers, noteRow: false }), '行使记录.xlsx');
const upload = (c: Client, m: { payload: Buffer; headers: Record<string, string> }, kind = 'xlsx') =>
  c.request('POST', `/api/exercise/imports/${kind}`, m.payload, m.headers);
const count = async (table: 'exercise_import' | 'exercise_record' | 'finding') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const snapshot = async () => ({
  imports: await count('exercise_import'),
  records: await count('exercise_record'),
  findings: await count('finding'),
});

describe('matching against the list in force on the record’s date', () => {
  let importId: number;
  it('flags 变相实施, 清单外 and 非本机构 records; each fact opens one finding, audited', async () => {
    const res = await upload(
      office,
      await xlsx([
        ['SJ-2026-0001', SCJG, kept.code, kept.name, '2026-05-10', '准予许可'],
        ['SJ-2026-0002', SCJG, cancelled.code, cancelled.name, '2026-05-20', '准予许可'], // before the cancellation
        ['SJ-2026-0003', SCJG, cancelled.code, cancelled.name, '2026-07-02', '准予许可'], // after: 变相实施
        ['SJ-2026-0004', SCJG, cancelled.code, cancelled.name, '2026-08-15', '准予许可'], // the same fact again
        ['SJ-2026-0005', SCJG, zjjCode, null, '2026-07-03', '已办结'], // 住建局's power
        ['SJ-2026-0006', SCJG, null, '户外广告设施设置审批', '2026-07-04', '准予许可'], // no such power
        ['SJ-2026-0007', SCJG, null, kept.name, '2026-07-05', '不予许可'], // by name, listed
        ['SJ-2026-0008', SCJG, kept.code, kept.name, '2026-03-01', '准予许可'], // before the first list
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const imp = res.json();
    importId = imp.id;
    expect(imp).toMatchObject({
      channel: 'xlsx',
      recordCount: 8,
      flaggedCount: 5,
      findingCount: 4,
      byFlag: { retired: 2, wrongBody: 1, notInList: 2 },
    });
    const recs = await office.get(`/api/exercise/imports/${importId}/records`);
    const byCase = new Map(recs.json().items.map((r: { caseRef: string }) => [r.caseRef, r]));
    expect([...byCase.keys()].sort()).toEqual([
      'SJ-2026-0003',
      'SJ-2026-0004',
      'SJ-2026-0005',
      'SJ-2026-0006',
      'SJ-2026-0008',
    ]);
    expect(byCase.get('SJ-2026-0003')).toMatchObject({ flag: 'retired', listVersion: 2 });
    expect(byCase.get('SJ-2026-0005')).toMatchObject({ flag: 'wrongBody', flagBodyName: '包头市住房和城乡建设局' });
    expect(byCase.get('SJ-2026-0008')).toMatchObject({ flag: 'notInList', listVersion: null });
    const linked = await t.db
      .selectFrom('exercise_record')
      .select('finding_id')
      .distinct()
      .where('import_id', '=', importId)
      .where('finding_id', 'is not', null)
      .execute();
    const findings = await t.db
      .selectFrom('finding')
      .select(['id', 'kind', 'source', 'body_id', 'power_code', 'fact_date', 'description'])
      .where(
        'id',
        'in',
        linked.map((l) => l.finding_id!),
      )
      .orderBy('id')
      .execute();
    expect(findings.every((f) => f.source === 'exercise')).toBe(true);
    expect(findings.map((f) => f.kind).sort()).toEqual([
      'disguisedRetention',
      'unlistedExercise',
      'unlistedExercise',
      'unlistedExercise',
    ]);
    const retired = findings.find((f) => f.kind === 'disguisedRetention')!;
    expect(retired).toMatchObject({ body_id: scjg, power_code: cancelled.code, fact_date: '2026-07-02' });
    expect(retired.description).toContain('变相实施');
    // both records of the fact point at its one finding
    expect(byCase.get('SJ-2026-0004')).toMatchObject({ findingId: retired.id });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('object_type', '=', 'exercise_import')
      .where('object_id', '=', String(importId))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ records: 8, flagged: 5, findings: 4, newFindings: 4 });
  });

  it('a second import of the same facts links them to the same findings and opens none', async () => {
    const before = await count('finding');
    const csv = `${HEADERS.join(',')}\r\nSJ-2026-0101,${SCJG},${cancelled.code},"${cancelled.name}",2026-09-01,准予许可\r\n`;
    const res = await upload(office, multipart(Buffer.from(csv, 'utf8'), 'records.csv', 'text/csv'), 'csv');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'csv', recordCount: 1, flaggedCount: 1, findingCount: 1 });
    expect(await count('finding')).toBe(before);
  });

  it('reads a GB18030 CSV (Excel on a Chinese Windows)', async () => {
    const csv = `${HEADERS.join(',')}\r\n,${SCJG},${kept.code},,2026-09-02,准予许可\r\n`;
    const gb = Buffer.from(new TextEncoder().encode(csv)); // encoded below
    const { execFileSync } = await import('node:child_process');
    const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: gb });
    const res = await upload(office, multipart(bytes, 'gbk.csv', 'text/csv'), 'csv');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ recordCount: 1, flaggedCount: 0 });
  });

  it('scope: a 旗县区 office does not see the city’s import (404) nor import a city body’s records', async () => {
    expect((await kdlOffice.get(`/api/exercise/imports/${importId}`)).statusCode).toBe(404);
    expect((await kdlOffice.get(`/api/exercise/imports/${importId}/records`)).statusCode).toBe(404);
    const before = await snapshot();
    const res = await upload(kdlOffice, await xlsx([['K-1', SCJG, kept.code, null, '2026-07-01', '准予许可']]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({ row: 2, column: '实施机构' });
    expect(await snapshot()).toEqual(before);
    const clerk = await t.login('clerk.scjg');
    expect(
      (await upload(clerk, await xlsx([['K-1', SCJG, kept.code, null, '2026-07-01', '准予许可']]))).statusCode,
    ).toBe(403);
  });
});

describe('the demo year', () => {
  it('has the city office’s CSV and the 执法 system’s push, each with flagged records and their findings', async () => {
    const list = (await office.get('/api/exercise/imports')).json().items;
    const csv = list.find(
      (i: { channel: string; fileName: string | null }) => i.channel === 'csv' && i.fileName?.includes('政务服务'),
    );
    const api = list.find((i: { sourceName: string | null }) => i.sourceName === '包头市行政执法综合管理监督平台');
    expect(csv).toMatchObject({ recordCount: 42, flaggedCount: 2, byFlag: { wrongBody: 2 } });
    expect(api.recordCount).toBe(24);
    expect(api.flaggedCount).toBe(4);
    // the 旗县区 office sees the 昆都仑区 records of the city's import list only through its own level
    const kdlRecs = (await kdlOffice.get(`/api/exercise/imports/${api.id}/records`)).statusCode;
    expect(kdlRecs).toBe(404);
    const recs = (await office.get(`/api/exercise/imports/${api.id}/records?flag=wrongBody`)).json();
    expect(recs.items.filter((r: { flagBodyName: string }) => r.flagBodyName === SCJG)).toHaveLength(3);
    expect(recs.items[0].findingId).toBeTruthy();
  });
});

describe('all or nothing at the edge', () => {
  it('one bad row refuses the file, naming the row and column; nothing is written', async () => {
    const before = await snapshot();
    const res = await upload(
      office,
      await xlsx([
        ['A-1', SCJG, kept.code, null, '2026-07-01', '准予许可'],
        ['A-2', SCJG, cancelled.code, null, '2026-02-30', '准予许可'],
        ['A-3', '包头市不存在局', kept.code, null, '2026-07-01', '准予许可'],
        ['A-4', SCJG, null, null, '2026-07-01', '准予许可'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.message).toContain('第3行');
    expect(err.details).toEqual([
      { row: 3, column: '办理日期', message: '办理日期应为有效日期（YYYY-MM-DD）' },
      { row: 4, column: '实施机构', message: '平台中没有名为“包头市不存在局”的机构' },
      { row: 5, column: '权力编码', message: '权力编码和行政职权名称至少填写一项' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('a sheet with the wrong columns, or not a workbook, is refused', async () => {
    const before = await snapshot();
    const wrong = await upload(office, await xlsx([['x']], ['编号', '机构']));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toContain('办件编号');
    const notXlsx = await upload(office, multipart(Buffer.from('hello'), 'a.xlsx'));
    expect(notXlsx.statusCode).toBe(415);
    const badCsv = await upload(office, multipart(Buffer.from('a,b\n1,2\n'), 'a.csv', 'text/csv'), 'csv');
    expect(badCsv.statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
  });
});

describe('sending systems: a key per system, kept hashed, audited', () => {
  it('issues a key once, takes JSON records with it, refuses a wrong or revoked key', async () => {
    const admin = await t.login('sysadmin');
    const created = await admin.post('/api/exercise/sources', { name: '包头市一体化政务服务平台' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^qzx_/);
    const stored = await t.db.selectFrom('exercise_source').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key);

    const send = (k: string, records: unknown[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/exercise/intake',
        headers: { authorization: `Bearer ${k}` },
        payload: { records },
      });
    const rec = {
      caseRef: 'ZW-1',
      bodyName: SCJG,
      powerCode: cancelled.code,
      exercisedOn: '2026-10-01',
      outcome: '准予许可',
    };
    const ok = await send(key, [rec, { ...rec, caseRef: 'ZW-2', powerCode: kept.code }]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ recordCount: 2, flaggedCount: 1, findingCount: 1 });

    const before = await snapshot();
    expect((await send('qzx_wrong', [rec])).statusCode).toBe(401);
    const bad = await send(key, [rec, { ...rec, exercisedOn: '2026/10/01' }]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0]).toMatchObject({ row: 2, column: '办理日期' });
    expect(await snapshot()).toEqual(before);

    const kdlAdmin = await t.login('sysadmin.kdl');
    expect((await kdlAdmin.post(`/api/exercise/sources/${id}/revoke`)).statusCode).toBe(404);
    expect((await office.post('/api/exercise/sources', { name: 'x' })).statusCode).toBe(403);
    expect((await admin.post(`/api/exercise/sources/${id}/revoke`)).statusCode).toBe(200);
    expect((await send(key, [rec])).statusCode).toBe(401);
    const actions = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_type', '=', 'exercise_source')
      .where('object_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['exercise.sourceCreated', 'exercise.sourceRevoked']);
  });
});
