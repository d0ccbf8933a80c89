// Importing a 职权信息表 workbook into a draft: all or nothing, every problem reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import {
  buildXlsx,
  bodyWithClerk,
  countDraftPowers,
  ensureDocuments,
  multipart,
  newPowerRow,
  readSheets,
  storedZip,
  type Cell,
} from './test-fixtures.js';

let t: TestApp;
let clerk: Client;
let body: Awaited<ReturnType<typeof bodyWithClerk>>;

beforeAll(async () => {
  t = await setupTestApp();
  await ensureDocuments(t.db);
  body = await bodyWithClerk(t.db, '包头市市场监督管理局（导入测试）');
  clerk = await t.login('clerk.scjg');
});
afterAll(() => t.close());

const upload = (c: Client, bodyId: number, file: Buffer, name = '职权信息表.xlsx', query = '', type?: string) => {
  const m = multipart(file, name, type);
  return c.request('POST', `/api/exchange/bodies/${bodyId}/draft/import${query}`, m.payload, m.headers);
};

const audits = async () =>
  (await t.db.selectFrom('audit_event').select('seq').where('action', '=', 'exchange.draftImported').execute()).length;
const issued = async () =>
  (await t.db.selectFrom('power_code').select('code').where('body_id', '=', body.id).execute()).length;

describe('a 10,000-row file', () => {
  it('whose last row is bad imports nothing and reports that row', async () => {
    const rows = function* (): Generator<Cell[]> {
      for (let i = 1; i < 10_000; i++) yield newPowerRow(body.name, i);
      yield newPowerRow(body.name, 10_000, { category: '行政审批' });
    };
    const file = await buildXlsx(rows());
    const res = await upload(clerk, body.id, file);
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.details).toEqual([
      { row: 10_002, column: '权力类别', message: expect.stringContaining('权力类别“行政审批”不在') },
    ]);
    expect(err.reportUrl).toMatch(/^\/api\/exchange\/import-reports\/[0-9a-f-]{36}$/);
    // nothing: no draft powers, no draft, no codes issued, no audit event
    expect(await countDraftPowers(t.db, body.id)).toBe(0);
    expect(await t.db.selectFrom('list_draft').select('id').where('body_id', '=', body.id).execute()).toEqual([]);
    expect(await issued()).toBe(0);
    expect(await audits()).toBe(0);
  });

  it('all good imports every row, issues codes in order and records one audit event', async () => {
    const rows = function* (): Generator<Cell[]> {
      for (let i = 1; i <= 10_000; i++)
        yield newPowerRow(body.name, i, i % 10 === 0 ? { kind: '子项', name: `食品经营许可（第${i}批次变更）` } : {});
    };
    const res = await upload(clerk, body.id, await buildXlsx(rows()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      rows: 10_000,
      inserted: 10_000,
      issuedCodes: 10_000,
      draftCreated: true,
      mode: 'replace',
      draftPowerCount: 10_000,
    });
    expect(await countDraftPowers(t.db, body.id)).toBe(10_000);
    expect(await issued()).toBe(10_000);
    expect(await audits()).toBe(1);
    const first = await t.db
      .selectFrom('draft_power')
      .select(['code', 'parent_code', 'ord', 'legal_bases'])
      .orderBy('ord')
      .limit(10)
      .execute();
    expect(first[0]).toMatchObject({ code: `${body.prefix}-XK-00001-000`, parent_code: null, ord: 0 });
    // row 10 is a 子项 of row 9's 主项
    expect(first[9]).toMatchObject({ code: `${body.prefix}-XK-00009-001`, parent_code: `${body.prefix}-XK-00009-000` });
    expect(first[0].legal_bases).toEqual([
      expect.objectContaining({
        documentName: '《中华人民共和国食品安全法》',
        level: '法律',
        article: '第三十五条',
        documentId: expect.any(Number),
      }),
    ]);
  });
});

