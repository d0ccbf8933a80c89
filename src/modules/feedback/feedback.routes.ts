// Workspace API for opinions, complaints and reports (§15): list and detail in the actor's scope,
// staff intake, moderation, assigning, the written answer, merging, the contact (handler only,
// audited), attachments, and an adjustment from an adopted opinion. Parse → actor → command → present.
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParam, okSchema } from '../../contract/common.js';
import {
  adjustmentOpened,
  answerInput,
  assignInput,
  feedbackContact,
  feedbackCreated,
  feedbackDetail,
  feedbackListItem,
  feedbackListQuery,
  intakeInput,
  mergeInput,
  moderateInput,
  openAdjustmentInput,
  OUTCOMES_BY_KIND,
} from '../../contract/feedback.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { notFound } from '../../core/errors.js';
import {
  canAnswer,
  canAssign,
  canMerge,
  canModerateFeedback,
  canOpenAdjustment,
  canReadContact,
  canSeeFeedback,
  handlerBodyOf,
} from '../../core/policies/index.js';
import { citeArticle, getRulebook } from '../../core/rulebook/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { maskContact, openContact } from './contact-crypto.js';
import { answerFeedback, mergeFeedback, openAdjustmentFrom, readContact } from './feedback.answer.js';
import { assignFeedback, intakeFeedback, moderateFeedback } from './feedback.commands.js';
import {
  attachmentsOf,
  findFeedback,
  handlersAt,
  listFeedback,
  mergedInto,
  refOf,
  type FeedbackRow,
} from './feedback.repo.js';

const TAGS = ['意见建议与投诉举报'];
const fileParams = idParam.extend({ fileId: z.coerce.number().int().positive().max(2_147_483_647) });

const listItem = (f: FeedbackRow, today: string) => ({
  id: f.id,
  receiptCode: f.receiptCode,
  kind: f.kind,
  channel: f.channel,
  status: f.status,
  bodyId: f.bodyId,
  bodyName: f.bodyName,
  powerCode: f.powerCode,
  powerName: f.powerName,
  routedTo: f.routedTo,
  officeName: f.officeName,
  excerpt: [...f.content].slice(0, 60).join(''),
  receivedAt: f.receivedAt.toISOString(),
  dueOn: f.dueOn,
  overdue: ['moderation', 'open', 'assigned'].includes(f.status) && today > f.dueOn,
  handlerName: f.handlerName,
  outcome: f.outcome,
});

