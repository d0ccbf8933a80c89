// §15 ¶3 (篡改、内容异常): the integrity monitor. For every body with a published list it
//  1. recomputes the SM3 digest of the current version from the power rows (the register) and
//     compares it with the digest recorded at publication — rows changed outside the platform
//     (the append-only trigger disabled) no longer hash to it;
//  2. fetches what the portal actually serves — the data file /api/public/bodies/:id/list.json and
//     the page /bodies/:id (its full view ?all=1 for a long list) — and checks that the file
//     hashes to the publication's digest, that the page carries that digest (X-Publication-Digest)
//     and shows every power of the register by code and name.
// A body that published during the run is left to the next run (its findings are dropped).
// Any difference closes the portal (closeOnMismatch). While the portal is closed nothing is served,
// so only step 1 runs. Runs: hourly inside the server (the sweep's timer, src/server/main.ts),
// `npm run integrity:check` (scripts/integrity-check.ts), and the office's 立即检查.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { canonicalListJson, type Power } from '../../core/register/index.js';
import {
  PUBLICATION_DIGEST_HEADER as DIGEST_HEADER,
  publicationDigest as digestHeaderValue,
  type IntegrityCheck,
  type Mismatch,
} from '../../contract/integrity.js';
import type { AppDeps } from '../../platform/deps.js';
import { PREVIEW_ABOVE } from '../portal/body.page.js';
import { escape } from '../portal/html.js';
import { publishedBodies } from '../portal/portal.repo.js';
import { listDigest } from '../register/publish.js';
import { closeOnMismatch } from './integrity.commands.js';
import { currentListsFromRows, insertCheck, openClosure } from './integrity.repo.js';

const SERVED_CONCURRENCY = 4;

export interface Served {
  status: number;
  header(name: string): string | undefined;
  body: string;
}
/** How the monitor reads the portal: real HTTP to a running server, or app.inject in-process. */
export type Fetcher = (path: string) => Promise<Served>;

export const injectFetcher =
  (app: FastifyInstance): Fetcher =>
  async (path) => {
    const r = await app.inject({ method: 'GET', url: path, headers: { accept: 'text/html, application/json' } });
    const header = (n: string) => {
      const v = r.headers[n.toLowerCase()];
      return Array.isArray(v) ? v.join(', ') : v === undefined ? undefined : String(v);
    };
    return { status: r.statusCode, header, body: r.body };
  };

export const httpFetcher =
  (base: string): Fetcher =>
  async (path) => {
    const r = await fetch(new URL(path, base), {
      headers: { accept: 'text/html, application/json' },
      signal: AbortSignal.timeout(30_000),
    });
    const body = await r.text();
    return { status: r.status, header: (n) => r.headers.get(n) ?? undefined, body };
  };

const sm3 = (text: string) => createHash('sm3').update(text, 'utf8').digest('hex');

interface Head {
  id: number;
  name: string;
  version: number;
  digest: string;
}

