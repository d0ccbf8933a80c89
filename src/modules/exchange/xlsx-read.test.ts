// An upload is read whatever the order of its parts: the reader opens the file on disk by its
// central directory (zip-read.ts), so the workbook, relationships, shared strings and styles
// are read first wherever they sit (exceljs's streaming reader, used before issue 10, lost
// parts in some orders: 39 reads in 400 never saw xl/workbook.xml). Each file is read eight at
// a time, five times over.
import JSZip from 'jszip';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildXlsx, newPowerRow } from './test-fixtures.js';
import { checkWorkbookFile } from './upload.js';
import { readPowerRows } from './xlsx-read.js';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'qz-xlsx-read-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The same workbook with its entries stored in the order `rank` gives (stable otherwise). */
async function reordered(buf: Buffer, rank: (name: string) => number): Promise<Buffer> {
  const src = await JSZip.loadAsync(buf);
  const names = Object.keys(src.files).filter((n) => !src.files[n]!.dir);
  const order = names
    .map((n, i) => ({ n, i }))
    .sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i)
    .map((x) => x.n);
  const out = new JSZip();
  for (const n of order) out.file(n, await src.files[n]!.async('nodebuffer'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Read an upload as the import route does: checked, then read from the file. */
async function readUpload(path: string, size: number): Promise<string[]> {
  await checkWorkbookFile(path, size);
  const out: string[] = [];
  for await (const r of readPowerRows(path)) out.push(r.cells.name);
  return out;
}

const rows = [newPowerRow('包头市测试局', 1), newPowerRow('包头市测试局', 2), newPowerRow('包头市测试局', 3)];
const names = rows.map((r) => r[0]);

describe('an upload is read whatever the order of its parts', () => {
  it.each([
    [
      'worksheets after shared strings and relationships, workbook.xml last',
      true,
      (n: string) => (n.startsWith('xl/worksheets/') ? 1 : n === 'xl/workbook.xml' ? 2 : 0),
    ],
    ['worksheets first of all, then the rest', true, (n: string) => (n.startsWith('xl/worksheets/') ? 0 : 1)],
    ['workbook.xml first (as Excel writes)', true, (n: string) => (n === 'xl/workbook.xml' ? 0 : 1)],
    [
      'no shared-string part, the list on the second sheet, workbook.xml last',
      false,
      (n: string) => (n === 'xl/workbook.xml' ? 1 : 0),
    ],
  ])('%s', async (label, sharedStrings, rank) => {
    const buf = await reordered(await buildXlsx(rows, { before: ['填写说明'], sharedStrings }), rank);
    const path = join(dir, `${label.length}-${sharedStrings}.xlsx`);
    await writeFile(path, buf);
    for (let round = 0; round < 5; round++) {
      const reads = await Promise.all(Array.from({ length: 8 }, () => readUpload(path, buf.length)));
      for (const got of reads) expect(got).toEqual(names);
    }
  });
});