export async function feedbackRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const act = (req: Parameters<typeof actorOf>[0], id: number) => ({
    actor: actorOf(req),
    id,
    meta: metaOf(req),
    at: clock(),
  });

  r.get(
    '/api/feedback',
    {
      schema: {
        tags: TAGS,
        summary: '意见建议、投诉举报列表（本级及下级；机构只见转本机构的意见建议）',
        querystring: feedbackListQuery,
        response: { 200: z.array(feedbackListItem), ...errorResponses },
      },
    },
    async (req) => {
      const today = todayInBeijing(clock());
      return (await listFeedback(db, actorOf(req), req.query)).map((f) => listItem(f, today));
    },
  );

  r.get(
    '/api/feedback/:id',
    {
      schema: {
        tags: TAGS,
        summary: '详情（联系方式脱敏）',
        params: idParam,
        response: { 200: feedbackDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const f = await findFeedback(db, req.params.id);
      if (!f || !canSeeFeedback(actor, refOf(f))) throw notFound('反映事项');
      const ref = refOf(f);
      const rb = getRulebook(f.rulebookId as 'baotou-2023');
      const into = f.mergedInto ? await findFeedback(db, f.mergedInto) : undefined;
      const [merged, attachments, handlers] = await Promise.all([
        mergedInto(db, f.id),
        attachmentsOf(db, f.id),
        canAssign(actor, ref) ? handlersAt(db, handlerBodyOf(ref)) : Promise.resolve([]),
      ]);
      return {
        ...listItem(f, todayInBeijing(clock())),
        content: f.content,
        handlerId: f.handlerId,
        contactMasked: maskContact(openContact(f.contactEnc)),
        dueCitation: `${citeArticle(rb, rb.feedback.answer.article, rb.feedback.answer.inherited2023)}：${rb.feedback.answer.amount}个工作日内答复`,
        answer: f.answer,
        reasoning: f.reasoning,
        answeredAt: f.answeredAt?.toISOString() ?? null,
        mergedInto: into ? { id: into.id, receiptCode: into.receiptCode } : null,
        merged,
        decisionReason: f.decisionReason,
        adjustmentId: f.adjustmentId,
        findingId: f.findingId,
        attachments,
        handlers,
        outcomes: [...OUTCOMES_BY_KIND[f.kind]],
        can: {
          moderate: canModerateFeedback(actor, ref),
          assign: canAssign(actor, ref),
          answer: canAnswer(actor, ref),
          merge: canMerge(actor, ref),
          readContact: canReadContact(actor, ref),
          openAdjustment: canOpenAdjustment(actor, ref),
        },
      };
    },
  );

  r.post(
    '/api/feedback',
    {
      schema: {
        tags: TAGS,
        summary: '登记现场、电话、信件、邮箱收到的意见建议或投诉举报',
        body: intakeInput,
        response: { 200: feedbackCreated, ...errorResponses },
      },
    },
    async (req) => {
      const b = req.body;
      return intakeFeedback(db, actorOf(req), {
        channel: b.channel,
        kind: b.kind,
        bodyId: b.bodyId,
        powerCode: b.powerCode || null,
        content: b.content,
        contact: { name: b.contactName || null, contact: b.contact || null },
        meta: metaOf(req),
        at: clock(),
      });
    },
  );

  r.post(
    '/api/feedback/:id/moderate',
    {
      schema: {
        tags: TAGS,
        summary: '审核网站收到的事项：受理或不予受理（协调小组办公室）',
        params: idParam,
        body: moderateInput,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await moderateFeedback(db, { ...act(req, req.params.id), ...req.body });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/feedback/:id/assign',
    {
      schema: {
        tags: TAGS,
        summary: '指定承办人',
        params: idParam,
        body: assignInput,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assignFeedback(db, { ...act(req, req.params.id), handlerId: req.body.handlerId });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/feedback/:id/answer',
    {
      schema: {
        tags: TAGS,
        summary: '书面答复：办理结果、研究论证情况、答复内容（承办人）',
        params: idParam,
        body: answerInput,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await answerFeedback(db, { ...act(req, req.params.id), ...req.body });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/feedback/:id/merge',
    {
      schema: {
        tags: TAGS,
        summary: '将重复事项并入另一件合并办理',
        params: idParam,
        body: mergeInput,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await mergeFeedback(db, { ...act(req, req.params.id), ...req.body });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/feedback/:id/contact',
    {
      schema: {
        tags: TAGS,
        summary: '查看反映人完整联系方式（仅承办人，每次查看记入审计日志）',
        params: idParam,
        response: { 200: feedbackContact, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return readContact(db, act(req, req.params.id));
    },
  );

  r.post(
    '/api/feedback/:id/adjustment',
    {
      schema: {
        tags: TAGS,
        summary: '采纳意见后发起调整申请（该机构部门经办人）',
        params: idParam,
        body: openAdjustmentInput,
        response: { 200: adjustmentOpened, ...errorResponses },
      },
    },
    async (req) => openAdjustmentFrom(db, { ...act(req, req.params.id), kind: req.body.kind }),
  );

  r.get(
    '/api/feedback/:id/attachments/:fileId',
    { schema: { tags: TAGS, summary: '下载附件', params: fileParams, response: { 200: z.any(), ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const f = await findFeedback(db, req.params.id);
      if (!f || !canSeeFeedback(actor, refOf(f))) throw notFound('附件');
      const file = await db
        .selectFrom('feedback_attachment')
        .select(['filename', 'media_type', 'content'])
        .where('id', '=', req.params.fileId)
        .where('feedback_id', '=', f.id)
        .executeTakeFirst();
      if (!file) throw notFound('附件');
      return reply
        .type(file.media_type)
        .header('content-disposition', contentDisposition(file.filename, { fallback: 'attachment' }))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );
}
