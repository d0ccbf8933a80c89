// Reading a body's own list layout (issue 14 item 2), in the parse worker like every upload:
// inspectSheet proposes a mapping from the header row; readMappedRows reads the sheet by a
// mapping and gives the rows the 职权信息表 importer takes (xlsx-read.ts SheetRow), so the one
// import path (import.ts: checks, codes, §8 screening, all or nothing) does the rest.
// Merged cells are filled from their top-left cell (merge-cells.ts), the title above the header,
// a row of column numbers, section rows (“一、行政许可”) and notes at the bottom are skipped,
// cells are tidied and their texts put into the notation (foreign-text.ts).
import type { ForeignMapping, InspectResult, MappingTarget } from '../../contract/exchange-mapping.js';
import { KIND_MAIN, KIND_SUB, MAX_DATA_ROWS, SHEET_NAME, type ColumnKey } from './columns.js';
import { headerScore, isNoteRow, isNumberRow, proposeMapping } from './foreign-headers.js';
import {
  tidy,
  tidyCategory,
  tidyName,
  toCasesNotation,
  toLegalBasesNotation,
  toResponsibilitiesNotation,
} from './foreign-text.js';
import { MergeFill, readMergeRanges } from './merge-cells.js';
import type { RowError } from './row-codec.js';
import { cellText, openWorkbook, SheetError, type OpenWorkbook, type SheetRow } from './xlsx-read.js';
import type { SheetRef } from './xlsx-parts.js';
import { WorkbookRefused } from './zip-read.js';

/** rows read to find the header and show samples */
const HEAD_ROWS = 20;
const SAMPLE_ROWS = 30;
/** one 主项 with its 子项 is held until the next 主项 begins; a longer run is cut here */
const MAX_GROUP = 500;
/** characters one power gathers from rows merged with it (far past any field's limit: the row checker refuses it) */
const MAX_GATHERED = 200_000;

const textOf = (v: unknown) => {
  const t = cellText(v);
  return 'text' in t ? t.text : '';
};

async function withBook<T>(path: string, f: (b: OpenWorkbook) => Promise<T>): Promise<T> {
  let book: OpenWorkbook;
  try {
    book = await openWorkbook(path);
  } catch (e) {
    if (e instanceof WorkbookRefused) throw e;
    throw new SheetError([
      { row: 0, column: '文件', message: `文件无法作为 Excel 工作簿读取（${(e as Error).message.slice(0, 80)}）` },
    ]);
  }
  try {
    return await f(book);
  } finally {
    book.zip.close();
  }
}

function findSheet(book: OpenWorkbook, name: string): SheetRef {
  const s = book.sheets.find((x) => x.name === name);
  if (!s)
    throw new SheetError([
      {
        row: 0,
        column: '工作表',
        message: `未找到工作表“${name}”（文件中的工作表：${book.sheets.map((x) => x.name).join('、') || '无'}）`,
      },
    ]);
  return s;
}

/** The first rows of a sheet as texts, merged cells filled (when `merged`: a pass over the whole sheet). */
async function headRows(book: OpenWorkbook, sheet: SheetRef, upTo: number, merged = true): Promise<string[][]> {
  const fill = new MergeFill(merged ? await readMergeRanges(book.zip, sheet.path) : []);
  const rows: string[][] = [];
  for await (const r of book.rows(sheet)) {
    if (r.number > upTo) break;
    fill.fill(r.number, r.values);
    rows[r.number] = r.values.map(textOf);
  }
  return rows;
}

