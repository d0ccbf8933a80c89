// Creating and changing bodies (spec §1): the system admin's, within their region; one
// transaction each, with its audit row. Names are compared as people read them (issue 10.10).
import { sql, type Transaction } from 'kysely';
import type { BodyInput, BodyPatch } from '../../contract/bodies.js';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { nameKey } from '../../core/names.js';
import { bodyManagerGrant, canManageBodies } from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { findBody, findRegion } from './bodies.repo.js';

interface Ctx {
  actor: Actor;
  meta: RequestMeta;
  at: Date;
}

/** Issue 10.10: a body of the region whose name reads the same (NFC, invisible characters left out). */
async function sameNamed(trx: Transaction<DB>, regionCode: string, name: string) {
  const rows = await trx.selectFrom('body').select(['id', 'name']).where('region_code', '=', regionCode).execute();
  return rows.find((b) => nameKey(b.name) === nameKey(name));
}

/** A new body at the end of its region's numbering (the 3-digit body number in power codes). */
export async function createBody(db: Database, input: BodyInput, { actor, meta, at }: Ctx) {
  const region = await findRegion(db, input.regionCode);
  if (!region)
    throw new AppError('VALIDATION_FAILED', '区划代码不存在', [{ field: 'regionCode', message: '区划代码不存在' }]);
  if (!canManageBodies(actor, region.path)) throw forbidden('您无权在该区划新增机构');
  const id = await db.transaction().execute(async (trx) => {
    const dup = await sameNamed(trx, region.code, input.name);
    if (dup) throw new AppError('CONFLICT', `本区划已有名为“${input.name}”的机构`);
    const { next } = await trx
      .selectFrom('body')
      .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
      .where('region_code', '=', region.code)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('body')
      .values({
        region_code: region.code,
        name: input.name,
        short_name: input.shortName ?? null,
        kind: input.kind,
        office: null,
        seq: next,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const sysGrant = bodyManagerGrant(actor, region.path);
    await recordAudit(trx, {
      actor,
      role: 'sysAdmin',
      bodyId: sysGrant?.bodyId,
      action: 'body.created',
      objectType: 'body',
      objectId: row.id,
      after: { ...input, seq: next },
      meta,
      at,
    });
    return row.id;
  });
  return (await findBody(db, id))!;
}

export async function updateBody(db: Database, id: number, patch: BodyPatch, { actor, meta, at }: Ctx) {
  const before = await findBody(db, id);
  if (!before) throw notFound('机构');
  if (!canManageBodies(actor, before.regionPath)) throw forbidden('您无权修改该机构');
  await db.transaction().execute(async (trx) => {
    if (patch.name && patch.name !== before.name) {
      const dup = await sameNamed(trx, before.regionCode, patch.name);
      if (dup && dup.id !== before.id) throw new AppError('CONFLICT', `本区划已有名为“${patch.name}”的机构`);
    }
    await trx
      .updateTable('body')
      .set({ name: patch.name, short_name: patch.shortName === '' ? null : patch.shortName, kind: patch.kind })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'sysAdmin',
      bodyId: before.id,
      action: 'body.updated',
      objectType: 'body',
      objectId: before.id,
      before,
      after: patch,
      meta,
      at,
    });
  });
  return (await findBody(db, before.id))!;
}
