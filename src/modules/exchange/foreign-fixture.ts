// Test data for issue 14 item 2: 包头市市场监督管理局's list in a layout of its own, as bodies
// keep it — a title row and a 编制单位 row, the header 序号 / 权力分类 / 项目名称 / 子项 /
// 实施依据 / 责任事项 / 责任事项依据 / 追责情形 / 追责依据 / 备注, 权力分类 and 序号 merged
// down over their rows, a 主项 written through its two 子项 (项目名称 merged), numbered texts on
// one line, full-width and trailing spaces, and notes merged across the width at the bottom.
// Powers, articles and key sentences are data/reference's (typical-powers.json,
// responsibility-templates.json), written with the platform's own writer.
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { STYLE, XlsxBook } from '../../platform/xlsx-writer.js';

interface RefPower {
  name: string;
  category: string;
  legalBasis: { law: string; article: string; keySentence: string }[];
}
interface RefTemplate {
  category: string;
  steps: { order: number; name: string; content: string }[];
  accountabilityCases: string[];
  accountabilityBasis: { law: string; article: string }[];
}

const ref = (f: string) => JSON.parse(readFileSync(new URL(`../../../data/reference/${f}`, import.meta.url), 'utf8'));
const powers: RefPower[] = (ref('typical-powers.json').departments as { key: string; powers: RefPower[] }[]).find(
  (d) => d.key === 'scjgj',
)!.powers;
const templates: RefTemplate[] = ref('responsibility-templates.json').templates;

export const SCJG_BODY = '包头市市场监督管理局';
export const FOREIGN_SHEET = '权责清单';
export const FOREIGN_HEADERS = [
  '序号',
  '权力分类',
  '项目名称',
  '子项',
  '实施依据',
  '责任事项',
  '责任事项依据',
  '追责情形',
  '追责依据',
  '备注',
];

const power = (name: string) => powers.find((p) => p.name === name)!;
const template = (category: string) => templates.find((t) => t.category === category)!;
/** “1.《法》第X条 关键句” — a space, not a colon, after the article, as many lists write it */
const basis = (p: RefPower) =>
  p.legalBasis.map((b, i) => `${i + 1}.${b.law}第${b.article.replace(/^第/, '')} ${b.keySentence}`).join('\n');
/** “1.受理责任：….2.审查责任：…” on one line */
const duties = (category: string) =>
  template(category)
    .steps.map((s) => `${s.order}.${s.name}：${s.content}`)
    .join('');
const cases = (category: string) =>
  template(category)
    .accountabilityCases.slice(0, 4)
    .map((c, i) => `${i + 1}.${c}`)
    .join('；');
const caseBasis = (category: string) =>
  template(category)
    .accountabilityBasis.map((b) => `${b.law}${b.article}`)
    .join('、');

/** 责任事项依据: the procedural articles of the 行政许可法 / 行政处罚法 the duties follow */
const DUTY_BASIS: Record<string, string> = {
  行政许可:
    '《中华人民共和国行政许可法》第三十条、第三十二条、第三十四条、第三十七条、第三十八条、第四十四条、第六十一条',
  行政处罚: '《中华人民共和国行政处罚法》第四十四条、第五十四条、第五十五条、第五十七条、第六十一条',
};

type Row = { serial?: number; category?: string; name?: string; sub?: string; p: RefPower; remark?: string };

