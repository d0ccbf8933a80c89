// §12 协调小组办公室按年度向本级协调小组报告权责清单动态调整情况: the yearly report of one
// level, as JSON (workspace preview), Word and Excel, for the coordination offices reaching it.
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.js';
import {
  REPORT_MIME as MIME,
  reportFileSchema,
  yearlyReportSchema,
  type YearlyReportQuery,
  yearlyReportQuery as query,
} from '../../contract/reports.js';
import { notFound } from '../../core/errors.js';
import { canReadYearlyReport, defaultReportRegion, yearlyReportGrant } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { recordAudit } from '../audit/audit.repo.js';
import { yearlyReportDocx } from './yearly.docx.js';
import { buildYearlyReport } from './yearly.model.js';
import { findReportRegion, yearlyReportInput } from './yearly.repo.js';
import { yearlyReportXlsx } from './yearly.xlsx.js';

export async function reportRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function load(req: FastifyRequest, q: YearlyReportQuery) {
    const actor = actorOf(req);
    // without a region: the actor's own level (the first coordination office they serve)
    const code = q.region ?? defaultReportRegion(actor);
    const region = code ? await findReportRegion(db, code) : undefined;
    if (!region || !canReadYearlyReport(actor, region.path)) throw notFound('区划或报告');
    const now = clock();
    return { actor, region, now, report: buildYearlyReport(await yearlyReportInput(db, region, q.year, now)) };
  }

  r.get(
    '/api/reports/yearly',
    {
      schema: {
        tags: ['年度报告'],
        summary: '年度权责清单动态调整情况（预览）',
        querystring: query,
        response: { 200: yearlyReportSchema, ...errorResponses },
      },
    },
    async (req) => (await load(req, req.query)).report,
  );

  async function download(req: FastifyRequest, reply: FastifyReply, q: YearlyReportQuery, format: keyof typeof MIME) {
    const { actor, region, now, report } = await load(req, q);
    const file = format === 'docx' ? await yearlyReportDocx(report) : await yearlyReportXlsx(report);
    const grant = yearlyReportGrant(actor, region.path);
    await db.transaction().execute((trx) =>
      recordAudit(trx, {
        actor,
        role: 'coordinator',
        bodyId: grant?.bodyId,
        action: 'report.yearlyExported',
        objectType: 'yearlyReport',
        objectId: `${region.code}/${q.year}`,
        after: { format, totals: report.totals },
        meta: metaOf(req),
        at: now,
      }),
    );
    const name = `${report.title}.${format}`;
    return reply
      .type(MIME[format])
      .header(
        'content-disposition',
        contentDisposition(name, { fallback: `yearly-report-${region.code}-${q.year}.${format}` }),
      )
      .header('cache-control', 'private, no-store')
      .send(file);
  }

  r.get(
    '/api/reports/yearly.docx',
    {
      schema: {
        tags: ['年度报告'],
        summary: '年度报告（Word）',
        querystring: query,
        response: { 200: reportFileSchema('docx'), ...errorResponses },
      },
    },
    (req, reply) => download(req, reply, req.query, 'docx'),
  );
  r.get(
    '/api/reports/yearly.xlsx',
    {
      schema: {
        tags: ['年度报告'],
        summary: '年度报告（Excel，每部分一个工作表）',
        querystring: query,
        response: { 200: reportFileSchema('xlsx'), ...errorResponses },
      },
    },
    (req, reply) => download(req, reply, req.query, 'xlsx'),
  );
}
