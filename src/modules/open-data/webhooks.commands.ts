// Registering, disabling and pinging a webhook consumer (issue 14.3, §15 ¶2): the city's office or
// the system administrator (canManageWebhooks), one transaction each with its audit row. The
// receiving address is checked (http/https, no internal address unless allowed) before anything
// is written; the secret is returned once and never shown again.
import type { BlockList } from 'node:net';
import type { ConsumerInput } from '../../contract/open-data.js';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, forbidden } from '../../core/errors.js';
import { canManageWebhooks } from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.repo.js';
import { checkOutboundUrl } from './outbound-url.js';
import { newSecret } from './signature.js';

interface Ctx {
  actor: Actor;
  meta: RequestMeta;
  at: Date;
}

const refuse = () => forbidden('只有市协调小组办公室或系统管理员可以管理开放数据订阅');

export async function registerConsumer(db: Database, input: ConsumerInput, allowed: BlockList, ctx: Ctx) {
  if (!canManageWebhooks(ctx.actor)) throw refuse();
  const check = await checkOutboundUrl(input.url, allowed);
  if (!check.ok) throw new AppError('VALIDATION_FAILED', check.message, [{ field: 'url', message: check.message }]);
  const secret = newSecret();
  const events = [...new Set(input.events)];
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('webhook_consumer')
      .values({
        name: input.name,
        url: check.url.href,
        secret,
        events,
        region_level: input.regionLevel,
        created_by: ctx.actor.userId,
        created_at: ctx.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'webhook.registered',
      objectType: 'webhook_consumer',
      objectId: row.id,
      // never the secret
      after: { name: input.name, url: check.url.href, events, regionLevel: input.regionLevel },
      meta: ctx.meta,
      at: ctx.at,
    });
    return { id: row.id, secret };
  });
}

async function existing(db: Database, id: number) {
  const c = await db
    .selectFrom('webhook_consumer')
    .select(['id', 'name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', `未找到编号为 ${id} 的订阅方`);
  return c;
}

/** Stops deliveries to the consumer: its pending deliveries are given up at their next attempt. */
export async function disableConsumer(db: Database, id: number, ctx: Ctx) {
  if (!canManageWebhooks(ctx.actor)) throw refuse();
  const c = await existing(db, id);
  if (!c.active) throw new AppError('INVALID_STATE', `订阅方“${c.name}”已停用`);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('webhook_consumer')
      .set({ active: false, disabled_at: ctx.at })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'webhook.disabled',
      objectType: 'webhook_consumer',
      objectId: id,
      before: { active: true },
      after: { active: false },
      meta: ctx.meta,
      at: ctx.at,
    });
  });
}

/** Queues a signed test delivery (event "ping") so the consumer can check its receiver and its verification. */
export async function pingConsumer(db: Database, id: number, ctx: Ctx) {
  if (!canManageWebhooks(ctx.actor)) throw refuse();
  const c = await existing(db, id);
  if (!c.active) throw new AppError('INVALID_STATE', `订阅方“${c.name}”已停用，不能发送测试推送`);
  return db.transaction().execute(async (trx) => {
    const d = await trx
      .insertInto('webhook_delivery')
      .values({ consumer_id: id, event: 'ping', version_id: null, next_attempt_at: ctx.at, created_at: ctx.at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'webhook.pinged',
      objectType: 'webhook_consumer',
      objectId: id,
      after: { deliveryId: d.id },
      meta: ctx.meta,
      at: ctx.at,
    });
    return d.id;
  });
}