export async function inspectSheet(
  path: string,
  sheetName: string | undefined,
  defaults: ForeignMapping['defaults'],
): Promise<Omit<InspectResult, 'saved'>> {
  return withBook(path, async (book) => {
    if (!book.sheets.length) throw new SheetError([{ row: 0, column: '工作表', message: '文件中没有工作表' }]);
    const isTemplate = book.sheets.some((s) => s.name === SHEET_NAME);
    // the sheet asked for, else the one whose first rows look most like a header row
    let best = { sheet: book.sheets[0], score: -1 };
    for (const sheet of sheetName ? [findSheet(book, sheetName)] : book.sheets.slice(0, 20)) {
      // column names are rarely merged: choosing the sheet needs no pass over each sheet's merged ranges
      const rows = await headRows(book, sheet, HEAD_ROWS, false);
      let score = 0;
      for (const r of rows) if (r) score = Math.max(score, headerScore(r));
      if (score > best.score) best = { sheet, score };
    }
    const rows = await headRows(book, best.sheet, HEAD_ROWS + SAMPLE_ROWS);
    let headerRow = 0;
    let top = 1;
    for (let n = 1; n <= HEAD_ROWS; n++) {
      const s = rows[n] ? headerScore(rows[n]) : 0;
      if (s > top) [headerRow, top] = [n, s];
    }
    if (!headerRow) headerRow = rows.findIndex((r) => r?.some((t) => t !== '')) || 1;
    const header = rows[headerRow] ?? [];
    const headers = header.flatMap((h, index) => (index >= 1 && h !== '' ? [{ index, header: tidyName(h) }] : []));
    const samples = (index: number) =>
      rows
        .slice(headerRow + 1)
        .map((r) => (r?.[index] ?? '').slice(0, 60))
        .filter((t) => t !== '')
        .slice(0, 3);
    const titleRows = rows
      .slice(1, headerRow)
      .map((r) => [...new Set((r ?? []).filter((t) => t !== ''))].join(' '))
      .filter((t) => t !== '');
    return {
      sheets: book.sheets.map((s) => s.name),
      sheet: best.sheet.name,
      isTemplate,
      headerRow,
      titleRows,
      columns: headers.map((h) => ({ ...h, samples: samples(h.index) })),
      mapping: proposeMapping(best.sheet.name, headerRow, headers, defaults),
    };
  });
}

type Texts = Partial<Record<MappingTarget, string[]>>;
interface Rec {
  row: number;
  main: boolean;
  name: string;
  texts: Texts;
  problems: RowError[];
  /** the category of the section row above it (“一、行政许可”), taken when the row is read */
  section: string;
}

const SECTION =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])?\s*((?:行政[\u4e00-\u9fa5]{2}|其他(?:行政)?(?:权力|职权)?)(?:类)?(?:[（(][^）)]*[）)])?)$/;

