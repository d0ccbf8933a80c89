// Test helpers for the exchange tests: .xlsx files assembled by hand with jszip (not our writer,
// so the importer meets another program's files: shared or inline strings, formulas, sheets in
// any place), multipart bodies for app.inject, and a fresh body with a clerk and legal documents.
import JSZip from 'jszip';
import { sql } from 'kysely';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import type { Database } from '../../db/connect.js';
import { COLUMNS, NOTE_PREFIX, SHEET_NAME } from './columns.js';
import { XLSX_MIME } from './exchange.routes.js';
import { openWorkbook } from './xlsx-read.js';

export type Cell = string | number | { formula: string } | null;

export interface XlsxOptions {
  sheetName?: string;
  headers?: string[];
  /** write the note row (as the template does) */
  noteRow?: boolean;
  /** sheets before the data sheet */
  before?: string[];
  /** a shared-string table, as Excel writes (default: inline strings) */
  sharedStrings?: boolean;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const colName = (n: number): string =>
  (n > 26 ? colName(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

/** One sheet's XML; strings go to `shared` when given (as Excel writes them), else inline. */
function sheetXml(rows: Iterable<Cell[]>, shared: string[] | null): string {
  const index = new Map<string, number>();
  const out: string[] = [`${XML}<worksheet xmlns="${MAIN}"><sheetData>`];
  let r = 0;
  for (const cells of rows) {
    r++;
    const xs: string[] = [];
    cells.forEach((v, i) => {
      const ref = `${colName(i + 1)}${r}`;
      if (v === null || v === '') return;
      if (typeof v === 'number') xs.push(`<c r="${ref}"><v>${v}</v></c>`);
      else if (typeof v === 'object') xs.push(`<c r="${ref}"><f>${esc(v.formula)}</f></c>`);
      else if (shared) {
        let k = index.get(v);
        if (k === undefined) index.set(v, (k = shared.push(v) - 1));
        xs.push(`<c r="${ref}" t="s"><v>${k}</v></c>`);
      } else xs.push(`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`);
    });
    out.push(`<row r="${r}">${xs.join('')}</row>`);
  }
  out.push('</sheetData></worksheet>');
  return out.join('');
}

/** A workbook with one 职权信息表 sheet: header, note row, then `rows`. */
export async function buildXlsx(rows: Iterable<Cell[]>, opts: XlsxOptions = {}): Promise<Buffer> {
  const shared = opts.sharedStrings ? ([] as string[]) : null;
  const names = [...(opts.before ?? []), opts.sheetName ?? SHEET_NAME];
  const zip = new JSZip();
  opts.before?.forEach((_, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml([['其他内容']], shared)));
  const data = function* () {
    yield opts.headers ?? COLUMNS.map((c) => c.header);
    if (opts.noteRow !== false) yield COLUMNS.map((c) => `${NOTE_PREFIX}${c.note}`);
    yield* rows;
  };
  zip.file(`xl/worksheets/sheet${names.length}.xml`, sheetXml(data(), shared));
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  zip.file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      names
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`)
        .join('') +
      (shared ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` : '') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names
      .map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join(
        '',
      )}${shared ? `<Relationship Id="rId${names.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
  );
  if (shared)
    zip.file(
      'xl/sharedStrings.xml',
      `${XML}<sst xmlns="${MAIN}" count="${shared.length}" uniqueCount="${shared.length}">${shared
        .map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`)
        .join('')}</sst>`,
    );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

/**
 * Every row of every sheet, raw (cell values as the importer's reader gives them: text as
 * written, numbers, { formula } …), read as an upload is read: from a file on disk.
 */
export async function readSheets(buf: Buffer): Promise<Map<string, unknown[][]>> {
  const dir = await mkdtemp(join(tmpdir(), 'qz-read-sheets-'));
  try {
    const path = join(dir, 'book.xlsx');
    await writeFile(path, buf);
    const book = await openWorkbook(path);
    const out = new Map<string, unknown[][]>();
    try {
      for (const sheet of book.sheets) {
        const rows: unknown[][] = [];
        for await (const row of book.rows(sheet)) rows[row.number - 1] = row.values.slice(1);
        out.set(sheet.name, rows);
      }
    } finally {
      book.zip.close();
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function multipart(file: Buffer, filename: string, contentType = XLSX_MIME, field = 'file') {
  const boundary = `----qzBoundary${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const BASES = {
  food: '《中华人民共和国食品安全法》第三十五条：从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
  product:
    '《中华人民共和国产品质量法》第四十九条：生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的，责令停止生产、销售，没收违法生产、销售的产品，并处违法生产、销售产品（包括已售出和未售出的产品，下同）货值金额等值以上三倍以下的罚款。',
};

export const XK_RESPONSIBILITIES = [
  '1.受理责任：公示应当提交的材料；一次性告知补正材料；依法受理或不予受理（不予受理应当告知理由）。',
  '2.审查责任：对书面材料进行审查，提出是否同意的初步意见。',
  '3.决定责任：作出行政许可或者不予行政许可决定，法定告知（不予许可的应当书面告知理由）。',
  '4.送达责任：准予许可的制发送达审批决定。',
  '5.事后监管责任：对审批后的相关事宜实施监督管理。',
].join('\n');

/** A valid row for a new 主项 (code left empty) of the given body. */
export function newPowerRow(
  body: string,
  i: number,
  over: Partial<Record<(typeof COLUMNS)[number]['key'], Cell>> = {},
): Cell[] {
  const base: Record<string, Cell> = {
    name: `食品经营许可（第${i}批次核发）`,
    kind: '主项',
    code: '',
    category: '行政许可',
    responsibleSubject: body,
    legalBases: BASES.food,
    legalLevels: '',
    implementingAgency: body,
    responsibilities: XK_RESPONSIBILITIES,
    accountabilityCases: '对符合法定条件的申请事项不予受理的\n依法应当举行听证而不举行听证的',
    accountabilityBasis: '《中华人民共和国行政许可法》第七十二条',
    remarks: '',
    status: '在用',
    ...over,
  };
  return COLUMNS.map((c) => base[c.key] ?? '');
}

/** The legal documents the tests cite (the demo seed may already hold them: same keys). */
export async function ensureDocuments(db: Database): Promise<Map<string, number>> {
  const docs = [
    ['食品安全法', '《中华人民共和国食品安全法》', '法律', null],
    ['产品质量法', '《中华人民共和国产品质量法》', '法律', null],
    ['行政许可法', '《中华人民共和国行政许可法》', '法律', null],
    ['包头市城市供热管理临时性许可规定', '《包头市城市供热管理临时性许可规定》', '临时性行政许可', '2026-03-01'],
  ] as const;
  for (const [key, name, level, eff] of docs) {
    await sql`insert into legal_document (key, name, level, effective_date, expiry_date)
      values (${key}, ${name}, ${level}, ${eff}::date, ${eff ? '2027-03-01' : null}::date) on conflict (key) do nothing`.execute(
      db,
    );
  }
  const rows = await db
    .selectFrom('legal_document')
    .select(['id', 'key'])
    .where(
      'key',
      'in',
      docs.map((d) => d[0]),
    )
    .execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** A new city body with no list yet, whose clerk is the demo user `clerkUsername` (as well). */
export async function bodyWithClerk(
  db: Database,
  name: string,
  clerkUsername = 'clerk.scjg',
  roles: string[] = ['clerk'],
) {
  const { next } = await db
    .selectFrom('body')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
    .where('region_code', '=', '150200')
    .executeTakeFirstOrThrow();
  const body = await db
    .insertInto('body')
    .values({ region_code: '150200', name, short_name: null, kind: '政府工作部门', office: null, seq: next })
    .returning(['id', 'seq'])
    .executeTakeFirstOrThrow();
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', clerkUsername)
    .executeTakeFirstOrThrow();
  for (const role of roles)
    await db.insertInto('user_role').values({ user_id: user.id, body_id: body.id, role }).execute();
  return { id: body.id, name, prefix: `150200-${String(body.seq).padStart(3, '0')}` };
}

export const countDraftPowers = async (db: Database, bodyId: number) =>
  Number(
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from draft_power dp join list_draft d on d.id = dp.draft_id where d.body_id = ${bodyId}`.execute(
        db,
      )
    ).rows[0].n,
  );

/** A minimal zip of stored (uncompressed) entries, e.g. a Word file renamed to .xlsx. */
export function storedZip(entries: { name: string; data: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The text of one file inside an .xlsx (a zip): for checking what the streaming reader does not parse. */
export function zipEntry(zip: Buffer, name: string): string | null {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const entryName = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const local = zip.readUInt32LE(p + 42);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + csize);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return null;
}
