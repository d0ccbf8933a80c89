// Legal documents (§7): the basis picker's search, the register kept by the coordination and
// legal offices, and the 临时性行政许可 lapse flags over the published lists. Each route: parse →
// actor → one command or query.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayInBeijing } from '../../core/calendar/index.js';
import { notFound } from '../../core/errors.js';
import { DEFAULT_RULEBOOK_ID, getRulebook } from '../../core/rulebook/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { errorResponses, idParam } from '../../contract/common.js';
import { findRegion } from '../bodies/bodies.repo.js';
import { createDocument } from './documents.commands.js';
import { findDocument, lapsingPublishedPowers, listDocuments } from './documents.repo.js';
import { documentQuery, lapsingQuery, newDocumentBody } from '../../contract/register.js';
import { documentPage, lapsingReport, legalDocumentSchema } from '../../contract/register.views.js';

export async function documentsRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/legal-documents',
    {
      schema: {
        tags: ['权责清单'],
        summary: '法律文件库（法定依据选择）',
        querystring: documentQuery,
        response: { 200: documentPage, ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      return listDocuments(db, req.query);
    },
  );

  r.get(
    '/api/legal-documents/:id',
    {
      schema: {
        tags: ['权责清单'],
        summary: '法律文件详情',
        params: idParam,
        response: { 200: legalDocumentSchema, ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      const doc = await findDocument(db, req.params.id);
      if (!doc) throw notFound('法律文件');
      return doc;
    },
  );

  r.post(
    '/api/legal-documents',
    {
      schema: {
        tags: ['权责清单'],
        summary: '录入法律文件（协调小组办公室、法制机构）',
        body: newDocumentBody,
        response: { 201: legalDocumentSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createDocument(deps, actorOf(req), metaOf(req), req.body)),
  );

  r.get(
    '/api/register/lapsing',
    {
      schema: {
        tags: ['权责清单'],
        summary: '临时性行政许可即将到期（或已到期）的已公布事项',
        querystring: lapsingQuery,
        response: { 200: lapsingReport, ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      let regionPath: string | undefined;
      if (req.query.region) {
        const region = await findRegion(db, req.query.region);
        if (!region) throw notFound('行政区划');
        regionPath = region.path;
      }
      const rulebook = getRulebook(DEFAULT_RULEBOOK_ID);
      const items = await lapsingPublishedPowers(db, {
        asOf: todayInBeijing(clock()),
        rulebook,
        bodyId: req.query.bodyId,
        regionPath,
      });
      return { warningDays: rulebook.temporaryLicense.warningDays, article: rulebook.temporaryLicense.article, items };
    },
  );
}
