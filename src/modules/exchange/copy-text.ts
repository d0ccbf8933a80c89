// Decoding PostgreSQL's COPY text format (what src/db/copy-out.ts reads): a line a row, fields
// separated by tabs, `\N` for null, and inside a field the backslash escapes COPY writes for
// backslash, newline, carriage return, tab, backspace, form feed and vertical tab. Raw newlines
// and tabs never occur inside a field, so splitting on them is exact.
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const ESCAPE = /\\(.)/g;

function field(raw: string): string | null {
  if (raw === '\\N') return null;
  return raw.includes('\\') ? raw.replace(ESCAPE, (_, c: string) => ESCAPES[c] ?? c) : raw;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The rows of a COPY text buffer, each an array of its fields in column order. */
export function parseCopyText(bytes: Uint8Array): (string | null)[][] {
  const text = decoder.decode(bytes);
  const rows: (string | null)[][] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length; // COPY ends every line with \n; tolerate a missing last one
    rows.push(text.slice(start, end).split('\t').map(field));
    start = end + 1;
  }
  return rows;
}
