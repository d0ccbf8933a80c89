// The one table the run prints (and writes to bench/out/): figure, value, anchor, ratio,
// target, pass/fail. A ratio is always value ÷ anchor, so "× 0.62" of throughput means the
// page serves 62% of hello-world's requests per second.

export interface Row {
  figure: string;
  value: string;
  anchor: string;
  ratio: string;
  target: string;
  /** null = recorded, no target */
  pass: boolean | null;
}

const w = (s: string) => {
  // display width: CJK characters take two columns
  let n = 0;
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
};
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - w(s)));

export function formatTable(rows: readonly Row[]): string {
  const head = ['figure', 'value', 'anchor', 'ratio', 'target', 'pass/fail'];
  const cells = rows.map((r) => [
    r.figure,
    r.value,
    r.anchor,
    r.ratio,
    r.target,
    r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(w(h), ...cells.map((c) => w(c[i]!))));
  const line = (c: string[]) => `| ${c.map((x, i) => pad(x, widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

export const fixed = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
export const ratio = (value: number, anchor: number) => (anchor > 0 && Number.isFinite(value) ? value / anchor : NaN);
export const times = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');
