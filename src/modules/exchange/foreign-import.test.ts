// Issue 14 item 2: 包头市市场监督管理局's own list layout (title rows, merged 权力分类, a 主项
// written through its 子项, notes at the bottom) imported through the mapping step: the proposal
// from the headers, the preview with every row's problems, fill-down and tidying, the refusal of
// a sheet with a row that cannot be read (the row named, nothing saved), and a saved mapping reused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForeignMapping, InspectResult, PreviewResult } from '../../contract/exchange-mapping.js';
import { readJsonbArray } from '../../platform/db.js';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { PassThrough } from 'node:stream';
import { XlsxBook } from '../../platform/xlsx-writer.js';
import { buildForeignWorkbook, FOREIGN_POWER_COUNT, FOREIGN_SHEET } from './foreign-fixture.js';
import { MAX_MERGES } from './merge-cells.js';
import { bodyWithClerk, countDraftPowers, ensureDocuments, multipart } from './test-fixtures.js';

let t: TestApp;
let clerk: Client;
let body: Awaited<ReturnType<typeof bodyWithClerk>>;
let file: Buffer;

beforeAll(async () => {
  t = await setupTestApp();
  await ensureDocuments(t.db);
  body = await bodyWithClerk(t.db, '包头市市场监督管理局（自有格式导入测试）');
  [clerk, file] = await Promise.all([t.login('clerk.scjg'), buildForeignWorkbook()]);
});
afterAll(() => t.close());

/** multipart with text fields before the file, as the wizard's FormData sends them */
function form(buf: Buffer, fields: Record<string, string> = {}) {
  const m = multipart(buf, '市场监管局权责清单.xlsx');
  const boundary = m.headers['content-type'].split('boundary=')[1];
  const head = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  return { payload: Buffer.concat([Buffer.from(head, 'utf8'), m.payload]), headers: m.headers };
}
const post = (c: Client, path: string, buf: Buffer, fields?: Record<string, string>) => {
  const f = form(buf, fields);
  return c.request('POST', `/api/exchange/bodies/${body.id}/${path}`, f.payload, f.headers);
};

let mapping: ForeignMapping;

