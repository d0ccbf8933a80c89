// Publishing a body's list as a new immutable version (spec §2; regulation §12 编制公布,
// §13 调整). The only code path that writes `power` and `duty` rows: the first compilation
// and every approved adjustment both end here.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Actor, RequestMeta, Role } from '../../core/actor.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { AppError } from '../../core/errors.js';
import {
  canonicalListJson,
  diffPowerLists,
  parsePowerCode,
  type Duty,
  type Power,
  type PowerListDiff,
} from '../../core/register/index.js';
import { searchColumns } from '../../core/search/columns.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/db.js';
import { recordAudit } from '../audit/audit.repo.js';
import {
  chunks,
  dutyKey,
  normalizePower,
  POWER_COLUMNS,
  powerToRow,
  rowToPower,
  type PublishedPower,
} from './power-rows.js';

export type { PublishedPower } from './power-rows.js';

export interface PublishInput {
  bodyId: number;
  /** the full new list, core Power shape, codes already issued (issueCodes) */
  powers: (Power & { links?: unknown[] })[];
  /** undefined = the duties stay as they are */
  duties?: Duty[];
  source: { type: 'compilation' | 'adjustment'; id: number };
  rulebookId: string;
  actor: Actor | null;
  /** the role the actor publishes in, for the audit trail */
  role?: Role | null;
  meta?: RequestMeta;
  at: Date;
  note?: string;
  /**
   * The body's current list as the caller read it in this transaction AFTER locking the body row
   * (`for update`), so it cannot have moved; saves reading the list twice (issue 11.5).
   */
  current?: LoadedList;
}

export interface PublishResult {
  version: number;
  digest: string;
  diff: PowerListDiff;
}

export interface LoadedList {
  version: number | null;
  powers: PublishedPower[];
  duties: (Duty & { id: number })[];
}

/** SM3 over the canonical list text (spec §2: each version carries an SM3 digest of its content). */
export function listDigest(powers: readonly Power[]): string {
  return createHash('sm3').update(canonicalListJson(powers), 'utf8').digest('hex');
}

/** The body's newest published version number (null before version 1), without reading the list. */
export async function latestVersion(db: Db, bodyId: number): Promise<number | null> {
  const r = await db
    .selectFrom('power_list_version')
    .select(sql<number | null>`max(version)`.as('v'))
    .where('body_id', '=', bodyId)
    .executeTakeFirst();
  return r?.v ?? null;
}

async function powersAt(db: Db, bodyId: number, version: number): Promise<PublishedPower[]> {
  const rows = await db
    .selectFrom('power')
    .select(POWER_COLUMNS)
    .where('body_id', '=', bodyId)
    .where('valid_from', '<=', version)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', version)]))
    .orderBy('ord')
    .orderBy('code')
    .execute();
  return rows.map(rowToPower);
}

async function dutiesAt(db: Db, bodyId: number, version: number): Promise<(Duty & { id: number })[]> {
  const rows = await db
    .selectFrom('duty')
    .select(['id', 'name', 'content', 'ord'])
    .where('body_id', '=', bodyId)
    .where('valid_from', '<=', version)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', version)]))
    .orderBy('ord')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, order: r.ord, name: r.name, content: r.content }));
}

/** The body's current published list; version null (and empty lists) before version 1. */
export async function loadCurrentList(db: Db, bodyId: number): Promise<LoadedList> {
  const v = await latestVersion(db, bodyId);
  if (v === null) return { version: null, powers: [], duties: [] };
  return { version: v, powers: await powersAt(db, bodyId, v), duties: await dutiesAt(db, bodyId, v) };
}

/**
 * The list at a version, or as at a Beijing date (the latest version whose effective date is on
 * or before it). null when there was no such version.
 */
export async function loadListAt(
  db: Db,
  bodyId: number,
  at: { version: number } | { date: string },
): Promise<(LoadedList & { version: number }) | null> {
  let q = db.selectFrom('power_list_version').select('version').where('body_id', '=', bodyId);
  q = 'version' in at ? q.where('version', '=', at.version) : q.where('effective_date', '<=', at.date);
  const row = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    version: row.version,
    powers: await powersAt(db, bodyId, row.version),
    duties: await dutiesAt(db, bodyId, row.version),
  };
}

/**
 * §6 code scheme: record newly issued codes. A code is issued once, ever: one issued before
 * (to any body, even if its power was cancelled since) is refused, as is a code outside the
 * body's region and number.
 */
export async function issueCodes(trx: Transaction<DB>, bodyId: number, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const body = await trx.selectFrom('body').select(['region_code', 'seq']).where('id', '=', bodyId).executeTakeFirst();
  if (!body) throw new AppError('NOT_FOUND', '机构不存在');
  const bodyCode = String(body.seq).padStart(3, '0');
  const seen = new Set<string>();
  for (const code of codes) {
    const r = parsePowerCode(code);
    if (!r.ok) throw new AppError('VALIDATION_FAILED', r.error, [{ field: 'code', message: r.error }]);
    // §6, §18: a 苏木乡镇·街道 body's codes carry its 9-digit region code (code-scheme.ts)
    if (r.value.regionCode !== body.region_code || r.value.bodyCode !== bodyCode)
      throw new AppError(
        'VALIDATION_FAILED',
        `权力编码“${code}”不属于本机构（应以 ${body.region_code}-${bodyCode} 开头）`,
      );
    if (seen.has(code)) throw new AppError('CONFLICT', `权力编码“${code}”重复`);
    seen.add(code);
  }
  for (const part of chunks(codes)) {
    const taken = await trx
      .selectFrom('power_code')
      .select('code')
      .where('code', 'in', part)
      .limit(1)
      .executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', `权力编码“${taken.code}”已发放过，编码不得重复使用`);
  }
  for (const part of chunks(codes))
    await trx
      .insertInto('power_code')
      .values(part.map((code) => ({ code, body_id: bodyId })))
      .execute();
}

