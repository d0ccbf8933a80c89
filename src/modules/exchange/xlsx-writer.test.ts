// Our streaming .xlsx writer: what it writes, Excel's readers (here exceljs, whole-file and
// streaming, and a zip reader that checks every CRC) read back exactly.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSheets } from './test-fixtures.js';
import { STYLE, XlsxBook, columnName } from './xlsx-writer.js';

async function write(fill: (book: XlsxBook) => Promise<void>, sheets: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  const book = new XlsxBook(out, { sheets, creator: '测试', created: new Date('2026-11-29T02:00:00Z') });
  await fill(book);
  await book.finish();
  return Buffer.concat(parts);
}

const TRICKY = [
  'a & b < c > d "e" \'f\'',
  '第一行\n第二行\r\n第三行\r',
  '  前后有空格  ',
  '控制字符\u0001\u0008被去掉',
  '表情😀与生僻字𠀀',
  '=SUM(A1:A2)',
  '_x0041_ 原样',
];

describe('the xlsx writer', () => {
  it('names columns like Excel', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes text, numbers and gaps that read back exactly, in a zip whose CRCs hold', async () => {
    const buf = await write(
      async (book) => {
        const ws = await book.sheet('第一页', {
          cols: [{ width: 20, style: STYLE.wrap }, { width: 10 }],
          frozen: { columns: 1, rows: 1 },
        });
        await ws.row(['标题', '数'], { style: STYLE.header, height: 30 });
        for (const [i, s] of TRICKY.entries()) await ws.row([s, i + 0.5]);
        await ws.row(['', null, '第三列']);
        const two = await book.sheet('第二页', { cols: [{ width: 10 }] });
        await two.row(['只有一行']);
      },
      ['第一页', '第二页'],
    );

    const zip = await JSZip.loadAsync(buf, { checkCRC32: true });
    expect(Object.keys(zip.files)).toContain('xl/worksheets/sheet2.xml');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['第一页', '第二页']);
    const ws = wb.getWorksheet('第一页')!;
    const want = TRICKY.map((s) => s.replace(/[\u0001\u0008]/g, ''));
    for (const [i, s] of want.entries()) {
      // (_xHHHH_ is left as written: our importer, exceljs, reads it back unchanged)
      expect(ws.getCell(i + 2, 1).value).toBe(s);
      expect(ws.getCell(i + 2, 2).value).toBe(i + 0.5);
    }
    expect(ws.getCell(TRICKY.length + 2, 3).value).toBe('第三列');
    expect(ws.getCell(TRICKY.length + 2, 1).value).toBeNull();
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    expect(ws.getCell(2, 1).alignment?.wrapText).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });

    const streamed = await readSheets(buf);
    expect(streamed.get('第二页')).toEqual([['只有一行']]);
    expect(streamed.get('第一页')![2][0]).toBe('第一行\n第二行\r\n第三行\r');
  });

  it('writes every declared sheet, even those never started', async () => {
    const buf = await write(async () => {}, ['甲', '乙']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['甲', '乙']);
  });

  it('refuses sheets out of the declared order', async () => {
    const book = new XlsxBook(new PassThrough().resume(), { sheets: ['甲', '乙'] });
    await expect(book.sheet('乙', { cols: [] })).rejects.toThrow(/out of order/);
  });

  it('stops with an error, instead of waiting for ever, when the download goes away', async () => {
    // a client that takes the first bytes, then stalls, then disconnects
    let taken = 0;
    const out = new Writable({
      highWaterMark: 1024,
      write(c: Buffer, _e, cb) {
        if ((taken += c.length) < 1 << 16) cb();
      },
    });
    const book = new XlsxBook(out, { sheets: ['甲'] });
    const ws = await book.sheet('甲', { cols: [{ width: 10 }] });
    setTimeout(() => out.destroy(), 200);
    const big = '很长的内容'.repeat(2000);
    await expect(
      (async () => {
        for (let i = 0; i < 10_000; i++) await ws.row([`${i}${big}`]);
        await book.finish();
      })(),
    ).rejects.toThrow(/closed/);
  });
});
