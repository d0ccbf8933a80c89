// A streaming .xlsx (SpreadsheetML) writer for our own workbooks: the template, exports and
// error reports. Rows become XML text directly (inline strings, a fixed stylesheet of the few
// styles we use) and go into the zip as they are written, so a 100,000-row list never sits in
// memory. It does a fraction of the work of a general spreadsheet library per cell, which is
// what makes an export cost little more than reading the rows (docs/BENCHMARKS.md).
// Readers: Excel, WPS, LibreOffice and exceljs (our importer) — the tests read every file back.
import type { Writable } from 'node:stream';
import { ZipWriter } from './zip-writer.js';

export type CellValue = string | number | null | undefined;

/** The styles of our workbooks (xl/styles.xml below; the number is the cellXfs index). */
export const STYLE = {
  plain: 0,
  /** data: wrap, top-aligned (cells that hold lines) */
  wrap: 1,
  /** data: top-aligned */
  top: 2,
  /** column names */
  header: 3,
  /** column names of required columns (red) */
  headerRequired: 4,
  /** the 【说明】 row */
  note: 5,
  /** a label in a text sheet */
  bold: 6,
  /** the error report's column names */
  headerWarm: 7,
} as const;
export type StyleId = (typeof STYLE)[keyof typeof STYLE];

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="5">
<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="11"/><color rgb="FF1F3864"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="11"/><color rgb="FFC00000"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><sz val="9"/><color rgb="FF595959"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>
</fonts>
<fills count="5">
<fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFF8E1"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFCE4D6"/><bgColor indexed="64"/></patternFill></fill>
</fills>
<borders count="2">
<border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border>
</borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="3" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="4" fillId="4" borderId="0" xfId="0" applyFont="1" applyFill="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

// XML 1.0 cannot carry C0 controls other than tab/LF/CR (dropped); CR is kept as a character
// reference because a parser turns a literal CR into LF.
const NEEDS_ESCAPE = /[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const escapeText = (s: string) =>
  NEEDS_ESCAPE.test(s) ? s.replace(/[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (c) => ESCAPES[c] ?? '') : s;
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** Column letters: 1 → A, 27 → AA. */
export function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface ListValidation {
  /** e.g. D3:D200002 */
  sqref: string;
  /** the choices; Excel limits the joined list to 255 characters */
  list: readonly string[];
  errorTitle?: string;
  error?: string;
  promptTitle?: string;
  prompt?: string;
}

export interface SheetOptions {
  cols: { width: number; style?: StyleId }[];
  /** frozen panes: columns left of and rows above the scrolling part */
  frozen?: { columns: number; rows: number };
  validations?: readonly ListValidation[];
}

export interface RowOptions {
  /** a style for every cell of the row (else each column's) */
  style?: StyleId | readonly StyleId[];
  /** height in points */
  height?: number;
}

/**
 * Rows are encoded straight into a buffer: building each row as one JavaScript string and
 * joining them cost more than all the rest of an export (a row is a rope of small pieces that
 * V8 must flatten, then encode again).
 */
const BUFFER_BYTES = 1 << 20;
// Buffer#utf8Write is the encoder behind buf.write(s, offset, 'utf8') without its argument
// handling, which alone took a fifth of an export's time; the public call where it is absent.
type Utf8Write = (this: Buffer, s: string, offset: number) => number;
const utf8Write: Utf8Write =
  (Buffer.prototype as unknown as { utf8Write?: Utf8Write }).utf8Write ??
  function (this: Buffer, s: string, offset: number) {
    return this.write(s, offset, 'utf8');
  };
const CELL_END = '</t></is></c>';

export class SheetWriter {
  private n = 0;
  private buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private pos = 0;
  private readonly refs: string[];
  private readonly colStyle: string[];

  constructor(
    private readonly zip: ZipWriter,
    private readonly opts: SheetOptions,
  ) {
    // per column, computed once: the start of a cell's XML and its column's style attribute
    this.refs = Array.from({ length: 64 }, (_, i) => `<c r="${columnName(i + 1)}`);
    this.colStyle = opts.cols.map((c) => (c.style ? ` s="${c.style}"` : ''));
  }

  /** @internal the sheet's opening XML */
  head(): string {
    const o = this.opts;
    const f = o.frozen;
    let views = '<sheetViews><sheetView workbookViewId="0"';
    if (f && (f.columns || f.rows)) {
      const pane = f.columns && f.rows ? 'bottomRight' : f.rows ? 'bottomLeft' : 'topRight';
      const topLeft = `${columnName(f.columns + 1)}${f.rows + 1}`;
      views +=
        `><pane${f.columns ? ` xSplit="${f.columns}"` : ''}${f.rows ? ` ySplit="${f.rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="A${f.rows + 1}" sqref="A${f.rows + 1}"/></sheetView></sheetViews>`;
    } else views += '/></sheetViews>';
    const cols = o.cols
      .map(
        (c, i) =>
          `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.style ? ` style="${c.style}"` : ''}/>`,
      )
      .join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `${views}<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`
    );
  }

  /** Encode `s` into the buffer (UTF-8 needs at most 3 bytes per UTF-16 unit). */
  private put(s: string): void {
    if (this.pos + 3 * s.length > this.buf.length) {
      if (this.pos > 0) this.pending.push(this.take());
      if (3 * s.length > this.buf.length) this.buf = Buffer.allocUnsafe(3 * s.length);
    }
    this.pos += utf8Write.call(this.buf, s, this.pos);
  }

  private pending: Buffer[] = [];

  private take(): Buffer {
    const full = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(BUFFER_BYTES);
    this.pos = 0;
    return full;
  }

  /** Append a row; resolves when more may be written (back-pressure from the download). */
  row(cells: readonly CellValue[], opts?: RowOptions): Promise<void> | undefined {
    const r = ++this.n;
    this.put(opts?.height ? `<row r="${r}" ht="${opts.height}" customHeight="1">` : `<row r="${r}">`);
    const style = opts?.style;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === null || v === undefined || v === '') continue;
      const s =
        style === undefined ? (this.colStyle[i] ?? '') : ` s="${typeof style === 'number' ? style : (style[i] ?? 0)}"`;
      const ref = this.refs[i] ?? `<c r="${columnName(i + 1)}`;
      if (typeof v === 'number') this.put(`${ref}${r}"${s}><v>${v}</v></c>`);
      else {
        const space = v.trim() === v ? '' : ' xml:space="preserve"';
        this.put(`${ref}${r}"${s} t="inlineStr"><is><t${space}>`);
        this.put(escapeText(v));
        this.put(CELL_END);
      }
    }
    this.put('</row>');
    return this.pending.length ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    const bufs = this.pending;
    this.pending = [];
    for (const b of bufs) await this.zip.write(b);
  }

  /** @internal the closing XML: data validations after the data, as the schema orders them */
  tail(): string {
    const v = this.opts.validations ?? [];
    const dv = v.length
      ? `<dataValidations count="${v.length}">${v
          .map(
            (d) =>
              `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop"` +
              `${d.prompt ? ' showInputMessage="1"' : ''}${d.errorTitle ? ` errorTitle="${escapeAttr(d.errorTitle)}"` : ''}${d.error ? ` error="${escapeAttr(d.error)}"` : ''}` +
              `${d.promptTitle ? ` promptTitle="${escapeAttr(d.promptTitle)}"` : ''}${d.prompt ? ` prompt="${escapeAttr(d.prompt)}"` : ''}` +
              ` sqref="${d.sqref}"><formula1>${escapeText(`"${d.list.join(',')}"`).replace(/"/g, '&quot;')}</formula1></dataValidation>`,
          )
          .join('')}</dataValidations>`
      : '';
    return `</sheetData>${dv}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  }

  /** @internal */
  async close(): Promise<void> {
    if (this.pos) this.pending.push(this.take());
    await this.flush();
    await this.zip.write(this.tail());
    await this.zip.closeEntry();
  }
}

