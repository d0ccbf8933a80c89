// The exchange with the 自治区事项管理平台 (§13.1, §13.5): exports in the exchange format of a body's
// published version or a level's current lists, imports of the other side's export reconciled
// with ours (a body's by its clerk, lead unit or office; a level's by its office), the report as
// JSON for the workspace and as xlsx. Files stream both ways; nothing is held whole.
import multipart from '@fastify/multipart';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { errorResponses, idParam } from '../../contract/common.js';
import {
  exportFormatParam,
  exportQuery,
  reconciliationListQuery,
  reconciliationListSchema,
  reconciliationReportSchema,
  reconciliationSummarySchema,
  regionExportParam,
  regionParam,
} from '../../contract/regional-platform.js';
import { notFound } from '../../core/errors.js';
import { canReconcileBody, canReconcileLevel, canViewReconciliation } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { findBody, findRegion } from '../bodies/bodies.repo.js';
import { levelBodies, writeJson, writeXlsx, type ExportScope } from './export.js';
import { readJsonItems, readXlsxItems } from './read.js';
import { reconcile, type ReconcileScope } from './reconcile.js';
import { reportOf } from './report.js';
import { findReconciliation, listReconciliations } from './report.repo.js';
import { writeReportXlsx } from './report.xlsx.js';
import { syncRoutes } from './sync.routes.js';
import { MAX_EXCHANGE_BYTES, receiveExchangeFile } from './upload.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileSchema = z.string().describe('a file (application/json or .xlsx), not a JSON answer');
const TAG = ['自治区事项管理平台'];

function sendFile(
  reply: FastifyReply,
  format: 'json' | 'xlsx',
  name: string,
  fallback: string,
  write: (out: PassThrough) => Promise<unknown>,
) {
  const out = new PassThrough();
  write(out).catch((e: Error) => {
    reply.log.error({ err: e }, 'regional platform file failed');
    out.destroy(e);
  });
  return reply
    .type(format === 'json' ? 'application/json; charset=utf-8' : XLSX)
    .header('content-disposition', contentDisposition(name, { fallback }))
    .header('cache-control', 'private, no-store')
    .send(out);
}

