// Reading the other side's export as it streams from disk: JSON one item at a time
// (json-items.ts: a byte scanner finds each element, JSON.parse reads it), xlsx row by row
// through the exchange module's reader (its bounds and worker-free row generator). Each item is
// checked against the exchange format (a quick shape check; the contract's zod schema names what is
// wrong when it fails) and becomes a staged row of canonical text (format.ts).
import {
  EXCHANGE_COLUMNS,
  EXCHANGE_FORMAT,
  EXCHANGE_SHEET,
  exchangeItemSchema,
  type ExchangeColumn,
} from '../../contract/regional-platform.js';
import { cellText, openWorkbook } from '../exchange/xlsx-read.js';
import { fastItem } from './fast-check.js';
import { parseBasesCell, parsePeriod, stagedRow, type StagedRow } from './format.js';
import { jsonItems } from './json-items.js';

export interface ReadProblem {
  row: number;
  message: string;
}

export type ReadEvent = { row: StagedRow } | { problem: ReadProblem };

const zodMessage = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  e.issues.map((i) => `${i.path.join('.') || '事项'}：${i.message}`).join('；');

function checked(rowNo: number, value: unknown): ReadEvent {
  const r = exchangeItemSchema.safeParse(value);
  return r.success ? { row: stagedRow(rowNo, r.data) } : { problem: { row: rowNo, message: zodMessage(r.error) } };
}

/** The items of a JSON export (`{ format, …, items: [ … ] }`), row = the item's position from 1. */
export async function* readJsonItems(path: string): AsyncGenerator<ReadEvent> {
  const top: Record<string, string> = {};
  for await (const e of jsonItems(path, top)) {
    if ('error' in e) yield { problem: { row: e.index, message: e.error } };
    else yield fastItem(e.value) ? { row: stagedRow(e.index, e.value) } : checked(e.index, e.value);
  }
  if (top.format !== undefined && top.format !== EXCHANGE_FORMAT)
    yield { problem: { row: 0, message: `format 应为“${EXCHANGE_FORMAT}”，实际为“${top.format}”` } };
}

/** The rows of sheet 事项清单 of the xlsx layout, row = the Excel row number. */
export async function* readXlsxItems(path: string): AsyncGenerator<ReadEvent> {
  let book;
  try {
    book = await openWorkbook(path);
  } catch (e) {
    yield { problem: { row: 0, message: `文件无法作为 Excel 工作簿读取（${(e as Error).message.slice(0, 80)}）` } };
    return;
  }
  try {
    const sheet = book.sheets.find((s) => s.name === EXCHANGE_SHEET);
    if (!sheet) {
      yield { problem: { row: 0, message: `未找到名为“${EXCHANGE_SHEET}”的工作表` } };
      return;
    }
    let columns: Map<ExchangeColumn, number> | null = null;
    for await (const raw of book.rows(sheet, 32)) {
      const text = (i: number | undefined) => {
        const t = i === undefined ? { text: '' } : cellText(raw.values[i]);
        return 'text' in t ? t.text : '';
      };
      if (!columns) {
        // the header row names the columns; their order is free, 实施编码 … 状态 must all be there
        const byHeader = new Map<string, number>();
        for (let i = 1; i < raw.values.length; i++) if (!byHeader.has(text(i))) byHeader.set(text(i), i);
        const missing = EXCHANGE_COLUMNS.filter(([, h]) => !byHeader.has(h)).map(([, h]) => h);
        if (missing.length) {
          yield { problem: { row: raw.number, message: `第${raw.number}行缺少列：${missing.join('、')}` } };
          return;
        }
        columns = new Map(EXCHANGE_COLUMNS.map(([k, h]) => [k, byHeader.get(h)!]));
        continue;
      }
      const c = (k: ExchangeColumn) => text(columns!.get(k));
      if (EXCHANGE_COLUMNS.every(([k]) => c(k) === '')) continue;
      const legal = parsePeriod(c('legalTimeLimit'));
      const promised = parsePeriod(c('promisedTimeLimit'));
      if (legal === undefined || promised === undefined) {
        const bad = legal === undefined ? '法定期限' : '承诺期限';
        yield { problem: { row: raw.number, message: `${bad}应写作“20个工作日”或“30日”` } };
        continue;
      }
      yield checked(raw.number, {
        implementationCode: c('implementationCode'),
        basicCode: c('basicCode') || null,
        name: c('name'),
        parentCode: c('parentCode') || null,
        itemType: c('itemType'),
        exerciseLevel: c('exerciseLevel'),
        regionCode: c('regionCode'),
        agency: { name: c('agencyName'), creditCode: c('agencyCreditCode') || null },
        legalBases: parseBasesCell(c('legalBases')),
        legalTimeLimit: legal,
        promisedTimeLimit: promised,
        status: c('status'),
      });
    }
    if (!columns) yield { problem: { row: 1, message: '工作表没有列名行' } };
  } finally {
    book.zip.close();
  }
}
