// Accounts (三员分立): the system admin creates and disables accounts; the security admin grants
// and revokes roles and unlocks accounts. Both act only within their region. A user of another
// body, or outside the actor's scope, is a 404.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, ROLE_LABELS, type Actor, type RequestMeta, type Role } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { nameText } from '../../core/names.js';
import { checkPassword } from '../../core/password-policy.js';
import {
  canManageRoles,
  canManageUsers,
  canViewUser,
  conflictingAdminRole,
  pathWithin,
  scopesOf,
} from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, idParam, metaOf } from '../../platform/http.js';
import { recordAudit } from '../audit/audit.repo.js';
import { findBody } from '../bodies/bodies.repo.js';
import { applyChange, needsSecondAdmin, requestChange, type AdminChangeKind } from './admin-change.js';
import { hashPassword } from './password.js';
import { getPolicy, toPasswordPolicy } from './policy.repo.js';
import { listUsers, userDetail } from './users.repo.js';

const createUser = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名须以字母开头，由3-32位字母、数字、下划线、点或连字符组成'),
  displayName: nameText('姓名', 30, 2),
  homeBodyId: z.number().int().positive('请选择所属机构'),
  password: z.string().min(1, '请输入初始密码').max(128, '密码过长'),
});

const roleBody = z.object({
  bodyId: z.number().int().positive('请选择机构'),
  role: z.enum(ROLES, { message: `角色须为：${ROLES.map((r) => ROLE_LABELS[r]).join('、')}` }),
});

