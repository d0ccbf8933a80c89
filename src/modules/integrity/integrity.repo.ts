// The portal's closures and the integrity monitor's runs (migration 0077, §15 ¶3).
import { sql, type Transaction } from 'kysely';
import type { IntegrityCheck, Mismatch } from '../../contract/integrity.js';
import type { DB } from '../../db/schema.js';
import { readJsonbArray, type Db } from '../../platform/db.js';
import { POWER_COLUMNS, rowToPower, type PublishedPower } from '../register/power-rows.js';

export interface OpenClosure {
  id: number;
  closedAt: Date;
  source: 'monitor' | 'office';
  reason: string;
}

/** The closure in force, if the portal is closed. */
export async function openClosure(db: Db): Promise<OpenClosure | null> {
  const r = await db
    .selectFrom('portal_closure')
    .select(['id', 'closed_at', 'source', 'reason'])
    .where('reopened_at', 'is', null)
    .executeTakeFirst();
  return r ? { id: r.id, closedAt: new Date(r.closed_at), source: r.source, reason: r.reason } : null;
}

/** Inserts a closure unless one is open (the partial unique index keeps it to one); null when already closed. */
export async function insertClosure(
  trx: Transaction<DB>,
  c: { at: Date; by: number | null; source: 'monitor' | 'office'; reason: string },
): Promise<number | null> {
  const r = await trx
    .insertInto('portal_closure')
    .values({ closed_at: c.at, closed_by: c.by, source: c.source, reason: c.reason })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** Closes the open closure (reopens the portal); the closure reopened, or null when none was open. */
export async function markReopened(trx: Transaction<DB>, at: Date, by: number, reason: string) {
  return trx
    .updateTable('portal_closure')
    .set({ reopened_at: at, reopened_by: by, reopen_reason: reason })
    .where('reopened_at', 'is', null)
    .returning(['id', 'closed_at', 'source', 'reason'])
    .executeTakeFirst();
}

export async function insertCheck(db: Db, c: Omit<IntegrityCheck, 'id'>): Promise<number> {
  const r = await db
    .insertInto('integrity_check')
    .values({
      at: c.at,
      trigger: c.trigger,
      ok: c.ok,
      bodies: c.bodies,
      resources: c.resources,
      served: c.served,
      mismatches: JSON.stringify(c.mismatches),
      duration_ms: c.durationMs,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function recentChecks(db: Db, limit: number) {
  const rows = await db.selectFrom('integrity_check').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    trigger: r.trigger,
    ok: r.ok,
    bodies: r.bodies,
    resources: r.resources,
    served: r.served,
    durationMs: r.duration_ms,
    mismatches: readJsonbArray<Mismatch>(r.mismatches),
  }));
}

export async function recentClosures(db: Db, limit: number) {
  const rows = await db
    .selectFrom('portal_closure as c')
    .leftJoin('app_user as u', 'u.id', 'c.closed_by')
    .leftJoin('app_user as r', 'r.id', 'c.reopened_by')
    .select([
      'c.id',
      'c.closed_at',
      'c.source',
      'c.reason',
      'c.reopened_at',
      'c.reopen_reason',
      'u.display_name as closed_by',
      'r.display_name as reopened_by',
    ])
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    closedAt: r.closed_at,
    source: r.source,
    closedBy: r.closed_by ?? null,
    reason: r.reason,
    reopenedAt: r.reopened_at,
    reopenedBy: r.reopened_by ?? null,
    reopenReason: r.reopen_reason,
  }));
}

/** Versions that carry a digest (the public verify page): who published it, when. */
export const versionsWithDigest = (db: Db, digest: string) =>
  db
    .selectFrom('power_list_version as v')
    .innerJoin('body as b', 'b.id', 'v.body_id')
    .select(['v.body_id', 'b.name', 'v.version', 'v.published_at', 'v.digest', 'v.power_count'])
    .select((eb) =>
      eb
        .selectFrom('power_list_version as n')
        .whereRef('n.body_id', '=', 'v.body_id')
        .select((e) => e.fn.max('n.version').as('m'))
        .as('latest'),
    )
    .where('v.digest', '=', digest)
    .orderBy('v.published_at')
    .limit(20)
    .execute();

/**
 * The register as it stands: every body's current list read from the power rows in one
 * set-based query (not one query per body), grouped by body in list order.
 */
export async function currentListsFromRows(db: Db): Promise<Map<number, PublishedPower[]>> {
  const latest = sql`(select max(v.version) from power_list_version v where v.body_id = power.body_id)`;
  const rows = await db
    .selectFrom('power')
    .select(POWER_COLUMNS)
    .where(sql<boolean>`valid_from <= ${latest} and (valid_to is null or valid_to > ${latest})`)
    .orderBy('body_id')
    .orderBy('ord')
    .orderBy('code')
    .execute();
  const out = new Map<number, PublishedPower[]>();
  for (const r of rows) {
    let list = out.get(r.body_id);
    if (!list) out.set(r.body_id, (list = []));
    list.push(rowToPower(r));
  }
  return out;
}