async function compareServed(fetch: Fetcher, h: Head, powers: readonly Power[], out: Mismatch[]): Promise<number> {
  const at = (kind: Mismatch['kind'], path: string, expected: string | null, found: string | null) =>
    out.push({ bodyId: h.id, bodyName: h.name, version: h.version, kind, path, expected, found });
  const jsonPath = `/api/public/bodies/${h.id}/list.json`;
  const j = await fetch(jsonPath).catch((e: Error) => ({ status: 0, body: e.message, header: () => undefined }));
  if (j.status !== 200) at('fetch', jsonPath, 'HTTP 200', `HTTP ${j.status}`);
  else {
    let doc: { digest?: string; powers?: Power[] } = {};
    try {
      doc = JSON.parse(j.body);
    } catch {
      at('json', jsonPath, 'JSON', '无法解析');
    }
    if (doc.digest !== h.digest) at('json', jsonPath, h.digest, doc.digest ?? null);
    const served = Array.isArray(doc.powers) ? sm3(canonicalListJson(doc.powers)) : null;
    if (served !== h.digest) at('json', jsonPath, h.digest, served);
  }
  // the page visitors open; a long list opens as a preview, so its full view (?all=1) is read instead
  const pagePath = powers.length > PREVIEW_ABOVE ? `/bodies/${h.id}?all=1` : `/bodies/${h.id}`;
  const p = await fetch(pagePath).catch((e: Error) => ({ status: 0, body: e.message, header: () => undefined }));
  if (p.status !== 200) at('fetch', pagePath, 'HTTP 200', `HTTP ${p.status}`);
  else {
    const carried = p.header(DIGEST_HEADER) ?? null;
    if (carried !== digestHeaderValue(h.digest)) at('page', pagePath, digestHeaderValue(h.digest), carried);
    const missing = powers.filter((x) => !p.body.includes(`/powers/${x.code}`) || !p.body.includes(escape(x.name)));
    if (missing.length)
      at(
        'page',
        pagePath,
        `${powers.length} 项职权`,
        `缺少或不同 ${missing.length} 项：${missing
          .slice(0, 3)
          .map((x) => `${x.code} ${x.name}`)
          .join('；')}`,
      );
  }
  return 2;
}

/** One run: compare, record, and close the portal on a mismatch. */
export async function runIntegrityCheck(
  deps: AppDeps,
  fetch: Fetcher,
  trigger: IntegrityCheck['trigger'],
): Promise<IntegrityCheck & { closedNow: boolean }> {
  const started = performance.now();
  const at = deps.clock();
  const heads = await publishedBodies(deps.db);
  const open = !(await openClosure(deps.db));
  const mismatches: Mismatch[] = [];
  let resources = 0;
  const lists = await currentListsFromRows(deps.db);
  for (const h of heads) {
    const powers = lists.get(h.id) ?? [];
    const recomputed = listDigest(powers);
    if (recomputed !== h.digest)
      mismatches.push({
        bodyId: h.id,
        bodyName: h.name,
        version: h.version,
        kind: 'register',
        path: null,
        expected: h.digest,
        found: recomputed,
      });
  }
  // the portal as served, a few requests at a time (the render of one overlaps another's query)
  if (open) {
    let next = 0;
    const worker = async () => {
      for (let h = heads[next++]; h; h = heads[next++]) {
        const n = await compareServed(fetch, h, lists.get(h.id) ?? [], mismatches);
        resources += n; // after the await: `resources += await …` would add to a stale total
      }
    };
    await Promise.all(Array.from({ length: SERVED_CONCURRENCY }, worker));
  }
  // A body that published while the run read it was compared half old, half new: its findings
  // are not tampering. Dropped here; the next run compares the new version.
  if (mismatches.length) {
    const now = new Map((await publishedBodies(deps.db)).map((b) => [b.id, b.version]));
    const raced = (m: Mismatch) => m.bodyId !== null && now.get(m.bodyId) !== m.version;
    mismatches.splice(0, mismatches.length, ...mismatches.filter((m) => !raced(m)));
  }
  const run = {
    at,
    trigger,
    ok: mismatches.length === 0,
    bodies: heads.length,
    resources,
    served: open,
    durationMs: Math.round(performance.now() - started),
    mismatches,
  };
  const id = await insertCheck(deps.db, run);
  let closedNow = false;
  if (!run.ok) closedNow = (await closeOnMismatch(deps, mismatchReason(mismatches), mismatches)) !== null;
  return { id, ...run, closedNow };
}

/** The reason the notice shows: what was found, in words, without digests. */
export function mismatchReason(m: readonly Mismatch[]): string {
  const names = [...new Set(m.map((x) => x.bodyName).filter(Boolean))];
  const who = names.length
    ? `，涉及${names.slice(0, 3).join('、')}${names.length > 3 ? `等 ${names.length} 个机构` : ''}`
    : '';
  return `完整性监测发现公开内容与权责清单登记不一致（${m.length} 处${who}），网站暂时关闭待核查`;
}
