// Acceptance (issue 14.1, §13.1, §13.5): a level exported in the exchange format, changed as the
// regional platform might (one power missing, one field different, one status different) and
// imported again shows exactly those three differences; the same through the xlsx layout; a file
// with a row that cannot be read is refused whole; who may reconcile what.
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { EXCHANGE_COLUMNS, EXCHANGE_SHEET, type ExchangeItem } from '../../contract/regional-platform.js';
import { buildXlsx, multipart, readSheets } from '../exchange/test-fixtures.js';
import { expectOk } from '../adjustments/test-fixtures.js';
import { itemCells } from './export.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

type Doc = { format: string; items: ExchangeItem[] };
const JSON_TYPE = 'application/json';

async function upload(user: string, url: string, file: Buffer, name: string, type = JSON_TYPE) {
  const c = await t.login(user);
  const m = multipart(file, name, type);
  return c.request('POST', url, m.payload, m.headers);
}

/** The three changes the other platform might make: one missing, one renamed, one cancelled there. */
function changeThree(doc: Doc) {
  const active = doc.items.filter((i) => i.status === '在用');
  const [gone, renamed, cancelled] = [active[0]!, active[1]!, active[2]!];
  doc.items = doc.items.filter((i) => i !== gone);
  renamed.name = `${renamed.name}（自治区平台）`;
  cancelled.status = '已取消';
  return { gone, renamed, cancelled };
}

describe('round trip of a level in the exchange format (acceptance)', () => {
  it('JSON: exactly the three changes, and nothing else', async () => {
    const coord = await t.login('coord.city');
    const res = await coord.get('/api/regional-platform/regions/150200/export.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const doc = res.json() as Doc;
    expect(doc.format).toBe('baotou-qz/regional-platform-list');
    expect(doc.items.length).toBeGreaterThan(3);
    const before = await t.db.selectFrom('regional_reconciliation').select('id').execute();

    // unchanged, it reconciles clean
    const same = await expectOk(
      await upload('coord.city', '/api/regional-platform/regions/150200/reconciliations', res.rawPayload, 'level.json'),
      201,
    );
    expect(same).toMatchObject({
      scope: 'level',
      diffCount: 0,
      theirCount: doc.items.length,
      ourCount: doc.items.length,
    });

    const { gone, renamed, cancelled } = changeThree(doc);
    const rec = await expectOk(
      await upload(
        'coord.city',
        '/api/regional-platform/regions/150200/reconciliations',
        Buffer.from(JSON.stringify(doc)),
        '自治区平台导出.json',
      ),
      201,
    );
    expect(rec.diffCount).toBe(3);
    const report = await expectOk(await coord.get(`/api/regional-platform/reconciliations/${rec.id}`));
    const diffs = report.bodies.flatMap((b: { diffs: unknown[] }) => b.diffs);
    expect(diffs).toHaveLength(3);
    expect(diffs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: gone.implementationCode, kind: 'missingThere', ours: '在用', theirs: null }),
        expect.objectContaining({
          code: renamed.implementationCode,
          kind: 'field',
          field: 'name',
          theirs: renamed.name,
        }),
        expect.objectContaining({
          code: cancelled.implementationCode,
          kind: 'status',
          field: 'status',
          ours: '在用',
          theirs: '已取消',
        }),
      ]),
    );
    // per body, with its name
    expect(report.bodies.every((b: { bodyName: string }) => b.bodyName.startsWith('包头市'))).toBe(true);

    // the same report as a workbook
    const x = await coord.get(`/api/regional-platform/reconciliations/${rec.id}/report.xlsx`);
    expect(x.statusCode).toBe(200);
    const sheets = await readSheets(x.rawPayload);
    const detail = sheets.get('差异明细')!;
    expect(detail.slice(1).filter((r) => r?.length)).toHaveLength(3);
    expect(detail.slice(1).map((r) => r[3])).toEqual(
      expect.arrayContaining(['自治区平台缺少', '要素不一致', '状态不一致']),
    );
    const after = await t.db.selectFrom('regional_reconciliation').select('id').execute();
    expect(after.length).toBe(before.length + 2);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_type', '=', 'regionalReconciliation')
      .where('object_id', '=', String(rec.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['regionalPlatform.reconciled']);
  });

  it('xlsx: the exported workbook reads back clean; the layout with three changes shows exactly those', async () => {
    const coord = await t.login('coord.city');
    const exported = await coord.get('/api/regional-platform/regions/150200/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const clean = await expectOk(
      await upload(
        'coord.city',
        '/api/regional-platform/regions/150200/reconciliations',
        exported.rawPayload,
        'level.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
      201,
    );
    expect(clean.diffCount).toBe(0);

    const doc = (await coord.get('/api/regional-platform/regions/150200/export.json')).json() as Doc;
    const { gone, renamed, cancelled } = changeThree(doc);
    // another program's workbook: columns in another order, shared strings
    const headers = EXCHANGE_COLUMNS.map(([, h]) => h);
    const order = [...headers.keys()].reverse();
    const file = await buildXlsx(
      doc.items.map((i) => order.map((k) => itemCells(i)[k]!)),
      { sheetName: EXCHANGE_SHEET, headers: order.map((k) => headers[k]!), sharedStrings: true, noteRow: false },
    );
    const rec = await expectOk(
      await upload(
        'coord.city',
        '/api/regional-platform/regions/150200/reconciliations',
        file,
        'other.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
      201,
    );
    const report = await expectOk(await coord.get(`/api/regional-platform/reconciliations/${rec.id}`));
    const diffs = report.bodies.flatMap((b: { diffs: { code: string; kind: string }[] }) => b.diffs);
    expect(diffs.map((d: { code: string; kind: string }) => `${d.kind}:${d.code}`).sort()).toEqual(
      [
        `missingThere:${gone.implementationCode}`,
        `field:${renamed.implementationCode}`,
        `status:${cancelled.implementationCode}`,
      ].sort(),
    );
  });

  it('a file with a row that cannot be read is refused whole, the row named; nothing is written', async () => {
    const coord = await t.login('coord.city');
    const doc = (await coord.get('/api/regional-platform/regions/150200/export.json')).json() as Doc;
    (doc.items[4] as Partial<ExchangeItem>).implementationCode = '';
    doc.items[6]!.legalTimeLimit = { amount: -3, unit: 'workday' };
    const count = async () => (await t.db.selectFrom('regional_reconciliation').select('id').execute()).length;
    const n = await count();
    const res = await upload(
      'coord.city',
      '/api/regional-platform/regions/150200/reconciliations',
      Buffer.from(JSON.stringify(doc)),
      'bad.json',
    );
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.message).toContain('第5行');
    expect(err.details.map((d: { row: number }) => d.row)).toEqual([5, 7]);
    expect(await count()).toBe(n);

    const dup = { ...doc, items: [doc.items[0], doc.items[0]] };
    const d = await upload(
      'coord.city',
      '/api/regional-platform/regions/150200/reconciliations',
      Buffer.from(JSON.stringify(dup)),
      'dup.json',
    );
    expect(d.statusCode).toBe(422);
    expect(d.json().error.message).toContain('实施编码重复');
    const notJson = await upload(
      'coord.city',
      '/api/regional-platform/regions/150200/reconciliations',
      Buffer.from('{"items": [ {'),
      'x.json',
    );
    expect(notJson.statusCode).toBe(422);
    expect(await count()).toBe(n);
  });
});

