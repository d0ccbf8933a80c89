// The import wizard's mapping step (issue 14 item 2): a body's own list layout. Inspect the
// uploaded workbook and propose a column mapping; preview the mapped rows with every problem
// (a dry run of the one import path); the import itself is the ordinary import route with a
// `mapping` field (exchange.routes.ts). And the body's saved mappings. Only the body's clerk
// (canDraftList); anyone else 404, as for the import.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParam } from '../../contract/common.js';
import {
  foreignMappingSchema,
  inspectQuery,
  inspectResultSchema,
  mappingParam,
  previewResultSchema,
  saveMappingBody,
  savedMappingSchema,
  type ForeignMapping,
  type PreviewResult,
  type PreviewRow,
} from '../../contract/exchange-mapping.js';
import { importQuery, uploadErrorResponses } from '../../contract/exchange.js';
import { AppError, notFound } from '../../core/errors.js';
import { canDraftList } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { findBody } from '../bodies/bodies.repo.js';
import { saveErrorReport } from './error-report.js';
import { importDraftFromXlsx, type ImportResult } from './import.js';
import { deleteMapping, listMappings, mappingForHeaders, saveMapping } from './mapping.repo.js';
import { ParseJob } from './parse-client.js';
import { SheetError } from './xlsx-read.js';
import { receiveXlsx, type Upload } from './upload.js';

/** rows shown in the preview; every problem is listed whatever the count */
export const PREVIEW_ROWS = 2_000;

