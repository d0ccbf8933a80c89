// The import template: columns, note row, frozen header, drop-downs, and a real example.
import { parse as parseDisposition } from 'content-disposition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { COLUMNS, NOTE_PREFIX } from './columns.js';
import {
  bodyWithClerk,
  buildXlsx,
  ensureDocuments,
  multipart,
  readSheets,
  zipEntry,
  type Cell,
} from './test-fixtures.js';

let t: TestApp;
let clerk: Client;
let file: Buffer;

beforeAll(async () => {
  t = await setupTestApp();
  clerk = await t.login('clerk.scjg');
  const res = await clerk.get('/api/exchange/template.xlsx');
  expect(res.statusCode).toBe(200);
  file = res.rawPayload;
});
afterAll(() => t.close());

describe('the import template', () => {
  it('downloads as .xlsx with a Chinese file name (RFC 5987)', async () => {
    const res = await clerk.get('/api/exchange/template.xlsx');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const cd = String(res.headers['content-disposition']);
    expect(cd).toMatch(/^attachment; filename="?template\.xlsx"?; filename\*=UTF-8''/);
    expect(parseDisposition(cd).parameters.filename).toBe('权责清单导入模板.xlsx');
    expect((await t.anon.get('/api/exchange/template.xlsx')).statusCode).toBe(401);
  });

  it('has the 职权信息表 columns, a note row explaining each, and no data', async () => {
    const sheets = await readSheets(file);
    expect([...sheets.keys()]).toEqual(['职权信息表', '填写示例', '填写说明']);
    const rows = sheets.get('职权信息表')!;
    expect(rows[0]).toEqual([
      '行政职权名称',
      '主项/子项',
      '权力编码',
      '权力类别',
      '责任主体',
      '法定依据',
      '依据层级',
      '实施机构',
      '责任事项',
      '追责情形',
      '追责依据',
      '备注',
      '状态',
    ]);
    expect(rows[1]).toHaveLength(COLUMNS.length);
    for (const note of rows[1]) expect(String(note)).toMatch(new RegExp(`^${NOTE_PREFIX}.{6,}`));
    expect(String(rows[1][5])).toContain('《文件名称》条款：条文');
    expect(rows.length).toBe(2);
  });

  it("freezes the header, sets widths, and offers the rulebook's categories and the statuses as drop-downs", async () => {
    const xml = zipEntry(file, 'xl/worksheets/sheet1.xml')!;
    expect(xml).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/);
    expect(xml).toMatch(/<col min="6" max="6" width="60"/);
    const dv = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>.*?<formula1>([^<]*)<\/formula1>/g)].map(
      (m) => [m[1], m[2].replace(/&quot;/g, '"')],
    );
    expect(dv).toEqual([
      ['D3:D200002', '"行政许可,行政处罚,行政强制,行政征收,行政给付,行政检查,行政确认,行政奖励,行政裁决,其他"'],
      ['M3:M200002', '"在用,已取消,已下放,已委托,已合并"'],
    ]);
    const res2025 = await clerk.get('/api/exchange/template.xlsx?rulebook=baotou-2025');
    expect(zipEntry(res2025.rawPayload, 'xl/worksheets/sheet1.xml')).toContain('行政备案');
  });

  it('explains the notation and carries a real worked example that imports as it stands', async () => {
    const sheets = await readSheets(file);
    const guide = new Map(sheets.get('填写说明')!.map((r) => [String(r[0]), String(r[1])]));
    expect(guide.get('法定依据')).toContain('《中华人民共和国食品安全法》第三十五条');
    expect(guide.get('公式')).toContain('加一个英文单引号');
    // what the importer does with a citation (row-codec.ts): the register decides, a document outside it is refused
    expect(guide.get('依据层级')).toContain('须已在法律文件库中');
    expect(guide.get('依据层级')).not.toContain('必须填写');
    expect(guide.get('限制')).toContain('日期格式的单元格会被拒绝');
    const example = sheets.get('填写示例')!.slice(2);
    expect(example.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['食品经营许可', '主项', '行政许可', '包头市市场监督管理局'],
      ['食品经营许可（新办）', '子项', '行政许可', '包头市市场监督管理局'],
    ]);
    expect(String(example[0][5])).toBe(
      '《中华人民共和国食品安全法》第三十五条：从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
    );
    expect(String(example[0][8])).toMatch(/^1\.受理责任：.*\n2\.审查责任：/s);

    await ensureDocuments(t.db);
    const body = await bodyWithClerk(t.db, '包头市市场监督管理局（模板示例）');
    const m = multipart(await buildXlsx(example.map((r) => r.map((c) => (c ?? '') as Cell))), '示例.xlsx');
    const res = await clerk.request('POST', `/api/exchange/bodies/${body.id}/draft/import`, m.payload, m.headers);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db
      .selectFrom('draft_power as p')
      .innerJoin('list_draft as d', 'd.id', 'p.draft_id')
      .select(['p.code', 'p.parent_code', 'p.name'])
      .where('d.body_id', '=', body.id)
      .orderBy('p.ord')
      .execute();
    expect(rows).toEqual([
      { code: `${body.prefix}-XK-00001-000`, parent_code: null, name: '食品经营许可' },
      { code: `${body.prefix}-XK-00001-001`, parent_code: `${body.prefix}-XK-00001-000`, name: '食品经营许可（新办）' },
    ]);
  });
});
