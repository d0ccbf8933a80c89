// The reader's bounds on what a workbook may hold (issue 10 item 1), each at its edge: what is
// refused as a whole (WorkbookRefused: 413/415) and what is still read (row problems, 422).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCEL_CELL_MAX } from './columns.js';
import { headerRowXml, workbookOf } from './hostile-workbooks.js';
import { MAX_SHARED_STRINGS } from './xlsx-parts.js';
import { readPowerRows, type SheetRow } from './xlsx-read.js';
import { WorkbookRefused } from './zip-read.js';

let dir: string;
let n = 0;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'qz-xlsx-bounds-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function read(file: Buffer): Promise<SheetRow[]> {
  const path = join(dir, `${n++}.xlsx`);
  await writeFile(path, file);
  const out: SheetRow[] = [];
  for await (const r of readPowerRows(path)) out.push(r);
  return out;
}

const refusal = async (file: Buffer) => {
  const e = await read(file).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WorkbookRefused);
  return e as WorkbookRefused;
};

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('what a workbook may hold', () => {
  it('a cell past column XFD, or a row number past 1,048,576, refuses the file', async () => {
    expect((await refusal(workbookOf(`${headerRowXml()}<row r="3">${cell('XFE3', '多')}</row>`))).code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(
      (await refusal(workbookOf(`${headerRowXml()}<row r="1048577">${cell('A1048577', '多')}</row>`))).message,
    ).toContain('1048576');
  });

  it('more shared strings than cells of the largest sheet refuses the file', async () => {
    const e = await refusal(workbookOf(headerRowXml(), '<si><t/></si>'.repeat(MAX_SHARED_STRINGS + 1)));
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
    expect(e.message).toContain('共享字符串');
  });

  it('a DOCTYPE, a comment or a CDATA section refuses the file (Excel writes none)', async () => {
    for (const x of ['<!DOCTYPE x [<!ENTITY a "aaaa">]>', '<!-- note -->']) {
      const e = await refusal(workbookOf(headerRowXml(), '', { declaration: `<?xml version="1.0"?>${x}` }));
      expect(e.code).toBe('UNSUPPORTED_MEDIA');
      expect(e.message).toContain('Excel 不会写入');
    }
    expect(
      (
        await refusal(
          workbookOf(`${headerRowXml()}<row r="3"><c t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row>`),
        )
      ).code,
    ).toBe('UNSUPPORTED_MEDIA');
  });

  it('a cell longer than Excel allows is cut one past the limit and reported by the column, not held whole', async () => {
    const rows = await read(workbookOf(`${headerRowXml()}<row r="3">${cell('A3', '许'.repeat(100_000))}</row>`));
    expect(rows).toHaveLength(1);
    expect(rows[0].cells.name).toHaveLength(EXCEL_CELL_MAX + 1);
  });

  it('a number in a date format is a date, and refused as one', async () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>';
    const file = workbookOf(
      `${headerRowXml()}<row r="3">${cell('A3', '食品经营许可')}<c r="L3" s="1"><v>46000</v></c></row><row r="4">${cell('A4', '食品经营许可')}<c r="L4" s="2"><v>46000</v></c></row><row r="5">${cell('A5', '食品经营许可')}<c r="L5" s="0"><v>46000</v></c></row>`,
      '',
      { styles },
    );
    const rows = await read(file);
    expect(rows.map((r) => r.problems.map((p) => p.message))).toEqual([
      [expect.stringContaining('日期格式')],
      [expect.stringContaining('日期格式')],
      [],
    ]);
    expect(rows[2].cells.remarks).toBe('46000');
  });
});