/** The `mapping` field of a mapped upload (sent before the file), or null for the template's own layout. */
export function mappingField(upload: Upload): ForeignMapping | null {
  const raw = upload.fields.mapping;
  if (raw === undefined || raw === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', '列映射（mapping）不是有效的 JSON');
  }
  const r = foreignMappingSchema.safeParse(json);
  if (!r.success)
    throw new AppError(
      'VALIDATION_FAILED',
      r.error.issues[0]?.message ?? '列映射无效',
      r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  return r.data;
}

const lines = (s: string) => (s === '' ? 0 : s.split('\n').length);

export function foreignImportRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** the body, when the actor is its clerk; else 404 (deny by default) */
  async function ownBody(req: FastifyRequest, id: number) {
    const actor = actorOf(req);
    const body = await findBody(db, id);
    if (!body || !canDraftList(actor, { id: body.id, regionPath: body.regionPath })) throw notFound('机构');
    return { actor, body };
  }

  r.post(
    '/api/exchange/bodies/:id/draft/import/inspect',
    {
      schema: {
        tags: ['清单导入导出'],
        summary: '读取本部门自有格式的工作表，按列名建议列映射（部门经办人）',
        params: idParam,
        querystring: inspectQuery,
        consumes: ['multipart/form-data'],
        response: { 200: inspectResultSchema, ...uploadErrorResponses },
      },
    },
    async (req) => {
      const { body } = await ownBody(req, req.params.id);
      const upload = await receiveXlsx(req);
      // read in the parse worker, like every upload: a hostile file costs the worker, not the server
      const job = new ParseJob(upload.path, undefined, {
        inspect: { sheet: req.query.sheet, defaults: { responsibleSubject: body.name, implementingAgency: body.name } },
      });
      try {
        const found = await job.inspected();
        const saved = await mappingForHeaders(db, body.id, found.columns);
        if (!saved) return { ...found, saved: null };
        return {
          ...found,
          mapping: { ...saved.mapping, sheet: found.sheet, headerRow: found.headerRow },
          saved: { id: saved.id, name: saved.name },
        };
      } catch (e) {
        if (e instanceof SheetError) throw new AppError('IMPORT_INVALID', e.message, e.details);
        throw e;
      } finally {
        await job.close();
        await upload.cleanup();
      }
    },
  );

  r.post(
    '/api/exchange/bodies/:id/draft/import/preview',
    {
      schema: {
        tags: ['清单导入导出'],
        summary: '按列映射预览导入：每一行及其问题（不导入）',
        params: idParam,
        querystring: importQuery.pick({ mode: true }),
        consumes: ['multipart/form-data'],
        response: { 200: previewResultSchema, ...uploadErrorResponses },
      },
    },
    async (req): Promise<PreviewResult> => {
      const { actor, body } = await ownBody(req, req.params.id);
      const upload = await receiveXlsx(req);
      try {
        const mapping = mappingField(upload);
        if (!mapping) throw new AppError('VALIDATION_FAILED', '请先确定列映射（字段 mapping）');
        const rows: PreviewRow[] = [];
        let total = 0;
        let result: ImportResult | null = null;
        let problems: NonNullable<AppError['details']> = [];
        let message: string | null = null;
        let reportUrl: string | null = null;
        const at = clock();
        try {
          result = await importDraftFromXlsx(db, {
            bodyId: body.id,
            actor,
            path: upload.path,
            at,
            mode: req.query.mode,
            dryRun: true,
            mapping,
            onRow: (x) => {
              if (++total > PREVIEW_ROWS) return;
              rows.push({
                row: x.row,
                kind: x.cells.kind === '子项' ? '子项' : '主项',
                name: x.cells.name,
                category: x.cells.category,
                legalBases: x.cells.legalBases,
                responsibilities: lines(x.cells.responsibilities),
                accountabilityCases: lines(x.cells.accountabilityCases),
                problems: [],
              });
            },
          });
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'IMPORT_INVALID') throw e;
          problems = e.details ?? [];
          message = e.message;
          const reportId = await saveErrorReport(actor.userId, problems, {
            fileName: upload.fileName,
            bodyName: body.name,
            at,
            message: e.message,
          });
          reportUrl = `/api/exchange/import-reports/${reportId}`;
        }
        const byRow = new Map<number, PreviewRow[]>();
        for (const x of rows) byRow.set(x.row, [...(byRow.get(x.row) ?? []), x]);
        for (const p of problems) {
          const at = p.row === undefined ? undefined : byRow.get(p.row);
          // a 主项 made for its 子项 shares their first row: the problem goes to the row it names
          const target = at?.find((x) => x.kind === '子项') ?? at?.[0];
          target?.problems.push(p.column ? `${p.column}：${p.message}` : p.message);
        }
        return { rows, truncated: total > rows.length, problems, message, reportUrl, result };
      } finally {
        await upload.cleanup();
      }
    },
  );

  r.get(
    '/api/exchange/bodies/:id/import-mappings',
    {
      schema: {
        tags: ['清单导入导出'],
        summary: '本部门保存的导入列映射',
        params: idParam,
        response: { 200: z.array(savedMappingSchema), ...errorResponses },
      },
    },
    async (req) => {
      const { body } = await ownBody(req, req.params.id);
      return listMappings(db, body.id);
    },
  );

  r.post(
    '/api/exchange/bodies/:id/import-mappings',
    {
      schema: {
        tags: ['清单导入导出'],
        summary: '保存导入列映射（同名则替换），供本部门下次导入同样格式的文件',
        params: idParam,
        body: saveMappingBody,
        response: { 200: savedMappingSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { actor, body } = await ownBody(req, req.params.id);
      return saveMapping(db, { bodyId: body.id, actor, ...req.body, at: clock(), meta: metaOf(req) });
    },
  );

  r.delete(
    '/api/exchange/bodies/:id/import-mappings/:mappingId',
    {
      schema: {
        tags: ['清单导入导出'],
        summary: '删除本部门的导入列映射',
        params: mappingParam,
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { actor, body } = await ownBody(req, req.params.id);
      await deleteMapping(db, { bodyId: body.id, id: req.params.mappingId, actor, at: clock(), meta: metaOf(req) });
      return reply.status(204).send();
    },
  );
}
