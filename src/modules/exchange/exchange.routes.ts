// Excel exchange (issue 3 item 7): the import template, importing into a body's draft, the
// error report, and streamed exports of published lists (open: the portal links to them) and
// of a draft (the body's own staff). README.md in this folder is the import wizard's contract.
import multipart from '@fastify/multipart';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { errorResponses, errorSchema, idParam } from '../../contract/common.js';
import {
  importQuery,
  importResultSchema,
  notModifiedSchema,
  regionParam,
  reportParam,
  uploadErrorResponses,
  versionQuery,
  XLSX_MIME,
  xlsxFileSchema,
} from '../../contract/exchange.js';
import { AppError, notFound } from '../../core/errors.js';
import { canDraftList, canSubmitList } from '../../core/policies/index.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';
import { getRulebook, isRulebookId } from '../../core/rulebook/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { recordAudit } from '../audit/audit.repo.js';
import { findBody } from '../bodies/bodies.repo.js';
import { MAX_UPLOAD_BYTES } from './columns.js';
import { findErrorReport, saveErrorReport, sweepReports } from './error-report.js';
import { planExport, writeExport, type ExportPlan } from './export.js';
import { importDraftFromXlsx } from './import.js';
import { writeTemplate } from './template.js';
import { sweepSpool } from './temp-files.js';
import { receiveXlsx } from './upload.js';
import { foreignImportRoutes, mappingField } from './foreign.routes.js';

export { XLSX_MIME };

function sendXlsx(
  reply: FastifyReply,
  fileName: string,
  fallback: string,
  write: (out: PassThrough) => Promise<unknown>,
) {
  const out = new PassThrough();
  write(out).catch((e: Error) => {
    reply.log.error({ err: e }, 'xlsx export failed');
    out.destroy(e);
  });
  return reply.type(XLSX_MIME).header('content-disposition', contentDisposition(fileName, { fallback })).send(out);
}

const rulebookQuery = z.object({ rulebook: z.string().refine(isRulebookId, '未知的规则集').optional() });

// Public exports are heavy: a modest per-address limit, and HTTP caching by the version digest.
const PUBLIC_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };

