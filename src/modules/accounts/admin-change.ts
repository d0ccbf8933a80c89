// 三员分立 without gaps (issue 10.5): no administrator changes their own roles, and a change to
// another administrator's account or roles — or one that makes someone an administrator — is
// only requested by one administrator; it takes effect when a different administrator, who is
// not its subject, confirms it. Requesting, confirming and rejecting are each audited.
import type { Transaction } from 'kysely';
import { ROLE_LABELS, type Actor, type RequestMeta, type Role } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import {
  canConfirmAdminChange,
  canSeeAdminChange,
  changeNeedsSecondAdmin,
  conflictingAdminRole,
} from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { userDetail } from './users.repo.js';

export type AdminChangeKind = 'user.update' | 'role.grant' | 'role.revoke';
export type UserUpdate = { displayName?: string; disabled?: boolean };
export type RoleChange = { bodyId: number; role: Role };
type Payload = UserUpdate | RoleChange;

/** Does this change need a second administrator? Its subject is an administrator, or it makes one. */
export function needsSecondAdmin(targetRoles: Role[], kind: AdminChangeKind, payload: Payload): boolean {
  return changeNeedsSecondAdmin(targetRoles, kind === 'role.grant' ? (payload as RoleChange).role : undefined);
}

const ACTING_ROLE: Record<AdminChangeKind, Role> = {
  'user.update': 'sysAdmin',
  'role.grant': 'secAdmin',
  'role.revoke': 'secAdmin',
};

/** Applies a change inside the caller's transaction and writes its own audit row. */
export async function applyChange(
  trx: Transaction<DB>,
  kind: AdminChangeKind,
  targetUserId: number,
  payload: Payload,
  audit: { actor: Actor; meta: RequestMeta; at: Date; confirmedBy?: number },
) {
  const u = await userDetail(trx, targetUserId);
  if (!u) throw notFound('用户');
  const extra = audit.confirmedBy ? { confirmedBy: audit.confirmedBy } : {};
  if (kind === 'user.update') {
    const p = payload as UserUpdate;
    await trx
      .updateTable('app_user')
      .set({ display_name: p.displayName, disabled: p.disabled })
      .where('id', '=', u.id)
      .execute();
    if (p.disabled) await trx.deleteFrom('session').where('user_id', '=', u.id).execute();
    await recordAudit(trx, {
      actor: audit.actor,
      role: 'sysAdmin',
      bodyId: u.homeBodyId,
      action: 'user.updated',
      objectType: 'user',
      objectId: u.id,
      before: { displayName: u.displayName, disabled: u.disabled },
      after: { ...p, ...extra },
      meta: audit.meta,
      at: audit.at,
    });
    return;
  }
  const p = payload as RoleChange;
  if (kind === 'role.grant') {
    // the roles may have changed since the request: 三员分立 is checked again
    const clash = conflictingAdminRole(
      u.roles.map((x) => x.role as Role),
      p.role,
    );
    if (clash)
      throw new AppError('CONFLICT', `三员分立：该用户已是${ROLE_LABELS[clash]}，不能同时担任${ROLE_LABELS[p.role]}`);
    await trx
      .insertInto('user_role')
      .values({ user_id: u.id, body_id: p.bodyId, role: p.role })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await trx
      .deleteFrom('user_role')
      .where('user_id', '=', u.id)
      .where('body_id', '=', p.bodyId)
      .where('role', '=', p.role)
      .execute();
  }
  await recordAudit(trx, {
    actor: audit.actor,
    role: 'secAdmin',
    bodyId: p.bodyId,
    action: kind === 'role.grant' ? 'role.granted' : 'role.revoked',
    objectType: 'user',
    objectId: u.id,
    after: { ...p, ...extra },
    meta: audit.meta,
    at: audit.at,
  });
}

type Subject = NonNullable<Awaited<ReturnType<typeof userDetail>>>;

/** Does the subject already stand as the change would leave them (so confirming it changes nothing)? */
export function effectHolds(u: Subject, kind: AdminChangeKind, payload: Payload): boolean {
  if (kind === 'user.update') {
    const p = payload as UserUpdate;
    return (
      (p.disabled === undefined || p.disabled === u.disabled) &&
      (p.displayName === undefined || p.displayName === u.displayName)
    );
  }
  const p = payload as RoleChange;
  const held = u.roles.some((r) => r.role === p.role && r.bodyId === p.bodyId);
  return kind === 'role.grant' ? held : !held;
}

/** One key per distinct change, whatever the order or absence of the payload's fields. */
const changeKey = (kind: AdminChangeKind, payload: Payload) => {
  const p = payload as UserUpdate & Partial<RoleChange>;
  return JSON.stringify(
    kind === 'user.update' ? [kind, p.disabled ?? null, p.displayName ?? null] : [kind, p.bodyId, p.role],
  );
};

