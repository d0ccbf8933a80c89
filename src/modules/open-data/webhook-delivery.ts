// Webhook delivery (issue 14.3), run by the scheduled sweep after its transactions have committed
// (webhooks.sweep.ts): every publication a consumer subscribed to becomes one webhook_delivery row,
// sent signed; a receiver that does not answer 2xx is tried again after a growing pause, and
// every attempt is kept (webhook_attempt) for the delivery log. No transaction is held while a
// receiver answers.
import { sql } from 'kysely';
import type { BlockList } from 'node:net';
import type { Database } from '../../db/connect.js';
import { checkOutboundUrl } from './outbound-url.js';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, sign } from './signature.js';
import { payloadOf } from './webhook-payload.js';

/** Minutes to wait after the 1st, 2nd, … failed attempt; after the last the delivery is given up. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
/** a claimed row not finished within this (the process died mid-send) is claimed again */
const LEASE_MINUTES = 10;
const TIMEOUT_MS = 10_000;
const BATCH = 20;

export interface DeliverySettings {
  allowed: BlockList;
  publicUrl: string;
}

/** Queue a delivery of every publication since each active consumer subscribed (idempotent). */
export async function enqueuePublications(db: Database, now: Date): Promise<number> {
  const r = await sql`
    insert into webhook_delivery (consumer_id, event, version_id, next_attempt_at, created_at)
    select c.id, 'list.published', v.id, ${now}, ${now}
    from webhook_consumer c
    join power_list_version v on v.published_at >= c.created_at
    join body b on b.id = v.body_id join region r on r.code = b.region_code
    where c.active and 'list.published' = any (c.events) and (c.region_level is null or c.region_level = r.level)
    on conflict (consumer_id, event, version_id) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

async function attempt(
  url: string,
  secret: string,
  body: string,
  headers: Record<string, string>,
  at: Date,
  settings: DeliverySettings,
): Promise<{ status: number | null; error: string | null }> {
  const target = await checkOutboundUrl(url, settings.allowed);
  if (!target.ok) return { status: null, error: target.message };
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...headers,
        [SIGNATURE_HEADER]: sign(secret, body, at),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel();
    return res.ok
      ? { status: res.status, error: null }
      : { status: res.status, error: `接收方返回 HTTP ${res.status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return { status: null, error: `发送失败：${err.cause?.code ?? err.name ?? ''} ${err.message}`.slice(0, 500) };
  }
}

/**
 * Send what is due (of one consumer only, when `consumerId` is given: the administrator's test
 * push); returns the number of attempts made. Never throws for a receiver's failure.
 */
export async function deliverDue(
  db: Database,
  clock: () => Date,
  settings: DeliverySettings,
  consumerId?: number,
): Promise<number> {
  let attempts = 0;
  for (;;) {
    const now = clock();
    const rows = await db
      .updateTable('webhook_delivery')
      .set({ attempts: sql`attempts + 1`, next_attempt_at: new Date(now.getTime() + LEASE_MINUTES * 60_000) })
      .where(
        'id',
        'in',
        db
          .selectFrom('webhook_delivery')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .$if(consumerId !== undefined, (q) => q.where('consumer_id', '=', consumerId!))
          .orderBy('id')
          .limit(BATCH)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'consumer_id', 'event', 'version_id', 'attempts', 'created_at'])
      .execute();
    if (rows.length === 0) return attempts;
    for (const row of rows) {
      const c = await db
        .selectFrom('webhook_consumer')
        .select(['url', 'secret', 'active'])
        .where('id', '=', row.consumer_id)
        .executeTakeFirstOrThrow();
      const started = clock();
      const t0 = performance.now();
      let result: { status: number | null; error: string | null };
      const payload = c.active
        ? await payloadOf(
            db,
            { id: row.id, event: row.event, versionId: row.version_id, createdAt: row.created_at },
            settings.publicUrl,
          ).catch((e: Error) => e)
        : null;
      if (!c.active) result = { status: null, error: '订阅已停用' };
      else if (payload instanceof Error || payload === null)
        result = { status: null, error: `无法生成推送内容：${payload?.message ?? ''}`.slice(0, 500) };
      else {
        result = await attempt(
          c.url,
          c.secret,
          JSON.stringify(payload),
          { [EVENT_HEADER]: payload.event, [DELIVERY_HEADER]: payload.id },
          started,
          settings,
        );
      }
      attempts++;
      const sent = result.error === null;
      const giveUp = !sent && (row.attempts >= MAX_ATTEMPTS || !c.active);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('webhook_attempt')
          .values({
            delivery_id: row.id,
            at: started,
            status_code: result.status,
            error: result.error,
            duration_ms: Math.round(performance.now() - t0),
          })
          .execute();
        await trx
          .updateTable('webhook_delivery')
          .set({
            status: sent ? 'sent' : giveUp ? 'failed' : 'pending',
            last_status: result.status,
            last_error: result.error,
            delivered_at: sent ? clock() : null,
            next_attempt_at:
              sent || giveUp ? clock() : new Date(clock().getTime() + BACKOFF_MINUTES[row.attempts - 1]! * 60_000),
          })
          .where('id', '=', row.id)
          .execute();
      });
    }
  }
}