export interface BookOptions {
  /** every sheet's name, in order: the workbook part is written before the sheets */
  sheets: readonly string[];
  creator?: string;
  created?: Date;
}

/** A workbook written to `out` sheet by sheet: sheet() each name in order, then finish(). */
export class XlsxBook {
  private readonly zip: ZipWriter;
  private next = 0;
  private open: SheetWriter | null = null;
  private started: Promise<void> | null = null;

  constructor(
    out: Writable,
    private readonly opts: BookOptions,
  ) {
    this.zip = new ZipWriter(out, opts.created);
  }

  private async start(): Promise<void> {
    const { sheets } = this.opts;
    const created = (this.opts.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
    await this.zip.add(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
        sheets
          .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`)
          .join('') +
        `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    );
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    await this.zip.add(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${rel}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    );
    await this.zip.add(
      'docProps/core.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${escapeText(this.opts.creator ?? '')}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    );
    await this.zip.add(
      'docProps/app.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escapeText(this.opts.creator ?? '')}</Application></Properties>`,
    );
    await this.zip.add(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}">` +
        '<bookViews><workbookView/></bookViews><sheets>' +
        sheets.map((name, i) => `<sheet name="${escapeAttr(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    );
    await this.zip.add(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map(
            (_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${rel}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
    await this.zip.add('xl/styles.xml', STYLES_XML);
    // empty (cells are inline strings), but a streaming reader such as exceljs's parses the
    // sheets as they come only once it has seen this part; without it, it spools them to disk
    await this.zip.add(
      'xl/sharedStrings.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
    );
  }

  /** Begin the next sheet (closing the one before); its name must be the next in `sheets`. */
  async sheet(name: string, opts: SheetOptions): Promise<SheetWriter> {
    await (this.started ??= this.start());
    if (this.open) await this.open.close();
    const i = this.next++;
    if (this.opts.sheets[i] !== name)
      throw new Error(`sheet ${name} out of order (expected ${this.opts.sheets[i] ?? 'none'})`);
    const ws = new SheetWriter(this.zip, opts);
    await this.zip.openEntry(`xl/worksheets/sheet${i + 1}.xml`);
    await this.zip.write(ws.head());
    this.open = ws;
    return ws;
  }

  /** Close the last sheet and the archive; resolves when `out` has finished. */
  async finish(): Promise<void> {
    await (this.started ??= this.start());
    if (this.open) await this.open.close();
    this.open = null;
    for (const name of this.opts.sheets.slice(this.next)) await this.sheet(name, { cols: [] });
    if (this.open) await (this.open as SheetWriter).close();
    await this.zip.finish();
  }
}
