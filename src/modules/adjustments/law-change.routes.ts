// §10.1, §11.1: recording that a law was issued, revised or repealed opens due adjustments.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.js';
import { lawChangeBody } from '../../contract/adjustments.js';
import { lawChangeList, lawChangeRecorded } from '../../contract/adjustments.records.js';
import { forbidden } from '../../core/errors.js';
import { OFFICE_ROLES, scopesOf } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { recordLawChange } from './law-change.command.js';
import { listLawChanges } from './law-change.repo.js';

export async function lawChangeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/law-changes',
    {
      schema: {
        tags: ['动态调整'],
        summary: '登记法律文件立改废，生成应调整事项（协调小组办公室）',
        body: lawChangeBody,
        response: { 201: lawChangeRecorded, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await recordLawChange(deps, actorOf(req), metaOf(req), req.body)),
  );

  r.get(
    '/api/law-changes',
    {
      schema: {
        tags: ['动态调整'],
        summary: '法律文件立改废登记（本级及下级）',
        response: { 200: lawChangeList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const paths = [...new Set(OFFICE_ROLES.flatMap((role) => scopesOf(actor, role)))];
      if (!paths.length) throw forbidden('只有协调小组办公室、法制机构和本级人民政府可以查看');
      return { items: await listLawChanges(deps.db, paths) };
    },
  );
}
