// A workbook part's XML, parsed as it inflates (saxes), with the bounds a hostile part must
// not get past: no markup Excel never writes (DOCTYPE, comments, CDATA, processing
// instructions after the declaration: what the parser would buffer without limit), no run of
// more than MAX_RUN characters without a tag (one text or tag held at a time), at most
// MAX_DEPTH nested elements and MAX_ELEMENTS elements a part (issue 10 item 1).
import { SaxesParser } from 'saxes';
import { WorkbookRefused } from './zip-read.js';

export const MAX_RUN = 1 << 20;
export const MAX_DEPTH = 64;
export const MAX_ELEMENTS = 32_000_000;

export interface XmlHandlers {
  /** local name (prefix dropped), attributes as written */
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

const refused = (part: string, why: string) =>
  new WorkbookRefused('UNSUPPORTED_MEDIA', `文件中的“${part}”${why}，请用 Excel 或 WPS 另存为 .xlsx 后导入`);

const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/**
 * Feed `chunks` to the parser; yields after each chunk, so that a caller can hand on what the
 * handlers collected (a generator cannot yield from inside a parser's callback).
 */
export async function* scanXml(part: string, chunks: AsyncIterable<string>, h: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  let elements = 0;
  parser.on('opentag', (tag) => {
    if (++depth > MAX_DEPTH) throw refused(part, `嵌套层级超过${MAX_DEPTH}层`);
    if (++elements > MAX_ELEMENTS) throw refused(part, `元素超过${MAX_ELEMENTS}个`);
    h.open(local(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    depth--;
    h.close(local(tag.name));
  });
  parser.on('text', (t) => h.text(t));
  parser.on('error', (e) => {
    throw e;
  });

  let run = 0; // characters since the last '<'
  let last = ''; // the previous chunk's last character
  let first = true;
  for await (const chunk of chunks) {
    const lt = chunk.indexOf('<');
    if (run + (lt < 0 ? chunk.length : lt) > MAX_RUN) throw refused(part, `含有超过${MAX_RUN}个字符的连续内容`);
    if (lt >= 0) run = chunk.length - 1 - chunk.lastIndexOf('<');
    else run += chunk.length;
    // "<!" anywhere; "<?" anywhere but the XML declaration at the very start
    const body = first ? chunk.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, '') : chunk;
    if (body.includes('<!') || body.includes('<?') || (last === '<' && (chunk[0] === '!' || chunk[0] === '?'))) {
      throw refused(part, '含有 Excel 不会写入的内容（文档类型声明、注释、CDATA 或处理指令）');
    }
    last = chunk[chunk.length - 1] ?? last;
    first = false;
    parser.write(chunk);
    yield;
  }
  parser.close();
}
