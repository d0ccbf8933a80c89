// Dynamic adjustment API (§9–§13). Routes stay thin: parse → authorize → one command → present.
// Scope: a body's clerks and lead unit see their own body's applications, offices their region's;
// anything else is a 404.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../../core/errors.js';
import { bodiesWithRole, canViewAdjustment } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { errorResponses, idParam } from '../../contract/common.js';
import {
  completeBody,
  consultationBody,
  createBody,
  duplicateBody,
  duplicateParams,
  dutiesBody,
  exclusionOverrideBody,
  exclusionOverrideParams,
  itemsBody,
  listQuery,
  reasonBody,
  stepParams,
  updateBody,
} from '../../contract/adjustments.js';
import { adjustmentList, adjustmentView, rebaseResult } from '../../contract/adjustments.views.js';
import { findAdjustment } from './adjustments.repo.js';
import { attachmentRoutes } from './attachments.routes.js';
import { batchRoutes } from './batches.routes.js';
import { createAdjustment, rebaseAdjustment, setItems, updateAdjustment } from './content.command.js';
import { inboxRoutes } from './inbox.routes.js';
import { overrideItemExclusion, setDuties } from './parts.command.js';
import { lawChangeRoutes } from './law-change.routes.js';
import { adjustmentListItems } from './list-view.js';
import { presentAdjustment } from './present.js';
import { act, type ActInput } from './workflow.command.js';
import { resolveDuplicate } from './duplicates.command.js';

const one = { 200: adjustmentView, ...errorResponses };

