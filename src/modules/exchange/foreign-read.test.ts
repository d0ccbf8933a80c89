// Issue 14.2: another layout bodies use, read as the parse worker reads it (no database): no
// 权力分类 column but section rows (“一、行政许可（共2项）”) merged across the width, column names
// broken over two lines, a row of column numbers, a power whose 项目名称 is merged over two rows
// (the second row carries a second citation), and notes at the bottom.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { XlsxBook } from '../../platform/xlsx-writer.js';
import { inspectSheet, readMappedRows } from './foreign-read.js';
import { buildXlsx } from './test-fixtures.js';

const BODY = '包头市市场监督管理局';
let dir: string;
let path: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qz-foreign-read-'));
  path = join(dir, 'list.xlsx');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new XlsxBook(out, { sheets: ['Sheet1'] });
  const ws = await book.sheet('Sheet1', { cols: [] });
  await ws.row(['包头市市场监督管理局行政权力清单']);
  ws.merge('A1:D1');
  await ws.row(['序号', '职权\n名称', '设定\n依据', '备注']);
  await ws.row(['1', '2', '3', '4']);
  await ws.row(['一、行政许可（共2项）']);
  ws.merge('A4:D4');
  await ws.row([
    1,
    '食品经营许可',
    '《中华人民共和国食品安全法》第三十五条：从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
    '',
  ]);
  // 项目名称 merged over rows 6–7: row 7 carries the power's second citation
  await ws.row([
    2,
    '特种设备使用登记',
    '1.《中华人民共和国特种设备安全法》第三十三条 特种设备使用单位应当……办理使用登记',
    '',
  ]);
  await ws.row([
    '',
    '',
    '2.《中华人民共和国特种设备安全法》第五十七条 负责特种设备安全监督管理的部门……实施监督检查。',
    '',
  ]);
  ws.merge('B6:B7');
  ws.merge('A6:A7');
  await ws.row(['二、行政检查']);
  ws.merge('A8:D8');
  await ws.row([3, '对食品生产经营者的监督检查', '《中华人民共和国食品安全法》第一百一十条', '']);
  await ws.row(['注：本清单所列依据以现行有效版本为准。']);
  ws.merge('A10:D10');
  await book.finish();
  await writeFile(path, Buffer.concat(chunks));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('proposes the mapping from column names broken over two lines, under a title', async () => {
  const r = await inspectSheet(path, undefined, { responsibleSubject: BODY, implementingAgency: BODY });
  expect(r).toMatchObject({ sheet: 'Sheet1', headerRow: 2, titleRows: ['包头市市场监督管理局行政权力清单'] });
  expect(r.mapping.columns.map((c) => `${c.header}→${c.target}`)).toEqual([
    '序号→serial',
    '职权名称→name',
    '设定依据→legalBases',
    '备注→remarks',
  ]);
});

it('reads the powers: section rows give the category, a merged name gathers its rows, numbers and notes skipped', async () => {
  const { mapping } = await inspectSheet(path, undefined, { responsibleSubject: BODY, implementingAgency: BODY });
  const rows = [];
  for await (const r of readMappedRows(path, mapping)) rows.push(r);
  expect(rows.map((r) => [r.row, r.cells.name, r.cells.category, r.cells.kind])).toEqual([
    [5, '食品经营许可', '行政许可', '主项'],
    [6, '特种设备使用登记', '行政许可', '主项'],
    [9, '对食品生产经营者的监督检查', '行政检查', '主项'],
  ]);
  expect(rows[1].cells.legalBases.split('\n')).toEqual([
    '《中华人民共和国特种设备安全法》第三十三条：特种设备使用单位应当……办理使用登记',
    '《中华人民共和国特种设备安全法》第五十七条：负责特种设备安全监督管理的部门……实施监督检查。',
  ]);
  expect(rows[2].cells.legalBases).toBe('《中华人民共和国食品安全法》第一百一十条：');
  expect(rows[0].cells).toMatchObject({ responsibleSubject: BODY, implementingAgency: BODY });
});

it('a cell that cannot be read as text (a formula) is a problem of its row, named by the sheet’s own column', async () => {
  const file = join(dir, 'formula.xlsx');
  const headers = ['序号', '权力分类', '项目名称', '实施依据'];
  const basis = '《中华人民共和国计量法》第六条：县级以上地方人民政府计量行政部门……';
  await writeFile(
    file,
    await buildXlsx(
      [
        [1, '行政许可', '计量标准器具核准', basis],
        [2, '行政许可', { formula: 'CONCATENATE("特种设备","使用登记")' }, basis],
      ],
      { sheetName: '清单', headers, noteRow: false, sharedStrings: true },
    ),
  );
  const { mapping } = await inspectSheet(file, undefined, {});
  const rows = [];
  for await (const r of readMappedRows(file, mapping)) rows.push(r);
  expect(rows.map((r) => r.problems)).toEqual([
    [],
    [{ row: 3, column: '项目名称', message: expect.stringContaining('公式') }],
  ]);
});