export async function usersRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function visibleUser(actor: Actor, id: number) {
    const u = await userDetail(db, id);
    if (!u || !canViewUser(actor, { id: u.homeBodyId, regionPath: u.homeRegionPath })) throw notFound('用户');
    return u;
  }

  /** Applies the change at once, or — when it concerns an administrator — files it for a second administrator (202). */
  async function changeOrRequest(
    actor: Actor,
    u: NonNullable<Awaited<ReturnType<typeof userDetail>>>,
    kind: AdminChangeKind,
    payload: Parameters<typeof applyChange>[3],
    meta: RequestMeta,
    reply: FastifyReply,
  ) {
    const at = clock();
    if (
      needsSecondAdmin(
        u.roles.map((x) => x.role as Role),
        kind,
        payload,
      )
    ) {
      const id = await requestChange(db, kind, u.id, payload, actor, meta, at);
      return reply
        .status(202)
        .send({ pending: { id, kind }, message: '涉及管理员账户或角色的变更已提交，须由另一名管理员确认后生效' });
    }
    await db.transaction().execute((trx) => applyChange(trx, kind, u.id, payload, { actor, meta, at }));
    return userDetail(db, u.id);
  }

  r.get(
    '/api/users',
    {
      schema: {
        tags: ['账户'],
        summary: '用户列表（按可见范围）',
        querystring: z.object({
          bodyId: z.coerce.number().int().positive().optional(),
          q: z.string().max(40).optional(),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const scopes = [...scopesOf(actor, 'sysAdmin'), ...scopesOf(actor, 'secAdmin')];
      const bodies = [actor.homeBodyId, ...actor.grants.map((g) => g.bodyId)];
      return listUsers(db, { scopes, bodies, bodyId: req.query.bodyId, q: req.query.q });
    },
  );

  r.get('/api/users/:id', { schema: { tags: ['账户'], summary: '用户详情', params: idParam } }, async (req) =>
    visibleUser(actorOf(req), req.params.id),
  );

  r.post(
    '/api/users',
    { schema: { tags: ['账户'], summary: '创建用户（系统管理员）', body: createUser } },
    async (req, reply) => {
      const actor = actorOf(req);
      const body = await findBody(db, req.body.homeBodyId);
      if (!body)
        throw new AppError('VALIDATION_FAILED', '所属机构不存在', [{ field: 'homeBodyId', message: '所属机构不存在' }]);
      if (!canManageUsers(actor, body)) throw forbidden('您无权在该机构创建用户');
      const reason = checkPassword(req.body.password, toPasswordPolicy(await getPolicy(db)), req.body.username);
      if (reason) throw new AppError('PASSWORD_POLICY', reason, [{ field: 'password', message: reason }]);
      const passwordHash = await hashPassword(req.body.password);
      const id = await db.transaction().execute(async (trx) => {
        const dup = await trx
          .selectFrom('app_user')
          .select('id')
          .where('username', '=', req.body.username)
          .executeTakeFirst();
        if (dup) throw new AppError('CONFLICT', `用户名“${req.body.username}”已被使用`);
        const row = await trx
          .insertInto('app_user')
          .values({
            username: req.body.username,
            display_name: req.body.displayName,
            home_body_id: body.id,
            password_hash: passwordHash,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const { password: _omit, ...after } = req.body;
        await recordAudit(trx, {
          actor,
          role: 'sysAdmin',
          bodyId: body.id,
          action: 'user.created',
          objectType: 'user',
          objectId: row.id,
          after,
          meta: metaOf(req),
          at: clock(),
        });
        return row.id;
      });
      return reply.status(201).send(await userDetail(db, id));
    },
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['账户'],
        summary: '修改用户（系统管理员）：姓名、停用',
        params: idParam,
        body: z.object({ displayName: createUser.shape.displayName.optional(), disabled: z.boolean().optional() }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const u = await visibleUser(actor, req.params.id);
      const home = { id: u.homeBodyId, regionPath: u.homeRegionPath };
      if (!canManageUsers(actor, home)) throw forbidden('您无权修改该用户');
      if (u.id === actor.userId && req.body.disabled) throw new AppError('VALIDATION_FAILED', '不能停用本人账户');
      return changeOrRequest(actor, u, 'user.update', req.body, metaOf(req), reply);
    },
  );

  r.post(
    '/api/users/:id/unlock',
    { schema: { tags: ['账户'], summary: '解除锁定（安全管理员）', params: idParam } },
    async (req) => {
      const actor = actorOf(req);
      const u = await visibleUser(actor, req.params.id);
      if (!canManageRoles(actor, { id: u.homeBodyId, regionPath: u.homeRegionPath }))
        throw forbidden('只有安全管理员可以解除锁定');
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('app_user')
          .set({ failed_logins: 0, locked_until: null })
          .where('id', '=', u.id)
          .execute();
        await recordAudit(trx, {
          actor,
          role: 'secAdmin',
          bodyId: u.homeBodyId,
          action: 'user.unlocked',
          objectType: 'user',
          objectId: u.id,
          meta: metaOf(req),
          at: clock(),
        });
      });
      return userDetail(db, u.id);
    },
  );

  for (const [method, kind] of [
    ['post', 'role.grant'],
    ['delete', 'role.revoke'],
  ] as const) {
    r[method](
      '/api/users/:id/roles',
      {
        schema: {
          tags: ['账户'],
          summary: method === 'post' ? '授予角色（安全管理员）' : '撤销角色（安全管理员）',
          params: idParam,
          body: roleBody,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const u = await visibleUser(actor, req.params.id);
        // 三员分立: no administrator grants or revokes their own roles
        if (u.id === actor.userId) throw forbidden('三员分立：不能为本人授予或撤销角色');
        const body = await findBody(db, req.body.bodyId);
        if (!body) throw new AppError('VALIDATION_FAILED', '机构不存在', [{ field: 'bodyId', message: '机构不存在' }]);
        // the security admin's scope must cover both the person and the body the role is held at
        if (!canManageRoles(actor, { id: u.homeBodyId, regionPath: u.homeRegionPath }) || !canManageRoles(actor, body))
          throw forbidden('只有本区划的安全管理员可以管理角色');
        if (method === 'post') {
          const clash = conflictingAdminRole(
            u.roles.map((x) => x.role as Role),
            req.body.role,
          );
          if (clash)
            throw new AppError(
              'CONFLICT',
              `三员分立：该用户已是${ROLE_LABELS[clash]}，不能同时担任${ROLE_LABELS[req.body.role]}`,
            );
        }
        return changeOrRequest(actor, u, kind, req.body, metaOf(req), reply);
      },
    );
  }
}