/** Takes the subject's row so that requests and confirmations about one account run one at a time. */
const lockSubject = (trx: Transaction<DB>, userId: number) =>
  trx.selectFrom('app_user').select('id').where('id', '=', userId).forUpdate().execute();

export async function requestChange(
  db: Database,
  kind: AdminChangeKind,
  targetUserId: number,
  payload: Payload,
  actor: Actor,
  meta: RequestMeta,
  at: Date,
) {
  return db.transaction().execute(async (trx) => {
    await lockSubject(trx, targetUserId);
    // the same change is filed once: a second request would stay open after the first took effect
    const open = await trx
      .selectFrom('admin_change')
      .select(['id', 'payload'])
      .where('target_user_id', '=', targetUserId)
      .where('kind', '=', kind)
      .where('status', '=', 'pending')
      .execute();
    const same = open.find((c) => changeKey(kind, c.payload as Payload) === changeKey(kind, payload));
    if (same)
      throw new AppError(
        'CONFLICT',
        `已有待确认的同一变更（第${same.id}号），须由另一名管理员确认或驳回，不能重复提出`,
      );
    const u = await userDetail(trx, targetUserId);
    if (u && effectHolds(u, kind, payload))
      throw new AppError('CONFLICT', `该账户已是所要求的状态（${describeChange(kind, payload)}），无需提出变更`);
    const row = await trx
      .insertInto('admin_change')
      .values({
        kind,
        target_user_id: targetUserId,
        payload: JSON.stringify(payload),
        requested_by: actor.userId,
        requested_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role: ACTING_ROLE[kind],
      action: 'adminChange.requested',
      objectType: 'adminChange',
      objectId: row.id,
      after: { kind, targetUserId, ...payload },
      meta,
      at,
    });
    return row.id;
  });
}

