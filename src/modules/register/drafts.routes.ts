// Compilation drafts (编制公布, spec §2). Scope: the body's clerk and lead unit; the coordination
// office, legal office and government of the body's level. Any other draft is a 404.
// There is deliberately no route that writes a published list (§13 未经批准不得擅自调整).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import {
  canDraftList,
  canLegalityReviewList,
  canPreliminaryReviewList,
  canPublishList,
  canSubmitList,
  canViewDraft,
  type BodyRef,
} from '../../core/policies/index.js';
import type { DB } from '../../db/schema.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { findBody } from '../bodies/bodies.repo.js';
import { addDraftPowers, deleteDraftPower, setDraftDuties, updateDraftPower } from './draft-content.js';
import { createDraft, overrideExclusion, publishDraft, reviewDraft, submitDraft } from './draft-workflow.js';
import { bodyRefOf, draftView, findDraft, listDrafts, type DraftHeader } from './draft.repo.js';
import { errorResponses, idParam } from '../../contract/common.js';
import {
  draftListQuery,
  draftPowerParams,
  dutiesBody,
  editVersion,
  newDraftBody,
  overrideBody,
  powerBatchBody,
  powerInput,
  publishBody,
  reviewBody,
} from '../../contract/register.js';
import {
  draftPowerSchema,
  draftRowSchema,
  draftSchema,
  dutySchema,
  powerBatchResult,
  publishResult,
} from '../../contract/register.views.js';

const tags = ['权责清单编制'];

/** One power of a draft as just saved. */
const powerOf = (v: Awaited<ReturnType<typeof draftView>>, powerId: number) => {
  const p = v.powers.find((x) => x.id === powerId);
  if (!p) throw notFound('清单草稿事项');
  return p;
};

