// Accounts (三员分立): the system admin creates, renames and disables accounts; the security
// admin grants and revokes roles and unlocks accounts. Both act only within their region; a user
// outside the actor's view is a 404. A change concerning an administrator is only filed, for a
// second administrator to confirm (admin-change.ts). One transaction each, with its audit row.
import type { CreateUser, RoleChange, UserPatch } from '../../contract/accounts.js';
import { ROLE_LABELS, type Actor, type RequestMeta, type Role } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { checkPassword } from '../../core/password-policy.js';
import { canManageRoles, canManageUsers, canViewUser, conflictingAdminRole } from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.repo.js';
import { findBody } from '../bodies/bodies.repo.js';
import { applyChange, needsSecondAdmin, requestChange, type AdminChangeKind } from './admin-change.js';
import { hashPassword } from './password.js';
import { getPolicy, toPasswordPolicy } from './policy.repo.js';
import { userDetail } from './users.repo.js';

interface Ctx {
  actor: Actor;
  meta: RequestMeta;
  at: Date;
}
type Detail = NonNullable<Awaited<ReturnType<typeof userDetail>>>;

/** A user the actor may see (colleagues, and those within their admin scopes), or 404. */
export async function visibleUser(db: Database, actor: Actor, id: number): Promise<Detail> {
  const u = await userDetail(db, id);
  if (!u || !canViewUser(actor, { id: u.homeBodyId, regionPath: u.homeRegionPath })) throw notFound('用户');
  return u;
}

export async function createUser(db: Database, input: CreateUser, { actor, meta, at }: Ctx) {
  const body = await findBody(db, input.homeBodyId);
  if (!body)
    throw new AppError('VALIDATION_FAILED', '所属机构不存在', [{ field: 'homeBodyId', message: '所属机构不存在' }]);
  if (!canManageUsers(actor, body)) throw forbidden('您无权在该机构创建用户');
  const reason = checkPassword(input.password, toPasswordPolicy(await getPolicy(db)), input.username);
  if (reason) throw new AppError('PASSWORD_POLICY', reason, [{ field: 'password', message: reason }]);
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
    if (dup) throw new AppError('CONFLICT', `用户名“${input.username}”已被使用`);
    const row = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        home_body_id: body.id,
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { password: _omit, ...after } = input;
    await recordAudit(trx, {
      actor,
      role: 'sysAdmin',
      bodyId: body.id,
      action: 'user.created',
      objectType: 'user',
      objectId: row.id,
      after,
      meta,
      at,
    });
    return row.id;
  });
  return (await userDetail(db, id))!;
}

export type ChangeOutcome = { pending: { id: number; kind: AdminChangeKind }; message: string } | { user: Detail };

/** Applies the change at once, or — when it concerns an administrator — files it for a second administrator. */
async function changeOrRequest(
  db: Database,
  u: Detail,
  kind: AdminChangeKind,
  payload: UserPatch | RoleChange,
  { actor, meta, at }: Ctx,
): Promise<ChangeOutcome> {
  if (
    needsSecondAdmin(
      u.roles.map((x) => x.role as Role),
      kind,
      payload,
    )
  ) {
    const id = await requestChange(db, kind, u.id, payload, actor, meta, at);
    return { pending: { id, kind }, message: '涉及管理员账户或角色的变更已提交，须由另一名管理员确认后生效' };
  }
  await db.transaction().execute((trx) => applyChange(trx, kind, u.id, payload, { actor, meta, at }));
  return { user: (await userDetail(db, u.id))! };
}

/** The system admin renames or disables an account (never their own). */
export async function updateUser(db: Database, id: number, patch: UserPatch, ctx: Ctx) {
  const u = await visibleUser(db, ctx.actor, id);
  if (!canManageUsers(ctx.actor, { id: u.homeBodyId, regionPath: u.homeRegionPath }))
    throw forbidden('您无权修改该用户');
  if (u.id === ctx.actor.userId && patch.disabled) throw new AppError('VALIDATION_FAILED', '不能停用本人账户');
  return changeOrRequest(db, u, 'user.update', patch, ctx);
}

/** The security admin lifts a lockout (failed sign-ins) before it runs out. */
export async function unlockUser(db: Database, id: number, { actor, meta, at }: Ctx) {
  const u = await visibleUser(db, actor, id);
  if (!canManageRoles(actor, { id: u.homeBodyId, regionPath: u.homeRegionPath }))
    throw forbidden('只有安全管理员可以解除锁定');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', u.id).execute();
    await recordAudit(trx, {
      actor,
      role: 'secAdmin',
      bodyId: u.homeBodyId,
      action: 'user.unlocked',
      objectType: 'user',
      objectId: u.id,
      meta,
      at,
    });
  });
  return (await userDetail(db, u.id))!;
}

/** The security admin grants or revokes a role held at a body (never their own roles). */
export async function changeRole(
  db: Database,
  id: number,
  kind: 'role.grant' | 'role.revoke',
  change: RoleChange,
  ctx: Ctx,
) {
  const { actor } = ctx;
  const u = await visibleUser(db, actor, id);
  // 三员分立: no administrator grants or revokes their own roles
  if (u.id === actor.userId) throw forbidden('三员分立：不能为本人授予或撤销角色');
  const body = await findBody(db, change.bodyId);
  if (!body) throw new AppError('VALIDATION_FAILED', '机构不存在', [{ field: 'bodyId', message: '机构不存在' }]);
  // the security admin's scope must cover both the person and the body the role is held at
  if (!canManageRoles(actor, { id: u.homeBodyId, regionPath: u.homeRegionPath }) || !canManageRoles(actor, body))
    throw forbidden('只有本区划的安全管理员可以管理角色');
  if (kind === 'role.grant') {
    const clash = conflictingAdminRole(
      u.roles.map((x) => x.role as Role),
      change.role,
    );
    if (clash)
      throw new AppError(
        'CONFLICT',
        `三员分立：该用户已是${ROLE_LABELS[clash]}，不能同时担任${ROLE_LABELS[change.role]}`,
      );
  }
  return changeOrRequest(db, u, kind, change, ctx);
}