/** The rows of the mapped sheet as the 职权信息表 importer takes them. */
export async function* readMappedRows(path: string, mapping: ForeignMapping): AsyncGenerator<SheetRow> {
  let book: OpenWorkbook | null = null;
  try {
    book = await openWorkbook(path);
  } catch (e) {
    if (e instanceof WorkbookRefused) throw e;
    throw new SheetError([
      { row: 0, column: '文件', message: `文件无法作为 Excel 工作簿读取（${(e as Error).message.slice(0, 80)}）` },
    ]);
  }
  try {
    const sheet = findSheet(book, mapping.sheet);
    const fill = new MergeFill(await readMergeRanges(book.zip, sheet.path));
    const cols = mapping.columns.filter((c) => c.target !== 'ignore');
    const col = (t: MappingTarget) => cols.find((c) => c.target === t)?.index;
    const nameCol = col('name')!;
    const subCol = col('subName');
    const width = Math.max(...mapping.columns.map((c) => c.index));
    const d = mapping.defaults;
    let group: Rec[] = [];
    let last: Rec | null = null;
    let section = '';
    let afterNote = false;
    let seenData = false;
    let count = 0;

    const join = (r: Rec, t: MappingTarget) => (r.texts[t] ?? []).filter((x) => x !== '').join('\n');
    const toRow = (r: Rec): SheetRow => {
      const subs = r.main && !r.texts.legalBases ? group.filter((g) => !g.main) : [];
      // a 主项 written only through its 子项: its bases are theirs (each once)
      const bases = r.texts.legalBases
        ? toLegalBasesNotation(join(r, 'legalBases'))
        : [...new Set(subs.flatMap((s) => toLegalBasesNotation(join(s, 'legalBases')).split('\n')))].join('\n');
      const first = (t: MappingTarget) => r.texts[t]?.find((x) => x !== '') ?? subs[0]?.texts[t]?.[0] ?? '';
      const rb = join(r, 'responsibilityBasis');
      const ab = join(r, 'accountabilityBasis');
      const cells: Record<ColumnKey, string> = {
        name: r.name,
        kind: r.main ? KIND_MAIN : KIND_SUB,
        code: first('code'),
        category: tidyCategory(first('category')) || d.category || r.section,
        responsibleSubject: tidyName(first('responsibleSubject')) || d.responsibleSubject || '',
        legalBases: bases,
        legalLevels: '',
        implementingAgency: tidyName(first('implementingAgency')) || d.implementingAgency || '',
        responsibilities: toResponsibilitiesNotation(join(r, 'responsibilities')),
        accountabilityCases: toCasesNotation(join(r, 'accountabilityCases')),
        // 责任事项依据 has no field of its own: kept with 追责依据, each under its name
        accountabilityBasis: rb && ab ? `责任事项依据：${rb}\n追责依据：${ab}` : rb ? `责任事项依据：${rb}` : ab,
        remarks: join(r, 'remarks'),
        status: first('status'),
      };
      return { row: r.row, cells, problems: r.problems };
    };
    function* flush(): Generator<SheetRow> {
      for (const r of group) {
        if (++count > MAX_DATA_ROWS)
          throw new SheetError([
            { row: r.row, column: 'A列', message: `数据行超过${MAX_DATA_ROWS}行，请分多个文件导入` },
          ]);
        yield toRow(r);
      }
      group = [];
    }

    for await (const raw of book.rows(sheet)) {
      if (raw.number <= mapping.headerRow) continue;
      const fromAbove = fill.fill(raw.number, raw.values);
      const all = raw.values.slice(1, width + 1).map(textOf);
      if (!seenData && isNumberRow(all)) continue;
      const distinct = new Set(all.filter((t) => t !== ''));
      const s = distinct.size === 1 && !afterNote ? SECTION.exec(tidyName([...distinct][0])) : null;
      if (s) {
        section = tidyCategory(s[1]); // “一、行政许可（共5项）”: the category of the rows below
        continue;
      }
      if (isNoteRow(all, afterNote)) {
        afterNote = true; // “注：1.……” and every one-text line after it
        continue;
      }
      const texts: Texts = {};
      const problems: RowError[] = [];
      let blank = true;
      for (const c of cols) {
        const t = cellText(raw.values[c.index]);
        if ('problem' in t) {
          problems.push({ row: raw.number, column: c.header, message: t.problem });
          blank = false;
          continue;
        }
        const v = tidy(t.text);
        if (v !== '' && c.target !== 'serial') blank = false;
        (texts[c.target] ??= []).push(v);
      }
      if (blank) continue;
      seenData = true;
      const name = tidyName(texts.name?.[0] ?? '');
      const sub = subCol ? tidyName(texts.subName?.[0] ?? '') : '';
      const main = group[0];

      if (sub) {
        if (!main || (name !== '' && name !== main.name)) {
          yield* flush();
          group.push({
            row: raw.number,
            main: true,
            name,
            texts: pick(texts, ['category', 'code', 'responsibleSubject', 'implementingAgency', 'status']),
            problems: [],
            section,
          });
        }
        last = { row: raw.number, main: false, name: sub, texts: { ...texts, code: [] }, problems, section };
        group.push(last);
      } else if (last && fromAbove.has(nameCol) && name === main?.name) {
        // the name cell is merged with the row above: this row carries more of the same power
        const size = Object.values(last.texts).reduce((n, v) => n + v.reduce((m, x) => m + x.length, 0), 0);
        if (size > MAX_GATHERED) {
          if (!last.problems.some((p) => p.message.includes('合并的行过多')))
            last.problems.push({
              row: raw.number,
              column: 'A列',
              message: `“${name.slice(0, 20)}”合并的行过多（超过${MAX_GATHERED}字），请取消合并或拆分后导入`,
            });
          continue;
        }
        for (const [k, v] of Object.entries(texts) as [MappingTarget, string[]][])
          if (k !== 'name' && k !== 'category' && k !== 'serial') (last.texts[k] ??= []).push(...v);
        last.problems.push(...problems);
      } else {
        yield* flush();
        last = { row: raw.number, main: true, name, texts, problems, section };
        group.push(last);
      }
      if (group.length >= MAX_GROUP) yield* flush();
    }
    yield* flush();
  } finally {
    book.zip.close();
  }
}

const pick = (t: Texts, keys: MappingTarget[]): Texts =>
  Object.fromEntries(keys.filter((k) => t[k]).map((k) => [k, t[k]]));
