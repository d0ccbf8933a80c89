// Hostile workbooks for the tests (issue 10 item 1), built as the attack built them: a small
// zip that inflates to gigabytes. The deflate stream is made cheaply: one block of XML is
// compressed once with a full flush (byte-aligned, nothing referred to across the flush), and
// those bytes are repeated; a deflater started afresh for the head and the tail, which ends
// the stream. The CRC is computed over the real content, so only the sizes may lie.
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { COLUMNS } from './columns.js';

interface Part {
  name: string;
  /** the deflated bytes */
  data: Buffer;
  crc: number;
  size: number;
  /** the size written in the local and central headers (default: the real one) */
  declared?: number;
}

const flush = (s: string) => deflateRawSync(Buffer.from(s), { finishFlush: constants.Z_FULL_FLUSH });

/** head + block × times + tail, deflated, with its CRC and real size */
function repeated(name: string, head: string, block: string, times: number, tail: string): Part {
  const h = Buffer.from(head),
    b = Buffer.from(block),
    t = Buffer.from(tail);
  let crc = crc32(h);
  for (let i = 0; i < times; i++) crc = crc32(b, crc);
  crc = crc32(t, crc);
  const hb = flush(head),
    bb = flush(block);
  const data = Buffer.concat([hb, ...Array.from({ length: times }, () => bb), deflateRawSync(t)]);
  return { name, data, crc, size: h.length + b.length * times + t.length };
}

const small = (name: string, xml: string): Part => repeated(name, xml, '', 0, '');

function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.declared ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts every workbook has: content types, relationships, one sheet named 职权信息表. */
function skeleton(): Part[] {
  return [
    small(
      '[Content_Types].xml',
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    small(
      '_rels/.rels',
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    small(
      'xl/workbook.xml',
      `${DECL}<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="职权信息表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    small(
      'xl/_rels/workbook.xml.rels',
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
  ];
}

const MB = 1024 * 1024;

/** ~1.5 MB whose shared-string part is about 1 GB of empty strings, its sizes declared honestly. */
export function sharedStringFlood(): { file: Buffer; inflated: number } {
  const si = '<si><t/></si>';
  const block = si.repeat(Math.floor(MB / si.length));
  const strings = repeated('xl/sharedStrings.xml', `${DECL}<sst ${NS}>`, block, 1024, '</sst>');
  const sheet = small(
    'xl/worksheets/sheet1.xml',
    `${DECL}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
  );
  return { file: zip([...skeleton(), strings, sheet]), inflated: strings.size };
}

const textRow = (cells: readonly string[]) =>
  `<row>${cells.map((t) => `<c t="inlineStr"><is><t>${t}</t></is></c>`).join('')}</row>`;

/** The template's header row, then about 3 GB of rows, in a worksheet whose local and central headers say 100 KB. */
export function underDeclared(): { file: Buffer; inflated: number; declared: number } {
  const header = textRow(COLUMNS.map((c) => c.header));
  const row = textRow([
    '食品经营许可',
    '主项',
    '',
    '行政许可',
    '包头市市场监督管理局',
    '《中华人民共和国食品安全法》第三十五条：从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
  ]);
  const block = row.repeat(Math.floor(MB / Buffer.byteLength(row)));
  const sheet = repeated(
    'xl/worksheets/sheet1.xml',
    `${DECL}<worksheet ${NS}><sheetData>${header}`,
    block,
    3 * 1024,
    '</sheetData></worksheet>',
  );
  const declared = 100 * 1024;
  const strings = small('xl/sharedStrings.xml', `${DECL}<sst ${NS}/>`);
  return { file: zip([...skeleton(), strings, { ...sheet, declared }]), inflated: sheet.size, declared };
}

/** A workbook of the given worksheet XML (inside <sheetData>) and shared-string XML (inside <sst>); styles.xml if given. */
export function workbookOf(
  sheetData: string,
  sharedStrings = '',
  opts: { declaration?: string; styles?: string } = {},
): Buffer {
  const decl = opts.declaration ?? DECL;
  return zip([
    ...skeleton(),
    ...(opts.styles ? [small('xl/styles.xml', `${DECL}${opts.styles}`)] : []),
    small('xl/sharedStrings.xml', `${decl}<sst ${NS}>${sharedStrings}</sst>`),
    small('xl/worksheets/sheet1.xml', `${decl}<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`),
  ]);
}

/** The template's header row as worksheet XML. */
export const headerRowXml = () => textRow(COLUMNS.map((c) => c.header));