describe('the error report', () => {
  it('lists every problem with row, column and a Chinese message, and downloads as .xlsx', async () => {
    const other = `150200-001-XK-00001-000`;
    const rows: Cell[][] = [
      newPowerRow(body.name, 1, { name: '' }), // 3: missing required
      newPowerRow(body.name, 2, { category: '行政审批' }), // 4: unknown category
      newPowerRow(body.name, 3, { code: '150200-26-XK-1-000' }), // 5: malformed code
      newPowerRow(body.name, 4, { code: other }), // 6: another body's code
      newPowerRow(body.name, 5, { code: `${body.prefix}-XK-00001-000` }), // 7
      newPowerRow(body.name, 6, { code: `${body.prefix}-XK-00001-000` }), // 8: duplicate in file
      newPowerRow(body.name, 7, { code: `${body.prefix}-XK-99998-000` }), // 9: never issued
      newPowerRow(body.name, 8, { legalBases: '食品安全法第三十五条' }), // 10: bad notation
      newPowerRow(body.name, 9, { status: '暂停' }), // 11: unknown status
      newPowerRow(body.name, 10, { name: '许'.repeat(201) }), // 12: over-long
      newPowerRow(body.name, 11, { remarks: { formula: 'SUM(1,2)' } }), // 13: formula cell
      newPowerRow(body.name, 12, { kind: `${body.prefix}-CF-00077-000`, category: '行政处罚' }), // 14: 主项 missing
      newPowerRow(body.name, 13, { legalBases: '《某某不存在条例》第一条：文本' }), // 15: not in the register
      newPowerRow(body.name, 14, { legalLevels: '行政法规' }), // 16: level disagrees with the register
    ];
    const res = await upload(clerk, body.id, await buildXlsx(rows));
    expect(res.statusCode).toBe(422);
    const { details, reportUrl, message } = res.json().error;
    expect(message).toMatch(/^导入文件有\d+处错误，未导入任何内容/);
    const at = (row: number) =>
      details
        .filter((d: { row: number }) => d.row === row)
        .map((d: { column: string; message: string }) => `${d.column}|${d.message}`);
    expect(at(3)).toEqual([expect.stringMatching(/^行政职权名称\|“行政职权名称”为必填项/)]);
    expect(at(4)).toEqual([expect.stringMatching(/^权力类别\|权力类别“行政审批”不在.*应为：行政许可、行政处罚/)]);
    expect(at(5)).toEqual([expect.stringMatching(/^权力编码\|.*格式不正确/)]);
    expect(at(6)).toEqual([expect.stringMatching(/^权力编码\|权力编码“150200-001-XK-00001-000”不属于/)]);
    expect(at(7)).toEqual([]);
    expect(at(8)).toEqual([expect.stringMatching(/^权力编码\|.*在本文件中重复（第7行已使用）/)]);
    expect(at(9)).toEqual([expect.stringMatching(/^权力编码\|.*未由本平台发放给本部门/)]);
    expect(at(10)).toEqual([expect.stringMatching(/^法定依据\|依据格式不正确.*《文件名称》条款：条文/)]);
    expect(at(11)).toEqual([expect.stringMatching(/^状态\|状态“暂停”无效，应为在用、已取消/)]);
    expect(at(12)).toEqual([expect.stringMatching(/^行政职权名称\|“行政职权名称”不能超过200字（现有201字）/)]);
    expect(at(13)).toEqual([expect.stringMatching(/^备注\|单元格含公式/)]);
    expect(at(14)).toEqual([expect.stringMatching(/^主项\/子项\|所属主项“.*-CF-00077-000”不在本文件中/)]);
    expect(at(15)).toEqual([expect.stringMatching(/^法定依据\|《某某不存在条例》不在法律文件库中/)]);
    expect(at(16)).toEqual([
      expect.stringMatching(
        /^依据层级\|依据层级第1行“行政法规”与法律文件库中《中华人民共和国食品安全法》的层级“法律”不一致/,
      ),
    ]);

    const report = await clerk.request('GET', reportUrl);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('spreadsheetml');
    expect(report.headers['content-disposition']).toContain("filename*=UTF-8''%E6%9D%83%E8%B4%A3");
    const sheet = (await readSheets(report.rawPayload)).get('导入错误')!;
    expect(sheet[0]).toEqual(['行号', '列名', '错误说明']);
    expect(sheet.slice(1).map((r) => ({ row: r[0], column: r[1], message: r[2] }))).toEqual(details);
    // only the uploader may fetch it
    const other2 = await t.login('clerk.zjj');
    expect((await other2.request('GET', reportUrl)).statusCode).toBe(404);
  });

  it('a code issued and then cancelled is never reused', async () => {
    // the 10,000-row import issued XK-00001…; a replace import without XK-00005 drops it
    const keep = await buildXlsx([newPowerRow(body.name, 1, { code: `${body.prefix}-XK-00001-000` })]);
    expect((await upload(clerk, body.id, keep)).statusCode).toBe(200);
    const again = await buildXlsx([newPowerRow(body.name, 5, { code: `${body.prefix}-XK-00005-000` })]);
    const res = await upload(clerk, body.id, again);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toEqual({
      row: 3,
      column: '权力编码',
      message: expect.stringContaining('编码不得重复使用'),
    });
    // a new power continues after the highest number ever issued
    const fresh = await upload(
      clerk,
      body.id,
      await buildXlsx([newPowerRow(body.name, 1, { code: `${body.prefix}-XK-00001-000` }), newPowerRow(body.name, 2)]),
    );
    expect(fresh.statusCode).toBe(200);
    const codes = (
      await t.db
        .selectFrom('draft_power as p')
        .innerJoin('list_draft as d', 'd.id', 'p.draft_id')
        .select('p.code')
        .where('d.body_id', '=', body.id)
        .orderBy('p.ord')
        .execute()
    ).map((r) => r.code);
    expect(codes).toEqual([`${body.prefix}-XK-00001-000`, `${body.prefix}-XK-09001-000`]);
  });

  it('refuses a workbook without the 职权信息表 sheet or with other headers', async () => {
    let res = await upload(clerk, body.id, await buildXlsx([newPowerRow(body.name, 1)], { sheetName: 'Sheet1' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].message).toContain('未找到名为“职权信息表”的工作表（文件中的工作表：Sheet1）');
    const headers = ['行政职权名称', '权力编码', '主项/子项'];
    res = await upload(clerk, body.id, await buildXlsx([newPowerRow(body.name, 1)], { headers }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toEqual({
      row: 1,
      column: 'B列',
      message: expect.stringContaining('第1行B列应为“主项/子项”，实际为“权力编码”'),
    });
  });
});

describe('modes and layouts', () => {
  it('merge updates powers by code and adds the rest; replace makes the file the list', async () => {
    const b = await bodyWithClerk(t.db, '包头市市场监督管理局（合并导入测试）');
    const first = await upload(clerk, b.id, await buildXlsx([newPowerRow(b.name, 1), newPowerRow(b.name, 2)]));
    expect(first.statusCode, first.body).toBe(200);
    const merge = await upload(
      clerk,
      b.id,
      await buildXlsx([
        newPowerRow(b.name, 1, { code: `${b.prefix}-XK-00002-000`, name: '食品经营许可（改名）' }),
        newPowerRow(b.name, 3, { kind: `${b.prefix}-XK-00001-000`, name: '食品经营许可（延续）' }),
      ]),
      'm.xlsx',
      '?mode=merge',
    );
    expect(merge.statusCode, merge.body).toBe(200);
    expect(merge.json()).toMatchObject({
      mode: 'merge',
      rows: 2,
      inserted: 1,
      updated: 1,
      removed: 0,
      issuedCodes: 1,
      draftPowerCount: 3,
    });
    const rows = await t.db
      .selectFrom('draft_power as p')
      .innerJoin('list_draft as d', 'd.id', 'p.draft_id')
      .select(['p.code', 'p.name'])
      .where('d.body_id', '=', b.id)
      .orderBy('p.ord')
      .execute();
    expect(rows).toEqual([
      { code: `${b.prefix}-XK-00001-000`, name: '食品经营许可（第1批次核发）' },
      { code: `${b.prefix}-XK-00002-000`, name: '食品经营许可（改名）' },
      { code: `${b.prefix}-XK-00001-001`, name: '食品经营许可（延续）' },
    ]);
  });

  it('reads a workbook with a shared-string table (as Excel saves) and keeps long Chinese text intact', async () => {
    const b = await bodyWithClerk(t.db, '包头市市场监督管理局（共享字符串测试）');
    const long = '从事食品生产、食品销售、餐饮服务，应当依法取得许可。'.repeat(400);
    const rows = Array.from({ length: 300 }, (_, i) =>
      newPowerRow(b.name, i, { remarks: `${i}${long}`.slice(0, 2000) }),
    );
    const res = await upload(clerk, b.id, await buildXlsx(rows, { sharedStrings: true, before: ['封面'] }));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const remarks = await t.db
      .selectFrom('draft_power as p')
      .innerJoin('list_draft as d', 'd.id', 'p.draft_id')
      .select('p.remarks')
      .where('d.body_id', '=', b.id)
      .orderBy('p.ord')
      .execute();
    remarks.forEach((r, i) => expect(r.remarks).toBe(`${i}${long}`.slice(0, 2000)));
  });

  it('a 子项 needs a 主项 above it', async () => {
    const res = await upload(clerk, body.id, await buildXlsx([newPowerRow(body.name, 1, { kind: '子项' })]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      { row: 3, column: '主项/子项', message: expect.stringContaining('上方没有主项') },
    ]);
  });
});

describe('who and what may be uploaded', () => {
  it("another body's clerk gets 404, as does an unknown body; anonymous 401", async () => {
    const file = await buildXlsx([newPowerRow(body.name, 1)]);
    const zjj = await t.login('clerk.zjj');
    expect((await upload(zjj, body.id, file)).statusCode).toBe(404);
    expect((await upload(clerk, 999_999, file)).statusCode).toBe(404);
    expect((await upload(t.anon, body.id, file)).statusCode).toBe(401);
  });

  it.each([
    ['清单.xls', Buffer.from('d0cf11e0a1b11ae1000000', 'hex'), 415, '不支持旧版 .xls 文件'],
    ['清单.pdf', Buffer.from('%PDF-1.7'), 415, '只能导入 .xlsx 格式'],
    ['清单.xlsx', Buffer.from('%PDF-1.7 not a workbook'), 415, '扩展名与内容不符'],
    ['清单.xlsx', Buffer.from('d0cf11e0a1b11ae1000000', 'hex'), 415, '旧版 .xls 格式或已加密'],
    ['清单.xlsx', Buffer.alloc(0), 415, '文件是空的'],
  ])('refuses %s (%#) with a Chinese reason', async (name, bytes, status, message) => {
    const res = await upload(clerk, body.id, bytes, name);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toContain(message);
  });

  it('refuses a zip that is not a workbook, a wrong content type and a file over 50 MB', async () => {
    const docx = storedZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    let res = await upload(clerk, body.id, docx);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toContain('不是 Excel 工作簿');
    res = await upload(clerk, body.id, await buildXlsx([newPowerRow(body.name, 1)]), '清单.xlsx', '', 'image/png');
    expect(res.statusCode).toBe(415);
    res = await clerk.request('POST', `/api/exchange/bodies/${body.id}/draft/import`, { file: 'x' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toContain('multipart/form-data');
    res = await upload(
      clerk,
      body.id,
      Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(50 * 1024 * 1024 + 10)]),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('文件超过 50 MB 上限');
  });

  it('dry run checks and counts but writes nothing', async () => {
    const before = await countDraftPowers(t.db, body.id);
    const res = await upload(
      clerk,
      body.id,
      await buildXlsx([newPowerRow(body.name, 1), newPowerRow(body.name, 2)]),
      'a.xlsx',
      '?dryRun=true',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, rows: 2, inserted: 2, draftPowerCount: 2 });
    expect(await countDraftPowers(t.db, body.id)).toBe(before);
  });

  it('a submitted draft cannot be imported into', async () => {
    await t.db.updateTable('list_draft').set({ status: 'submitted' }).where('body_id', '=', body.id).execute();
    const res = await upload(clerk, body.id, await buildXlsx([newPowerRow(body.name, 1)]));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('已提交审核');
    await t.db.updateTable('list_draft').set({ status: 'drafting' }).where('body_id', '=', body.id).execute();
  });
});