/** The data rows, grouped by 权力分类 (merged), a 主项 with 子项 among them. */
export const FOREIGN_ROWS: { category: string; rows: Row[] }[] = [
  {
    category: '行政许可',
    rows: [
      { name: '　食品经营许可　', p: power('食品经营许可') },
      { name: '特种设备使用登记 ', p: power('特种设备使用登记') },
      { name: '计量标准器具核准', p: power('计量标准器具核准'), remark: '市、旗县区两级实施' },
    ],
  },
  {
    category: '行政处罚 ',
    rows: [
      // one 主项, two 子项: 项目名称 merged over both
      {
        name: '对违反食品安全法规定的食品生产经营行为的处罚',
        sub: '1.对未取得食品生产经营许可从事食品生产经营活动的处罚',
        p: power('对未取得食品生产经营许可从事食品生产经营活动的处罚'),
      },
      {
        sub: '2.对生产经营不符合食品安全标准的食品等行为的处罚',
        p: power('对生产经营不符合食品安全标准的食品等行为的处罚'),
      },
      {
        name: '对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚',
        p: power('对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚'),
      },
      {
        name: '对使用未取得许可生产、未经检验或者检验不合格的特种设备的处罚',
        p: power('对使用未取得许可生产、未经检验或者检验不合格的特种设备的处罚'),
      },
    ],
  },
  { category: '行政检查', rows: [{ name: '对食品生产经营者的监督检查', p: power('对食品生产经营者的监督检查') }] },
  {
    category: '行政奖励',
    rows: [{ name: '对查证属实的食品安全违法行为举报人的奖励', p: power('对查证属实的食品安全违法行为举报人的奖励') }],
  },
];

/** powers the import makes of FOREIGN_ROWS: every row, plus the 主项 of the two 子项 */
export const FOREIGN_POWER_COUNT = FOREIGN_ROWS.reduce((n, g) => n + g.rows.length, 0) + 1;

export interface ForeignOptions {
  /** replace the 实施依据 of the row with this 项目名称 (or 子项) — e.g. a text that cites nothing */
  badBasis?: { name: string; text: string };
}

/** The workbook, as bytes. Title at row 1–2, header at row 3, data from row 4, notes at the bottom. */
export async function buildForeignWorkbook(opts: ForeignOptions = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => out.on('end', () => r()));
  const book = new XlsxBook(out, { sheets: ['说明', FOREIGN_SHEET] });
  const intro = await book.sheet('说明', { cols: [{ width: 60 }] });
  await intro.row(['本表为包头市市场监督管理局权责清单（部门自行编制格式）。']);
  const ws = await book.sheet(FOREIGN_SHEET, {
    cols: FOREIGN_HEADERS.map((h) => ({
      width: h.includes('依据') || h.includes('责任') ? 40 : 14,
      style: STYLE.wrap,
    })),
  });
  const last = `J`;
  await ws.row(['包头市市场监督管理局权责清单'], { style: STYLE.title });
  ws.merge(`A1:${last}1`);
  await ws.row(['编制单位：包头市市场监督管理局　　　　　　2025年12月']);
  ws.merge(`A2:${last}2`);
  await ws.row(FOREIGN_HEADERS, { style: STYLE.header });
  let r = 3;
  let serial = 0;
  for (const g of FOREIGN_ROWS) {
    const first = r + 1;
    for (const row of g.rows) {
      r++;
      const cat = g.rows[0] === row ? g.category : '';
      const isSub2 = !row.name && row.sub;
      const text =
        opts.badBasis && (row.name === opts.badBasis.name || row.sub === opts.badBasis.name)
          ? opts.badBasis.text
          : basis(row.p);
      await ws.row([
        isSub2 ? '' : ++serial,
        cat,
        row.name ?? '',
        row.sub ?? '',
        text,
        duties(row.p.category),
        DUTY_BASIS[row.p.category] ?? '',
        cases(row.p.category),
        caseBasis(row.p.category),
        row.remark ?? '',
      ]);
      if (isSub2) {
        ws.merge(`A${r - 1}:A${r}`);
        ws.merge(`C${r - 1}:C${r}`);
      }
    }
    if (r > first) ws.merge(`B${first}:B${r}`);
  }
  await ws.row(['注：1.本清单依据《包头市权责清单管理办法》编制，事项名称、依据以法律法规最新修订为准。']);
  ws.merge(`A${r + 1}:${last}${r + 1}`);
  await ws.row(['2.“子项”为空的事项不再细分；实施机构均为包头市市场监督管理局。']);
  ws.merge(`A${r + 2}:${last}${r + 2}`);
  await book.finish();
  await done;
  return Buffer.concat(chunks);
}
