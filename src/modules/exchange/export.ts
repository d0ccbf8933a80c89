// Exporting lists as .xlsx (spec §2; issue 3 item 7), streamed: the ordered row ids are read
// first (a few bytes per power), then the rows in chunks as COPY text, each handed to the export worker
// (export-client.ts) and written there while the next chunk is read, so memory does not grow
// with the list and the server's thread stays free. The columns are the template's, so an
// export imports back unchanged (README.md: the notation).
import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import { copyOut } from '../../db/copy-out.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { AppError } from '../../core/errors.js';
import { DEFAULT_RULEBOOK_ID, getRulebook, isRulebookId, type Rulebook } from '../../core/rulebook/index.js';
import type { Database } from '../../db/connect.js';
import { ExportJob } from './export-client.js';
import { EXPORT_COLUMNS } from './export-protocol.js';
import { guideLines } from './template.js';

export type ExportTarget =
  | { bodyId: number; version?: number }
  | { regionCode: string }
  | { bodyId: number; draft: true };

interface Source {
  bodyId: number;
  bodyName: string;
  /** published version, or null for a draft */
  version: number | null;
  draftId: number | null;
  digest: string | null;
  publishedAt: Date | null;
}

export interface ExportPlan {
  kind: 'published' | 'region' | 'draft';
  title: string;
  fileName: string;
  rulebook: Rulebook;
  sources: Source[];
  /** for HTTP caching of published exports: changes whenever a source version does */
  etag: string | null;
}

const rulebookOf = (id: string | null | undefined) => getRulebook(id && isRulebookId(id) ? id : DEFAULT_RULEBOOK_ID);

/** What an export will contain; null when there is nothing to export (→ 404). */
export async function planExport(db: Database, target: ExportTarget): Promise<ExportPlan | null> {
  if ('regionCode' in target) {
    const region = await db
      .selectFrom('region')
      .select(['code', 'name'])
      .where('code', '=', target.regionCode)
      .executeTakeFirst();
    if (!region) return null;
    const rows = await db
      .selectFrom('body as b')
      .innerJoin('power_list_version as v', 'v.body_id', 'b.id')
      .select(['b.id', 'b.name', 'v.version', 'v.digest', 'v.published_at', 'v.rulebook_id'])
      .where('b.region_code', '=', region.code)
      .where('v.version', '=', (eb) =>
        eb
          .selectFrom('power_list_version as w')
          .select(sql<number>`max(w.version)`.as('m'))
          .whereRef('w.body_id', '=', 'b.id'),
      )
      .orderBy('b.seq')
      .execute();
    if (rows.length === 0) return null;
    return {
      kind: 'region',
      title: `${region.name}各部门权责清单`,
      fileName: `${region.name}各部门权责清单.xlsx`,
      rulebook: rulebookOf(rows[0].rulebook_id),
      sources: rows.map((r) => ({
        bodyId: r.id,
        bodyName: r.name,
        version: r.version,
        draftId: null,
        digest: r.digest,
        publishedAt: new Date(r.published_at),
      })),
      etag: `W/"region-${region.code}-${rows
        .map((r) => `${r.id}.${r.version}`)
        .join('-')
        .slice(0, 200)}"`,
    };
  }
  const body = await db.selectFrom('body').select(['id', 'name']).where('id', '=', target.bodyId).executeTakeFirst();
  if (!body) return null;
  if ('draft' in target) {
    const d = await db
      .selectFrom('list_draft')
      .select(['id', 'rulebook_id'])
      .where('body_id', '=', body.id)
      .where('status', 'in', ['drafting', 'submitted', 'returned', 'reviewed'])
      .executeTakeFirst();
    if (!d) return null;
    return {
      kind: 'draft',
      title: `${body.name}权责清单草稿`,
      fileName: `${body.name}权责清单草稿.xlsx`,
      rulebook: rulebookOf(d.rulebook_id),
      sources: [
        { bodyId: body.id, bodyName: body.name, version: null, draftId: d.id, digest: null, publishedAt: null },
      ],
      etag: null,
    };
  }
  let q = db
    .selectFrom('power_list_version')
    .select(['version', 'digest', 'published_at', 'rulebook_id'])
    .where('body_id', '=', body.id);
  if (target.version !== undefined) q = q.where('version', '=', target.version);
  const v = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!v) return null;
  return {
    kind: 'published',
    title: `${body.name}权责清单（第${v.version}版）`,
    fileName: `${body.name}权责清单（第${v.version}版）.xlsx`,
    rulebook: rulebookOf(v.rulebook_id),
    sources: [
      {
        bodyId: body.id,
        bodyName: body.name,
        version: v.version,
        draftId: null,
        digest: v.digest,
        publishedAt: new Date(v.published_at),
      },
    ],
    etag: `W/"list-${v.digest}"`,
  };
}

