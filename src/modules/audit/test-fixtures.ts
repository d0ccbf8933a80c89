// Test helpers: what someone with database rights does to the audit trail.
import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import { GENESIS, type ChainedFields } from './digest.js';

/** What an attacker with database rights does after changing rows: recompute every link from `fromSeq` on. */
export async function rechain(
  db: Database,
  fromSeq: number,
  digest: (prev: string, r: ChainedFields) => string,
  version?: 1 | 2,
) {
  const before = await db
    .selectFrom('audit_event')
    .select('digest')
    .where('seq', '<', fromSeq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prev = before?.digest ?? GENESIS;
  for (const r of await db.selectFrom('audit_event').selectAll().where('seq', '>=', fromSeq).orderBy('seq').execute()) {
    const d = digest(prev, r);
    await db
      .updateTable('audit_event')
      .set({ prev_digest: prev, digest: d, ...(version ? { chain_version: version } : {}) })
      .where('seq', '=', r.seq)
      .execute();
    prev = d;
  }
}
export const untrigger = (db: Database) =>
  sql`alter table audit_event disable trigger audit_event_no_update`.execute(db);
