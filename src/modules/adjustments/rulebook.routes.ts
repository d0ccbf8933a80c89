// The rulebooks the platform ships and the one in force (spec, opening section). Everyone
// signed in reads them (every deadline names its article); a system administrator of the
// top-level region switches; applications already created keep theirs.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { canConfigureInstallation, installationGrant } from '../../core/policies/index.js';
import { getRulebook, isRulebookId, listRulebooks } from '../../core/rulebook/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { recordAudit } from '../audit/audit.repo.js';
import { currentRulebookId, rulebookHistory } from './rulebook.repo.js';

export async function rulebookRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/rulebooks', { schema: { tags: ['规则集'], summary: '平台内置的规则集及现行规则集' } }, async (req) => {
    const actor = actorOf(req);
    const current = await currentRulebookId(db);
    return {
      current,
      canSwitch: canConfigureInstallation(actor),
      rulebooks: listRulebooks().map((rb) => ({
        id: rb.id,
        label: rb.label,
        regulation: rb.regulation,
        managingOffice: rb.managingOffice.name,
        current: rb.id === current,
      })),
      history: await rulebookHistory(db),
    };
  });

  r.get(
    '/api/rulebooks/:id',
    {
      schema: {
        tags: ['规则集'],
        summary: '规则集全文（类别、调整类型、步骤、时限及条款）',
        params: z.object({ id: z.string().max(40) }),
      },
    },
    async (req) => {
      actorOf(req);
      if (!isRulebookId(req.params.id)) throw notFound('规则集');
      return getRulebook(req.params.id);
    },
  );

  r.put(
    '/api/rulebooks/current',
    {
      schema: {
        tags: ['规则集'],
        summary: '切换现行规则集（市级系统管理员；只影响此后新建的申请）',
        body: z.object({
          rulebookId: z.string({ message: '请选择规则集' }),
          note: z.string().trim().max(500, '说明不能超过500个字').optional(),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canConfigureInstallation(actor)) throw forbidden('只有市级系统管理员可以切换规则集');
      if (!isRulebookId(req.body.rulebookId))
        throw new AppError('VALIDATION_FAILED', `未知的规则集：${req.body.rulebookId}`, [
          { field: 'rulebookId', message: '未知的规则集' },
        ]);
      const at = clock();
      const grant = installationGrant(actor);
      await db.transaction().execute(async (trx) => {
        const before = await currentRulebookId(trx);
        await trx
          .insertInto('rulebook_selection')
          .values({
            rulebook_id: req.body.rulebookId,
            selected_at: at,
            selected_by: actor.userId,
            note: req.body.note ?? null,
          })
          .execute();
        await recordAudit(trx, {
          actor,
          role: 'sysAdmin',
          bodyId: grant?.bodyId,
          action: 'rulebook.selected',
          objectType: 'rulebook',
          objectId: req.body.rulebookId,
          before: { rulebookId: before },
          after: { rulebookId: req.body.rulebookId, note: req.body.note ?? null },
          meta: metaOf(req),
          at,
        });
      });
      return { current: req.body.rulebookId, label: getRulebook(req.body.rulebookId).label };
    },
  );
}
