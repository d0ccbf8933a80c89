// 集中调整批次 (2025 rulebook, 解读二(二)): create one (the level's managing office) and list
// those the actor may see; an application joins one while being drafted (PATCH batchId).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.js';
import { batchBody } from '../../contract/adjustments.js';
import { batchCreated, batchList } from '../../contract/adjustments.records.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { createBatch } from './batches.commands.js';
import { listBatches } from './batches.repo.js';

export async function batchRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/adjustment-batches',
    {
      schema: {
        tags: ['动态调整'],
        summary: '创建集中调整批次（本级管理机构；2025年规则集）',
        body: batchBody,
        response: { 201: batchCreated, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createBatch(deps, actorOf(req), metaOf(req), req.body)),
  );

  r.get(
    '/api/adjustment-batches',
    {
      schema: {
        tags: ['动态调整'],
        summary: '集中调整批次（本级及下级；申请单位看本级）',
        response: { 200: batchList, ...errorResponses },
      },
    },
    async (req) => ({ items: await listBatches(deps.db, actorOf(req)) }),
  );
}
