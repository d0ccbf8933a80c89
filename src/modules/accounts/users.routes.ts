// Accounts (三员分立): the system admin creates and disables accounts; the security admin grants
// and revokes roles and unlocks accounts. Both act only within their region. A user of another
// body, or outside the actor's scope, is a 404. A change concerning an administrator answers 202:
// it is filed and waits for a second administrator (users.commands.ts, admin-change.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUserBody,
  pendingAnswerSchema,
  roleBody,
  userDetailSchema,
  userPatchBody,
  userRowSchema,
  usersQuery,
} from '../../contract/accounts.js';
import { errorResponses } from '../../contract/common.js';
import { scopesOf } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, idParam, metaOf } from '../../platform/http.js';
import { type ChangeOutcome, changeRole, createUser, unlockUser, updateUser, visibleUser } from './users.commands.js';
import { listUsers } from './users.repo.js';

const TAGS = ['账户'];
/** the account as it is now, or — a change concerning an administrator — the filed change (202) */
const changedResponse = { 200: userDetailSchema, 202: pendingAnswerSchema, ...errorResponses };

const present = (reply: FastifyReply, out: ChangeOutcome) =>
  'pending' in out ? reply.status(202).send(out) : reply.send(out.user);

export async function usersRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => ({ actor: actorOf(req), meta: metaOf(req), at: clock() });

  r.get(
    '/api/users',
    {
      schema: {
        tags: TAGS,
        summary: '用户列表（按可见范围）',
        querystring: usersQuery,
        response: { 200: z.array(userRowSchema), ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const scopes = [...scopesOf(actor, 'sysAdmin'), ...scopesOf(actor, 'secAdmin')];
      const bodies = [actor.homeBodyId, ...actor.grants.map((g) => g.bodyId)];
      return listUsers(db, { scopes, bodies, bodyId: req.query.bodyId, q: req.query.q });
    },
  );

  r.get(
    '/api/users/:id',
    {
      schema: {
        tags: TAGS,
        summary: '用户详情',
        params: idParam,
        response: { 200: userDetailSchema, ...errorResponses },
      },
    },
    async (req) => visibleUser(db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags: TAGS,
        summary: '创建用户（系统管理员）',
        body: createUserBody,
        response: { 201: userDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(db, req.body, ctx(req))),
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改用户（系统管理员）：姓名、停用',
        params: idParam,
        body: userPatchBody,
        response: changedResponse,
      },
    },
    async (req, reply) => present(reply, await updateUser(db, req.params.id, req.body, ctx(req))),
  );

  r.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags: TAGS,
        summary: '解除锁定（安全管理员）',
        params: idParam,
        response: { 200: userDetailSchema, ...errorResponses },
      },
    },
    async (req) => unlockUser(db, req.params.id, ctx(req)),
  );

  for (const [method, kind] of [
    ['post', 'role.grant'],
    ['delete', 'role.revoke'],
  ] as const) {
    r[method](
      '/api/users/:id/roles',
      {
        schema: {
          tags: TAGS,
          summary: method === 'post' ? '授予角色（安全管理员）' : '撤销角色（安全管理员）',
          params: idParam,
          body: roleBody,
          response: changedResponse,
        },
      },
      async (req, reply) => present(reply, await changeRole(db, req.params.id, kind, req.body, ctx(req))),
    );
  }
}
