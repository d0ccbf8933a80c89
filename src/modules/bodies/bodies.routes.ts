// Regions and bodies (spec §1). Reading is open to every signed-in user (the portal publishes
// the same facts); creating and changing bodies is the system admin's, within their region.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bodiesQuery, bodyInput, bodyPatch, bodySchema, regionSchema } from '../../contract/bodies.js';
import { errorResponses } from '../../contract/common.js';
import { notFound } from '../../core/errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, idParam, metaOf } from '../../platform/http.js';
import { createBody, updateBody } from './bodies.commands.js';
import { findBody, listBodies, listRegions } from './bodies.repo.js';

export async function bodiesRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/regions',
    {
      schema: {
        tags: ['机构'],
        summary: '行政区划（市、旗县区、苏木乡镇街道）',
        response: { 200: z.array(regionSchema), ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      return listRegions(db);
    },
  );

  r.get(
    '/api/bodies',
    {
      schema: {
        tags: ['机构'],
        summary: '机构列表',
        querystring: bodiesQuery,
        response: { 200: z.array(bodySchema), ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      return listBodies(db, req.query);
    },
  );

  r.get(
    '/api/bodies/:id',
    {
      schema: {
        tags: ['机构'],
        summary: '机构详情',
        params: idParam,
        response: { 200: bodySchema, ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      const b = await findBody(db, req.params.id);
      if (!b) throw notFound('机构');
      return b;
    },
  );

  r.post(
    '/api/bodies',
    {
      schema: {
        tags: ['机构'],
        summary: '新增机构（系统管理员）',
        body: bodyInput,
        response: { 201: bodySchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const body = await createBody(db, req.body, { actor: actorOf(req), meta: metaOf(req), at: clock() });
      return reply.status(201).send(body);
    },
  );

  r.patch(
    '/api/bodies/:id',
    {
      schema: {
        tags: ['机构'],
        summary: '修改机构（系统管理员）',
        params: idParam,
        body: bodyPatch,
        response: { 200: bodySchema, ...errorResponses },
      },
    },
    async (req) => updateBody(db, req.params.id, req.body, { actor: actorOf(req), meta: metaOf(req), at: clock() }),
  );
}