export async function findChange(db: Database, id: number) {
  const c = await db
    .selectFrom('admin_change as c')
    .innerJoin('app_user as u', 'u.id', 'c.target_user_id')
    .innerJoin('body as b', 'b.id', 'u.home_body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .innerJoin('app_user as q', 'q.id', 'c.requested_by')
    .select([
      'c.id',
      'c.kind',
      'c.target_user_id as targetUserId',
      'c.payload',
      'c.status',
      'c.requested_by as requestedBy',
      'c.requested_at as requestedAt',
      'c.decided_by as decidedBy',
      'c.decided_at as decidedAt',
      'c.reason',
      'u.display_name as targetName',
      'u.username as targetUsername',
      'q.display_name as requesterName',
      'r.path as targetRegionPath',
    ])
    .select((eb) =>
      eb.selectFrom('app_user as d').select('d.display_name').whereRef('d.id', '=', 'c.decided_by').as('deciderName'),
    )
    .where('c.id', '=', id)
    .executeTakeFirst();
  return c && { ...c, payload: c.payload as Payload };
}

/** What the change does, in words for the 管理员变更确认 page. */
export function describeChange(kind: AdminChangeKind, payload: Payload, bodyName?: string): string {
  if (kind === 'user.update') {
    const p = payload as UserUpdate;
    const parts = [];
    if (p.disabled !== undefined) parts.push(p.disabled ? '停用账户' : '启用账户');
    if (p.displayName !== undefined) parts.push(`姓名改为“${p.displayName}”`);
    return parts.join('；') || '修改账户';
  }
  const p = payload as RoleChange;
  return `${kind === 'role.grant' ? '授予' : '撤销'}“${ROLE_LABELS[p.role] ?? p.role}”角色${bodyName ? `（${bodyName}）` : ''}`;
}

/**
 * Changes this administrator can see (the subject within one of their admin scopes): pending
 * ones, or — `decided` — the 20 latest decisions. Each says what it does and whether this
 * administrator may confirm it (neither requester nor subject, §三员分立); the server checks again.
 */
export async function listChanges(db: Database, actor: Actor, which: 'pending' | 'decided' = 'pending') {
  let q = db.selectFrom('admin_change').select('id');
  q =
    which === 'pending'
      ? q.where('status', '=', 'pending').orderBy('id')
      : q.where('status', '!=', 'pending').orderBy('decided_at', 'desc').orderBy('id', 'desc');
  const rows = await q.execute();
  const all = (await Promise.all(rows.map((r) => findChange(db, r.id))))
    .filter((c): c is NonNullable<typeof c> => !!c && canSeeAdminChange(actor, c.targetRegionPath))
    .slice(0, which === 'decided' ? 20 : undefined);
  const bodyIds = [
    ...new Set(
      all.map((c) => (c.payload as Partial<RoleChange>).bodyId).filter((id): id is number => typeof id === 'number'),
    ),
  ];
  const names = new Map(
    bodyIds.length
      ? (await db.selectFrom('body').select(['id', 'name']).where('id', 'in', bodyIds).execute()).map((b) => [
          b.id,
          b.name,
        ])
      : [],
  );
  return all.map((c) => ({
    ...c,
    description: describeChange(c.kind, c.payload, names.get((c.payload as Partial<RoleChange>).bodyId ?? 0)),
    mayConfirm: c.status === 'pending' && canConfirmAdminChange(actor, c, c.targetRegionPath),
  }));
}

export const listPending = (db: Database, actor: Actor) => listChanges(db, actor, 'pending');

/** Confirm (apply) or reject a pending change, by a different administrator. */
export async function decideChange(
  db: Database,
  id: number,
  decision: 'confirmed' | 'rejected',
  actor: Actor,
  meta: RequestMeta,
  at: Date,
  reason?: string,
) {
  const c = await findChange(db, id);
  if (!c || !canSeeAdminChange(actor, c.targetRegionPath)) throw notFound('待确认的管理员变更');
  if (c.status !== 'pending') throw new AppError('INVALID_STATE', '该变更已处理，不能再次确认或否决');
  if (!canConfirmAdminChange(actor, c, c.targetRegionPath))
    throw new AppError(
      'FORBIDDEN',
      c.requestedBy === actor.userId
        ? '三员分立：本人提出的变更须由另一名管理员确认'
        : '三员分立：涉及本人账户的变更须由其他管理员确认',
    );
  await db.transaction().execute(async (trx) => {
    // only one decision: the row is taken while still pending
    const taken = await trx
      .updateTable('admin_change')
      .set({ status: decision, decided_by: actor.userId, decided_at: at, reason: reason ?? null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (!taken) throw new AppError('INVALID_STATE', '该变更已处理，不能再次确认或否决');
    let closed: number[] = [];
    if (decision === 'confirmed') {
      await lockSubject(trx, c.targetUserId);
      const before = await userDetail(trx, c.targetUserId);
      if (before && effectHolds(before, c.kind, c.payload))
        throw new AppError(
          'INVALID_STATE',
          `该变更已无实际效果：账户已是所要求的状态（${describeChange(c.kind, c.payload)}），不能确认，请驳回并说明理由`,
        );
      const requester = {
        userId: c.requestedBy,
        displayName: c.requesterName,
        username: '',
        homeBodyId: 0,
        grants: [],
      };
      await applyChange(trx, c.kind, c.targetUserId, c.payload, {
        actor: requester,
        meta,
        at,
        confirmedBy: actor.userId,
      });
      closed = await closeSuperseded(trx, id, c.targetUserId, at);
    }
    await recordAudit(trx, {
      actor,
      action: decision === 'confirmed' ? 'adminChange.confirmed' : 'adminChange.rejected',
      objectType: 'adminChange',
      objectId: id,
      after: {
        kind: c.kind,
        targetUserId: c.targetUserId,
        requestedBy: c.requestedBy,
        ...c.payload,
        ...(reason ? { reason } : {}),
        ...(closed.length ? { closed } : {}),
      },
      meta,
      at,
    });
  });
  const done = await findChange(db, id);
  return done && { ...done, description: await describe(db, done), mayConfirm: false };
}

/**
 * After a confirmation, the subject's other pending changes whose effect now already holds (the
 * same change filed twice) are closed as superseded — in the confirmation's transaction, named in its audit row.
 */
async function closeSuperseded(
  trx: Transaction<DB>,
  confirmedId: number,
  targetUserId: number,
  at: Date,
): Promise<number[]> {
  const u = await userDetail(trx, targetUserId);
  if (!u) return [];
  const open = await trx
    .selectFrom('admin_change')
    .select(['id', 'kind', 'payload'])
    .where('target_user_id', '=', targetUserId)
    .where('status', '=', 'pending')
    .where('id', '!=', confirmedId)
    .execute();
  const ids = open.filter((o) => effectHolds(u, o.kind, o.payload as Payload)).map((o) => o.id);
  if (ids.length)
    await trx
      .updateTable('admin_change')
      .set({ status: 'superseded', decided_at: at, reason: `同一变更（第${confirmedId}号）已确认生效，此项自动关闭` })
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .execute();
  return ids;
}

/** The change's description, with the name of the body a role change concerns. */
async function describe(db: Database, c: { kind: AdminChangeKind; payload: Payload }) {
  const bodyId = (c.payload as Partial<RoleChange>).bodyId;
  const body = bodyId
    ? await db.selectFrom('body').select('name').where('id', '=', bodyId).executeTakeFirst()
    : undefined;
  return describeChange(c.kind, c.payload, body?.name);
}
