// The one .xlsx (SpreadsheetML) writer of the platform: the import template, exports, error
// reports and the yearly report. Rows become XML text directly (inline strings, the fixed
// stylesheet of xlsx-styles.ts) and stream into the zip as they are written, so a 100,000-row
// list never sits in memory. The zip container is zip-stream's (archiver's maintained streaming
// zip writer: each entry deflated as it is read, CRC and sizes in a data descriptor, zip64 when
// needed), fed one sheet at a time through a stream whose back-pressure reaches the download.
// zip-stream rather than yazl: on a 100,000-row export (312 MB of sheet XML) yazl's pipeline
// and CRC cost 1.65 s of CPU, zip-stream's 1.19 s.
// Readers: Excel, WPS, LibreOffice and our importer (src/modules/exchange/xlsx-read.ts) — the
// tests read every file back.
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ZipStream from 'zip-stream';
import { escapeAttr, escapeText, packageParts } from './xlsx-package.js';
import type { StyleId } from './xlsx-styles.js';

export { STYLE, type StyleId } from './xlsx-styles.js';

export type CellValue = string | number | null | undefined;

/**
 * Deflate level: 1 (fastest) compresses our Chinese XML about 15 % less tightly than the
 * default 6 at a third of the CPU (measured on 100,000 rows: 45 MB vs 39 MB).
 */
const LEVEL = 1;
/**
 * zip-stream hands these to its zlib DeflateRaw (its documented `zlib` option): a 256 KB output
 * chunk rather than zlib's 16 KB makes a 40 MB export about 160 callbacks into JavaScript, not 2,600.
 */
const DEFLATE = { level: LEVEL, chunkSize: 256 * 1024 };
/**
 * How much of a sheet may wait for the zip: the next rows are made while the last deflate.
 * Small, like BUFFER_BYTES, so that a buffer is deflated and dropped while still young: 1–2 MB
 * buffers outlived the young generation and piled up (40–60 MB on a 100,000-row export) until
 * a full collection.
 */
const SHEET_BUFFER = 256 * 1024;

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
  /** a style for every cell of the row, empty ones too (else each column's, on cells with a value) */
  style?: StyleId | readonly StyleId[];
  /** height in points */
  height?: number;
}

/**
 * Rows are encoded straight into a buffer: building each row as one JavaScript string and
 * joining them cost more than all the rest of an export (a row is a rope of small pieces that
 * V8 must flatten, then encode again).
 */
const BUFFER_BYTES = 256 * 1024;
// Buffer#utf8Write is the encoder behind buf.write(s, offset, 'utf8') without its argument
// handling, which alone took a fifth of an export's time; the public call where it is absent.
type Utf8Write = (this: Buffer, s: string, offset: number) => number;
const utf8Write: Utf8Write =
  (Buffer.prototype as unknown as { utf8Write?: Utf8Write }).utf8Write ??
  function (this: Buffer, s: string, offset: number) {
    return this.write(s, offset, 'utf8');
  };
const CELL_END = '</t></is></c>';

/** The characters String#trim removes (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
/** `s.trim() !== s` without making the trimmed copy (once per cell of an export). */
const edgeSpace = (s: string) => isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1));

/** Where a sheet's bytes go: its zip entry's stream, and the book's failure (a closed download). */
interface SheetSink {
  part: PassThrough;
  broken: Promise<never>;
}

export class SheetWriter {
  private n = 0;
  private buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private pos = 0;
  private pending: Buffer[] = [];
  private readonly merges: string[] = [];
  private readonly refs: string[];
  private readonly colStyle: string[];

