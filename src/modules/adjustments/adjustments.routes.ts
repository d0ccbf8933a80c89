// Dynamic adjustment API (§9–§13). Routes stay thin: parse → authorize → one command → present.
// Scope: a body's clerks and lead unit see their own body's applications, offices their region's;
// anything else is a 404.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate, todayInBeijing } from '../../core/calendar/index.js';
import { AppError, notFound } from '../../core/errors.js';
import { editVersion } from '../../core/versions.js';
import { canViewAdjustment } from '../../core/policies.js';
import { ADJUSTMENT_KINDS, STEP_IDS, TRIGGER_KINDS } from '../../core/rulebook/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, idParam, metaOf } from '../../platform/http.js';
import {
  findAdjustment,
  involvementOf,
  listAdjustments,
  stepRecords,
  currentConsultation,
  workflowState,
} from './adjustments.repo.js';
import { attachmentRoutes } from './attachments.routes.js';
import { batchRoutes } from './batches.routes.js';
import { createAdjustment, rebaseAdjustment, setItems, updateAdjustment } from './content.command.js';
import { inboxRoutes } from './inbox.routes.js';
import { itemInput } from './items.js';
import { dutyItemInput } from './duties.js';
import { overrideItemExclusion, setDuties } from './parts.command.js';
import { lawChangeRoutes } from './law-change.routes.js';
import { abilities, nextDueOf, presentAdjustment } from './present.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { statusLabelOf } from './status-words.js';
import { ADJUSTMENT_STATUSES } from './transitions.js';
import { act, type ActInput } from './workflow.command.js';
import { resolveDuplicate } from './duplicates.command.js';
import { DUPLICATE_CHOICES } from './apply.js';
import { applicationRoles } from './receiving.js';

const isoDate = (what: string) =>
  z.string({ message: `请填写${what}` }).refine(isIsoDate, `${what}应为有效日期（YYYY-MM-DD）`);
