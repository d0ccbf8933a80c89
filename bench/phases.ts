// The measured phases, each with its anchor, against the server child.
import { openAsBlob } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { XLSX_MIME } from '../src/modules/exchange/exchange.routes.js';
import { PAGE_SIZE } from '../src/modules/search/search.routes.js';
import type { ServerChild } from './child.js';
import { CLERK } from './load.js';
import { hammer, ms, percentile, watchRss, type LoadFigures } from './measure.js';
import { ACCEPT_ENCODING, HELLO_PATH, STATIC_PATH } from './protocol.js';

export const CONNECTIONS = 50;

/**
 * Hello-world, the body page and the same page's bytes sent statically, in turn, `rounds` ×
 * `seconds` each after a warm-up, so that all see the same machine; req/s over all rounds,
 * p99 the worst round's. Requests ask for compression as browsers do.
 */
export async function portalPhase(
  s: ServerChild,
  bodyId: number,
  seconds: number,
  rounds: number,
): Promise<Record<'hello' | 'page' | 'static', LoadFigures>> {
  const path = `/bodies/${bodyId}`;
  const first = await fetch(`${s.base}${path}`);
  if (first.status !== 200) throw new Error(`portal page ${path} answered ${first.status}`);
  await first.arrayBuffer();
  await s.call({ cmd: 'snapshotPage', path, acceptEncoding: ACCEPT_ENCODING });
  const urls = { hello: `${s.base}${HELLO_PATH}`, page: `${s.base}${path}`, static: `${s.base}${STATIC_PATH}` };
  const runs: Record<keyof typeof urls, LoadFigures[]> = { hello: [], page: [], static: [] };
  for (const url of Object.values(urls)) await hammer(url, CONNECTIONS, 2); // warm-up: JIT, page cache, connections
  for (let r = 0; r < rounds; r++) {
    for (const [k, url] of Object.entries(urls) as [keyof typeof urls, string][]) {
      runs[k].push(await hammer(url, CONNECTIONS, seconds));
      await sleep(300);
    }
  }
  return {
    hello: combine(runs.hello, seconds),
    page: combine(runs.page, seconds),
    static: combine(runs.static, seconds),
  };
}

function combine(xs: LoadFigures[], seconds: number): LoadFigures {
  const sum = (f: (x: LoadFigures) => number) => xs.reduce((a, x) => a + f(x), 0);
  return {
    reqPerSec: sum((x) => x.requests) / (seconds * xs.length),
    p99Ms: Math.max(...xs.map((x) => x.p99Ms)),
    requests: sum((x) => x.requests),
    non2xx: sum((x) => x.non2xx),
    errors: sum((x) => x.errors),
    bytes: sum((x) => x.bytes),
  };
}

/** Queries as visitors type them; every one matches in the demo templates. */
export const LONG_QUERIES = [
  '安全生产',
  '建设工程规划',
  '食品经营许可',
  '道路运输',
  '环境影响评价',
  '特种设备',
  '城乡规划',
  '危险化学品',
  '排污许可',
  '社会团体',
  '医疗机构',
  '行政处罚',
];
export const SHORT_QUERIES = ['许可', '处罚', '食品', '检查', '登记', '征收', '文物', '药品', '林', '水', '税', '矿'];

export interface SearchFigures {
  httpP95: number;
  bareP95: number;
  samples: number;
  perQuery: { q: string; httpMedian: number; bareMedian: number }[];
}

/**
 * One request at a time: the search page (HTML, page 1) over HTTP, then the same query's
 * searchPowersSql timed inside the server process — interleaved, so that both see the same
 * machine (other load on it comes and goes). A first round warms up and is not counted.
 */
export async function searchPhase(s: ServerChild, queries: string[], reps: number): Promise<SearchFigures> {
  const http: { q: string; ms: number }[] = [];
  const bare: { q: string; ms: number }[] = [];
  for (let r = -1; r < reps; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      const res = await fetch(`${s.base}/search?q=${encodeURIComponent(q)}`);
      await res.text();
      const t = ms(t0);
      if (res.status !== 200) throw new Error(`search “${q}” answered ${res.status}`);
      const b = await s.call<number>({ cmd: 'bareSearch', q, pageSize: PAGE_SIZE });
      if (r < 0) continue;
      http.push({ q, ms: t });
      bare.push({ q, ms: b });
    }
  }
  const median = (xs: { q: string; ms: number }[], q: string) =>
    percentile(
      xs.filter((x) => x.q === q).map((x) => x.ms),
      50,
    );
  return {
    httpP95: percentile(
      http.map((x) => x.ms),
      95,
    ),
    bareP95: percentile(
      bare.map((x) => x.ms),
      95,
    ),
    samples: http.length,
    perQuery: queries.map((q) => ({ q, httpMedian: median(http, q), bareMedian: median(bare, q) })),
  };
}

async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(CLERK),
  });
  const body = (await res.json()) as { csrfToken?: string };
  if (res.status !== 200 || !body.csrfToken)
    throw new Error(`bench clerk login answered ${res.status}: ${JSON.stringify(body)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

export interface ExcelFigures {
  ms: number;
  rows: number;
  bytes: number;
  rssStart: number;
  rssPeak: number;
  hwmReset: boolean;
}

/** The import wizard's request: multipart upload into the import body's (new) draft. */
export async function importPhase(
  s: ServerChild,
  bodyId: number,
  path: string,
  expectRows: number,
): Promise<ExcelFigures> {
  const { cookie, csrf } = await login(s.base);
  const file = await openAsBlob(path, { type: XLSX_MIME });
  const form = new FormData();
  form.append('file', file, 'bench-import.xlsx');
  const rss = watchRss(s.pid);
  const t0 = performance.now();
  const res = await fetch(`${s.base}/api/exchange/bodies/${bodyId}/draft/import`, {
    method: 'POST',
    body: form,
    headers: { cookie, 'x-csrf-token': csrf },
  });
  const body = (await res.json()) as {
    rows?: number;
    inserted?: number;
    error?: { message: string; details?: unknown[] };
  };
  const t = ms(t0);
  const mem = rss.stop();
  if (res.status !== 200)
    throw new Error(
      `import answered ${res.status}: ${body.error?.message} ${JSON.stringify(body.error?.details?.slice(0, 3))}`,
    );
  if (body.inserted !== expectRows) throw new Error(`import inserted ${body.inserted} rows, expected ${expectRows}`);
  return {
    ms: t,
    rows: body.inserted,
    bytes: file.size,
    rssStart: mem.startBytes,
    rssPeak: mem.peakBytes,
    hwmReset: mem.hwmReset,
  };
}

/** The public download of the export body's published version 1 (the benchmark list), read to the last byte. */
export async function exportPhase(s: ServerChild, bodyId: number, expectRows: number): Promise<ExcelFigures> {
  const rss = watchRss(s.pid);
  const t0 = performance.now();
  const res = await fetch(`${s.base}/api/exchange/bodies/${bodyId}/list.xlsx?version=1`);
  let bytes = 0;
  const reader = res.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
  const t = ms(t0);
  const mem = rss.stop();
  if (res.status !== 200) throw new Error(`export answered ${res.status}`);
  return { ms: t, rows: expectRows, bytes, rssStart: mem.startBytes, rssPeak: mem.peakBytes, hwmReset: mem.hwmReset };
}