  constructor(
    private readonly sink: SheetSink,
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

  private take(): Buffer {
    const full = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(BUFFER_BYTES);
    this.pos = 0;
    return full;
  }

  /** The number of the next row (1 = the first). */
  get nextRow(): number {
    return this.n + 1;
  }

  /** Leave `count` rows empty. */
  skip(count: number): void {
    this.n += count;
  }

  /** Merge a range of cells written or to be written, e.g. A9:B9. */
  merge(ref: string): void {
    this.merges.push(ref);
  }

  /** Append a row; resolves when more may be written (back-pressure from the download). */
  row(cells: readonly CellValue[], opts?: RowOptions): Promise<void> | undefined {
    const r = ++this.n;
    this.put(opts?.height ? `<row r="${r}" ht="${opts.height}" customHeight="1">` : `<row r="${r}">`);
    const style = opts?.style;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      const ref = this.refs[i] ?? `<c r="${columnName(i + 1)}`;
      if (v === null || v === undefined || v === '') {
        // a row style (a boxed table, the header) still reaches its empty cells
        if (style !== undefined) this.put(`${ref}${r}" s="${typeof style === 'number' ? style : (style[i] ?? 0)}"/>`);
        continue;
      }
      const s =
        style === undefined ? (this.colStyle[i] ?? '') : ` s="${typeof style === 'number' ? style : (style[i] ?? 0)}"`;
      if (typeof v === 'number') this.put(`${ref}${r}"${s}><v>${v}</v></c>`);
      else {
        const space = edgeSpace(v) ? ' xml:space="preserve"' : '';
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
    for (const b of bufs) await this.send(b);
  }

  /** @internal give the zip entry its next bytes, waiting while it is full */
  async send(b: Buffer | string): Promise<void> {
    const { part, broken } = this.sink;
    if (!part.write(b)) await Promise.race([once(part, 'drain'), broken]);
  }

  /** @internal the closing XML: merged cells, then data validations, as the schema orders them */
  tail(): string {
    const m = this.merges.length
      ? `<mergeCells count="${this.merges.length}">${this.merges.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`
      : '';
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
    return `</sheetData>${m}${dv}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  }

  /** @internal write what is left and end the entry (the zip reads it to its end in its turn) */
  async close(): Promise<void> {
    if (this.pos) this.pending.push(this.take());
    await this.flush();
    this.sink.part.end(this.tail());
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
  private readonly zip = new ZipStream({ zlib: DEFLATE });
  /** the entry being written: zip-stream takes one at a time, the next when it is done */
  private entries: Promise<void> = Promise.resolve();
  private readonly mtime: Date;
  private next = 0;
  private open: SheetWriter | null = null;
  private part: PassThrough | null = null;
  private done = false;
  /** rejects when the download fails or goes away before the workbook is complete */
  private readonly broken: Promise<never>;

  constructor(
    private readonly out: Writable,
    private readonly opts: BookOptions,
  ) {
    this.mtime = opts.created ?? new Date();
    let reject!: (e: Error) => void;
    this.broken = new Promise<never>((_, r) => (reject = r));
    this.broken.catch(() => {}); // observed by the writes that wait
    const fail = (e: Error) => {
      if (this.done) return;
      this.done = true;
      reject(e);
      this.part?.destroy();
      this.zip.unpipe(out as never);
    };
    out.once('finish', () => (this.done = true));
    out.on('error', fail);
    // the client went away: stop instead of waiting for a drain that never comes
    out.once('close', () => fail(new Error('stream closed')));
    this.zip.on('error', fail);
    this.zip.pipe(out as never); // readable-stream's types; a node stream is what it pipes to
    for (const [name, xml] of packageParts(opts.sheets, opts.creator ?? '', this.mtime))
      this.add(Buffer.from(xml, 'utf8'), name);
  }

  /** Queue an entry: it is written once those before it are complete. */
  private add(source: Buffer | PassThrough, name: string): void {
    const entry = () =>
      new Promise<void>((resolve, reject) =>
        this.zip.entry(source, { name, date: this.mtime }, (e) => (e ? reject(e) : resolve())),
      );
    this.entries = this.entries.then(entry);
    this.entries.catch(() => {}); // observed by finish()
  }

  /** Begin the next sheet (closing the one before); its name must be the next in `sheets`. */
  async sheet(name: string, opts: SheetOptions): Promise<SheetWriter> {
    if (this.open) await this.open.close();
    const i = this.next++;
    if (this.opts.sheets[i] !== name)
      throw new Error(`sheet ${name} out of order (expected ${this.opts.sheets[i] ?? 'none'})`);
    const part = new PassThrough({ highWaterMark: SHEET_BUFFER });
    this.part = part;
    // this sheet's bytes flow once the entries before it are in; until then they wait in `part`
    this.add(part, `xl/worksheets/sheet${i + 1}.xml`);
    const ws = new SheetWriter({ part, broken: this.broken }, opts);
    await ws.send(ws.head());
    this.open = ws;
    return ws;
  }

  /** Close the last sheet and the archive; resolves when `out` has finished. */
  async finish(): Promise<void> {
    if (this.open) await this.open.close();
    this.open = null;
    for (const name of this.opts.sheets.slice(this.next)) {
      const ws = await this.sheet(name, { cols: [] });
      this.open = null;
      await ws.close();
    }
    await Promise.race([this.entries, this.broken]);
    this.zip.finish();
    await Promise.race([finished(this.out, { readable: false }), this.broken]);
  }
}
