// Writing the audit trail: always inside the transaction of the change it records.
import { sql, type Transaction } from 'kysely';
import type { Actor, RequestMeta, Role } from '../../core/actor.js';
import type { DB } from '../../db/schema.js';
import { GENESIS, rowDigest, type ChainedFields } from './digest.js';
import type { AuditAction } from './events.js';

// Any constant: the advisory lock that orders chain appends across connections.
const CHAIN_LOCK = 150200;

export interface AuditInput {
  actor: Pick<Actor, 'userId' | 'displayName'> | null;
  /** the role the actor acted in, if one */
  role?: Role | null;
  bodyId?: number | null;
  action: AuditAction;
  objectType: string;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
  meta?: RequestMeta;
  at: Date;
}

export async function recordAudit(trx: Transaction<DB>, e: AuditInput): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_event').select('digest').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prev = last?.digest ?? GENESIS;
  const row: ChainedFields = {
    at: e.at,
    actor_id: e.actor?.userId ?? null,
    actor_name: e.actor?.displayName ?? null,
    role: e.role ?? null,
    body_id: e.bodyId ?? null,
    action: e.action,
    object_type: e.objectType,
    object_id: e.objectId == null ? null : String(e.objectId),
    before: e.before ?? null,
    after: e.after ?? null,
    client_ip: e.meta?.clientIp ?? null,
  };
  // normalise through JSON so the digest sees what jsonb will store
  row.before = row.before === null ? null : JSON.parse(JSON.stringify(row.before));
  row.after = row.after === null ? null : JSON.parse(JSON.stringify(row.after));
  await trx
    .insertInto('audit_event')
    .values({
      ...row,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      prev_digest: prev,
      digest: rowDigest(prev, row),
    })
    .execute();
}
