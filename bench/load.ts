// Building the province-scale data set: regions, legal documents and bodies from the scale
// generator (src/seed/scale.ts), its powers COPY'd into `power` and `power_code`, then one
// published version per body whose digest is the SM3 of that body's rows (listDigest, as
// publishVersion computes it), so the portal pages, ETags and exports work on it.
// Two bodies of the benchmark's own are added in the city: the export body, whose published
// version 1 is the 100,000-row benchmark list (its version 2 keeps 100 of them current), and
// the import body (no list yet) with a clerk. Loading is a bulk load: the power indexes are
// dropped and rebuilt after the COPY, and the search insert trigger is off while the search
// columns come from the search module's searchColumns (checked against the database after).
import { sql } from 'kysely';
import type { DbHandle } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { todayInBeijing } from '../src/core/calendar/index.js';
import type { Power } from '../src/core/register/index.js';
import { DEFAULT_RULEBOOK_ID, getRulebook } from '../src/core/rulebook/index.js';
import { hashPassword } from '../src/modules/accounts/password.js';
import { documentKey, expiryFor } from '../src/modules/register/documents.repo.js';
import { chunks, normalizePower, powerToRow } from '../src/modules/register/power-rows.js';
import { listDigest } from '../src/modules/register/publish.js';
import type { SeedBody } from '../src/seed/bodies.js';
import type { SeedPower } from '../src/seed/demo.js';
import { buildScaleData, CITY_CODE } from '../src/seed/index.js';
import { copyLine, openCopy, POWER_COPY_COLUMNS, textArray, type BenchDbTarget, type CopyWriter } from './db.js';
import { benchListPowers, type ListBody } from './fixtures.js';
import { checkSearchColumns, searchColumns } from '../src/modules/search/columns.js';

export const CLERK = { username: 'bench.clerk', password: 'Bench@2026-import' };
const PUBLISHED_AT = new Date('2026-03-31T10:00:00+08:00');
const V2_AT = new Date('2026-06-30T10:00:00+08:00');
/** rows of the export list still current after its version 2 (a typical list's size) */
const EXPORT_KEPT = 100;

export interface LoadResult {
  regions: number;
  documents: number;
  bodies: number;
  powers: number;
  versions: number;
  exportBody: { id: number; powers: number } & ListBody;
  importBody: { id: number } & ListBody;
  /** a scale body with a typical list, for the portal figure */
  portalBody: { id: number; name: string; powers: number };
  seconds: number;
}

type PowerRow = Omit<ReturnType<typeof powerToRow>, 'search_text' | 'search_grams'> & {
  search_text: string;
  search_grams: string;
};
const powerLine = (r: PowerRow) => copyLine(POWER_COPY_COLUMNS.map((c) => r[c] as string | number | null));

