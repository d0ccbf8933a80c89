// Streamed exports: published lists (open), a level's lists, a body's draft (its own staff);
// export → import is lossless field by field; formula injection neutralised.
import { parse as parseDisposition } from 'content-disposition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import type { Power } from '../../core/register/index.js';
import { issueCodes, publishVersion } from '../register/publish.js';
import { COLUMNS } from './columns.js';
import { bodyWithClerk, ensureDocuments, multipart, readSheets, zipEntry } from './test-fixtures.js';

let t: TestApp;
let clerk: Client;
let body: Awaited<ReturnType<typeof bodyWithClerk>>;
let list: Buffer;

const FIELDS = [
  'code',
  'parent_code',
  'name',
  'category',
  'responsible_subject',
  'implementing_agency',
  'legal_bases',
  'responsibilities',
  'accountability_cases',
  'accountability_basis',
  'remarks',
  'status',
  'ord',
] as const;

function powers(prefix: string, docs: Map<string, number>): Power[] {
  const subject = '包头市导出测试局';
  const food = {
    documentId: docs.get('食品安全法')!,
    documentName: '《中华人民共和国食品安全法》',
    level: '法律' as const,
  };
  const main = `${prefix}-XK-00001-000`;
  const common = {
    responsibleSubject: subject,
    implementingAgency: `${subject}行政审批科`,
    accountabilityBasis: '',
    remarks: '',
    status: 'active' as const,
  };
  return [
    {
      ...common,
      parentId: null,
      code: main,
      name: '食品经营许可',
      category: 'XK',
      legalBases: [
        {
          ...food,
          article: '第三十五条',
          text: '国家对食品生产经营实行许可制度。\n从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
        },
        { ...food, article: '第三十六条第一款', text: '路径 C:\\new\\table 与 \\n 字面', inferred: true },
      ],
      responsibilities: [
        { order: 1, name: '受理责任', content: '公示应当提交的材料；\n一次性告知补正材料。' },
        { order: 2, name: '审查责任', content: '对书面材料进行审查：提出初步意见。' },
        { order: 3, name: '决定责任', content: '' },
      ],
      accountabilityCases: ['=HYPERLINK("http://evil.example","点击")', '-1+2', '对符合法定条件的申请事项不予受理的'],
      accountabilityBasis: '《中华人民共和国行政许可法》第七十二条：……\n《中华人民共和国行政许可法》第七十三条：……',
      remarks: '@SUM(A1:A2)',
    },
    {
      ...common,
      parentId: main,
      code: `${prefix}-XK-00001-001`,
      name: '+食品经营许可（新办）',
      category: 'XK',
      legalBases: [{ ...food, article: '第三十五条', text: '' }],
      responsibilities: [],
      accountabilityCases: [],
      remarks: "'已有单引号",
    },
    {
      ...common,
      parentId: main,
      code: `${prefix}-XK-00001-002`,
      name: '食品经营许可（注销）',
      category: 'XK',
      status: 'cancelled',
      legalBases: [{ ...food, article: '第三十五条', text: '从事食品生产' }],
      responsibilities: [],
      accountabilityCases: [],
    },
    {
      ...common,
      parentId: null,
      code: `${prefix}-CF-00001-000`,
      name: '对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚',
      category: 'CF',
      legalBases: [
        {
          documentId: docs.get('产品质量法')!,
          documentName: '《中华人民共和国产品质量法》',
          level: '法律',
          article: '第四十九条',
          text: '责令停止生产、销售……',
        },
        {
          documentId: docs.get('包头市城市供热管理临时性许可规定')!,
          documentName: '《包头市城市供热管理临时性许可规定》',
          level: '临时性行政许可',
          article: '第五条',
          text: '……',
          effectiveDate: '2026-03-01',
          expiryDate: '2027-03-01',
        },
      ],
      responsibilities: [
        { order: 1, name: '立案责任', content: '发现涉嫌违法行为予以审查。' },
        { order: 2, name: '调查取证责任', content: '全面、客观、公正地调查。' },
      ],
      accountabilityCases: ['没有法律或者事实依据实施行政处罚的'],
      accountabilityBasis: '-《中华人民共和国行政处罚法》第七十六条',
    },
  ];
}

