// Legal documents (§7): the basis picker's search, the register kept by the coordination and
// legal offices, and the 临时性行政许可 lapse flags over the published lists.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayInBeijing } from '../../core/calendar/index.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { canManageLegalDocuments } from '../../core/policies.js';
import { DEFAULT_RULEBOOK_ID, getRulebook } from '../../core/rulebook/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { errorResponses, idParam } from '../../contract/common.js';
import { recordAudit } from '../audit/audit.repo.js';
import { findDocument, insertDocument, lapsingPublishedPowers, listDocuments } from './documents.repo.js';
import { documentQuery, lapsingQuery, newDocumentBody } from '../../contract/register.js';
import { documentPage, lapsingReport, legalDocumentSchema } from '../../contract/register.views.js';

export async function documentsRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
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
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canManageLegalDocuments(actor)) throw forbidden('只有协调小组办公室或法制机构可以录入法律文件');
      const b = req.body;
      if (b.level !== '临时性行政许可' && b.expiryDate && b.effectiveDate && b.expiryDate <= b.effectiveDate)
        throw new AppError('VALIDATION_FAILED', '失效日期应晚于生效日期', [
          { field: 'expiryDate', message: '失效日期应晚于生效日期' },
        ]);
      const grant = actor.grants.find((g) => g.role === 'coordinator' || g.role === 'legalReviewer')!;
      const doc = await db.transaction().execute(async (trx) => {
        // §7: the validity of a 临时性行政许可 comes from the rulebook in force
        const doc = await insertDocument(trx, b, getRulebook(DEFAULT_RULEBOOK_ID));
        await recordAudit(trx, {
          actor,
          role: grant.role,
          bodyId: grant.bodyId,
          action: 'legalDocument.created',
          objectType: 'legal_document',
          objectId: doc.id,
          after: doc,
          meta: metaOf(req),
          at: clock(),
        });
        return doc;
      });
      return reply.status(201).send(doc);
    },
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
        const region = await db
          .selectFrom('region')
          .select('path')
          .where('code', '=', req.query.region)
          .executeTakeFirst();
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
