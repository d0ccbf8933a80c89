// The reconciliation phase's work in the server child (issue 14.1), where the database handle is
// open: writing the other side's export of the level with the most powers (not timed), the
// reconciliation itself (the module's reconcile(): streaming read, staging, the one join) and the
// anchor — the bare full join of the same two sides in SQL.
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { sql } from 'kysely';
import { bodyItems, levelBodies } from '../../src/modules/regional-platform/export.js';
import { readJsonItems } from '../../src/modules/regional-platform/read.js';
import { reconcile, scopeBodies } from '../../src/modules/regional-platform/reconcile.js';
import { bareJoin, STAGE_COLUMNS } from '../../src/modules/regional-platform/reconcile.sql.js';
import type { ServerOps } from './types.js';

export interface ReconcileArgs {
  path: string;
  regionCode: string;
}

export const RECONCILE_OPS: ServerOps = {
  /** The level with the most current powers, exported as the regional platform would send it back with three changes. */
  async prepare({ handle }, args) {
    const { path } = args as { path: string };
    const db = handle.db;
    const top = await sql<{ region_code: string; n: string }>`
      select b.region_code, count(*) as n from power p join body b on b.id = p.body_id
      where p.valid_to is null group by b.region_code order by count(*) desc limit 1`.execute(db);
    const regionCode = top.rows[0]!.region_code;
    const out = createWriteStream(path);
    const put = async (s: string) => {
      if (!out.write(s)) await once(out, 'drain');
    };
    await put('{"format":"baotou-qz/regional-platform-list","formatVersion":"1.0","items":[');
    let n = 0;
    for (const b of await levelBodies(db, regionCode)) {
      for (const item of await bodyItems(db, b.id, b.version)) {
        n++;
        // the other platform's three changes: one power missing, one field different, one status different
        if (n === 1) continue;
        if (n === 2) item.name = `${item.name}（自治区平台）`;
        if (n === 3) item.status = item.status === '在用' ? '已取消' : '在用';
        await put(`${n === 2 ? '' : ','}\n${JSON.stringify(item)}`);
      }
    }
    out.end(']}\n');
    await once(out, 'finish');
    return { regionCode, powers: n, bytes: (await stat(path)).size };
  },

  async reconcile({ handle }, args) {
    const { path, regionCode } = args as ReconcileArgs;
    const user = await handle.db
      .selectFrom('app_user')
      .select(['id', 'username', 'display_name'])
      .executeTakeFirstOrThrow();
    const t0 = performance.now();
    const r = await reconcile(handle.db, {
      scope: { kind: 'level', regionCode },
      events: readJsonItems(path),
      file: { name: 'bench.json', sha256: '-', format: 'json' },
      actor: { userId: user.id, username: user.username, displayName: user.display_name, homeBodyId: 0, grants: [] },
      role: 'coordinator',
      meta: { clientIp: null },
      at: new Date(),
    });
    return { ms: performance.now() - t0, diffCount: r.diffCount, parts: r.ms };
  },

  /** The bare join: both sides as bare codes in SQL (their side copied from ours), the full join timed alone. */
  async anchor({ handle }, args) {
    const { regionCode } = args as ReconcileArgs;
    const scope = scopeBodies({ kind: 'level', regionCode });
    let out = { ms: 0, n: 0 };
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await sql
          .raw(
            `create temp table regional_stage (${STAGE_COLUMNS.map((c) => `${c} ${c === 'row_no' ? 'int' : 'text'}`).join(', ')}) on commit drop`,
          )
          .execute(trx);
        await sql`insert into regional_stage (code) select code from power where valid_to is null and body_id in (${scope})`.execute(
          trx,
        );
        await sql`analyze regional_stage`.execute(trx);
        const t0 = performance.now();
        const r = await bareJoin(scope).execute(trx);
        out = { ms: performance.now() - t0, n: Number(r.rows[0]!.n) };
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
    return out;
  },
};
