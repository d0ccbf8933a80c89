// The yearly report as a workbook: a 总体情况 sheet with the headline counts and the paragraphs,
// then one sheet per table section. Numbers stay numbers, so the office can sum and chart them.
// Written with the platform's one xlsx writer (src/platform/xlsx-writer.ts) and its stylesheet
// (report tables: 黑体 column names on grey, 仿宋 cells, every cell boxed).
import { PassThrough } from 'node:stream';
import { STYLE, XlsxBook, type SheetWriter } from '../../platform/xlsx-writer.js';
import type { ReportTable, YearlyReport } from './yearly.model.js';

const CREATOR = '权责清单管理平台';
const OVERVIEW = '总体情况';
/** rows between the overview's table and its paragraphs */
const GAP = 2;

/** Each column as wide as its longest entry (a Chinese character is two widths), within 8–60. */
function tableWidths(t: ReportTable): number[] {
  const body = [...t.rows, ...(t.total ? [t.total] : [])];
  return t.columns.map((name, i) => {
    const widest = Math.max(name.length, ...body.map((r) => String(r[i] ?? '').length));
    return Math.min(60, Math.max(8, widest * 2 + 2));
  });
}

async function writeTable(ws: SheetWriter, t: ReportTable): Promise<void> {
  await ws.row(t.columns, { style: STYLE.tableHeader });
  for (const r of t.rows) await ws.row(r, { style: STYLE.tableCell });
  if (t.total) await ws.row(t.total, { style: STYLE.tableTotal });
}

export async function yearlyReportXlsx(r: YearlyReport): Promise<Buffer> {
  const tables = r.sections.filter((s) => s.table);
  const names = [OVERVIEW, ...tables.map((s) => s.table!.sheet.slice(0, 31))];
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  const book = new XlsxBook(out, { sheets: names, creator: CREATOR });

  const t = r.totals;
  const facts: [string, number][] = [
    ['调整申请（件）', t.applications],
    ['迟报（件）', t.late],
    ['漏报（件）', t.missing],
    ['有时限的环节办理（次）', t.stepActs],
    ['按时办理（次）', t.stepOnTime],
    ['公开征求意见（次）', t.consultations],
    ['公众意见（条）', t.comments],
    ['未公开显示的意见（条）', t.hidden],
    ['采纳（条）', t.dispositions.adopted],
    ['部分采纳（条）', t.dispositions.partlyAdopted],
    ['不予采纳（条）', t.dispositions.notAdopted],
    ['待处理（条）', t.undisposed],
  ];
  const overview = await book.sheet(OVERVIEW, {
    cols: [{ width: 40 }, { width: 60 }],
    frozen: { columns: 0, rows: 3 },
  });
  await overview.row([r.title], { style: [STYLE.title] });
  overview.skip(1);
  await writeTable(overview, { sheet: OVERVIEW, columns: ['项目', '数量'], rows: facts });
  overview.skip(GAP);
  for (const p of r.sections[0]!.paragraphs) {
    const n = overview.nextRow;
    await overview.row([p, ''], { style: STYLE.paragraph, height: 60 });
    overview.merge(`A${n}:B${n}`);
  }

  for (const s of tables) {
    const table = s.table!;
    const ws = await book.sheet(table.sheet.slice(0, 31), {
      cols: tableWidths(table).map((width) => ({ width })),
      frozen: { columns: 0, rows: 2 },
    });
    await ws.row([s.heading], { style: [STYLE.heading] });
    await writeTable(ws, table);
  }
  await book.finish();
  return Buffer.concat(parts);
}
