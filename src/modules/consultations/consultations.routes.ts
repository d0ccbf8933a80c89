// Workspace API of the coordination office for the comments of §12 consultations: read them
// (contact included), hide or restore with a reason, record each disposition (§15).
// Scope: a consultation outside the actor's coordination scope is 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../contract/common.js';
import {
  commentParam,
  consultationDetailSchema,
  consultationListItemSchema,
  consultationParam,
  consultationsQuery,
  dispositionInput,
  moderationInput,
  staffCommentSchema,
} from '../../contract/consultations.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { notFound } from '../../core/errors.js';
import { getRulebook } from '../../core/rulebook/index.js';
import { canModerate, canReadComments, isApplyingBody, scopesOf } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { disposeComment, setCommentHidden } from './comments.commands.js';
import {
  findConsultation,
  listConsultations,
  loadItems,
  phaseOf,
  staffComments,
  undisposedCount,
} from './consultations.repo.js';
import { consultationBasis } from './consultations.pages.js';
import { describeProposal } from './proposal-words.js';

const TAGS = ['公开征求意见'];

export async function consultationRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/consultations',
    {
      schema: {
        tags: TAGS,
        summary: '本级及下级的公开征求意见（协调小组办公室）',
        querystring: consultationsQuery,
        response: { 200: z.array(consultationListItemSchema), ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const today = todayInBeijing(clock());
      const rows = await listConsultations(db, { regionPaths: scopesOf(actor, 'coordinator') });
      return rows
        .map((c) => ({ ...c, phase: phaseOf(c, today), canModerate: canModerate(actor, c.regionPath) }))
        .filter((c) => !req.query.phase || c.phase === req.query.phase);
    },
  );

  async function scoped(req: FastifyRequest, consultationId: number) {
    const actor = actorOf(req);
    const c = await findConsultation(db, consultationId);
    if (!c) throw notFound('征求意见');
    const office = canReadComments(actor, c.regionPath);
    if (!office && !isApplyingBody(actor, c.bodyId)) throw notFound('征求意见');
    return { actor, c, office };
  }

  r.get(
    '/api/consultations/:id',
    {
      schema: {
        tags: TAGS,
        summary: '征求意见详情：拟调整内容、期限、意见统计',
        params: consultationParam,
        response: { 200: consultationDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { actor, c, office } = await scoped(req, req.params.id);
      const [items, all, undisposed] = await Promise.all([
        loadItems(db, c.adjustmentId),
        staffComments(db, c.id),
        undisposedCount(db, c.id),
      ]);
      const comments = office ? all : all.filter((k) => !k.hidden);
      return {
        ...c,
        phase: phaseOf(c, todayInBeijing(clock())),
        basis: consultationBasis(c),
        changes: describeProposal(c.kind, items, getRulebook(c.rulebookId), c.receivingBodyName),
        counts: { total: comments.length, hidden: comments.filter((k) => k.hidden).length, undisposed },
        canModerate: canModerate(actor, c.regionPath),
        portalUrl: `/consultations/${c.id}`,
      };
    },
  );

  r.get(
    '/api/consultations/:id/comments',
    {
      schema: {
        tags: TAGS,
        summary: '全部意见（含联系方式与隐藏的意见）',
        params: consultationParam,
        response: { 200: z.array(staffCommentSchema), ...errorResponses },
      },
    },
    async (req) => {
      const { c, office } = await scoped(req, req.params.id);
      const all = await staffComments(db, c.id);
      // the applying body: visible comments and their dispositions, never a contact or moderation detail
      return office
        ? all
        : all.filter((k) => !k.hidden).map((k) => ({ ...k, contact: null, hiddenReason: null, hiddenByName: null }));
    },
  );

  r.post(
    '/api/consultations/:id/comments/:commentId/hide',
    {
      schema: {
        tags: TAGS,
        summary: '隐藏意见（须填写理由）',
        params: commentParam,
        body: moderationInput,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await setCommentHidden(db, {
        actor: actorOf(req),
        consultationId: req.params.id,
        commentId: req.params.commentId,
        hidden: true,
        reason: req.body.reason,
        meta: metaOf(req),
        at: clock(),
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/consultations/:id/comments/:commentId/restore',
    {
      schema: {
        tags: TAGS,
        summary: '恢复显示被隐藏的意见（须填写理由）',
        params: commentParam,
        body: moderationInput,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await setCommentHidden(db, {
        actor: actorOf(req),
        consultationId: req.params.id,
        commentId: req.params.commentId,
        hidden: false,
        reason: req.body.reason,
        meta: metaOf(req),
        at: clock(),
      });
      return { ok: true as const };
    },
  );

  r.put(
    '/api/consultations/:id/comments/:commentId/disposition',
    {
      schema: {
        tags: TAGS,
        summary: '意见处理结果：采纳 / 部分采纳 / 不予采纳，并说明理由',
        params: commentParam,
        body: dispositionInput,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await disposeComment(db, {
        actor: actorOf(req),
        consultationId: req.params.id,
        commentId: req.params.commentId,
        disposition: req.body.disposition,
        reason: req.body.reason,
        meta: metaOf(req),
        at: clock(),
      });
      return { ok: true as const };
    },
  );
}