export async function regionalPlatformRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps;
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_EXCHANGE_BYTES, files: 1 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/regional-platform/bodies/:id/export.:format',
      {
        schema: {
          tags: TAG,
          summary: '按交换格式导出部门已公布清单（某一版本，默认现行版本）',
          params: exportFormatParam,
          querystring: exportQuery,
          response: { 200: fileSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        actorOf(req);
        const body = await findBody(db, req.params.id);
        if (!body) throw notFound('机构');
        const v = await db
          .selectFrom('power_list_version')
          .select('version')
          .where('body_id', '=', body.id)
          .$if(req.query.version !== undefined, (q) => q.where('version', '=', req.query.version!))
          .orderBy('version', 'desc')
          .executeTakeFirst();
        if (!v) throw notFound('已公布的清单版本');
        const scope: ExportScope = {
          kind: 'body',
          regionCode: body.regionCode,
          regionName: body.regionName,
          bodies: [{ id: body.id, name: body.name, version: v.version }],
        };
        const { format } = req.params;
        const write = format === 'json' ? writeJson : writeXlsx;
        return sendFile(
          reply,
          format,
          `${body.name}-第${v.version}版-交换格式.${format}`,
          `regional-${body.id}-v${v.version}.${format}`,
          (out) => write(db, scope, out, clock()),
        );
      },
    );

    r.get(
      '/api/regional-platform/regions/:code/export.:format',
      {
        schema: {
          tags: TAG,
          summary: '按交换格式导出本级全部部门的现行清单',
          params: regionExportParam,
          response: { 200: fileSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        actorOf(req);
        const region = await findRegion(db, req.params.code);
        if (!region) throw notFound('区划');
        const scope: ExportScope = {
          kind: 'level',
          regionCode: region.code,
          regionName: region.name,
          bodies: await levelBodies(db, region.code),
        };
        const { format } = req.params;
        const write = format === 'json' ? writeJson : writeXlsx;
        return sendFile(
          reply,
          format,
          `${region.name}-本级清单-交换格式.${format}`,
          `regional-${region.code}.${format}`,
          (out) => write(db, scope, out, clock()),
        );
      },
    );

    async function importAndReconcile(
      req: Parameters<typeof actorOf>[0],
      scope: ReconcileScope,
      role: string,
      auditBodyId?: number,
    ) {
      const upload = await receiveExchangeFile(req);
      try {
        const events = upload.format === 'json' ? readJsonItems(upload.path) : readXlsxItems(upload.path);
        const actor = actorOf(req);
        const done = await reconcile(db, {
          scope,
          events,
          file: { name: upload.fileName, sha256: upload.sha256, format: upload.format },
          actor,
          role,
          auditBodyId,
          meta: metaOf(req),
          at: clock(),
        });
        return summary((await findReconciliation(db, done.id))!);
      } finally {
        await upload.cleanup();
      }
    }

    r.post(
      '/api/regional-platform/bodies/:id/reconciliations',
      {
        schema: {
          tags: TAG,
          summary: '导入自治区平台导出的部门事项（.json 或 .xlsx）并与本部门已公布清单对账',
          params: idParam,
          consumes: ['multipart/form-data'],
          response: { 201: reconciliationSummarySchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const body = await findBody(db, req.params.id);
        if (!body || !canReconcileBody(actor, body)) throw notFound('机构');
        const own = actor.grants.find((g) => g.bodyId === body.id && (g.role === 'leadUnit' || g.role === 'clerk'));
        const role = own?.role ?? 'coordinator';
        const result = await importAndReconcile(
          req,
          { kind: 'body', bodyId: body.id, regionCode: body.regionCode },
          role,
          own ? body.id : undefined,
        );
        return reply.status(201).send(result);
      },
    );

    r.post(
      '/api/regional-platform/regions/:code/reconciliations',
      {
        schema: {
          tags: TAG,
          summary: '导入自治区平台导出的本级事项并与本级全部部门的已公布清单对账（协调小组办公室）',
          params: regionParam,
          consumes: ['multipart/form-data'],
          response: { 201: reconciliationSummarySchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const region = await findRegion(db, req.params.code);
        if (!region || !canReconcileLevel(actor, region.path)) throw notFound('区划');
        const grant = actor.grants.find((g) => g.role === 'coordinator' && g.regionPath === region.path);
        const result = await importAndReconcile(
          req,
          { kind: 'level', regionCode: region.code },
          'coordinator',
          grant?.bodyId,
        );
        return reply.status(201).send(result);
      },
    );

    r.get(
      '/api/regional-platform/reconciliations',
      {
        schema: {
          tags: TAG,
          summary: '对账记录（某部门或某级）',
          querystring: reconciliationListQuery,
          response: { 200: reconciliationListSchema, ...errorResponses },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const rows = await listReconciliations(db, { bodyId: req.query.bodyId, regionCode: req.query.region });
        return { items: rows.filter((x) => canViewReconciliation(actor, x)).map(summary) };
      },
    );

    r.get(
      '/api/regional-platform/reconciliations/:id',
      {
        schema: {
          tags: TAG,
          summary: '对账报告：两边缺少的事项、不一致的要素和状态，按部门',
          params: idParam,
          response: { 200: reconciliationReportSchema, ...errorResponses },
        },
      },
      async (req) => {
        const rec = await findReconciliation(db, req.params.id);
        if (!rec || !canViewReconciliation(actorOf(req), rec)) throw notFound('对账记录');
        return { ...summary(rec), bodies: await reportOf(db, rec.id) };
      },
    );

    r.get(
      '/api/regional-platform/reconciliations/:id/report.xlsx',
      {
        schema: {
          tags: TAG,
          summary: '对账报告（Excel）',
          params: idParam,
          response: { 200: fileSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const rec = await findReconciliation(db, req.params.id);
        if (!rec || !canViewReconciliation(actorOf(req), rec)) throw notFound('对账记录');
        return sendFile(reply, 'xlsx', `自治区平台对账报告-${rec.id}.xlsx`, `reconciliation-${rec.id}.xlsx`, (out) =>
          writeReportXlsx(db, rec, out, clock()),
        );
      },
    );
  });
  await syncRoutes(app, deps);
}

export const summary = (rec: NonNullable<Awaited<ReturnType<typeof findReconciliation>>>) => {
  const { regionPath: _path, ...rest } = rec;
  return rest;
};
