// A body's saved import mappings (issue 14 item 2; migration 0070): the column mapping of its
// own list layout, kept under a name so the next file of the same layout needs no correcting.
// Saving and deleting are audited in the same transaction.
import type { Actor, RequestMeta } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import type { ForeignMapping, SavedMapping } from '../../contract/exchange-mapping.js';
import type { Database } from '../../db/connect.js';
import { readJsonb } from '../../platform/db.js';
import { recordAudit } from '../audit/audit.repo.js';
import { layoutHeaders } from './foreign-headers.js';

const shape = (r: {
  id: number;
  name: string;
  headers: string[];
  mapping: unknown;
  updated_at: Date;
}): SavedMapping => ({
  id: r.id,
  name: r.name,
  headers: r.headers,
  mapping: readJsonb<ForeignMapping>(r.mapping),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const columns = ['id', 'name', 'headers', 'mapping', 'updated_at'] as const;

export async function listMappings(db: Database, bodyId: number): Promise<SavedMapping[]> {
  const rows = await db
    .selectFrom('import_mapping')
    .select([...columns])
    .where('body_id', '=', bodyId)
    .orderBy('updated_at', 'desc')
    .execute();
  return rows.map(shape);
}

/** The body's mapping saved for a sheet with these column names, the most recent first. */
export async function mappingForHeaders(
  db: Database,
  bodyId: number,
  headers: readonly { header: string }[],
): Promise<SavedMapping | null> {
  const key = layoutHeaders(headers);
  const all = await listMappings(db, bodyId);
  return all.find((m) => m.headers.length === key.length && m.headers.every((h, i) => h === key[i])) ?? null;
}

/** Save (or replace, by name) a mapping of the body's. */
export async function saveMapping(
  db: Database,
  input: { bodyId: number; actor: Actor; name: string; mapping: ForeignMapping; at: Date; meta?: RequestMeta },
): Promise<SavedMapping> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('import_mapping')
      .values({
        body_id: input.bodyId,
        name: input.name,
        headers: layoutHeaders(input.mapping.columns),
        mapping: JSON.stringify(input.mapping),
        created_by: input.actor.userId,
        created_at: input.at,
        updated_by: input.actor.userId,
        updated_at: input.at,
      })
      .onConflict((oc) =>
        oc.columns(['body_id', 'name']).doUpdateSet((eb) => ({
          headers: eb.ref('excluded.headers'),
          mapping: eb.ref('excluded.mapping'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning([...columns])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: input.actor,
      role: 'clerk',
      bodyId: input.bodyId,
      action: 'exchange.mappingSaved',
      objectType: 'import_mapping',
      objectId: row.id,
      after: { name: input.name, mapping: input.mapping },
      meta: input.meta,
      at: input.at,
    });
    return shape(row);
  });
}

export async function deleteMapping(
  db: Database,
  input: { bodyId: number; id: number; actor: Actor; at: Date; meta?: RequestMeta },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('import_mapping')
      .where('id', '=', input.id)
      .where('body_id', '=', input.bodyId)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!row) throw notFound('导入列映射');
    await recordAudit(trx, {
      actor: input.actor,
      role: 'clerk',
      bodyId: input.bodyId,
      action: 'exchange.mappingDeleted',
      objectType: 'import_mapping',
      objectId: row.id,
      before: { name: row.name },
      meta: input.meta,
      at: input.at,
    });
  });
}