/**
 * Publish `input.powers` as the body's next version, all or nothing (the caller's transaction).
 * Unchanged rows are shared with the previous version; changed and removed rows are closed
 * (valid_to = new version) and new content is inserted (valid_from = new version). A power
 * that becomes 已取消/已下放 stays in the list with its new status.
 */
export async function publishVersion(trx: Transaction<DB>, input: PublishInput): Promise<PublishResult> {
  const { bodyId } = input;
  // one publication per body at a time: the version number and the diff depend on the last one;
  // the same statement reads the body's level, which the search columns carry (issue 15.2)
  const body = await sql<{ id: number; level: number }>`
    select b.id, r.level from body b join region r on r.code = b.region_code
    where b.id = ${bodyId} for update of b`.execute(trx);
  if (body.rows.length === 0) throw new AppError('NOT_FOUND', '机构不存在');
  const level = body.rows[0]!.level;

  const next = input.powers.map(normalizePower);
  const current = input.current ?? (await loadCurrentList(trx, bodyId));
  let diff: PowerListDiff;
  try {
    diff = diffPowerLists(current.powers, next);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', (e as Error).message);
  }
  const version = (current.version ?? 0) + 1;

  // §6: every new code must have been issued to this body (issueCodes) before it is published
  const added = diff.added.map((p) => p.code);
  for (const part of chunks(added)) {
    const rows = await trx
      .selectFrom('power_code')
      .select('code')
      .where('body_id', '=', bodyId)
      .where('code', 'in', part)
      .execute();
    if (rows.length !== part.length) {
      const have = new Set(rows.map((r) => r.code));
      const missing = part.find((c) => !have.has(c));
      throw new AppError('INVALID_STATE', `权力编码“${missing}”未经本机构编码发放，不能公布`);
    }
  }

  const changedCodes = new Set([...diff.changed.map((c) => c.code), ...diff.removed.map((p) => p.code)]);
  const closeIds = current.powers.filter((p) => changedCodes.has(p.code)).map((p) => p.id);
  for (const part of chunks(closeIds))
    await trx
      .updateTable('power')
      .set({ valid_to: version })
      .where('id', 'in', part)
      .where('valid_to', 'is', null)
      .execute();

  const insertCodes = new Set([...added, ...diff.changed.map((c) => c.code)]);
  // issue 15.2: the search columns computed here (the insert trigger skips rows that carry them)
  const rows = next.flatMap((p, i) => {
    if (!insertCodes.has(p.code)) return [];
    const s = searchColumns({ ...p, bodyId, level });
    return [{ ...powerToRow(bodyId, p, i, version), search_text: s.text, search_grams: s.grams }];
  });
  for (const part of chunks(rows)) await trx.insertInto('power').values(part).execute();

  if (input.duties) {
    const cur = current.duties;
    const wanted = new Map(input.duties.map((d, i) => [dutyKey(d, i), { d, i }]));
    const keep = new Set<string>();
    const close: number[] = [];
    for (const d of cur) {
      const k = dutyKey(d, d.order ?? 0);
      if (wanted.has(k) && !keep.has(k)) keep.add(k);
      else close.push(d.id);
    }
    for (const part of chunks(close))
      await trx.updateTable('duty').set({ valid_to: version }).where('id', 'in', part).execute();
    const ins = [...wanted]
      .filter(([k]) => !keep.has(k))
      .map(([, { d, i }]) => ({
        body_id: bodyId,
        name: d.name,
        content: d.content ?? '',
        ord: i,
        valid_from: version,
        valid_to: null,
      }));
    for (const part of chunks(ins)) await trx.insertInto('duty').values(part).execute();
  }

  const digest = listDigest(next);
  const effectiveDate = todayInBeijing(input.at);
  const row = await trx
    .insertInto('power_list_version')
    .values({
      body_id: bodyId,
      version,
      published_at: input.at,
      effective_date: effectiveDate,
      digest,
      power_count: next.length,
      source_type: input.source.type,
      source_id: input.source.id,
      rulebook_id: input.rulebookId,
      published_by: input.actor?.userId ?? null,
      note: input.note ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  await recordAudit(trx, {
    actor: input.actor,
    role: input.role ?? null,
    bodyId,
    action: 'list.published',
    objectType: 'power_list_version',
    objectId: row.id,
    before: current.version === null ? null : { version: current.version },
    after: {
      version,
      digest,
      effectiveDate,
      source: input.source,
      powerCount: next.length,
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      unchanged: diff.unchangedCount,
    },
    meta: input.meta,
    at: input.at,
  });
  return { version, digest, diff };
}