export async function draftsRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /**
   * Load a draft inside the transaction (locked) and check the actor may act on it: outside the
   * actor's view = 404, visible but not theirs to do = 403.
   */
  const tx = <T>(
    actor: Actor,
    id: number,
    may: (a: Actor, b: BodyRef) => boolean,
    what: string,
    fn: (trx: Transaction<DB>, d: DraftHeader) => Promise<T>,
  ) =>
    db.transaction().execute(async (trx) => {
      const d = await findDraft(trx, id, { forUpdate: true });
      if (!d || !canViewDraft(actor, bodyRefOf(d))) throw notFound('清单草稿');
      if (!may(actor, bodyRefOf(d))) throw forbidden(`您无权${what}`);
      return fn(trx, d);
    });
  const ctx = (actor: Actor, req: Parameters<typeof metaOf>[0]) => ({ actor, meta: metaOf(req), at: clock() });
  const view = async (actor: Actor, id: number) => {
    const d = await findDraft(db, id);
    if (!d || !canViewDraft(actor, bodyRefOf(d))) throw notFound('清单草稿');
    return draftView(db, d, clock(), actor);
  };

  r.get(
    '/api/list-drafts',
    {
      schema: {
        tags,
        summary: '我可见的清单草稿',
        querystring: draftListQuery,
        response: { 200: z.array(draftRowSchema), ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const rows = await listDrafts(db, actor, { status: req.query.status?.split(',').filter(Boolean) });
      // the query keeps to the actor's bodies and levels; the policy decides exactly (§5: which office reviews)
      return rows
        .filter((x) => {
          const ref = { id: x.bodyId, regionPath: x.regionPath, rulebookId: x.rulebookId };
          return canViewDraft(actor, ref);
        })
        .map(({ regionPath: _, rulebookId: _r, ...x }) => ({ ...x, powerCount: Number(x.powerCount) }));
    },
  );

  r.post(
    '/api/list-drafts',
    {
      schema: {
        tags,
        summary: '新建本机构清单草稿（部门经办人）',
        body: newDraftBody,
        response: { 201: draftSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const body = await findBody(db, req.body.bodyId);
      if (!body || !canDraftList(actor, body)) throw notFound('机构');
      const d = await db.transaction().execute((trx) => createDraft(trx, body.id, ctx(actor, req)));
      return reply.status(201).send(await draftView(db, d, clock(), actor));
    },
  );

  r.get(
    '/api/list-drafts/:id',
    {
      schema: {
        tags,
        summary: '清单草稿（全部字段、筛查提示、审查记录、我可办理的操作）',
        params: idParam,
        response: { 200: draftSchema, ...errorResponses },
      },
    },
    async (req) => view(actorOf(req), req.params.id),
  );

  r.post(
    '/api/list-drafts/:id/powers',
    {
      schema: {
        tags,
        summary: '新增行政职权（保存时生成权力编码）',
        params: idParam,
        body: powerInput,
        response: { 201: draftPowerSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const [row] = await tx(actor, req.params.id, canDraftList, '编辑该清单草稿', (trx, d) =>
        addDraftPowers(trx, d, [req.body], ctx(actor, req)),
      );
      const v = await view(actor, req.params.id);
      return reply.status(201).send(powerOf(v, row.id));
    },
  );

  r.post(
    '/api/list-drafts/:id/powers/batch',
    {
      schema: {
        tags,
        summary: '批量新增行政职权（全部成功或全部不保存）',
        params: idParam,
        body: powerBatchBody,
        response: { 201: powerBatchResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const rows = await tx(actor, req.params.id, canDraftList, '编辑该清单草稿', (trx, d) =>
        addDraftPowers(trx, d, req.body.powers, ctx(actor, req)),
      );
      return reply.status(201).send({ added: rows.length, codes: rows.map((x) => x.code) });
    },
  );

  r.put(
    '/api/list-drafts/:id/powers/:powerId',
    {
      schema: {
        tags,
        summary: '修改行政职权（必须带上读到的 version，他人已修改则 409）',
        params: draftPowerParams,
        body: powerInput.extend({ version: editVersion }),
        response: { 200: draftPowerSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { version, ...input } = req.body;
      await tx(actor, req.params.id, canDraftList, '编辑该清单草稿', (trx, d) =>
        updateDraftPower(trx, d, req.params.powerId, input, ctx(actor, req), version),
      );
      return powerOf(await view(actor, req.params.id), req.params.powerId);
    },
  );

  r.delete(
    '/api/list-drafts/:id/powers/:powerId',
    {
      schema: {
        tags,
        summary: '删除行政职权（编码不再使用）',
        params: draftPowerParams,
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await tx(actor, req.params.id, canDraftList, '编辑该清单草稿', (trx, d) =>
        deleteDraftPower(trx, d, req.params.powerId, ctx(actor, req)),
      );
      return reply.status(204).send();
    },
  );

  r.put(
    '/api/list-drafts/:id/duties',
    {
      schema: {
        tags,
        summary: '保存职责（整体替换；必须带上读到的 version，他人已修改则 409）',
        params: idParam,
        body: dutiesBody,
        response: { 200: z.array(dutySchema), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await tx(actor, req.params.id, canDraftList, '编辑该清单草稿', (trx, d) =>
        setDraftDuties(trx, d, req.body.duties, ctx(actor, req), req.body.version),
      );
      const v = await view(actor, req.params.id);
      // the duties list stays the body; its new version rides in a header (issue 10.8)
      return reply.header('x-duties-version', String(v.dutiesVersion)).send(v.duties);
    },
  );

  r.post(
    '/api/list-drafts/:id/submit',
    {
      schema: {
        tags,
        summary: '报送清单草稿（部门牵头机构）',
        params: idParam,
        response: { 200: draftSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await tx(actor, req.params.id, canSubmitList, '报送该清单草稿', (trx, d) => submitDraft(trx, d, ctx(actor, req)));
      return view(actor, req.params.id);
    },
  );

  r.post(
    '/api/list-drafts/:id/preliminary-review',
    {
      schema: {
        tags,
        summary: '初步审核：通过或退回（协调小组办公室）',
        params: idParam,
        body: reviewBody,
        response: { 200: draftSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await tx(actor, req.params.id, canPreliminaryReviewList, '初步审核该清单草稿', (trx, d) =>
        reviewDraft(trx, d, 'preliminaryReview', req.body.decision, req.body.reason, ctx(actor, req)),
      );
      return view(actor, req.params.id);
    },
  );

  r.post(
    '/api/list-drafts/:id/legality-review',
    {
      schema: {
        tags,
        summary: '合法性审查：通过或退回（法制机构）',
        params: idParam,
        body: reviewBody,
        response: { 200: draftSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await tx(actor, req.params.id, canLegalityReviewList, '对该清单草稿进行合法性审查', (trx, d) =>
        reviewDraft(trx, d, 'legalityReview', req.body.decision, req.body.reason, ctx(actor, req)),
      );
      return view(actor, req.params.id);
    },
  );

  r.post(
    '/api/list-drafts/:id/powers/:powerId/exclusion-override',
    {
      schema: {
        tags,
        summary: '排除筛查复核：保留该事项并记录说明（协调小组办公室）',
        params: draftPowerParams,
        body: overrideBody,
        response: { 200: draftPowerSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await tx(actor, req.params.id, canPublishList, '复核排除筛查提示', (trx, d) =>
        overrideExclusion(trx, d, req.params.powerId, req.body.note, ctx(actor, req)),
      );
      return powerOf(await view(actor, req.params.id), req.params.powerId);
    },
  );

  r.post(
    '/api/list-drafts/:id/publish',
    {
      schema: {
        tags,
        summary: '公布为第1版（协调小组办公室）',
        params: idParam,
        body: publishBody,
        response: { 200: publishResult, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const res = await tx(actor, req.params.id, canPublishList, '公布该清单', (trx, d) =>
        publishDraft(trx, d, req.body.note, ctx(actor, req)),
      );
      if (!res) throw new AppError('INTERNAL', '公布失败');
      return { version: res.version, digest: res.digest, powerCount: res.diff.added.length };
    },
  );
}
