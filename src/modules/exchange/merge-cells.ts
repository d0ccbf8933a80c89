// Merged cells of a worksheet (issue 14 item 2). SpreadsheetML keeps them in <mergeCells>
// AFTER <sheetData>, so they are read by a first pass over the sheet's XML as it inflates
// (the rows are not kept), with the same bounds as every part (xml-scan.ts), and at most
// MAX_MERGES ranges. A merged range shows its top-left cell's value in every cell it covers:
// fillMerged gives each row those values, so a 权力分类 merged over twelve rows is read twelve times.
import { scanXml } from './xml-scan.js';
import { WorkbookRefused, type ZipBook } from './zip-read.js';

export const MAX_MERGES = 100_000;

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3" → [3, 2]; null when not a cell reference */
function cellRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

export function parseRange(ref: string): MergeRange | null {
  const [a, b = a] = ref.split(':');
  const p = cellRef(a);
  const q = cellRef(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p[0], q[0]),
    bottom: Math.max(p[0], q[0]),
    left: Math.min(p[1], q[1]),
    right: Math.max(p[1], q[1]),
  };
}

/** The sheet's merged ranges, ordered by their top row. */
export async function readMergeRanges(zip: ZipBook, path: string): Promise<MergeRange[]> {
  const out: MergeRange[] = [];
  for await (const _ of scanXml(path, zip.text(path), {
    open(name, a) {
      if (name !== 'mergeCell' || !a.ref) return;
      if (out.length >= MAX_MERGES)
        throw new WorkbookRefused('PAYLOAD_TOO_LARGE', `工作表中的合并单元格超过${MAX_MERGES}处，请取消合并后导入`);
      const r = parseRange(a.ref);
      if (r && (r.bottom > r.top || r.right > r.left)) out.push(r);
    },
    close() {},
    text() {},
  }))
    void _;
  return out.sort((x, y) => x.top - y.top);
}

/**
 * Rows in order → each row's values with merged ranges filled from their top-left cell, and
 * which columns were filled from a row above (a cell merged with the row before it).
 */
export class MergeFill {
  private next = 0;
  private active: { r: MergeRange; value: unknown }[] = [];

  constructor(private readonly ranges: readonly MergeRange[]) {}

  fill(row: number, values: unknown[]): Set<number> {
    this.active = this.active.filter((a) => a.r.bottom >= row);
    while (this.next < this.ranges.length && this.ranges[this.next].top <= row) {
      const r = this.ranges[this.next++];
      // a range that began on a row the sheet does not have (no <row> element): its value is empty
      if (r.bottom >= row) this.active.push({ r, value: r.top === row ? values[r.left] : undefined });
    }
    const fromAbove = new Set<number>();
    for (const { r, value } of this.active) {
      if (value === undefined || value === null) continue;
      for (let c = r.left; c <= r.right; c++) {
        if (r.top === row && c === r.left) continue;
        values[c] = value;
        if (r.top < row) fromAbove.add(c);
      }
    }
    return fromAbove;
  }
}
