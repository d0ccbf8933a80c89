// Delegation and entrustment (§13.2–§13.5) over HTTP: parse, actor, one command or query, answer
// with the contract's schema. No SQL here.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParam } from '../../contract/common.js';
import {
  acknowledgeInput,
  assessmentInput,
  delegationSchema,
  entrustmentInput,
  handItemInput,
  handoverItemParam,
  handoverPlanInput,
  relatedAnswerInput,
  relatedBodiesInput,
  relatedRequestSchema,
  supervisionInput,
  trainingInput,
  waiveInput,
} from '../../contract/delegation.js';
import type { AppDeps } from '../../platform/deps.js';
import { bodiesWithRole } from '../../core/policies/index.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { answerRelated, nameRelated, saveAssessment, waiveRelated } from './delegation.commands.js';
import { requestsFor } from './delegation.repo.js';
import { acknowledgeFiling, announceEntrustment, recordSupervision, saveEntrustment } from './entrustment.commands.js';
import { readDelegation, scoped } from './delegation.view.js';
import { confirmItem, handItem, planHandover, recordTraining } from './handover.commands.js';
import { delegationPortalRoutes } from './delegation.portal.js';

const tags = ['下放与委托'];
const ok = { 200: delegationSchema, ...errorResponses };

export async function delegationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  // the public side: 委托公告 and the chain of a delegated power (server-rendered portal pages)
  await delegationPortalRoutes(app, deps);

  r.get(
    '/api/adjustments/:id/delegation',
    { schema: { tags, summary: '下放或委托的事前评估、关联部门意见、培训与移交', params: idParam, response: ok } },
    async (req) => readDelegation(db, await scoped(db, actorOf(req), req.params.id), clock()),
  );

  r.put(
    '/api/adjustments/:id/delegation/assessment',
    {
      schema: {
        tags,
        summary: '填写事前调研评估（第十三条第2项）',
        params: idParam,
        body: assessmentInput,
        response: ok,
      },
    },
    async (req) => saveAssessment(deps, actorOf(req), metaOf(req), req.params.id, req.body),
  );

  r.put(
    '/api/adjustments/:id/delegation/entrustment',
    {
      schema: {
        tags,
        summary: '填写委托依据与书面委托书（第十三条第3项）',
        params: idParam,
        body: entrustmentInput,
        response: ok,
      },
    },
    async (req) => saveEntrustment(deps, actorOf(req), metaOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/adjustments/:id/delegation/announcement',
    { schema: { tags, summary: '发布委托公告并向协调小组办公室报备（第十三条第3项）', params: idParam, response: ok } },
    async (req) => announceEntrustment(deps, actorOf(req), metaOf(req), req.params.id),
  );

  r.post(
    '/api/adjustments/:id/delegation/announcement/acknowledge',
    {
      schema: { tags, summary: '协调小组办公室确认委托报备', params: idParam, body: acknowledgeInput, response: ok },
    },
    async (req) => acknowledgeFiling(deps, actorOf(req), metaOf(req), req.params.id, req.body.note),
  );

  r.post(
    '/api/adjustments/:id/delegation/supervision',
    {
      schema: {
        tags,
        summary: '登记对受委托方的指导和监督（第十三条第3项）',
        params: idParam,
        body: supervisionInput,
        response: ok,
      },
    },
    async (req) => recordSupervision(deps, actorOf(req), metaOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/adjustments/:id/delegation/related',
    { schema: { tags, summary: '征求关联部门意见', params: idParam, body: relatedBodiesInput, response: ok } },
    async (req) => nameRelated(deps, actorOf(req), metaOf(req), req.params.id, req.body.bodyIds),
  );

  r.get(
    '/api/delegation/requests',
    {
      schema: {
        tags,
        summary: '本部门收到的关联部门征求意见',
        response: { 200: z.object({ items: z.array(relatedRequestSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      return { items: await requestsFor(db, bodiesWithRole(actorOf(req), 'leadUnit')) };
    },
  );

  r.post(
    '/api/delegation/related/:id/answer',
    { schema: { tags, summary: '关联部门回复意见', params: idParam, body: relatedAnswerInput, response: ok } },
    async (req) => answerRelated(deps, actorOf(req), metaOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/delegation/related/:id/waive',
    {
      schema: {
        tags,
        summary: '协调小组办公室说明不再等待关联部门意见',
        params: idParam,
        body: waiveInput,
        response: ok,
      },
    },
    async (req) => waiveRelated(deps, actorOf(req), metaOf(req), req.params.id, req.body.reason),
  );

  r.post(
    '/api/adjustments/:id/delegation/trainings',
    { schema: { tags, summary: '登记业务培训（第十三条第4项）', params: idParam, body: trainingInput, response: ok } },
    async (req) => recordTraining(deps, actorOf(req), metaOf(req), req.params.id, req.body),
  );

  r.put(
    '/api/adjustments/:id/delegation/handover',
    {
      schema: {
        tags,
        summary: '确定权力移交时间结点（第十三条第5项）',
        params: idParam,
        body: handoverPlanInput,
        response: ok,
      },
    },
    async (req) => planHandover(deps, actorOf(req), metaOf(req), req.params.id, req.body.handoverOn),
  );

  r.post(
    '/api/adjustments/:id/delegation/handover/:item/hand',
    { schema: { tags, summary: '放权部门移交一项', params: handoverItemParam, body: handItemInput, response: ok } },
    async (req) => handItem(deps, actorOf(req), metaOf(req), req.params.id, req.params.item, req.body),
  );

  r.post(
    '/api/adjustments/:id/delegation/handover/:item/confirm',
    { schema: { tags, summary: '承接部门确认接收一项', params: handoverItemParam, response: ok } },
    async (req) => confirmItem(deps, actorOf(req), metaOf(req), req.params.id, req.params.item),
  );
}