describe('the documented format', () => {
  it('an export is valid against docs/exchange/regional-platform.schema.json', async () => {
    const schema = JSON.parse(
      await readFile(new URL('../../../docs/exchange/regional-platform.schema.json', import.meta.url), 'utf8'),
    );
    // formats (date-time) are not checked here: the generator writes toISOString()
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    const doc = (await (await t.login('coord.city')).get('/api/regional-platform/regions/150200/export.json')).json();
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...doc, items: [{ ...doc.items[0], status: '有效' }] })).toBe(false);
  });
});

describe('who reconciles what', () => {
  it('a body’s clerk reconciles its own body; not the level, not another body (404); the office sees it', async () => {
    const scjg = (
      await t.db.selectFrom('body').select('id').where('name', '=', '包头市市场监督管理局').executeTakeFirstOrThrow()
    ).id;
    const zjj = (
      await t.db.selectFrom('body').select('id').where('name', '=', '包头市住房和城乡建设局').executeTakeFirstOrThrow()
    ).id;
    const clerk = await t.login('clerk.scjg');
    const file = (await clerk.get(`/api/regional-platform/bodies/${scjg}/export.json`)).rawPayload;
    const rec = await expectOk(
      await upload('clerk.scjg', `/api/regional-platform/bodies/${scjg}/reconciliations`, file, 'scjg.json'),
      201,
    );
    expect(rec).toMatchObject({ scope: 'body', bodyId: scjg, diffCount: 0 });
    expect(
      (await upload('clerk.scjg', `/api/regional-platform/bodies/${zjj}/reconciliations`, file, 'x.json')).statusCode,
    ).toBe(404);
    expect(
      (await upload('clerk.scjg', '/api/regional-platform/regions/150200/reconciliations', file, 'x.json')).statusCode,
    ).toBe(404);
    expect(
      (await (await t.login('clerk.zjj')).get(`/api/regional-platform/reconciliations/${rec.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await (await t.login('coord.city')).get(`/api/regional-platform/reconciliations/${rec.id}`)).statusCode,
    ).toBe(200);
    // a body's export of a version that does not exist
    expect((await clerk.get(`/api/regional-platform/bodies/${scjg}/export.json?version=999`)).statusCode).toBe(404);
  });
});