export async function adjustmentsRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (id: number, req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    const a = await findAdjustment(db, id);
    if (!a || !canViewAdjustment(actor, a)) throw notFound('调整申请');
    return presentAdjustment(db, a, actor, clock());
  };

  r.get(
    '/api/adjustments',
    {
      schema: {
        tags: ['动态调整'],
        summary: '调整申请列表（按权限范围）',
        querystring: listQuery,
        response: { 200: adjustmentList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return { items: await adjustmentListItems(db, actor, req.query, clock()) };
    },
  );

  r.post(
    '/api/adjustments',
    {
      schema: {
        tags: ['动态调整'],
        summary: '起草调整申请（部门经办人）',
        body: createBody,
        response: { 201: adjustmentView, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const mine = bodiesWithRole(actor, 'clerk');
      const bodyId = req.body.bodyId ?? (mine.length === 1 ? mine[0] : undefined);
      if (!bodyId)
        throw new AppError('VALIDATION_FAILED', '请选择申请单位', [{ field: 'bodyId', message: '请选择申请单位' }]);
      const { bodyId: _b, ...v } = req.body;
      const a = await createAdjustment(deps, actor, metaOf(req), bodyId, v);
      return reply.status(201).send(await presentAdjustment(db, a, actor, clock()));
    },
  );

  r.get(
    '/api/adjustments/:id',
    {
      schema: {
        tags: ['动态调整'],
        summary: '调整申请详情：差异、期限、冲突、办理记录',
        params: idParam,
        response: one,
      },
    },
    async (req) => view(req.params.id, req),
  );

  r.patch(
    '/api/adjustments/:id',
    {
      schema: {
        tags: ['动态调整'],
        summary: '修改调整申请（起草阶段，部门经办人；必须带上读到的 version，他人已修改则 409）',
        params: idParam,
        body: updateBody,
        response: one,
      },
    },
    async (req) => {
      const { version, ...v } = req.body;
      await updateAdjustment(deps, actorOf(req), metaOf(req), req.params.id, v, version);
      return view(req.params.id, req);
    },
  );

  r.put(
    '/api/adjustments/:id/items',
    {
      schema: {
        tags: ['动态调整'],
        summary: '填写拟调整的行政职权及拟调整内容（起草阶段；必须带上读到的 version）',
        params: idParam,
        body: itemsBody,
        response: one,
      },
    },
    async (req) => {
      await setItems(deps, actorOf(req), metaOf(req), req.params.id, req.body.items, req.body.version);
      return view(req.params.id, req);
    },
  );

  r.post(
    '/api/adjustments/:id/rebase',
    {
      schema: {
        tags: ['动态调整'],
        summary: '按最新公布版本更新本申请（申请单位）',
        params: idParam,
        response: { 200: rebaseResult, ...errorResponses },
      },
    },
    async (req) => {
      const result = await rebaseAdjustment(deps, actorOf(req), metaOf(req), req.params.id);
      return { ...result, adjustment: await view(req.params.id, req) };
    },
  );

  const transition = (id: number, req: Parameters<typeof actorOf>[0], input: ActInput) =>
    act(deps, actorOf(req), metaOf(req), id, input).then(() => view(id, req));

  r.post(
    '/api/adjustments/:id/start',
    { schema: { tags: ['动态调整'], summary: '开始起草应调整事项（申请单位）', params: idParam, response: one } },
    async (req) => transition(req.params.id, req, { action: 'start' }),
  );

  r.post(
    '/api/adjustments/:id/withdraw',
    {
      schema: {
        tags: ['动态调整'],
        summary: '撤回调整申请（申请单位，须说明理由）',
        params: idParam,
        body: reasonBody,
        response: one,
      },
    },
    async (req) => transition(req.params.id, req, { action: 'withdraw', reason: req.body.reason }),
  );

  // §12, §13.1: only the government undoes its decision (审定), with a reason; the 文号 stays in the history.
  r.post(
    '/api/adjustments/:id/revoke',
    {
      schema: {
        tags: ['动态调整'],
        summary: '撤销审定决定（本级人民政府，须说明理由）',
        params: idParam,
        body: reasonBody,
        response: one,
      },
    },
    async (req) => transition(req.params.id, req, { action: 'revoke', reason: req.body.reason }),
  );

  r.put(
    '/api/adjustments/:id/duties',
    {
      schema: {
        tags: ['动态调整'],
        summary: '填写拟增加、修改、删除的职责（起草阶段，§6；必须带上读到的 version）',
        params: idParam,
        body: dutiesBody,
        response: one,
      },
    },
    async (req) => {
      await setDuties(deps, actorOf(req), metaOf(req), req.params.id, req.body.duties, req.body.version);
      return view(req.params.id, req);
    },
  );

  r.post(
    '/api/adjustments/:id/items/:itemId/exclusion-override',
    {
      schema: {
        tags: ['动态调整'],
        summary: '排除筛查复核：保留该事项并记录说明（协调小组办公室，§8）',
        params: exclusionOverrideParams,
        body: exclusionOverrideBody,
        response: one,
      },
    },
    async (req) => {
      await overrideItemExclusion(deps, actorOf(req), metaOf(req), req.params.id, req.params.itemId, req.body.note);
      return view(req.params.id, req);
    },
  );

  // §13(五): a delegated power the receiving body already lists is resolved in the application.
  r.post(
    '/api/adjustments/:id/items/:ord/duplicate',
    {
      schema: {
        tags: ['动态调整'],
        summary: '处理承接部门清单中的同名同类事项（并入、替换或两项并存）',
        params: duplicateParams,
        body: duplicateBody,
        response: one,
      },
    },
    async (req) => {
      await resolveDuplicate(deps, actorOf(req), metaOf(req), req.params.id, req.params.ord, req.body);
      return view(req.params.id, req);
    },
  );

  r.post(
    '/api/adjustments/:id/steps/:step/complete',
    {
      schema: {
        tags: ['动态调整'],
        summary: '办理完成当前步骤（按规则集由相应角色办理）',
        params: stepParams,
        body: completeBody,
        response: one,
      },
    },
    async (req) => transition(req.params.id, req, { action: 'complete', step: req.params.step, ...req.body }),
  );

  r.post(
    '/api/adjustments/:id/steps/:step/return',
    {
      schema: {
        tags: ['动态调整'],
        summary: '退回修改（须说明理由）',
        params: stepParams,
        body: reasonBody,
        response: one,
      },
    },
    async (req) => transition(req.params.id, req, { action: 'return', step: req.params.step, reason: req.body.reason }),
  );

  r.post(
    '/api/adjustments/:id/steps/:step/reject',
    {
      schema: {
        tags: ['动态调整'],
        summary: '不予批准（本级人民政府，须说明理由）',
        params: stepParams,
        body: reasonBody,
        response: one,
      },
    },
    async (req) => transition(req.params.id, req, { action: 'reject', step: req.params.step, reason: req.body.reason }),
  );

  r.post(
    '/api/adjustments/:id/consultation',
    {
      schema: {
        tags: ['动态调整'],
        summary: '发布公开征求意见（协调小组办公室；期限不少于规则集规定的天数）',
        params: idParam,
        body: consultationBody,
        response: one,
      },
    },
    async (req) => transition(req.params.id, req, { action: 'openConsultation', step: 'consultation', ...req.body }),
  );

  await attachmentRoutes(app, deps);
  await batchRoutes(app, deps);
  await lawChangeRoutes(app, deps);
  await inboxRoutes(app, deps);
}
