// Random access to an uploaded workbook on disk (yauzl): the central directory first, then any
// part in any order, each inflated as a stream whose bytes are COUNTED as they come. A part
// that inflates to more than its directory entry says (a zip that lies about its sizes), or a
// workbook whose parts together inflate to more than MAX_UNPACKED, is stopped at that byte:
// nothing trusts the sizes a file declares (issue 10 item 1).
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** What all of a workbook's parts may inflate to: a 200,000-row sheet of long texts stays well below. */
export const MAX_UNPACKED = 2 * 1024 ** 3;
export const MAX_ENTRIES = 10_000;

/** The file is refused as a whole: too big once unpacked, or not a sound zip. Becomes a 413 / 415. */
export class WorkbookRefused extends Error {
  constructor(
    readonly code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA',
    message: string,
  ) {
    super(message);
  }
}

export const tooBigUnpacked = () =>
  new WorkbookRefused('PAYLOAD_TOO_LARGE', `文件解压后超过 ${MAX_UNPACKED / 1024 ** 3} GB，请拆分为多个文件导入`);
const lying = (part: string) =>
  new WorkbookRefused(
    'UNSUPPORTED_MEDIA',
    `文件结构异常：压缩包中“${part}”的实际内容大于其记录的大小，请用 Excel 或 WPS 另存为 .xlsx 后导入`,
  );
const broken = (why: string) =>
  new WorkbookRefused(
    'UNSUPPORTED_MEDIA',
    `文件已损坏或不是有效的 .xlsx（${why.slice(0, 80)}），请用 Excel 或 WPS 另存为 .xlsx 后导入`,
  );

export interface ZipBook {
  has(name: string): boolean;
  /** a part's text, decoded as UTF-8 (split characters carried over), as it inflates */
  text(name: string): AsyncGenerator<string>;
  close(): void;
}

export async function openZip(path: string): Promise<ZipBook> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (e, z) =>
      e ? reject(broken(e.message)) : resolve(z!),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  try {
    if (zip.entryCount > MAX_ENTRIES) throw new WorkbookRefused('UNSUPPORTED_MEDIA', '文件结构异常：压缩包内文件过多');
    let declared = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        declared += e.uncompressedSize;
        if (declared > MAX_UNPACKED) return reject(tooBigUnpacked());
        if (!e.fileName.endsWith('/')) entries.set(e.fileName, e);
        zip.readEntry();
      });
      zip.once('end', resolve);
      zip.once('error', (e: Error) => reject(e instanceof WorkbookRefused ? e : broken(e.message)));
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }

  let inflated = 0; // every part read so far, all of its bytes
  async function* text(name: string): AsyncGenerator<string> {
    const entry = entries.get(name);
    if (!entry) return;
    const stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (e, s) => (e ? reject(broken(e.message)) : resolve(s!))),
    );
    const decoder = new StringDecoder('utf8');
    let mine = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        mine += chunk.length;
        inflated += chunk.length;
        if (mine > entry.uncompressedSize) throw lying(name);
        if (inflated > MAX_UNPACKED) throw tooBigUnpacked();
        const s = decoder.write(chunk);
        if (s) yield s;
      }
    } catch (e) {
      if (e instanceof WorkbookRefused) throw e;
      // yauzl's own size checks ("too many bytes in the stream") and zlib's errors
      throw /too many bytes/.test((e as Error).message) ? lying(name) : broken((e as Error).message);
    } finally {
      stream.destroy();
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  return { has: (name) => entries.has(name), text, close: () => zip.close() };
}
