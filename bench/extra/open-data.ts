// The whole city's bulk download (issue 14.3, §15 ¶2): GET /api/public/v1/city/powers.jsonl and
// powers.csv from the running server, streamed a batch of bodies per query, beside the anchor —
// COPY of the very rows in the server child (the database's bare read, no JSON, no HTTP). The
// figure is recorded, with no target of its own; it shows what a consumer waits for at this size.
import { fixed, ratio, times } from '../report.js';
import type { ExtraPhase } from './types.js';

async function download(url: string) {
  const t0 = performance.now();
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  return { ms: performance.now() - t0, bytes, lines, digest: res.headers.get('x-publication-digest') };
}

export const openDataPhase: ExtraPhase = {
  name: 'open-data',
  title: "the city's bulk download (JSON Lines, CSV) beside COPY of the same rows",
  async run({ server, log }) {
    const anchors: number[] = [];
    for (let i = 0; i < 3; i++)
      anchors.push(
        (await server.call<{ ms: number }>({ cmd: 'extra', phase: 'open-data', op: 'anchor', args: {} })).ms,
      );
    const anchor = Math.min(...anchors);
    log(`  anchor (COPY of the current rows): best ${fixed(anchor / 1000, 2)} s of 3`);
    const jsonl = await download(`${server.base}/api/public/v1/city/powers.jsonl`);
    if (!jsonl.digest?.startsWith('sm3:')) throw new Error('the download carries no X-Publication-Digest');
    log(
      `  powers.jsonl: ${jsonl.lines.toLocaleString()} lines, ${fixed(jsonl.bytes / 2 ** 20)} MB in ${fixed(jsonl.ms / 1000, 2)} s`,
    );
    const csv = await download(`${server.base}/api/public/v1/city/powers.csv`);
    log(`  powers.csv: ${fixed(csv.bytes / 2 ** 20)} MB in ${fixed(csv.ms / 1000, 2)} s`);
    const row = (what: string, d: typeof jsonl) => ({
      figure: `the city's ${what} (${jsonl.lines.toLocaleString()} powers, ${fixed(d.bytes / 2 ** 20)} MB, streamed)`,
      value: `${fixed(d.ms / 1000, 2)} s`,
      anchor: `${fixed(anchor / 1000, 2)} s (COPY of the same rows)`,
      ratio: times(ratio(d.ms, anchor)),
      target: 'recorded',
      pass: null,
    });
    return {
      rows: [row('powers.jsonl', jsonl), row('powers.csv', csv)],
      context: [
        `open-data: ${jsonl.lines.toLocaleString()} powers; JSON Lines ${fixed(jsonl.bytes / 2 ** 20)} MB in ${fixed(jsonl.ms / 1000, 2)} s, CSV ${fixed(csv.bytes / 2 ** 20)} MB in ${fixed(csv.ms / 1000, 2)} s; anchor best of 3 COPYs`,
      ],
      details: { jsonl, csv, anchorMs: anchors },
    };
  },
};
