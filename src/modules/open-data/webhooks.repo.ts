// Reading webhook consumers and their delivery log (issue 14.3).
import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function listConsumers(db: Database, id?: number) {
  let q = db
    .selectFrom('webhook_consumer as c')
    .innerJoin('app_user as u', 'u.id', 'c.created_by')
    .select([
      'c.id',
      'c.name',
      'c.url',
      'c.events',
      'c.region_level',
      'c.active',
      'c.created_at',
      'u.display_name',
      sql<number>`(select count(*) from webhook_delivery d where d.consumer_id = c.id and d.status = 'pending')::int`.as(
        'pending',
      ),
      sql<number>`(select count(*) from webhook_delivery d where d.consumer_id = c.id and d.status = 'sent')::int`.as(
        'sent',
      ),
      sql<number>`(select count(*) from webhook_delivery d where d.consumer_id = c.id and d.status = 'failed')::int`.as(
        'failed',
      ),
    ])
    .orderBy('c.id', 'desc');
  if (id !== undefined) q = q.where('c.id', '=', id);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    url: r.url,
    events: r.events,
    regionLevel: r.region_level,
    active: r.active,
    createdAt: iso(r.created_at)!,
    createdByName: r.display_name,
    pending: Number(r.pending),
    sent: Number(r.sent),
    failed: Number(r.failed),
  }));
}

/** The newest deliveries of a consumer with every attempt, for the delivery log page. */
export async function deliveriesOf(db: Database, consumerId: number, limit = 100) {
  const rows = await db
    .selectFrom('webhook_delivery as d')
    .leftJoin('power_list_version as v', 'v.id', 'd.version_id')
    .leftJoin('body as b', 'b.id', 'v.body_id')
    .select([
      'd.id',
      'd.event',
      'd.status',
      'd.attempts',
      'd.next_attempt_at',
      'd.last_status',
      'd.last_error',
      'd.created_at',
      'd.delivered_at',
      'v.body_id',
      'v.version',
      'b.name as body_name',
    ])
    .where('d.consumer_id', '=', consumerId)
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  const tries = rows.length
    ? await db
        .selectFrom('webhook_attempt')
        .select(['delivery_id', 'at', 'status_code', 'error', 'duration_ms'])
        .where(
          'delivery_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: iso(r.created_at)!,
    deliveredAt: iso(r.delivered_at),
    publication:
      r.body_id !== null && r.version !== null
        ? { bodyId: r.body_id, bodyName: r.body_name ?? '', version: r.version }
        : null,
    tries: tries
      .filter((t) => t.delivery_id === r.id)
      .map((t) => ({ at: iso(t.at)!, statusCode: t.status_code, error: t.error, durationMs: t.duration_ms })),
  }));
}
