// Writing the audit trail: always inside the transaction of the change it records.
import { sql, type Transaction } from 'kysely';
import type { Actor, RequestMeta, Role } from '../../core/actor.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { GENESIS, KEYED, rowMac, type ChainedFields } from './digest.js';
import type { AuditAction } from './events.js';
import { auditKey, keyIdOf } from './key.js';

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
  const key = auditKey();
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const prev = await sealIfUnkeyed(trx, key, e.at);
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
  await append(trx, key, prev, row);
}

/**
 * 等保2.0 安全审计: the switch from the unkeyed chain (version 1) to HMAC-SM3 (version 2) is
 * itself an event. Its MAC covers the last unkeyed digest, so the rows before it cannot be
 * re-chained without the key either. Returns the digest the next row links to.
 * Call with the chain lock held.
 */
async function sealIfUnkeyed(trx: Transaction<DB>, key: Buffer, at: Date): Promise<string> {
  const last = await trx
    .selectFrom('audit_event')
    .select(['digest', 'chain_version'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return GENESIS;
  if (Number(last.chain_version) === KEYED) return last.digest;
  return append(trx, key, last.digest, {
    at,
    actor_id: null,
    actor_name: null,
    role: null,
    body_id: null,
    action: 'audit.chainKeyed',
    object_type: 'audit_event',
    object_id: null,
    before: { chainVersion: 1, algorithm: 'SM3' },
    after: { chainVersion: KEYED, algorithm: 'HMAC-SM3', keyId: keyIdOf(key) },
    client_ip: null,
  });
}

async function append(trx: Transaction<DB>, key: Buffer, prev: string, row: ChainedFields): Promise<string> {
  // normalise through JSON so the digest sees what jsonb will store
  row.before = row.before === null ? null : JSON.parse(JSON.stringify(row.before));
  row.after = row.after === null ? null : JSON.parse(JSON.stringify(row.after));
  const digest = rowMac(key, prev, row);
  await trx
    .insertInto('audit_event')
    .values({
      ...row,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      prev_digest: prev,
      digest,
      chain_version: KEYED,
    })
    .execute();
  return digest;
}

/** At start: record the switch to the keyed chain now rather than with the next event. */
export async function sealLegacyChain(db: Database, at: Date): Promise<boolean> {
  const key = auditKey();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
    const before = await trx
      .selectFrom('audit_event')
      .select('digest')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return (await sealIfUnkeyed(trx, key, at)) !== (before?.digest ?? GENESIS);
  });
}
