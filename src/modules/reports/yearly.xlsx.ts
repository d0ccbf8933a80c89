// The yearly report as a workbook: a 总体情况 sheet with the headline counts and the paragraphs,
// then one sheet per table section. Numbers stay numbers, so the office can sum and chart them.
import ExcelJS from 'exceljs';
import type { ReportTable, YearlyReport } from './yearly.model.js';

const FONT = { name: '仿宋_GB2312', size: 11 } as const;
const HEAD = { name: '黑体', size: 11, bold: true } as const;
const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };

function addTable(ws: ExcelJS.Worksheet, t: ReportTable, startRow: number) {
  const header = ws.getRow(startRow);
  header.values = t.columns;
  header.font = HEAD;
  header.eachCell((c) => {
    c.border = box;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  const body = [...t.rows, ...(t.total ? [t.total] : [])];
  body.forEach((values, i) => {
    const row = ws.getRow(startRow + 1 + i);
    row.values = values;
    row.font = t.total && i === body.length - 1 ? { ...FONT, bold: true } : FONT;
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = box;
      c.alignment = { vertical: 'middle', wrapText: true };
    });
  });
  t.columns.forEach((name, i) => {
    const widest = Math.max(name.length, ...body.map((r) => String(r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, widest * 2 + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: startRow }];
}

export async function yearlyReportXlsx(r: YearlyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '权责清单管理平台';
  wb.title = r.title;

  const overview = wb.addWorksheet('总体情况');
  overview.getCell('A1').value = r.title;
  overview.getCell('A1').font = { ...HEAD, size: 14 };
  const t = r.totals;
  const facts: [string, number | string][] = [
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
  addTable(overview, { sheet: '总体情况', columns: ['项目', '数量'], rows: facts }, 3);
  const textRow = 3 + facts.length + 3;
  r.sections[0]!.paragraphs.forEach((p, i) => {
    const c = overview.getCell(textRow + i, 1);
    c.value = p;
    c.font = FONT;
    c.alignment = { wrapText: true, vertical: 'top' };
    overview.mergeCells(textRow + i, 1, textRow + i, 2);
    overview.getRow(textRow + i).height = 60;
  });
  overview.getColumn(1).width = 40;
  overview.getColumn(2).width = 60;

  for (const s of r.sections) {
    if (!s.table) continue;
    const ws = wb.addWorksheet(s.table.sheet.slice(0, 31));
    ws.getCell('A1').value = s.heading;
    ws.getCell('A1').font = { ...HEAD, size: 12 };
    addTable(ws, s.table, 2);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
