// The ranked table of a level for the 绩效考核部门 (§16 ¶1: 绩效考核部门应当将权责清单实施情况纳入……
// 绩效考核), as a workbook (the platform's one xlsx writer) and a Word document (docx, like the yearly report).
import { PassThrough } from 'node:stream';
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { RankingResult as Ranking } from '../../contract/assessment.js';
import { STYLE, XlsxBook } from '../../platform/xlsx-writer.js';
import { FONTS } from '../reports/yearly.docx.js';

export const titleOf = (r: Ranking) => `${r.level.name}${r.year}年度权责清单实施情况绩效考核结果`;

/** The table both files show: one row per body, its deductions per term, the computed and final score. */
export function rankingTable(r: Ranking): { columns: string[]; rows: (string | number)[][] } {
  const columns = [
    '名次',
    '职权行使机构',
    '所在区划',
    ...r.terms.map((t) => `${t.label}扣分`),
    '计算得分',
    '最终得分',
    '调整理由',
  ];
  const rows = r.rows.map((b) => [
    b.rank,
    b.bodyName,
    b.regionName,
    ...b.deductions,
    b.computed,
    b.score,
    b.adjusted ? `${b.adjusted.reason}（${b.adjusted.by}）` : '',
  ]);
  return { columns, rows };
}

const formulaLines = (r: Ranking) => [
  `计分方法：满分${r.base}分，按下列指标扣分（每项不超过上限，负数为加回），得分不低于0分。${r.formula}`,
  ...r.terms.map(
    (t) =>
      `${t.label}（${t.article}）：${t.measure === 'rate' ? '每低1个百分点' : '每件'}${t.weight > 0 ? '扣' : '加'}${Math.abs(t.weight)}分，上限${t.cap}分${t.note ? '（平台设定）' : ''}`,
  ),
];

export async function rankingXlsx(r: Ranking): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  const book = new XlsxBook(out, { sheets: ['考核结果', '计分方法'], creator: '权责清单管理平台' });
  const t = rankingTable(r);
  const ws = await book.sheet('考核结果', {
    cols: t.columns.map((c, i) => ({
      width: i === 1 || i === t.columns.length - 1 ? 36 : Math.max(10, c.length * 2 + 2),
    })),
    frozen: { columns: 2, rows: 3 },
  });
  await ws.row([titleOf(r)], { style: [STYLE.title] });
  ws.skip(1);
  await ws.row(t.columns, { style: STYLE.tableHeader });
  for (const row of t.rows) await ws.row(row, { style: STYLE.tableCell });
  const how = await book.sheet('计分方法', { cols: [{ width: 100 }] });
  for (const line of formulaLines(r)) await how.row([line], { style: STYLE.paragraph });
  await book.finish();
  return Buffer.concat(parts);
}

const run = (text: string, f: string, size: number, bold = false) =>
  new TextRun({ text, font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: f }, size, bold });
const cell = (text: string | number, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [run(String(text), bold ? FONTS.heading : FONTS.body, 21, bold)] })],
  });

export async function rankingDocx(r: Ranking): Promise<Buffer> {
  const t = rankingTable(r);
  const doc = new Document({
    creator: '权责清单管理平台',
    title: titleOf(r),
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(titleOf(r), FONTS.title, 44)] }),
          ...formulaLines(r).map((l) => new Paragraph({ children: [run(l, FONTS.body, 24)] })),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c, true)) }),
              ...t.rows.map((row) => new TableRow({ children: row.map((v) => cell(v)) })),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