const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`);
const reason = z.object({
  reason: z
    .string({ message: '请填写理由' })
    .trim()
    .min(2, '请填写理由（至少2个字）')
    .max(2000, '理由不能超过2000个字'),
});

const content = z.object({
  title: text('标题', 100).min(2, '请填写标题（至少2个字）'),
  kind: z.enum(ADJUSTMENT_KINDS, {
    message:
      '调整类型须为：add 增加、cancel 取消、delegate 下放、modify 修改要素、merge 合并、split 分设、entrust 委托、takeBack 收回委托',
  }),
  triggerKind: z.enum(TRIGGER_KINDS, { message: '请选择调整事由' }),
  triggerDate: isoDate('事由发生日期'),
  reason: text('调整理由', 4000),
  legalBasis: text('调整依据', 4000),
  takeover: text('下级承接情况', 4000),
  specialNotes: text('需要特别说明的情况', 4000),
  receivingBodyId: z.number().int().positive().nullable(),
  batchId: z.number().int().positive().nullable(),
});
const createBody = content
  .partial({ reason: true, legalBasis: true, takeover: true, specialNotes: true, receivingBodyId: true, batchId: true })
  .extend({ bodyId: z.number().int().positive().optional() });
const stepParams = idParam.extend({ step: z.enum(STEP_IDS, { message: '步骤不存在' }) });

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
        querystring: z.object({
          status: z.enum(ADJUSTMENT_STATUSES, { message: '状态无效' }).optional(),
          bodyId: z.coerce.number().int().positive().optional(),
          waiting: z.enum(['0', '1']).optional(),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const rows = await listAdjustments(db, actor, {
        status: req.query.status ? [req.query.status] : undefined,
        bodyId: req.query.bodyId,
      });
      const cal = await loadCalendar(db);
      const today = todayInBeijing(clock());
      const out = [];
      for (const a of rows) {
        let can: ReturnType<typeof abilities> = [];
        if (req.query.waiting === '1' || a.status === 'open' || a.status === 'due') {
          can = abilities(workflowState(a, await currentConsultation(db, a.id, a.round)), {
            roles: applicationRoles(actor, a),
            ...involvementOf(a, await stepRecords(db, a.id), actor.userId),
          });
        }
        if (req.query.waiting === '1' && !can.some((x) => x.step || x.action === 'start')) continue;
        out.push({
          id: a.id,
          title: a.title,
          kind: a.kind,
          status: a.status,
          statusLabel: statusLabelOf(a, today),
          rulebookId: a.rulebookId,
          bodyId: a.bodyId,
          bodyName: a.bodyName,
          openSteps: a.openSteps,
          triggerDate: a.triggerDate,
          filingDue: a.filingDue,
          filingDueProvisional: a.filingDueProvisional,
          late: a.late,
          missing: a.missingAt !== null,
          publishedVersion: a.publishedVersion,
          updatedAt: a.updatedAt,
          nextDue: await nextDueOf(db, a, cal, today),
          can,
        });
      }
      return { items: out };
    },
  );

  r.post(
    '/api/adjustments',
    { schema: { tags: ['动态调整'], summary: '起草调整申请（部门经办人）', body: createBody } },
    async (req, reply) => {
      const actor = actorOf(req);
      const mine = [...new Set(actor.grants.filter((g) => g.role === 'clerk').map((g) => g.bodyId))];
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
    { schema: { tags: ['动态调整'], summary: '调整申请详情：差异、期限、冲突、办理记录', params: idParam } },
    async (req) => view(req.params.id, req),
  );

  r.patch(
    '/api/adjustments/:id',
    {
      schema: {
        tags: ['动态调整'],
        summary: '修改调整申请（起草阶段，部门经办人；必须带上读到的 version，他人已修改则 409）',
        params: idParam,
        body: content.partial().extend({ version: editVersion }),
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
        body: z.object({ items: z.array(itemInput).max(500, '一次申请最多调整500项职权'), version: editVersion }),
      },
    },
    async (req) => {
      await setItems(deps, actorOf(req), metaOf(req), req.params.id, req.body.items, req.body.version);
      return view(req.params.id, req);
    },
  );

  r.post(
    '/api/adjustments/:id/rebase',
    { schema: { tags: ['动态调整'], summary: '按最新公布版本更新本申请（申请单位）', params: idParam } },
    async (req) => {
      const result = await rebaseAdjustment(deps, actorOf(req), metaOf(req), req.params.id);
      return { ...result, adjustment: await view(req.params.id, req) };
    },
  );

  const transition = (id: number, req: Parameters<typeof actorOf>[0], input: ActInput) =>
    act(deps, actorOf(req), metaOf(req), id, input).then(() => view(id, req));

  r.post(
    '/api/adjustments/:id/start',
    { schema: { tags: ['动态调整'], summary: '开始起草应调整事项（申请单位）', params: idParam } },
    async (req) => transition(req.params.id, req, { action: 'start' }),
  );

  r.post(
    '/api/adjustments/:id/withdraw',
    { schema: { tags: ['动态调整'], summary: '撤回调整申请（申请单位，须说明理由）', params: idParam, body: reason } },
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
        body: reason,
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
        body: z.object({ duties: z.array(dutyItemInput).max(200, '一次申请最多调整200项职责'), version: editVersion }),
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
        params: idParam.extend({ itemId: z.coerce.number().int().positive('事项编号无效').max(2_147_483_647) }),
        body: z.object({
          note: z
            .string({ message: '请填写复核说明' })
            .trim()
            .min(4, '复核说明至少4个字')
            .max(2000, '复核说明不能超过2000个字'),
        }),
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
        params: idParam.extend({ ord: z.coerce.number().int().min(0, '事项序号无效').max(499, '事项序号无效') }),
        body: z.object({
          choice: z.enum(DUPLICATE_CHOICES, {
            message: '处理方式须为：merge 并入现有事项、replace 替换现有事项内容、keepBoth 两项并存',
          }),
          reason: text('理由', 2000).optional(),
        }),
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
        body: z.object({
          note: text('意见', 2000).optional(),
          normativeDocumentNumber: text('规范性文件文号', 100).optional(),
        }),
      },
    },
    async (req) => transition(req.params.id, req, { action: 'complete', step: req.params.step, ...req.body }),
  );

  r.post(
    '/api/adjustments/:id/steps/:step/return',
    { schema: { tags: ['动态调整'], summary: '退回修改（须说明理由）', params: stepParams, body: reason } },
    async (req) => transition(req.params.id, req, { action: 'return', step: req.params.step, reason: req.body.reason }),
  );

  r.post(
    '/api/adjustments/:id/steps/:step/reject',
    {
      schema: { tags: ['动态调整'], summary: '不予批准（本级人民政府，须说明理由）', params: stepParams, body: reason },
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
        body: z.object({ opensOn: isoDate('开始日期').optional(), closesOn: isoDate('截止日期') }),
      },
    },
    async (req) => transition(req.params.id, req, { action: 'openConsultation', step: 'consultation', ...req.body }),
  );

  await attachmentRoutes(app, deps);
  await batchRoutes(app, deps);
  await lawChangeRoutes(app, deps);
  await inboxRoutes(app, deps);
}