const rowsOf = async (table: 'power' | 'draft_power', where: { bodyId?: number; draftId?: number }) => {
  let q = t.db.selectFrom(table as 'power').select([...FIELDS]);
  if (where.bodyId) q = q.where('body_id', '=', where.bodyId).where('valid_to', 'is', null);
  if (where.draftId)
    q = t.db
      .selectFrom('draft_power')
      .select([...FIELDS])
      .where('draft_id', '=', where.draftId) as unknown as typeof q;
  return q.orderBy('ord').execute();
};

beforeAll(async () => {
  t = await setupTestApp();
  const docs = await ensureDocuments(t.db);
  body = await bodyWithClerk(t.db, '包头市导出测试局', 'clerk.scjg', ['clerk', 'leadUnit']);
  const ps = powers(body.prefix, docs);
  await t.db.transaction().execute(async (trx) => {
    await issueCodes(
      trx,
      body.id,
      ps.map((p) => p.code),
    );
    await publishVersion(trx, {
      bodyId: body.id,
      powers: ps,
      source: { type: 'compilation', id: 0 },
      rulebookId: 'baotou-2023',
      actor: null,
      at: t.clock.now,
    });
  });
  clerk = await t.login('clerk.scjg');
  const res = await t.anon.get(`/api/exchange/bodies/${body.id}/list.xlsx`);
  expect(res.statusCode, res.body).toBe(200);
  list = res.rawPayload;
});
afterAll(() => t.close());

const importFile = (file: Buffer) => {
  const m = multipart(file, '导出.xlsx');
  return clerk.request('POST', `/api/exchange/bodies/${body.id}/draft/import`, m.payload, m.headers);
};