export async function loadScaleData(
  h: DbHandle,
  target: BenchDbTarget,
  nPowers: number,
  nBodies: number,
  listRows: number,
  log: (s: string) => void,
): Promise<LoadResult> {
  const t0 = performance.now();
  // loading only (PGlite: this session; the server child starts with the defaults)
  if (h.kind === 'pglite') await h.pglite!.exec(`set synchronous_commit = off`);
  const secs = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  await migrate(h.db);
  const db = h.db;
  const rulebook = getRulebook(DEFAULT_RULEBOOK_ID);
  const regions: SeedBody['regionCode'][] = [];
  const regionLevel = new Map<string, number>();
  const levelOf = new Map<number, number>(); // body id → its region's level (a search filter term)
  const regionRows: Parameters<typeof insertRegions>[1] = [];
  const docIds = new Map<string, number>();
  const bodyIds = new Map<string, number>();
  const seedBodies: SeedBody[] = [];
  const listsOf = new Map<number, Power[]>();
  let powers = 0;
  let phase: 'region' | 'document' | 'body' | 'power' = 'region';
  let powerCopy: CopyWriter | null = null;
  let codeCopy: CopyWriter | null = null;
  // citations point at the stored documents; one mapped array per template array (shared rows)
  const mapped = new WeakMap<object, unknown[]>();
  const mapBases = (bases: SeedPower['legalBases']) => {
    let m = mapped.get(bases);
    if (!m)
      mapped.set(
        bases,
        (m = bases.map((c) => ({
          ...c,
          documentId: c.documentId === undefined ? undefined : docIds.get(String(c.documentId)),
        }))),
      );
    return m as SeedPower['legalBases'];
  };

  /** a row of version 1; validTo = 2: closed by version 2 (the export body's) */
  const addPower = async (bodyId: number, p: SeedPower, validTo: number | null = null) => {
    const list = listsOf.get(bodyId) ?? [];
    if (!list.length) listsOf.set(bodyId, list);
    const n = normalizePower({ ...p, legalBases: mapBases(p.legalBases) });
    const search = searchColumns({
      name: n.name,
      code: n.code,
      legalBases: n.legalBases,
      bodyId,
      category: n.category,
      level: levelOf.get(bodyId) ?? 0,
    });
    const row = {
      ...powerToRow(bodyId, n, list.length, 1),
      valid_to: validTo,
      search_text: search.text,
      search_grams: textArray(search.grams),
    };
    await powerCopy!.write(powerLine(row));
    await codeCopy!.write(copyLine([n.code, bodyId]));
    list.push(n);
    powers++;
    return n;
  };

  let indexes: { name: string; def: string }[] = [];
  let listBodies: { exportBody: LoadResult['exportBody']; importBody: LoadResult['importBody'] } | null = null;
  const docs: Parameters<typeof insertDocuments>[1] = [];
  // the generator yields in dependency order: write each kind when the next one starts
  const leave = async (from: typeof phase) => {
    if (from === 'region') await insertRegions(db, regionRows);
    else if (from === 'document') await insertDocuments(db, docs, docIds, rulebook);
    else if (from === 'body') {
      listBodies = await insertBodies(db, seedBodies, bodyIds);
      for (const b of seedBodies) levelOf.set(bodyIds.get(b.id)!, regionLevel.get(b.regionCode) ?? 0);
      for (const b of [listBodies.exportBody, listBodies.importBody])
        levelOf.set(b.id, regionLevel.get(b.regionCode) ?? 0);
      // bulk load: no per-row search trigger (its columns computed in JS by the search module's
      // searchColumns, checked against the database below) and indexes built once at the end
      indexes = (
        await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
        where schemaname = 'public' and tablename = 'power' and indexname <> 'power_pkey'`.execute(db)
      ).rows;
      for (const i of indexes) await sql.raw(`drop index ${i.name}`).execute(db);
      await sql`alter table power disable trigger power_search_fill`.execute(db);
      powerCopy = await openCopy(h, target, 'power', POWER_COPY_COLUMNS);
      codeCopy = await openCopy(h, target, 'power_code', ['code', 'body_id']);
    }
  };
  for (const item of buildScaleData(nPowers, nBodies)) {
    if (item.type !== phase) {
      await leave(phase);
      phase = item.type;
    }
    if (item.type === 'region') {
      regionRows.push(item.row);
      regions.push(item.row.code);
      regionLevel.set(item.row.code, item.row.level);
    } else if (item.type === 'document') docs.push(item.row);
    else if (item.type === 'body') seedBodies.push(item.row);
    else await addPower(bodyIds.get(item.row.bodyId)!, item.row);
  }
  if (phase !== 'power') throw new Error('the scale data has no powers');
  const scalePowers = powers;
  log(`  scale data: ${scalePowers.toLocaleString()} powers generated and streamed (${secs()})`);

  const { exportBody, importBody } = listBodies!;
  // The export body: version 1 is the benchmark list; version 2 kept its first EXPORT_KEPT rows
  // and closed the rest. The export figure downloads version 1 (?version=1, the same writer as
  // the current list), while the search indexes (partial: current rows) and the portal keep to
  // the scale data — the run measures search at N powers, not N plus one body's 100,000.
  const kept: Power[] = [];
  let i = 0;
  for (const p of benchListPowers(exportBody, listRows)) {
    const n = await addPower(exportBody.id, p, i < EXPORT_KEPT ? null : 2);
    if (i++ < EXPORT_KEPT) kept.push(n);
  }
  await powerCopy!.end();
  await codeCopy!.end();
  log(
    `  COPY done: ${powers.toLocaleString()} power rows in all, with the ${listRows.toLocaleString()}-row export list (${secs()})`,
  );
  await sql`alter table power enable trigger power_search_fill`.execute(db);
  // one session with room to sort: GIN builds are many times faster than with the default 4 MB
  await db.connection().execute(async (c) => {
    await sql`set maintenance_work_mem = '512MB'`.execute(c);
    for (const i of indexes) await sql.raw(i.def).execute(c);
  });
  log(`  ${indexes.length} indexes of power rebuilt (${secs()})`);
  const check = await checkSearchColumns(db, Math.max(1, Math.floor(powers / 500)));
  if (check.different > 0 || check.checked === 0)
    throw new Error(
      `search columns differ from the database functions: ${check.different} of ${check.checked} sampled rows`,
    );
  log(`  search columns of ${check.checked} sampled rows equal the database functions' result (${secs()})`);

  // one published version per body with a list: digest over the same rows the portal reads
  const versions = [...listsOf].map(([bodyId, list]) => ({
    body_id: bodyId,
    version: 1,
    published_at: PUBLISHED_AT,
    effective_date: todayInBeijing(PUBLISHED_AT),
    digest: listDigest(list),
    power_count: list.length,
    source_type: 'compilation' as 'compilation' | 'adjustment',
    source_id: null,
    rulebook_id: rulebook.id,
    published_by: null,
    note: '基准测试数据：首次编制公布',
  }));
  versions.push({
    ...versions.find((v) => v.body_id === exportBody.id)!,
    version: 2,
    published_at: V2_AT,
    effective_date: todayInBeijing(V2_AT),
    digest: listDigest(kept),
    power_count: kept.length,
    source_type: 'adjustment',
    note: '基准测试数据：调整后仅保留前若干项',
  });
  for (const part of chunks(versions)) await db.insertInto('power_list_version').values(part).execute();
  log(`  ${versions.length.toLocaleString()} published versions with SM3 digests written (${secs()})`);

  const pw = await hashPassword(CLERK.password);
  const u = await db
    .insertInto('app_user')
    .values({
      username: CLERK.username,
      display_name: '基准测试经办人',
      home_body_id: importBody.id,
      password_hash: pw,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_role').values({ user_id: u.id, body_id: importBody.id, role: 'clerk' }).execute();
  // planner statistics before anything is measured; on PostgreSQL also what autovacuum would
  // do in time (visibility map, hint bits), so that it does not start on a million fresh rows
  // during the run. PGlite has no autovacuum: ANALYZE alone, as its users would run it.
  if (h.kind === 'postgres') await sql`vacuum analyze`.execute(db);
  else await sql`analyze`.execute(db);
  log(`  ${h.kind === 'postgres' ? 'vacuum ' : ''}analyze done (${secs()})`);

  // the portal figure: a typical city department's list (市场监督管理局, else the first with a list)
  const withList = seedBodies.filter((b) => b.regionCode === CITY_CODE && listsOf.has(bodyIds.get(b.id)!));
  const city = withList.find((b) => b.name === '包头市市场监督管理局') ?? withList[0]!;
  const cityId = bodyIds.get(city.id)!;
  return {
    regions: regions.length,
    documents: docIds.size,
    bodies: bodyIds.size + 2,
    powers,
    versions: versions.length,
    exportBody: { ...exportBody, powers: listsOf.get(exportBody.id)?.length ?? 0 },
    importBody,
    portalBody: { id: cityId, name: city.name, powers: listsOf.get(cityId)!.length },
    seconds: (performance.now() - t0) / 1000,
  };
}

async function insertRegions(
  db: DbHandle['db'],
  rows: { code: string; name: string; kind: string; level: number; parentCode: string | null; path: string }[],
) {
  const sorted = [...rows].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  for (const part of chunks(sorted))
    await db
      .insertInto('region')
      .values(
        part.map((r) => ({
          code: r.code,
          name: r.name,
          kind: r.kind,
          level: r.level as 1 | 2 | 3,
          parent_code: r.parentCode,
          path: r.path,
        })),
      )
      .execute();
}

async function insertDocuments(
  db: DbHandle['db'],
  docs: import('../src/core/register/index.js').LegalDocument[],
  ids: Map<string, number>,
  rulebook: ReturnType<typeof getRulebook>,
) {
  for (const part of chunks(docs)) {
    const rows = await db
      .insertInto('legal_document')
      .values(
        part.map((d) => ({
          key: documentKey(d.name),
          name: d.name,
          level: d.level,
          issuing_body: d.issuingBody,
          document_number: null,
          latest_version_date: d.latestVersionDate,
          effective_date: d.effectiveDate,
          expiry_date: expiryFor({ level: d.level, effectiveDate: d.effectiveDate, expiryDate: null }, rulebook),
        })),
      )
      .returning(['id'])
      .execute();
    part.forEach((d, i) => ids.set(String(d.id ?? d.key), rows[i]!.id));
  }
}

/** The scale bodies, then the export and import bodies after the city's highest number. */
async function insertBodies(db: DbHandle['db'], bodies: SeedBody[], ids: Map<string, number>) {
  for (const part of chunks(bodies)) {
    const rows = await db
      .insertInto('body')
      .values(
        part.map((b) => ({
          region_code: b.regionCode,
          name: b.name,
          short_name: b.shortName,
          kind: b.kind,
          office: b.office,
          seq: b.seq,
        })),
      )
      .returning(['id'])
      .execute();
    part.forEach((b, i) => ids.set(b.id, rows[i]!.id));
  }
  const maxSeq = Math.max(0, ...bodies.filter((b) => b.regionCode === CITY_CODE).map((b) => b.seq));
  if (maxSeq + 2 > 999) throw new RangeError('no free body number in the city for the benchmark bodies');
  const add = async (seq: number, name: string) => {
    const r = await db
      .insertInto('body')
      .values({ region_code: CITY_CODE, name, short_name: null, kind: '政府工作部门', office: null, seq })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: r.id, regionCode: CITY_CODE, seq, name };
  };
  const exportBody = { ...(await add(maxSeq + 1, '包头市基准测试导出局')), powers: 0 };
  const importBody = await add(maxSeq + 2, '包头市基准测试导入局');
  return { exportBody, importBody };
}
