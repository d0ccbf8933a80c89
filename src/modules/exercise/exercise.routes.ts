// Exercise records' API (§14 ¶1, §16 ¶2, §17; issue 12.4): an office uploads an .xlsx or .csv, a
// sending system posts JSON with its key, and the office reads each import's counts and flagged
// records; a system administrator issues and revokes the systems' keys.
import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParam } from '../../contract/common.js';
import {
  apiImportBody,
  createdSourceSchema,
  createSourceBody,
  exerciseImportListSchema,
  exerciseImportSchema,
  exerciseSourceListSchema,
  exerciseSourceSchema,
  exerciseUploadErrors,
  flaggedQuery,
  flaggedRecordListSchema,
} from '../../contract/exercise.js';
import type { Actor } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { canImportExercise, scopesOf } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { receiveXlsx } from '../exchange/upload.js';
import { MAX_CSV_BYTES, receiveCsv } from './csv.js';
import { importExercise, recordChecker } from './exercise.commands.js';
import { flaggedRecords, getImport, listImports } from './exercise.repo.js';
import { readCsvRecords, readXlsxRecords } from './files.js';
import type { RecordChecker } from './records.js';
import { createSource, listSources, revokeSource, sourceByKey } from './sources.commands.js';

const TAGS = ['行使记录'];

/** The level an office imports for: the widest its coordinator grants reach (deny by default). */
function officeLevel(actor: Actor): string {
  const level = scopesOf(actor, 'coordinator').sort((a, b) => a.length - b.length)[0];
  if (!level) throw new AppError('FORBIDDEN', '只有协调小组办公室可以导入行使记录');
  return level;
}

/** A sending system's key: `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
function keyOf(h: Record<string, string | string[] | undefined>): string | undefined {
  const auth = h.authorization;
  if (typeof auth === 'string' && /^Bearer /i.test(auth)) return auth.slice(7).trim();
  const k = h['x-api-key'];
  return typeof k === 'string' ? k.trim() : undefined;
}

export async function exerciseRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // uploads: multipart in their own scope, as exchange's (the rest of the API is JSON only)
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_CSV_BYTES, files: 1 } });
    uploadRoutes(scope, deps);
  });

  r.post(
    '/api/exercise/intake',
    {
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags: TAGS,
        summary: '报送系统推送行使记录（密钥：Authorization: Bearer …；全部通过才导入）',
        body: apiImportBody,
        response: {
          201: exerciseImportSchema.pick({ id: true, recordCount: true, flaggedCount: true, findingCount: true }),
          ...exerciseUploadErrors,
        },
      },
    },
    async (req, reply) => {
      const source = await sourceByKey(db, keyOf(req.headers));
      const checker = await recordChecker(db, (b) => source.reaches(b.regionPath), '条');
      req.body.records.forEach((rec, i) => checker.add(i + 1, rec));
      const out = await importExercise(db, {
        channel: 'api',
        regionPath: source.regionPath,
        checker,
        fileName: null,
        sha256: createHash('sha256').update(JSON.stringify(req.body.records)).digest('hex'),
        actor: null,
        source,
        meta: metaOf(req),
        at: clock(),
      });
      return reply
        .code(201)
        .send({ id: out.id, recordCount: out.records, flaggedCount: out.flagged, findingCount: out.findings });
    },
  );

  r.get(
    '/api/exercise/imports',
    {
      schema: {
        tags: TAGS,
        summary: '行使记录导入批次（本级及下级协调小组办公室）',
        response: { 200: exerciseImportListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await listImports(db, actorOf(req)) }),
  );

  r.get(
    '/api/exercise/imports/:id',
    {
      schema: {
        tags: TAGS,
        summary: '导入批次的数量',
        params: idParam,
        response: { 200: exerciseImportSchema, ...errorResponses },
      },
    },
    async (req) => getImport(db, actorOf(req), req.params.id),
  );

  r.get(
    '/api/exercise/imports/:id/records',
    {
      schema: {
        tags: TAGS,
        summary: '导入批次中比对有问题的行使记录（每页50条）',
        params: idParam,
        querystring: flaggedQuery,
        response: { 200: flaggedRecordListSchema, ...errorResponses },
      },
    },
    async (req) => flaggedRecords(db, actorOf(req), req.params.id, req.query),
  );

  r.get(
    '/api/exercise/sources',
    {
      schema: {
        tags: TAGS,
        summary: '报送系统（系统管理员）',
        response: { 200: exerciseSourceListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await listSources(db, actorOf(req)) }),
  );

  r.post(
    '/api/exercise/sources',
    {
      schema: {
        tags: TAGS,
        summary: '登记报送系统并签发密钥（密钥只显示这一次）',
        body: createSourceBody,
        response: { 201: createdSourceSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createSource(db, actorOf(req), req.body.name, metaOf(req), clock())),
  );

  r.post(
    '/api/exercise/sources/:id/revoke',
    {
      schema: {
        tags: TAGS,
        summary: '停用报送系统的密钥',
        params: idParam,
        response: { 200: exerciseSourceSchema, ...errorResponses },
      },
    },
    async (req) => revokeSource(db, actorOf(req), req.params.id, metaOf(req), clock()),
  );
}

function uploadRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** An office's file: its rows checked within the actor's reach, imported whole, answered with the import's counts. */
  async function importFile(
    req: FastifyRequest,
    actor: Actor,
    level: string,
    channel: 'xlsx' | 'csv',
    file: { fileName: string; sha256: string },
    read: (checker: RecordChecker) => void | Promise<void>,
  ) {
    const checker = await recordChecker(db, (b) => canImportExercise(actor, b.regionPath), '行');
    await read(checker);
    const out = await importExercise(db, {
      channel,
      regionPath: level,
      checker,
      fileName: file.fileName,
      sha256: file.sha256,
      actor,
      source: null,
      meta: metaOf(req),
      at: clock(),
    });
    return getImport(db, actor, out.id);
  }

  r.post(
    '/api/exercise/imports/xlsx',
    {
      schema: {
        tags: TAGS,
        consumes: ['multipart/form-data'],
        summary: '导入行使记录（Excel，工作表“行使记录”；协调小组办公室，全部通过才导入）',
        response: { 201: exerciseImportSchema, ...exerciseUploadErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const level = officeLevel(actor);
      const upload = await receiveXlsx(req);
      try {
        const out = await importFile(req, actor, level, 'xlsx', upload, (c) => readXlsxRecords(upload.path, c));
        return reply.code(201).send(out);
      } finally {
        await upload.cleanup();
      }
    },
  );

  r.post(
    '/api/exercise/imports/csv',
    {
      schema: {
        tags: TAGS,
        consumes: ['multipart/form-data'],
        summary: '导入行使记录（CSV，UTF-8 或 GB18030；协调小组办公室，全部通过才导入）',
        response: { 201: exerciseImportSchema, ...exerciseUploadErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const level = officeLevel(actor);
      const upload = await receiveCsv(req);
      const out = await importFile(req, actor, level, 'csv', upload, (c) => readCsvRecords(upload.text, c));
      return reply.code(201).send(out);
    },
  );
}
