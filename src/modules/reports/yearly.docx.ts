// The yearly report as a Word document laid out like an official document (GB/T 9704): title in
// 小标宋 二号, level-1 headings in 黑体 三号, text in 仿宋_GB2312 三号, tables in 仿宋 小四.
// The East Asian font is named in every run's properties (w:rFonts w:eastAsia), so Word shows
// the right typeface whatever the document defaults are.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Cell, ReportTable, YearlyReport } from './yearly.model.js';

export const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
} as const;
// half-points: 二号 22pt, 三号 16pt, 小四 12pt, 五号 10.5pt
const SIZE = { title: 44, body: 32, table: 24, small: 21 } as const;
const mm = (n: number) => Math.round(n * 56.7); // twips

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia });
const run = (text: string, f: string, size: number, bold = false) =>
  new TextRun({ text, font: font(f), size, bold, language: { eastAsia: 'zh-CN' } });

// 首行缩进两字, 固定值28磅 line spacing as official documents use
const bodyPara = (text: string) =>
  new Paragraph({
    children: [run(text, FONTS.body, SIZE.body)],
    indent: { firstLine: SIZE.body * 20 },
    spacing: { line: 560, lineRule: 'exact' },
    alignment: AlignmentType.JUSTIFIED,
  });

const headingPara = (text: string) =>
  new Paragraph({
    children: [run(text, FONTS.heading, SIZE.body)],
    indent: { firstLine: SIZE.body * 20 },
    spacing: { line: 560, lineRule: 'exact', before: 120 },
    keepNext: true,
  });

const cellPara = (v: Cell, bold: boolean, left: boolean) =>
  new Paragraph({
    children: [run(String(v), bold ? FONTS.heading : FONTS.body, SIZE.table)],
    alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(t: ReportTable): Table {
  const row = (cells: Cell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      height: { value: mm(8), rule: HeightRule.ATLEAST },
      children: cells.map(
        (c, i) =>
          new TableCell({
            children: [cellPara(c, header, !header && i === 0 && typeof c === 'string')],
            verticalAlign: VerticalAlign.CENTER,
            shading: header ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
            margins: { left: 80, right: 80 },
          }),
      ),
    });
  const rows = [row(t.columns, true), ...t.rows.map((r) => row(r, false))];
  if (t.total) rows.push(row(t.total, false));
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
  });
}

export async function yearlyReportDocx(r: YearlyReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      children: [run(r.title, FONTS.title, SIZE.title)],
      alignment: AlignmentType.CENTER,
      spacing: { after: 480, line: 700, lineRule: 'exact' },
    }),
  ];
  for (const s of r.sections) {
    children.push(headingPara(s.heading));
    for (const p of s.paragraphs) children.push(bodyPara(p));
    if (s.table && (s.table.rows.length || !s.paragraphs.length)) {
      children.push(table(s.table));
      children.push(new Paragraph({ children: [] }));
    }
  }
  children.push(
    new Paragraph({
      children: [run(r.issuer, FONTS.body, SIZE.body)],
      alignment: AlignmentType.RIGHT,
      spacing: { before: 480 },
    }),
    new Paragraph({ children: [run(r.date, FONTS.body, SIZE.body)], alignment: AlignmentType.RIGHT }),
  );
  const doc = new Document({
    creator: '权责清单管理平台',
    title: r.title,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297), orientation: PageOrientation.PORTRAIT },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
