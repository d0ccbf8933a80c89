// The parts of a workbook that say how to read its sheets: the sheet names and where each
// sheet is (xl/workbook.xml and its relationships), the shared-string table, and which cell
// styles are dates (xl/styles.xml). Each is read with its own bound, so that a hostile
// workbook is refused at the limit instead of filling memory: at most MAX_SHARED_STRINGS
// strings of at most MAX_SHARED_CHARS characters in all (issue 10 item 1: a 1.5 MB file
// declaring 1 GB of empty strings crashed the server), each cell's text cut at Excel's limit.
import { COLUMNS, EXCEL_CELL_MAX, MAX_DATA_ROWS } from './columns.js';
import { scanXml } from './xml-scan.js';
import { WorkbookRefused, type ZipBook } from './zip-read.js';

/** one per cell of the largest sheet we take (200,000 rows + header and note, 13 columns + 所属部门) */
export const MAX_SHARED_STRINGS = (MAX_DATA_ROWS + 2) * (COLUMNS.length + 1);
export const MAX_SHARED_CHARS = 64 * 1024 * 1024;
const MAX_SHEETS = 1_000;
const MAX_STYLES = 65_536;
/** a text is kept to one character past Excel's limit: longer is refused by the column's limit anyway */
export const TEXT_KEEP = EXCEL_CELL_MAX + 1;

export interface SheetRef {
  name: string;
  path: string;
}

export interface WorkbookParts {
  sheets: SheetRef[];
  sharedStrings: string | null;
  styles: string | null;
}

const WORKBOOK = 'xl/workbook.xml';

async function drain(gen: AsyncGenerator<void>) {
  for await (const _ of gen) void _;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The sheets in workbook order, where each is, and the shared-string and style parts. */
export async function workbookParts(zip: ZipBook): Promise<WorkbookParts> {
  const rels = new Map<string, { type: string; target: string }>();
  await drain(
    scanXml('xl/_rels/workbook.xml.rels', zip.text('xl/_rels/workbook.xml.rels'), {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target && rels.size < MAX_SHEETS * 2)
          rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(a.Target) });
      },
      close() {},
      text() {},
    }),
  );
  const sheets: SheetRef[] = [];
  await drain(
    scanXml(WORKBOOK, zip.text(WORKBOOK), {
      open(name, a) {
        if (name !== 'sheet') return;
        if (sheets.length >= MAX_SHEETS)
          throw new WorkbookRefused(
            'UNSUPPORTED_MEDIA',
            `工作簿中的工作表超过${MAX_SHEETS}个，请删除多余的工作表后导入`,
          );
        const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
        const path = (rid && rels.get(rid)?.target) || `xl/worksheets/sheet${sheets.length + 1}.xml`;
        sheets.push({ name: a.name ?? '', path });
      },
      close() {},
      text() {},
    }),
  );
  const ofType = (suffix: string, fallback: string) => {
    const hit = [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? fallback;
    return zip.has(hit) ? hit : null;
  };
  return {
    sheets,
    sharedStrings: ofType('/sharedStrings', 'xl/sharedStrings.xml'),
    styles: ofType('/styles', 'xl/styles.xml'),
  };
}

/**
 * The text of a shared string or an inline string: the <t> elements of an <si> or <is>, runs
 * included, phonetic guides (<rPh>) left out. Used by both readers.
 */
export class RichText {
  text = '';
  private inT = false;
  private inPhonetic = false;
  open(name: string) {
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !this.inPhonetic) this.inT = true;
  }
  close(name: string) {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't') this.inT = false;
  }
  add(t: string) {
    if (this.inT && this.text.length < TEXT_KEEP) this.text += t.length > TEXT_KEEP ? t.slice(0, TEXT_KEEP) : t;
  }
  take(): string {
    const t = this.text.length > TEXT_KEEP ? this.text.slice(0, TEXT_KEEP) : this.text;
    this.text = '';
    return t;
  }
}

export async function readSharedStrings(zip: ZipBook, path: string): Promise<string[]> {
  const out: string[] = [];
  let chars = 0;
  let inSi = false;
  const rich = new RichText();
  await drain(
    scanXml(path, zip.text(path), {
      open(name) {
        if (name === 'si') {
          inSi = true;
          if (out.length >= MAX_SHARED_STRINGS) {
            throw new WorkbookRefused(
              'PAYLOAD_TOO_LARGE',
              `文件中的共享字符串超过${MAX_SHARED_STRINGS}个，超出导入上限（${MAX_DATA_ROWS}行），请拆分为多个文件导入`,
            );
          }
        } else if (inSi) rich.open(name);
      },
      close(name) {
        if (name !== 'si') {
          if (inSi) rich.close(name);
          return;
        }
        inSi = false;
        const t = rich.take();
        chars += t.length;
        if (chars > MAX_SHARED_CHARS) {
          throw new WorkbookRefused(
            'PAYLOAD_TOO_LARGE',
            `文件中的共享字符串超过${MAX_SHARED_CHARS / 1024 / 1024}M个字符，超出导入上限，请拆分为多个文件导入`,
          );
        }
        out.push(t);
      },
      text(t) {
        if (inSi) rich.add(t);
      },
    }),
  );
  return out;
}

// Excel's built-in date and time formats (ECMA-376 §18.8.30, with the zh-CN ones 27–36, 50–58)
const DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
/** a format code shows a date when, outside quotes and brackets, it has y, m, d, h or s */
export const isDateFormat = (code: string) => /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** The indexes of the cell styles (cellXfs) whose number format is a date or time. */
export async function readDateStyles(zip: ZipBook, path: string): Promise<Set<number>> {
  const custom = new Map<number, boolean>();
  const dates = new Set<number>();
  let inXfs = false;
  let xf = 0;
  await drain(
    scanXml(path, zip.text(path), {
      open(name, a) {
        if (name === 'numFmt' && custom.size < MAX_STYLES)
          custom.set(Number(a.numFmtId), isDateFormat(a.formatCode ?? ''));
        else if (name === 'cellXfs') inXfs = true;
        else if (name === 'xf' && inXfs) {
          if (xf >= MAX_STYLES)
            throw new WorkbookRefused(
              'UNSUPPORTED_MEDIA',
              `文件中的单元格格式超过${MAX_STYLES}种，请用 Excel 或 WPS 另存为 .xlsx 后导入`,
            );
          const id = Number(a.numFmtId ?? 0);
          if (custom.get(id) ?? DATE_IDS.has(id)) dates.add(xf);
          xf++;
        }
      },
      close(name) {
        if (name === 'cellXfs') inXfs = false;
      },
      text() {},
    }),
  );
  return dates;
}
