// What must hold after a crash (issue 15.3): no row of a version that was not committed, the
// digest of the latest version and of one earlier version at random equal to their rows
// (listDigest over the list as at that version), and the keyed audit chain intact.
import { sql } from 'kysely';
import type { Database } from '../../src/db/connect.js';
import { verifyAuditChain } from '../../src/modules/audit/verify.js';
import { listDigest, loadListAt } from '../../src/modules/register/publish.js';

export async function checkAfterCrash(
  db: Database,
  bodyId: number,
  key: Buffer,
): Promise<{ version: number; bad: string[] }> {
  const bad: string[] = [];
  const latest = await sql<{
    v: number;
  }>`select max(version) as v from power_list_version where body_id = ${bodyId}`.execute(db);
  const v = latest.rows[0]!.v;
  const stray = await sql<{ n: number }>`
    select count(*)::int as n from power where body_id = ${bodyId} and (valid_from > ${v} or valid_to > ${v})`.execute(
    db,
  );
  if (stray.rows[0]!.n) bad.push(`${stray.rows[0]!.n} rows of an uncommitted version`);
  for (const at of new Set([v, 1 + Math.floor(Math.random() * v)])) {
    const list = (await loadListAt(db, bodyId, { version: at }))!;
    const stored = await db
      .selectFrom('power_list_version')
      .select('digest')
      .where('body_id', '=', bodyId)
      .where('version', '=', at)
      .executeTakeFirstOrThrow();
    if (listDigest(list.powers) !== stored.digest) bad.push(`version ${at}: digest differs from its rows`);
  }
  const chain = await verifyAuditChain(db, { key });
  if (!chain.ok) bad.push(`audit chain: ${chain.reason} at ${chain.firstBadSeq}`);
  return { version: v, bad };
}
