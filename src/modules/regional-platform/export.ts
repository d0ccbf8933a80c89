// §13.1 通过自治区事项管理平台调整本部门事项: our published list in the exchange format, for a
// body's version or a level's current lists, as JSON (docs/exchange/regional-platform.schema.json)
// or as the xlsx layout (sheet 事项清单). Written body by body, so a level never sits in memory
// whole; the xlsx through the platform's one writer.
import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import {
  EXCHANGE_COLUMNS,
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  EXCHANGE_SHEET,
  type ExchangeItem,
  type TimeLimit,
} from '../../contract/regional-platform.js';
import { STYLE, XlsxBook } from '../../platform/xlsx-writer.js';
import { basesText, EXERCISE_LEVEL_LABELS, ITEM_TYPE_LABELS, periodText, STATUS_LABELS } from './format.js';

export interface ExportScope {
  kind: 'body' | 'level';
  regionCode: string;
  regionName: string;
  /** the bodies and the version of each to write (a level: each body's current version) */
  bodies: { id: number; name: string; version: number }[];
}

interface Cite {
  documentName: string;
  level?: string;
  article?: string;
  text?: string;
}

const limit = (amount: number | null, unit: string | null): TimeLimit | null =>
  amount && unit ? { amount, unit: unit as TimeLimit['unit'] } : null;

/** The items of one body's version, in list order. */
export async function bodyItems(db: Database, bodyId: number, version: number): Promise<ExchangeItem[]> {
  const rows = await db
    .selectFrom('power as p')
    .innerJoin('body as b', 'b.id', 'p.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .leftJoin('regional_body_code as bc', 'bc.body_id', 'b.id')
    .leftJoin('power_time_limit as tl', (j) => j.onRef('tl.body_id', '=', 'p.body_id').onRef('tl.code', '=', 'p.code'))
    .select([
      'p.code',
      'p.parent_code',
      'p.name',
      'p.category',
      'p.status',
      'p.implementing_agency',
      'p.legal_bases',
      'b.region_code',
      'r.level',
      'bc.credit_code',
      'tl.legal_amount',
      'tl.legal_unit',
      'tl.promised_amount',
      'tl.promised_unit',
    ])
    .where('p.body_id', '=', bodyId)
    .where('p.valid_from', '<=', version)
    .where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', version)]))
    .orderBy('p.ord')
    .orderBy('p.code')
    .execute();
  return rows.map((r) => ({
    implementationCode: r.code,
    // the regional catalogue's 基本编码 is not held by our register (docs/REGIONAL-PLATFORM.md)
    basicCode: null,
    name: r.name,
    parentCode: r.parent_code,
    itemType: ITEM_TYPE_LABELS[r.category] ?? r.category,
    exerciseLevel: EXERCISE_LEVEL_LABELS[String(r.level)] ?? String(r.level),
    regionCode: r.region_code,
    agency: { name: r.implementing_agency, creditCode: r.credit_code },
    legalBases: ((r.legal_bases ?? []) as Cite[]).map((c) => ({
      document: c.documentName,
      level: c.level,
      article: c.article ?? '',
      text: c.text ?? '',
    })),
    legalTimeLimit: limit(r.legal_amount, r.legal_unit),
    promisedTimeLimit: limit(r.promised_amount, r.promised_unit),
    status: STATUS_LABELS[r.status] ?? r.status,
  }));
}

/** The current version of each body of a level that has a published list, by body order. */
export async function levelBodies(db: Database, regionCode: string): Promise<ExportScope['bodies']> {
  const rows = await db
    .selectFrom('body as b')
    .innerJoin('power_list_version as v', 'v.body_id', 'b.id')
    .select(['b.id', 'b.name', sql<number>`max(v.version)`.as('version')])
    .where('b.region_code', '=', regionCode)
    .groupBy(['b.id', 'b.name', 'b.seq'])
    .orderBy('b.seq')
    .orderBy('b.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, version: Number(r.version) }));
}

const write = async (out: Writable, s: string) => {
  if (!out.write(s)) await new Promise((r) => out.once('drain', r));
};

export async function writeJson(db: Database, scope: ExportScope, out: Writable, at: Date): Promise<void> {
  const head = {
    format: EXCHANGE_FORMAT,
    formatVersion: EXCHANGE_FORMAT_VERSION,
    generatedAt: at.toISOString(),
    scope: { kind: scope.kind, regionCode: scope.regionCode, regionName: scope.regionName },
    versions: scope.bodies.map((b) => ({ bodyName: b.name, version: b.version })),
  };
  await write(out, `${JSON.stringify(head).slice(0, -1)},"items":[`);
  let first = true;
  for (const b of scope.bodies)
    for (const item of await bodyItems(db, b.id, b.version)) {
      await write(out, `${first ? '' : ','}\n${JSON.stringify(item)}`);
      first = false;
    }
  out.end(']}\n');
}

export const itemCells = (i: ExchangeItem): string[] => [
  i.implementationCode,
  i.basicCode ?? '',
  i.name,
  i.parentCode ?? '',
  i.itemType,
  i.exerciseLevel,
  i.regionCode,
  i.agency.name,
  i.agency.creditCode ?? '',
  basesText(i.legalBases),
  periodText(i.legalTimeLimit),
  periodText(i.promisedTimeLimit),
  i.status,
];

const WIDTHS = [30, 16, 36, 30, 10, 14, 12, 30, 22, 60, 12, 12, 8];

export async function writeXlsx(db: Database, scope: ExportScope, out: Writable, at: Date): Promise<void> {
  const book = new XlsxBook(out, { sheets: [EXCHANGE_SHEET, '说明'], creator: '包头市权责清单管理平台', created: at });
  const ws = await book.sheet(EXCHANGE_SHEET, {
    cols: WIDTHS.map((width, i) => ({ width, style: i === 9 ? STYLE.wrap : undefined })),
    frozen: { columns: 1, rows: 1 },
  });
  await ws.row(
    EXCHANGE_COLUMNS.map(([, h]) => h),
    { style: STYLE.tableHeader },
  );
  for (const b of scope.bodies) for (const item of await bodyItems(db, b.id, b.version)) await ws.row(itemCells(item));
  const info = await book.sheet('说明', { cols: [{ width: 20 }, { width: 80 }] });
  const lines: [string, string][] = [
    ['格式', `${EXCHANGE_FORMAT} ${EXCHANGE_FORMAT_VERSION}`],
    [
      '范围',
      `${scope.regionName}（${scope.regionCode}）${scope.kind === 'body' ? (scope.bodies[0]?.name ?? '') : '本级全部部门'}`,
    ],
    ['生成时间', at.toISOString()],
    ['版本', scope.bodies.map((b) => `${b.name} 第${b.version}版`).join('；')],
    [
      '说明',
      '第1行为列名，每行一个事项；法定依据每行一条，格式为《文件名称》条款：条文；期限写作“20个工作日”或“30日”。',
    ],
  ];
  for (const l of lines) await info.row(l);
  await book.finish();
}
