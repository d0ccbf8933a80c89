// The auditor's view of the trail: filter by who, what and when; verify the chain.
// 三员分立: nobody else reads it, and nobody at all writes it through the API.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { forbidden } from '../../core/errors.js';
import { canReadAudit, scopesOf } from '../../core/policies.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http.js';
import { AUDIT_ACTIONS, auditActionLabel } from './events.js';
import { verifyAudit } from './verify.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export async function auditRoutes(app: FastifyInstance, { db, config }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['审计'],
        summary: '审计日志（审计管理员）',
        querystring: z.object({
          actor: z.string().max(40).optional(),
          action: z.string().max(60).optional(),
          from: date.optional(),
          to: date.optional(),
          page: z.coerce.number().int().min(1).max(100000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canReadAudit(actor)) throw forbidden('只有审计管理员可以查看审计日志');
      const scopes = scopesOf(actor, 'auditor');
      const f = req.query;
      let q = db
        .selectFrom('audit_event as e')
        .leftJoin('body as b', 'b.id', 'e.body_id')
        .leftJoin('region as r', 'r.code', 'b.region_code')
        // the object's name, read now by a join (not a query per row): a user's name and account, a body's name
        .leftJoin('app_user as ou', (j) =>
          j.on('e.object_type', '=', 'user').on(sql`cast(ou.id as text)`, '=', sql.ref('e.object_id')),
        )
        .leftJoin('body as ob', (j) =>
          j.on('e.object_type', '=', 'body').on(sql`cast(ob.id as text)`, '=', sql.ref('e.object_id')),
        );
      // an auditor sees events of bodies in their region; city auditors also see events with no body
      q = q.where((eb) =>
        eb.or([
          ...scopes.flatMap((s) => [eb('r.path', '=', s), eb('r.path', 'like', `${s}/%`)]),
          ...(scopes.some((s) => !s.includes('/')) ? [eb('e.body_id', 'is', null)] : []),
        ]),
      );
      if (f.actor) q = q.where('e.actor_name', 'like', `%${f.actor}%`);
      if (f.action) q = q.where('e.action', '=', f.action);
      if (f.from) q = q.where('e.at', '>=', new Date(`${f.from}T00:00:00+08:00`));
      if (f.to) q = q.where('e.at', '<', new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000));
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await q
        .select([
          'e.seq',
          'e.at',
          'e.actor_id as actorId',
          'e.actor_name as actorName',
          'e.role',
          'e.body_id as bodyId',
          'b.name as bodyName',
          'e.action',
          'e.object_type as objectType',
          'e.object_id as objectId',
          'e.before',
          'e.after',
          'e.client_ip as clientIp',
          'e.digest',
          'ou.display_name as objectUserName',
          'ou.username as objectUsername',
          'ob.name as objectBodyName',
        ])
        .orderBy('e.seq', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute();
      return {
        total: Number(total),
        page: f.page,
        pageSize: f.pageSize,
        rows: rows.map(({ objectUserName, objectUsername, objectBodyName, ...x }) => ({
          ...x,
          actionLabel: auditActionLabel(x.action),
          objectName: objectUserName ? `${objectUserName}（${objectUsername}）` : (objectBodyName ?? null),
          // written by the demo seed, the setup or a migration: no one signed in, and no request came from any address
          bySystem: x.actorId === null && x.clientIp === null,
        })),
      };
    },
  );

  r.get('/api/audit/actions', { schema: { tags: ['审计'], summary: '审计事件类型' } }, async (req) => {
    if (!canReadAudit(actorOf(req))) throw forbidden('只有审计管理员可以查看审计日志');
    return Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }));
  });

  r.get('/api/audit/verify', { schema: { tags: ['审计'], summary: '校验审计日志摘要链' } }, async (req) => {
    if (!canReadAudit(actorOf(req))) throw forbidden('只有审计管理员可以校验审计日志');
    return verifyAudit(db, config.auditAnchorFile);
  });
}