describe('export of a published list', () => {
  it('is open to anyone, named in Chinese (RFC 5987), cached by the version digest', async () => {
    const res = await t.anon.get(`/api/exchange/bodies/${body.id}/list.xlsx`);
    const cd = String(res.headers['content-disposition']);
    // an ASCII fallback for old clients, the Chinese name (RFC 5987) for the rest
    expect(cd).toMatch(new RegExp(`^attachment; filename="?list-${body.id}-v1\\.xlsx"?; filename\\*=UTF-8''`));
    expect(parseDisposition(cd).parameters.filename).toBe('包头市导出测试局权责清单（第1版）.xlsx');
    expect(cd).not.toMatch(/filename\*=UTF-8''[^;]*[()（）]/);
    expect(res.headers['x-ratelimit-limit']).toBe('60');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^W\/"list-[0-9a-f]{64}"$/);
    expect(
      (await t.anon.request('GET', `/api/exchange/bodies/${body.id}/list.xlsx`, undefined, { 'if-none-match': etag }))
        .statusCode,
    ).toBe(304);
    expect((await t.anon.get(`/api/exchange/bodies/${body.id}/list.xlsx?version=1`)).statusCode).toBe(200);
    expect((await t.anon.get(`/api/exchange/bodies/${body.id}/list.xlsx?version=2`)).statusCode).toBe(404);
  });

  it("has the template's columns and neutralises cells that begin with = + - @", async () => {
    const rows = (await readSheets(list)).get('职权信息表')!;
    expect(rows[0]).toEqual(COLUMNS.map((c) => c.header));
    const data = rows.slice(2);
    expect(data).toHaveLength(4);
    for (const r of data) for (const cell of r) expect(String(cell ?? '')).not.toMatch(/^[=+\-@]/);
    const col = (h: string) => COLUMNS.findIndex((c) => c.header === h);
    expect(data[0][col('追责情形')]).toBe(
      '\'=HYPERLINK("http://evil.example","点击")\n-1+2\n对符合法定条件的申请事项不予受理的',
    );
    expect(data[0][col('备注')]).toBe("'@SUM(A1:A2)");
    expect(data[1][col('行政职权名称')]).toBe("'+食品经营许可（新办）");
    expect(data[1][col('备注')]).toBe("''已有单引号");
    expect(data[3][col('追责依据')]).toBe("'-《中华人民共和国行政处罚法》第七十六条");
    expect(data[1][col('主项/子项')]).toBe(`${body.prefix}-XK-00001-000`);
    expect(data[0][col('法定依据')]).toBe(
      '《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。\\n从事食品生产、食品销售、餐饮服务，应当依法取得许可。\n' +
        '《中华人民共和国食品安全法》第三十六条第一款：路径 C:\\\\new\\\\table 与 \\\\n 字面',
    );
    expect(data[0][col('依据层级')]).toBe('法律\n法律；未核实');
    expect(data[3][col('依据层级')]).toBe('法律\n临时性行政许可；施行日期2026-03-01；有效期至2027-03-01');
    expect(data[2][col('状态')]).toBe('已取消');
  });

  it('is a workbook Excel and WPS open as the template: Chinese sheet names, inline strings, widths, frozen header, drop-downs', async () => {
    const book = zipEntry(list, 'xl/workbook.xml')!;
    expect([...book.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['职权信息表', '导出说明']);
    expect(zipEntry(list, '[Content_Types].xml')).toContain('/xl/worksheets/sheet2.xml');
    const xml = zipEntry(list, 'xl/worksheets/sheet1.xml')!;
    // text as inline strings (no shared-string table to hold in memory), the header styled and tall
    expect(xml).toMatch(/<row r="1" ht="30" customHeight="1"><c r="A1" s="4" t="inlineStr"><is><t>行政职权名称<\/t>/);
    expect(xml).toMatch(/<pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"\/>/);
    expect(xml).toContain('<col min="6" max="6" width="60" customWidth="1" style="1"/>');
    const dv = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(dv).toEqual(['D3:D200002', 'M3:M200002']);
    expect(zipEntry(list, 'xl/styles.xml')).toContain('<cellXfs count="14">');
  });

  it('imports back into a draft field by field, unchanged', async () => {
    // the body's list is published: open a draft for it directly, as an adjustment would
    const user = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'clerk.scjg')
      .executeTakeFirstOrThrow();
    const draft = await t.db
      .insertInto('list_draft')
      .values({
        body_id: body.id,
        status: 'drafting',
        rulebook_id: 'baotou-2023',
        created_by: user.id,
        created_at: t.clock.now,
        updated_at: t.clock.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await importFile(list);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 4, inserted: 4, issuedCodes: 0, draftCreated: false });
    const published = await rowsOf('power', { bodyId: body.id });
    const drafted = await rowsOf('draft_power', { draftId: draft.id });
    expect(drafted).toHaveLength(published.length);
    published.forEach((p, i) => {
      for (const f of FIELDS)
        expect({ code: p.code, field: f, value: drafted[i][f] }).toEqual({ code: p.code, field: f, value: p[f] });
    });
  });

  it('a draft exports to its own staff only, and imports back unchanged', async () => {
    const draftId = (
      await t.db.selectFrom('list_draft').select('id').where('body_id', '=', body.id).executeTakeFirstOrThrow()
    ).id;
    const before = await rowsOf('draft_power', { draftId });
    const res = await clerk.get(`/api/exchange/bodies/${body.id}/draft.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1])).toBe(
      '包头市导出测试局权责清单草稿.xlsx',
    );
    const again = await importFile(res.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(await rowsOf('draft_power', { draftId })).toEqual(before);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'object_id'])
      .where('action', '=', 'exchange.draftExported')
      .execute();
    expect(audit).toEqual([{ action: 'exchange.draftExported', object_id: String(draftId) }]);

    const zjj = await t.login('clerk.zjj');
    expect((await zjj.get(`/api/exchange/bodies/${body.id}/draft.xlsx`)).statusCode).toBe(404);
    expect((await t.anon.get(`/api/exchange/bodies/${body.id}/draft.xlsx`)).statusCode).toBe(401);
  });
});

describe('export of a level', () => {
  it('lists every body of the region with its published list, with a 所属部门 column', async () => {
    const res = await t.anon.get('/api/exchange/regions/150200/lists.xlsx');
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1])).toBe(
      '包头市各部门权责清单.xlsx',
    );
    const rows = (await readSheets(res.rawPayload)).get('职权信息表')!;
    expect(rows[0]).toEqual([...COLUMNS.map((c) => c.header), '所属部门']);
    const ours = rows.slice(2).filter((r) => r[COLUMNS.length] === body.name);
    expect(ours.map((r) => r[2])).toEqual([
      `${body.prefix}-XK-00001-000`,
      `${body.prefix}-XK-00001-001`,
      `${body.prefix}-XK-00001-002`,
      `${body.prefix}-CF-00001-000`,
    ]);
  });

  it('404 for a region or body with nothing published', async () => {
    expect((await t.anon.get('/api/exchange/regions/159999/lists.xlsx')).statusCode).toBe(404);
    const empty = await bodyWithClerk(t.db, '包头市未公布测试局');
    expect((await t.anon.get(`/api/exchange/bodies/${empty.id}/list.xlsx`)).statusCode).toBe(404);
  });
});