/**
 * rows per read: about 1.8 MB of COPY text, small enough not to swell either heap (500 rather
 * than 1,000 lowered PGlite's export peak by about 30 MB at no cost in time), large enough that
 * a query's own cost is small beside its rows'
 */
const CHUNK = 500;
const READ_AHEAD = 3;

/**
 * The source's rows in list order, as COPY text bytes a chunk at a time (what the export worker
 * takes, and decodes there). Neither JSON nor row objects are built: at a million powers those
 * were most of an export's time, on the database's side and on the server's thread.
 */
async function* rowsOf(db: Database, s: Source): AsyncGenerator<Buffer> {
  const table = s.draftId !== null ? 'draft_power' : 'power';
  let ids: number[];
  if (s.draftId !== null) {
    ids = (
      await db
        .selectFrom('draft_power')
        .select('id')
        .where('draft_id', '=', s.draftId)
        .orderBy('ord')
        .orderBy('code')
        .execute()
    ).map((r) => r.id);
  } else {
    const v = s.version!;
    ids = (
      await db
        .selectFrom('power')
        .select('id')
        .where('body_id', '=', s.bodyId)
        .where('valid_from', '<=', v)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', v)]))
        .orderBy('ord')
        .orderBy('code')
        .execute()
    ).map((r) => r.id);
  }
  if (!ids.every(Number.isSafeInteger)) throw new Error('export: row ids must be integers'); // they are written into the COPY
  const columns = EXPORT_COLUMNS.map((c) => `x.${c}`).join(', ');
  // one array literal rather than one condition per id; within the chunk the same order as the
  // ids (ord, code are unique in a list)
  const fetch = (i: number): Promise<Buffer> =>
    copyOut(
      db,
      `select ${columns} from ${table} x where x.id = any('{${ids.slice(i, i + CHUNK).join(',')}}'::int[]) order by x.ord, x.code`,
    );
  // keep READ_AHEAD chunks on their way while the worker writes: on PostgreSQL they are read
  // on as many connections, in parallel; PGlite takes them in turn
  const ahead: Promise<Buffer>[] = [];
  for (let i = 0; i < ids.length || ahead.length; i += CHUNK) {
    if (i < ids.length) {
      const next = fetch(i);
      next.catch(() => {}); // seen when its turn comes; never an unhandled rejection if the export stops first
      ahead.push(next);
    }
    if (ahead.length === READ_AHEAD || i + CHUNK >= ids.length) yield await ahead.shift()!;
  }
}

/** Write a planned export to `out`; resolves with the number of power rows when complete. */
export async function writeExport(db: Database, plan: ExportPlan, out: Writable, at = new Date()): Promise<number> {
  const region = plan.kind === 'region';
  const job = new ExportJob(out, { rulebookId: plan.rulebook.id, region, created: at.getTime() });
  for (const s of plan.sources) {
    for await (const bytes of rowsOf(db, s)) await job.rows(bytes, region ? s.bodyName : null);
  }
  const before: [string, string][] = [
    ['导出内容', plan.title],
    ...plan.sources
      .slice(0, 200)
      .map((s): [string, string] => [
        s.bodyName,
        s.version === null
          ? '清单草稿（未公布）'
          : `第${s.version}版，公布于${s.publishedAt ? todayInBeijing(s.publishedAt) : ''}，内容摘要（SM3）${s.digest}`,
      ]),
  ];
  // the worker adds 职权条数 between the two: it counts what it wrote
  return job.finish(before, [['导出时间', at.toISOString()], ...guideLines(plan.rulebook)]);
}

/**
 * Export a body's current (or given) published list, a region's published lists, or a body's
 * draft, as .xlsx into `out`. Throws NOT_FOUND when there is no such list.
 */
export async function exportListXlsx(
  db: Database,
  target: ExportTarget,
  out: Writable,
  at = new Date(),
): Promise<{ rows: number; plan: ExportPlan }> {
  const plan = await planExport(db, target);
  if (!plan) throw new AppError('NOT_FOUND', '清单不存在或尚未公布');
  const rows = await writeExport(db, plan, out, at);
  return { rows, plan };
}
