// Marking the matched terms in a text, escaped (<mark>), and cutting a snippet around the
// first match. Matching happens on the normalised text (query.ts), mapped back to the
// original characters so that what is shown is exactly what was published.
import { escape, raw, type Html } from '../portal/html.js';
import { normalizeForSearch } from './query.js';

/** [start, end) ranges of original code-point indexes that match any term. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const chars = Array.from(text);
  let norm = '';
  const owner: number[] = []; // normalised UTF-16 index → original code-point index
  chars.forEach((c, i) => {
    const n = normalizeForSearch(c);
    norm += n;
    for (let k = 0; k < n.length; k++) owner.push(i);
  });
  const ranges: [number, number][] = [];
  for (const t of terms) {
    if (!t) continue;
    for (let at = norm.indexOf(t); at !== -1; at = norm.indexOf(t, at + t.length))
      ranges.push([owner[at]!, owner[at + t.length - 1]! + 1]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

export function highlight(text: string, terms: readonly string[]): Html {
  const chars = Array.from(text);
  let out = '';
  let pos = 0;
  for (const [s, e] of matchRanges(text, terms)) {
    out += escape(chars.slice(pos, s).join('')) + '<mark>' + escape(chars.slice(s, e).join('')) + '</mark>';
    pos = e;
  }
  return raw(out + escape(chars.slice(pos).join('')));
}

/** Up to `width` characters around the first match, highlighted; null when nothing matches. */
export function snippet(text: string, terms: readonly string[], width = 60): Html | null {
  const first = matchRanges(text, terms)[0];
  if (!first) return null;
  const chars = Array.from(text);
  if (chars.length <= width) return highlight(text, terms);
  const start = Math.max(0, Math.min(first[0] - Math.floor(width / 3), chars.length - width));
  const part = chars.slice(start, start + width).join('');
  const h = highlight(part, terms).value;
  return raw(`${start > 0 ? '…' : ''}${h}${start + width < chars.length ? '…' : ''}`);
}
