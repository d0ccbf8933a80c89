// Performance assessment (§5, §16 ¶1): a level's ranked table, one body's drill-down to the facts
// behind each point, the office's adjustment with its reason, and the exports for the 绩效考核部门.
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  adjustScoreBody,
  assessmentBodyQuery,
  assessmentLevelQuery,
  dashboardQuery,
  dashboardSchema,
  drillDownSchema,
  rankingSchema,
} from '../../contract/assessment.js';
import { errorResponses, idParam } from '../../contract/common.js';
import { REPORT_MIME, reportFileSchema } from '../../contract/reports.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { adjustScore, recordExport } from './assessment.commands.js';
import { rankingDocx, rankingXlsx, titleOf } from './assessment.export.js';
import { drillDown, ranking } from './assessment.query.js';
import { dashboard } from './dashboard.query.js';

const TAGS = ['绩效考核'];

export async function assessmentRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/assessment',
    {
      schema: {
        tags: TAGS,
        summary: '本级职权行使机构绩效考核得分排名（市办公室可查看各级，旗县区办公室查看本级）',
        querystring: assessmentLevelQuery,
        response: { 200: rankingSchema, ...errorResponses },
      },
    },
    async (req) => ranking(db, actorOf(req), req.query.level, req.query.year),
  );

  for (const format of ['xlsx', 'docx'] as const) {
    r.get(
      `/api/assessment/export.${format}`,
      {
        schema: {
          tags: TAGS,
          summary: `导出绩效考核结果（${format === 'xlsx' ? 'Excel' : 'Word'}，供绩效考核部门）`,
          querystring: assessmentLevelQuery,
          response: { 200: reportFileSchema(format), ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const result = await ranking(db, actor, req.query.level, req.query.year);
        const file = format === 'xlsx' ? await rankingXlsx(result) : await rankingDocx(result);
        await recordExport(db, actor, result, format, metaOf(req), clock());
        // the body is the file itself (the schema documents it), so the untyped reply sends the bytes
        return (reply as FastifyReply)
          .type(REPORT_MIME[format])
          .header(
            'content-disposition',
            contentDisposition(`${titleOf(result)}.${format}`, {
              fallback: `assessment-${result.level.code}-${result.year}.${format}`,
            }),
          )
          .header('cache-control', 'private, no-store')
          .send(file);
      },
    );
  }

  r.get(
    '/api/assessment/bodies/:id',
    {
      schema: {
        tags: TAGS,
        summary: '一个机构的考核得分与每项扣分所依据的事实',
        params: idParam,
        querystring: assessmentBodyQuery,
        response: { 200: drillDownSchema, ...errorResponses },
      },
    },
    async (req) => drillDown(db, actorOf(req), req.params.id, req.query.year),
  );

  r.post(
    '/api/assessment/bodies/:id/adjustments',
    {
      schema: {
        tags: TAGS,
        summary: '调整考核得分（本级协调小组办公室，必须说明理由；原得分保留）',
        params: idParam,
        body: adjustScoreBody,
        response: { 201: drillDownSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await adjustScore(db, actor, req.params.id, req.body, metaOf(req), clock());
      return reply.status(201).send(await drillDown(db, actor, req.params.id, req.body.year));
    },
  );

  r.get(
    '/api/dashboard',
    {
      schema: {
        tags: TAGS,
        summary: '协调小组办公室工作台：本级调整、征求意见、投诉举报、督查整改与考核情况',
        querystring: dashboardQuery,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (req) => dashboard(db, actorOf(req), req.query, clock()),
  );
}
