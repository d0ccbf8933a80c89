// The streaming reader takes a workbook's parts in any order (writers do not agree on it;
// files from exceljs's own whole-file writer were seen with worksheets first, now and then).
// Before the fix, a worksheet stored after the shared strings and the relationships but
// before xl/workbook.xml made exceljs's streaming reader throw “Cannot read properties of
// undefined (reading 'sheets')”.
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildXlsx, newPowerRow } from './test-fixtures.js';
import { readPowerRows } from './xlsx-read.js';

/** The same workbook with its entries stored in the order `rank` gives (stable otherwise). */
async function reordered(buf: Buffer, rank: (name: string) => number): Promise<Buffer> {
  const src = await JSZip.loadAsync(buf);
  const names = Object.keys(src.files).filter((n) => !src.files[n]!.dir);
  const order = names.map((n, i) => ({ n, i })).sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i).map((x) => x.n);
  const out = new JSZip();
  for (const n of order) out.file(n, await src.files[n]!.async('nodebuffer'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function names(buf: Buffer): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(buf)).files);
}

async function rowsOf(buf: Buffer) {
  const out: string[] = [];
  for await (const r of readPowerRows(Readable.from(buf))) out.push(r.cells.name);
  return out;
}

const rows = [newPowerRow('包头市测试局', 1), newPowerRow('包头市测试局', 2), newPowerRow('包头市测试局', 3)];
const sheetFirst = (n: string) => (n.startsWith('xl/worksheets/') ? 1 : n === 'xl/workbook.xml' ? 2 : 0);

describe('readPowerRows, whatever the order of the parts', () => {
  it.each([
    ['worksheets after shared strings and relationships, workbook.xml last', sheetFirst],
    ['worksheets first of all, then the rest', (n: string) => (n.startsWith('xl/worksheets/') ? 0 : 1)],
    ['workbook.xml first (as Excel writes)', (n: string) => (n === 'xl/workbook.xml' ? 0 : 1)],
  ])('%s', async (_label, rank) => {
    const built = await buildXlsx(rows, { before: ['填写说明'], sharedStrings: true });
    const buf = await reordered(built, rank);
    const order = await names(buf);
    if (rank === sheetFirst) expect(order.indexOf('xl/sharedStrings.xml')).toBeLessThan(order.indexOf('xl/worksheets/sheet2.xml'));
    expect(await rowsOf(buf)).toEqual(rows.map((r) => r[0]));
  });
});
