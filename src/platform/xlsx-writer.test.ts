// The platform's streaming .xlsx writer: what it writes reads back exactly through the
// importer's reader (src/modules/exchange/xlsx-read.ts), in a zip whose CRCs hold (jszip), with
// the XML Excel and WPS expect (styles, widths, frozen panes, merged cells) where jszip shows it.
import JSZip from 'jszip';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSheets } from '../modules/exchange/test-fixtures.js';
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
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['第一页', '第二页']);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(xml).toContain('<col min="1" max="1" width="20" customWidth="1" style="1"/>');
    expect(xml).toMatch(new RegExp(`<row r="1" ht="30" customHeight="1"><c r="A1" s="${STYLE.header}" t="inlineStr">`));
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const xfs = [...styles.split('<cellXfs')[1]!.matchAll(/<xf [^>]*>/g)];
    expect(xfs[STYLE.header]![0]).toContain('fontId="1"');
    expect(styles).toMatch(/<font><b\/><sz val="11"\/><color rgb="FF1F3864"\/>/);

    const sheets = await readSheets(buf);
    expect([...sheets.keys()]).toEqual(['第一页', '第二页']);
    const first = sheets.get('第一页')!;
    const want = TRICKY.map((s) => s.replace(/[\u0001\u0008]/g, ''));
    for (const [i, s] of want.entries()) {
      // (_xHHHH_ is left as written: our importer reads it back unchanged)
      expect(first[i + 1]![0]).toBe(s);
      expect(first[i + 1]![1]).toBe(i + 0.5);
    }
    expect(first[TRICKY.length + 1]![2]).toBe('第三列');
    expect(first[TRICKY.length + 1]![0]).toBeUndefined();
    expect(sheets.get('第二页')).toEqual([['只有一行']]);
    expect(first[2]![0]).toBe('第一行\n第二行\r\n第三行\r');
  });

  it('writes every declared sheet, even those never started', async () => {
    const buf = await write(async () => {}, ['甲', '乙']);
    expect([...(await readSheets(buf)).keys()]).toEqual(['甲', '乙']);
  });

  it('merges cells, leaves rows out and boxes the empty cells of a styled row', async () => {
    const buf = await write(
      async (book) => {
        const ws = await book.sheet('报告', { cols: [{ width: 40 }, { width: 60 }] });
        await ws.row(['标题'], { style: [STYLE.title] });
        ws.skip(2);
        expect(ws.nextRow).toBe(4);
        await ws.row(['一段文字', ''], { style: STYLE.paragraph });
        ws.merge('A4:B4');
      },
      ['报告'],
    );
    const xml = await (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain(`<c r="B4" s="${STYLE.paragraph}"/>`);
    expect(xml).toContain('</sheetData><mergeCells count="1"><mergeCell ref="A4:B4"/></mergeCells>');
    const rows = (await readSheets(buf)).get('报告')!;
    expect(rows[0]).toEqual(['标题']);
    expect(rows[3]![0]).toBe('一段文字');
    expect(rows.length).toBe(4);
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
