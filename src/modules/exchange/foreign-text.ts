// A body's own way of writing a cell → the 职权信息表's notation (notation.ts), so the one row
// checker (row-codec.ts) then matches every citation against the legal-document register
// (§7) and reports what it cannot read. Pure: no IO. Where a text cannot be understood it is
// passed on as written, and the row checker names the problem (nothing is guessed silently).
import { escapeItem } from './notation.js';

const NUM = '[零〇一二三四五六七八九十百千两\\d]+';
/** 第三十五条 / 第三十五条之一 / 第一款 / 第（三）项 …, several joined by 、和及至 */
const ARTICLE_ONE = `第${NUM}条(?:之[一二三四五六七八九十]+)?(?:第${NUM}款)?(?:第[（(]?${NUM}[）)]?项)?`;
const ARTICLE = new RegExp(
  `^(?:${ARTICLE_ONE}|第${NUM}[款项])(?:\\s*[、，,和及至\\-—－]\\s*(?:${ARTICLE_ONE}|第${NUM}[款项]))*`,
);
/** a numbering mark at the start of an item: 1. 1、 （1） (一) ① 一、 */
const MARK =
  '(?:\\d{1,2}[.．、](?!\\d)|[（(](?:\\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[①-⑳]|[一二三四五六七八九十]{1,3}、)';
const LEADING_MARK = new RegExp(`^\\s*${MARK}\\s*`);
const TRAILING_MARK = new RegExp(`\\s*${MARK}\\s*$`);
/** where an item may begin inside a line: after 。；; or a space, before its mark */
const ITEM_START = new RegExp(`(?<=[。；;])\\s*(?=${MARK})|\\s+(?=${MARK})`, 'g');

/** Text of a cell: line breaks as \n, spaces (also full-width) trimmed from every line, blank lines dropped. */
export function tidy(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l !== '')
    .join('\n');
}

/** A name as one line: its line breaks and spaces between Chinese characters removed, a leading 1. / （一） dropped. */
export function tidyName(s: string): string {
  return tidy(s)
    .replace(/\s*\n\s*/g, '')
    .replace(LEADING_MARK, '')
    .replace(/[\s\u3000]{2,}/g, ' ')
    .trim();
}

const SHORT_CATEGORY = new Set(['许可', '处罚', '强制', '征收', '给付', '检查', '确认', '奖励', '裁决', '备案']);

/** 行政许可类 / 许可 / 行政处罚（共12项） → the rulebook's label; anything else as written (the row checker names it). */
export function tidyCategory(s: string): string {
  const t = tidyName(s)
    .replace(/[\s]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/(类|事项|职权|权力)$/, '');
  if (SHORT_CATEGORY.has(t)) return `行政${t}`;
  if (/^其他(行政)?(权力|职权)?$/.test(t)) return '其他';
  return t;
}

/** Items of a cell that numbers them on one line (“1.…；2.…”) become one item per line. */
function splitItems(s: string): string[] {
  return tidy(s)
    .split('\n')
    .flatMap((l) => l.split(ITEM_START))
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Does this text start a citation: 《title》(edition) 第…条? */
function citationHead(s: string): { title: string; rest: string } | null {
  if (!s.startsWith('《')) return null;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '《') depth++;
    else if (s[i] === '》' && --depth === 0) {
      const title = s.slice(1, i).trim();
      const rest = s
        .slice(i + 1)
        .replace(/^\s*[（(][^）)]{0,30}[）)]/, '')
        .trimStart();
      return title ? { title, rest } : null;
    }
  }
  return null;
}

const LABEL = /^(?:【[^】]{0,12}】|(?:设定依据|实施依据|法定依据|依据|法律|行政法规|地方性法规|部门规章|规章)[：:])\s*/;

/**
 * 实施依据 as bodies write it — numbered, several citations on a line, an edition after the title,
 * a space instead of the colon, the next article of the same document on its own line — →
 * one `《文件名称》条款：条文` per line. A 《》 inside a citation's text (“依照《行政处罚法》…”)
 * stays text: a citation begins only at a line's start, after a numbering mark or after 。；.
 */
export function toLegalBasesNotation(cell: string): string {
  const out: { title: string; article: string; text: string[] }[] = [];
  const loose: string[] = [];
  for (const raw of tidy(cell).split('\n')) {
    // split the line where a citation begins
    const starts = [0];
    const re = /《/g;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      if (m.index === 0) continue;
      const before = raw.slice(0, m.index);
      const head = citationHead(raw.slice(m.index));
      if (
        head &&
        ARTICLE.test(head.rest) &&
        (/[。；;]\s*$/.test(before) || TRAILING_MARK.test(before) || /\s$/.test(before))
      )
        starts.push(m.index);
    }
    starts.forEach((at, k) => {
      let piece = raw.slice(at, starts[k + 1] ?? raw.length);
      if (k + 1 < starts.length) piece = piece.replace(TRAILING_MARK, '');
      piece = piece.replace(LEADING_MARK, '').replace(LABEL, '').trim();
      if (!piece) return;
      const head = citationHead(piece);
      const last = out[out.length - 1];
      if (head) {
        const a = ARTICLE.exec(head.rest)?.[0] ?? '';
        const text = head.rest.slice(a.length).replace(/^[\s：:，,]+/, '');
        out.push({ title: head.title, article: a.replace(/\s/g, ''), text: text ? [text] : [] });
      } else if (last && ARTICLE.test(piece)) {
        // 第一百二十四条…… on its own line: the same document as the line before
        const a = ARTICLE.exec(piece)![0];
        out.push({
          title: last.title,
          article: a.replace(/\s/g, ''),
          text: [piece.slice(a.length).replace(/^[\s：:，,]+/, '')],
        });
      } else if (last) last.text.push(piece);
      else loose.push(piece);
    });
  }
  return [
    ...loose,
    ...out.map((c) => `《${c.title}》${c.article}：${escapeItem(c.text.filter((t) => t).join('\n'))}`),
  ].join('\n');
}

const DUTY = /^(?:(\d{1,3})\s*[.．、]\s*)?([^：:\n]{1,30}?)\s*[：:]/;

/** 责任事项 “1.受理责任：…2.审查责任：…” (on one line or many) → one `序号.名称：内容` per line; continuation lines join their item. */
export function toResponsibilitiesNotation(cell: string): string {
  const items: string[] = [];
  for (const piece of splitItems(cell)) {
    const marked = piece
      .replace(/^[（(](\d{1,2})[）)]\s*/, '$1.')
      .replace(/^([①-⑳])/, (c) => `${c.charCodeAt(0) - 0x245f}.`);
    if (DUTY.test(marked) || items.length === 0) items.push(marked.replace(/^([一二三四五六七八九十]{1,3})、/, ''));
    else items[items.length - 1] += `\\n${escapeItem(marked)}`;
  }
  return items.join('\n');
}

/** 追责情形 “1.…；2.…” → one case per line, without its number. */
export function toCasesNotation(cell: string): string {
  return splitItems(cell)
    .map((c) => escapeItem(c.replace(LEADING_MARK, '').replace(/[；;，,]+$/, '')))
    .join('\n');
}