export async function exchangeRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps;
  // at start: what a crashed process left behind (spooled uploads, half-written or expired reports)
  await Promise.all([sweepSpool(), sweepReports(clock())]);
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    // issue 14.2: a body's own layout — inspect, preview, saved mappings (the import below takes `mapping`)
    foreignImportRoutes(scope, deps);

    r.get(
      '/api/exchange/template.xlsx',
      {
        schema: {
          tags: ['清单导入导出'],
          summary: '下载职权信息表导入模板',
          querystring: rulebookQuery,
          response: { 200: xlsxFileSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        actorOf(req);
        const rulebook = getRulebook(req.query.rulebook ?? (await currentRulebookId(db)));
        return sendXlsx(reply, '权责清单导入模板.xlsx', 'template.xlsx', (out) => writeTemplate(out, rulebook));
      },
    );

    r.post(
      '/api/exchange/bodies/:id/draft/import',
      {
        schema: {
          tags: ['清单导入导出'],
          summary: '导入职权信息表到本部门清单草稿（部门经办人）',
          params: idParam,
          querystring: importQuery,
          consumes: ['multipart/form-data'],
          response: { 200: importResultSchema, ...uploadErrorResponses },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const body = await findBody(db, req.params.id);
        // not the actor's body: as if it did not exist (deny by default)
        if (!body || !canDraftList(actor, { id: body.id, regionPath: body.regionPath })) throw notFound('机构');
        const upload = await receiveXlsx(req);
        const at = clock();
        try {
          const mapping = mappingField(upload);
          return await importDraftFromXlsx(db, {
            mapping: mapping ?? undefined,
            bodyId: body.id,
            actor,
            path: upload.path,
            at,
            mode: req.query.mode,
            dryRun: req.query.dryRun === 'true' || req.query.dryRun === '1',
            meta: metaOf(req),
            fileName: upload.fileName,
            fileSha256: upload.sha256,
          });
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'IMPORT_INVALID') throw e;
          const details = e.details ?? [];
          const reportId = await saveErrorReport(actor.userId, details, {
            fileName: upload.fileName,
            bodyName: body.name,
            at,
            message: e.message,
          });
          return reply.status(422).send({
            error: {
              code: e.code,
              message: e.message,
              details,
              reportId,
              reportUrl: `/api/exchange/import-reports/${reportId}`,
            },
          });
        } finally {
          await upload.cleanup();
        }
      },
    );

    r.get(
      '/api/exchange/import-reports/:reportId',
      {
        schema: {
          tags: ['清单导入导出'],
          summary: '下载导入错误报告（仅上传者本人）',
          params: reportParam,
          response: { 200: xlsxFileSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const path = await findErrorReport(actor.userId, req.params.reportId);
        if (!path) throw notFound('错误报告');
        return reply
          .type(XLSX_MIME)
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            contentDisposition('权责清单导入错误报告.xlsx', { fallback: 'import-errors.xlsx' }),
          )
          .send(createReadStream(path) as never); // the file itself (xlsxFileSchema), streamed from disk
      },
    );

    r.get(
      '/api/exchange/bodies/:id/draft.xlsx',
      {
        schema: {
          tags: ['清单导入导出'],
          summary: '导出本部门清单草稿（本部门经办人、牵头机构）',
          params: idParam,
          response: { 200: xlsxFileSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const body = await findBody(db, req.params.id);
        const ref = body && { id: body.id, regionPath: body.regionPath };
        if (!body || !ref || !(canDraftList(actor, ref) || canSubmitList(actor, ref))) throw notFound('机构');
        const plan = await planExport(db, { bodyId: body.id, draft: true });
        if (!plan) throw notFound('清单草稿');
        const at = clock();
        await db.transaction().execute((trx) =>
          recordAudit(trx, {
            actor,
            role: canDraftList(actor, ref) ? 'clerk' : 'leadUnit',
            bodyId: body.id,
            action: 'exchange.draftExported',
            objectType: 'list_draft',
            objectId: plan.sources[0].draftId,
            meta: metaOf(req),
            at,
          }),
        );
        reply.header('cache-control', 'no-store');
        return sendXlsx(reply, plan.fileName, `draft-${body.id}.xlsx`, (out) => writeExport(db, plan, out, at));
      },
    );

    const sendPublished = (
      req: { headers: Record<string, unknown> },
      reply: FastifyReply,
      plan: ExportPlan,
      fallback: string,
    ) => {
      if (plan.etag) {
        reply.header('etag', plan.etag).header('cache-control', 'public, max-age=300');
        if (req.headers['if-none-match'] === plan.etag) return reply.status(304).send();
      }
      return sendXlsx(reply, plan.fileName, fallback, (out) => writeExport(db, plan, out, clock()));
    };

    r.get(
      '/api/exchange/bodies/:id/list.xlsx',
      {
        config: PUBLIC_LIMIT,
        schema: {
          tags: ['清单导入导出'],
          summary: '导出部门已公布的权责清单（公开）',
          params: idParam,
          querystring: versionQuery,
          response: { 200: xlsxFileSchema, 304: notModifiedSchema, 429: errorSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const plan = await planExport(db, { bodyId: req.params.id, version: req.query.version });
        if (!plan) throw notFound('已公布的清单');
        return sendPublished(req, reply, plan, `list-${req.params.id}-v${plan.sources[0].version}.xlsx`);
      },
    );

    r.get(
      '/api/exchange/regions/:code/lists.xlsx',
      {
        config: PUBLIC_LIMIT,
        schema: {
          tags: ['清单导入导出'],
          summary: '导出一个层级（区划）各部门已公布的权责清单（公开）',
          params: regionParam,
          response: { 200: xlsxFileSchema, 304: notModifiedSchema, 429: errorSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const plan = await planExport(db, { regionCode: req.params.code });
        if (!plan) throw notFound('该区划已公布的清单');
        return sendPublished(req, reply, plan, `lists-${req.params.code}.xlsx`);
      },
    );
  });
}
