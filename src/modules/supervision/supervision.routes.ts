// Supervision's API (§14 ¶2, §16, §17): findings and each body's 牵头机构 here; rectification
// orders and 通报批评 in their own files, registered from here so app.ts has one line.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParam } from '../../contract/common.js';
import {
  bodyIdParam,
  dismissBody,
  findingDetailSchema,
  findingListQuery,
  findingListSchema,
  leadUnitBody,
  leadUnitCheckSchema,
  leadUnitListSchema,
  openFindingBody,
} from '../../contract/supervision.js';
import { okSchema } from '../../contract/common.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { checkLeadUnits, designateLeadUnit, leadUnitsOf } from './lead-unit.commands.js';
import { rectificationRoutes } from './rectification.routes.js';
import { reprimandRoutes } from './reprimand.routes.js';
import { reprimandPageRoutes } from './reprimands.page.js';
import { jointMeetingPageRoutes } from './joint-meeting.page.js';
import { jointMeetingRoutes } from './joint-meeting.routes.js';
import { dismissFinding, openFindingByOffice } from './supervision.commands.js';
import { findingDetail } from './finding-detail.js';
import { listFindings } from './supervision.repo.js';

const TAGS = ['监督管理'];

export async function supervisionRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/supervision/findings',
    {
      schema: {
        tags: TAGS,
        summary: '督查发现列表（协调小组办公室：本级及下级；职权行使机构：本机构）',
        querystring: findingListQuery,
        response: { 200: findingListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await listFindings(db, actorOf(req), req.query) }),
  );

  r.post(
    '/api/supervision/findings',
    {
      schema: {
        tags: TAGS,
        summary: '开立督查发现（本级协调小组办公室，第十六条）',
        body: openFindingBody,
        response: { 201: findingDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await openFindingByOffice(db, actor, req.body, metaOf(req), clock());
      return reply.status(201).send(await findingDetail(db, actor, id));
    },
  );

  r.get(
    '/api/supervision/findings/:id',
    {
      schema: {
        tags: TAGS,
        summary: '督查发现详情（整改通知、通报批评）',
        params: idParam,
        response: { 200: findingDetailSchema, ...errorResponses },
      },
    },
    async (req) => findingDetail(db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/supervision/findings/:id/dismiss',
    {
      schema: {
        tags: TAGS,
        summary: '核销督查发现（写明理由）',
        params: idParam,
        body: dismissBody,
        response: { 200: findingDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await dismissFinding(db, actor, req.params.id, req.body.reason, metaOf(req), clock());
      return findingDetail(db, actor, req.params.id);
    },
  );

  r.get(
    '/api/supervision/lead-units',
    {
      schema: {
        tags: TAGS,
        summary: '各部门动态调整工作牵头机构（第十四条第二款）',
        response: { 200: leadUnitListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await leadUnitsOf(db, actorOf(req)) }),
  );

  r.put(
    '/api/supervision/lead-units/:bodyId',
    {
      schema: {
        tags: TAGS,
        summary: '登记本部门动态调整工作牵头机构（本部门经办人或牵头机构）',
        params: bodyIdParam,
        body: leadUnitBody,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await designateLeadUnit(db, actorOf(req), req.params.bodyId, req.body, metaOf(req), clock());
      return { ok: true as const };
    },
  );

  r.post(
    '/api/supervision/lead-units/check',
    {
      schema: {
        tags: TAGS,
        summary: '检查本级各部门是否明确牵头机构，未明确的开立督查发现',
        response: { 200: leadUnitCheckSchema, ...errorResponses },
      },
    },
    async (req) => checkLeadUnits(db, actorOf(req), metaOf(req), clock()),
  );

  await rectificationRoutes(app, deps);
  await reprimandRoutes(app, deps);
  await reprimandPageRoutes(app, deps);
  await jointMeetingRoutes(app, deps);
  await jointMeetingPageRoutes(app, deps);
}
