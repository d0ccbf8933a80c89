// Sending systems (政务服务系统, 执法系统 …) and their keys for the JSON API (issue 12.4). A system
// administrator of a level issues a key (shown once; only its SHA-256 is kept) and revokes it;
// both are audited. A request carrying a key acts as that system, for the bodies of its level.
import { createHash, randomBytes } from 'node:crypto';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { canManageExerciseSources, pathWithin } from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import type { Db } from '../../platform/db.js';
import { recordAudit } from '../audit/audit.repo.js';

const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export interface SourceRow {
  id: number;
  name: string;
  regionPath: string;
  keyHint: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const COLUMNS = ['id', 'name', 'region_path', 'key_hint', 'created_at', 'revoked_at'] as const;
const present = (r: {
  id: number;
  name: string;
  region_path: string;
  key_hint: string;
  created_at: Date;
  revoked_at: Date | null;
}): SourceRow => ({
  id: r.id,
  name: r.name,
  regionPath: r.region_path,
  keyHint: r.key_hint,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** The sending systems the administrator's levels reach. */
export async function listSources(db: Db, actor: Actor): Promise<SourceRow[]> {
  const rows = await db.selectFrom('exercise_source').select(COLUMNS).orderBy('id').execute();
  return rows.filter((r) => canManageExerciseSources(actor, r.region_path)).map(present);
}

/** Issue a key for a new sending system of the administrator's own level. */
export async function createSource(
  db: Database,
  actor: Actor,
  name: string,
  meta: RequestMeta,
  at: Date,
): Promise<SourceRow & { key: string }> {
  // the level is the administrator's own (the widest sysAdmin grant they hold)
  const grant = actor.grants
    .filter((g) => g.role === 'sysAdmin')
    .sort((a, b) => a.regionPath.length - b.regionPath.length)[0];
  if (!grant) throw new AppError('FORBIDDEN', '只有系统管理员可以登记报送系统');
  const key = `qzx_${randomBytes(32).toString('base64url')}`;
  return db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom('exercise_source').select('id').where('name', '=', name).executeTakeFirst();
    if (dup) throw new AppError('CONFLICT', `已有名为“${name}”的报送系统`);
    const row = await trx
      .insertInto('exercise_source')
      .values({
        name,
        region_path: grant.regionPath,
        key_hash: hashKey(key),
        key_hint: key.slice(0, 8),
        created_at: at,
        created_by: actor.userId,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role: 'sysAdmin',
      action: 'exercise.sourceCreated',
      objectType: 'exercise_source',
      objectId: row.id,
      after: { name, regionPath: grant.regionPath, keyHint: row.key_hint },
      meta,
      at,
    });
    return { ...present(row), key };
  });
}

/** Revoke a system's key: its requests are refused from now on (its imports stay). */
export async function revokeSource(db: Database, actor: Actor, id: number, meta: RequestMeta, at: Date) {
  return db.transaction().execute(async (trx) => {
    const s = await trx
      .selectFrom('exercise_source')
      .select(COLUMNS)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!s || !canManageExerciseSources(actor, s.region_path)) throw notFound('报送系统');
    if (s.revoked_at) throw new AppError('INVALID_STATE', '该报送系统的密钥已停用');
    const row = await trx
      .updateTable('exercise_source')
      .set({ revoked_at: at, revoked_by: actor.userId })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role: 'sysAdmin',
      action: 'exercise.sourceRevoked',
      objectType: 'exercise_source',
      objectId: id,
      before: { revokedAt: null },
      after: { revokedAt: at.toISOString() },
      meta,
      at,
    });
    return present(row);
  });
}

/** The live system a request's key names, or 401 (a missing, unknown or revoked key says the same). */
export async function sourceByKey(db: Db, key: string | undefined) {
  const refuse = () => new AppError('UNAUTHENTICATED', '报送系统密钥无效或已停用');
  if (!key || key.length > 200) throw refuse();
  const s = await db
    .selectFrom('exercise_source')
    .select(['id', 'name', 'region_path', 'revoked_at'])
    .where('key_hash', '=', hashKey(key))
    .executeTakeFirst();
  if (!s || s.revoked_at) throw refuse();
  return { id: s.id, name: s.name, regionPath: s.region_path, reaches: (p: string) => pathWithin(p, s.region_path) };
}