describe('the mapping step', () => {
  it('finds the sheet and its header row under the title, and proposes a mapping from the column names', async () => {
    const res = await post(clerk, 'draft/import/inspect', file);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as InspectResult;
    expect(r.sheets).toEqual(['说明', FOREIGN_SHEET]);
    expect(r).toMatchObject({ sheet: FOREIGN_SHEET, isTemplate: false, headerRow: 3, saved: null });
    expect(r.titleRows[0]).toBe('包头市市场监督管理局权责清单');
    expect(r.mapping.columns.map((c) => `${c.header}→${c.target}`)).toEqual([
      '序号→serial',
      '权力分类→category',
      '项目名称→name',
      '子项→subName',
      '实施依据→legalBases',
      '责任事项→responsibilities',
      '责任事项依据→responsibilityBasis',
      '追责情形→accountabilityCases',
      '追责依据→accountabilityBasis',
      '备注→remarks',
    ]);
    // the sheet has no 责任主体 / 实施机构: the body itself, for the clerk to correct
    expect(r.mapping.defaults).toEqual({ responsibleSubject: body.name, implementingAgency: body.name });
    // merged 权力分类: the samples read it on every row
    expect(r.columns.find((c) => c.header === '权力分类')!.samples).toEqual(['行政许可', '行政许可', '行政许可']);
    mapping = r.mapping;
  });

  it('previews every row as it will be imported — merged cells filled down, spaces trimmed, title and notes skipped — and saves nothing', async () => {
    const res = await post(clerk, 'draft/import/preview', file, { mapping: JSON.stringify(mapping) });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as PreviewResult;
    expect(p.problems).toEqual([]);
    expect(p.result).toMatchObject({ dryRun: true, rows: FOREIGN_POWER_COUNT, inserted: FOREIGN_POWER_COUNT });
    expect(p.rows.map((r) => [r.row, r.kind, r.name, r.category])).toEqual([
      [4, '主项', '食品经营许可', '行政许可'],
      [5, '主项', '特种设备使用登记', '行政许可'],
      [6, '主项', '计量标准器具核准', '行政许可'],
      [7, '主项', '对违反食品安全法规定的食品生产经营行为的处罚', '行政处罚'],
      [7, '子项', '对未取得食品生产经营许可从事食品生产经营活动的处罚', '行政处罚'],
      [8, '子项', '对生产经营不符合食品安全标准的食品等行为的处罚', '行政处罚'],
      [9, '主项', '对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚', '行政处罚'],
      [10, '主项', '对使用未取得许可生产、未经检验或者检验不合格的特种设备的处罚', '行政处罚'],
      [11, '主项', '对食品生产经营者的监督检查', '行政检查'],
      [12, '主项', '对查证属实的食品安全违法行为举报人的奖励', '行政奖励'],
    ]);
    // the 主项 written through its 子项 cites what they cite
    expect(p.rows[3].legalBases.split('\n')).toEqual([p.rows[4].legalBases, p.rows[5].legalBases]);
    expect(p.rows[0]).toMatchObject({ responsibilities: 6, accountabilityCases: 4 });
    expect(await countDraftPowers(t.db, body.id)).toBe(0);
  });

  it('imports all of it into the draft: citations matched to the legal-document register, items one by one', async () => {
    const res = await post(clerk, 'draft/import', file, { mapping: JSON.stringify(mapping) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: FOREIGN_POWER_COUNT, inserted: FOREIGN_POWER_COUNT, draftCreated: true });
    const powers = await t.db
      .selectFrom('draft_power as p')
      .innerJoin('list_draft as d', 'd.id', 'p.draft_id')
      .selectAll('p')
      .where('d.body_id', '=', body.id)
      .orderBy('p.ord')
      .execute();
    expect(powers).toHaveLength(FOREIGN_POWER_COUNT);
    const main = powers.find((x) => x.name === '对违反食品安全法规定的食品生产经营行为的处罚')!;
    const sub = powers.find((x) => x.name === '对未取得食品生产经营许可从事食品生产经营活动的处罚')!;
    expect(sub.parent_code).toBe(main.code);
    const cite = readJsonbArray<{ documentName: string; article: string; text: string; documentId: number }>(
      sub.legal_bases,
    );
    expect(cite).toMatchObject([{ documentName: '《中华人民共和国食品安全法》', article: '第一百二十二条' }]);
    expect(cite[0].text).toMatch(/^违反本法规定，未取得食品生产经营许可从事食品生产经营活动/);
    expect(cite[0].documentId).toBeGreaterThan(0);
    const licence = powers.find((x) => x.name === '食品经营许可')!;
    expect(licence).toMatchObject({ category: 'XK', responsible_subject: body.name, implementing_agency: body.name });
    expect(
      readJsonbArray<{ order: number; name: string }>(licence.responsibilities).map((r) => `${r.order}.${r.name}`),
    ).toEqual(['1.受理责任', '2.审查责任', '3.决定责任', '4.送达责任', '5.事后监管责任', '6.其他责任']);
    expect(readJsonbArray<string>(licence.accountability_cases)[0]).toBe(
      '对符合法定条件的申请事项不予受理或者对不符合法定条件的申请事项予以受理的',
    );
    expect(licence.accountability_basis).toMatch(/^责任事项依据：.*\n追责依据：《中华人民共和国行政许可法》第七十二条/);
    expect(powers.find((x) => x.name === '计量标准器具核准')!.remarks).toBe('市、旗县区两级实施');
    expect(powers.some((x) => x.name.includes('注') || x.name.includes('包头市市场监督管理局权责清单'))).toBe(false);
  });

  it('refuses a sheet with a row that cannot be read, whole: the row named in its own column, nothing saved', async () => {
    const before = await countDraftPowers(t.db, body.id);
    const bad = await buildForeignWorkbook({
      badBasis: { name: '计量标准器具核准', text: '依据国家计量方面的有关规定' },
    });
    const res = await post(clerk, 'draft/import', bad, { mapping: JSON.stringify(mapping) });
    expect(res.statusCode, res.body).toBe(422);
    const e = res.json().error;
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.details).toEqual([
      expect.objectContaining({
        row: 6,
        column: '实施依据（法定依据）',
        message: expect.stringContaining('格式不正确'),
      }),
    ]);
    expect(e.reportUrl).toMatch(/^\/api\/exchange\/import-reports\//);
    expect(await countDraftPowers(t.db, body.id)).toBe(before);
    // the preview shows the same problem on that row
    const p = (
      await post(clerk, 'draft/import/preview', bad, { mapping: JSON.stringify(mapping) })
    ).json() as PreviewResult;
    expect(p.result).toBeNull();
    expect(p.rows.find((r) => r.row === 6)!.problems[0]).toMatch(/^实施依据（法定依据）：/);
    expect(p.rows.filter((r) => r.problems.length)).toHaveLength(1);
  });

  it('a mapping the clerk corrected is saved for the body and offered for the next file of the same layout', async () => {
    const corrected: ForeignMapping = {
      ...mapping,
      columns: mapping.columns.map((c) => (c.header === '备注' ? { ...c, target: 'ignore' } : c)),
    };
    const saved = await clerk.post(`/api/exchange/bodies/${body.id}/import-mappings`, {
      name: '市场监管局自有格式',
      mapping: corrected,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = (await post(clerk, 'draft/import/inspect', file)).json() as InspectResult;
    expect(again.saved).toEqual({ id: saved.json().id, name: '市场监管局自有格式' });
    expect(again.mapping.columns.find((c) => c.header === '备注')!.target).toBe('ignore');
    expect((await clerk.get(`/api/exchange/bodies/${body.id}/import-mappings`)).json()).toHaveLength(1);
    const audited = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'exchange.mappingSaved')
      .where('body_id', '=', body.id)
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('a mapping is checked at the edge, and another body’s staff see none of this (404)', async () => {
    const res = await post(clerk, 'draft/import/preview', file, {
      mapping: JSON.stringify({ ...mapping, columns: mapping.columns.filter((c) => c.target !== 'legalBases') }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('法定依据');
    const other = await t.login('clerk.swj');
    expect((await post(other, 'draft/import/inspect', file)).statusCode).toBe(404);
    expect((await other.get(`/api/exchange/bodies/${body.id}/import-mappings`)).statusCode).toBe(404);
    const list = (await clerk.get(`/api/exchange/bodies/${body.id}/import-mappings`)).json();
    expect((await other.del(`/api/exchange/bodies/${body.id}/import-mappings/${list[0].id}`)).statusCode).toBe(404);
    expect((await clerk.del(`/api/exchange/bodies/${body.id}/import-mappings/${list[0].id}`)).statusCode).toBe(204);
  });

  it('a sheet declaring more merged ranges than the bound is refused as a whole (413), nothing read into the draft', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const book = new XlsxBook(out, { sheets: ['权责清单'] });
    const ws = await book.sheet('权责清单', { cols: [] });
    await ws.row(['序号', '权力分类', '项目名称', '实施依据']);
    for (let i = 0; i <= MAX_MERGES; i++) ws.merge(`A${i + 2}:B${i + 2}`);
    await book.finish();
    const res = await post(clerk, 'draft/import/inspect', Buffer.concat(chunks));
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.message).toContain('合并单元格');
  });
});
