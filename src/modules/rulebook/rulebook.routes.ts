// The rulebooks the platform ships and the one in force (spec, opening section). Everyone
// signed in reads them (every deadline names its article); a system administrator of the
// top-level region switches; applications already created keep theirs.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../core/errors.js';
import { canConfigureInstallation } from '../../core/policies/index.js';
import { getRulebook, isRulebookId, listRulebooks, type Rulebook } from '../../core/rulebook/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { errorResponses } from '../../contract/common.js';
import {
  rulebookIdParam,
  rulebookIndexSchema,
  rulebookSchema,
  rulebookSelectedSchema,
  selectRulebookBody,
} from '../../contract/rulebook.js';
import { selectRulebook } from './rulebook.commands.js';
import { currentRulebookId, rulebookHistory } from './rulebook.repo.js';

export async function rulebookRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/rulebooks',
    {
      schema: {
        tags: ['规则集'],
        summary: '平台内置的规则集及现行规则集',
        response: { 200: rulebookIndexSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const current = await currentRulebookId(db);
      return {
        current,
        canSwitch: canConfigureInstallation(actor),
        rulebooks: listRulebooks().map((rb) => ({
          id: rb.id,
          label: rb.label,
          regulation: rb.regulation,
          managingOffice: rb.managingOffice.name,
          current: rb.id === current,
        })),
        history: await rulebookHistory(db),
      };
    },
  );

  r.get(
    '/api/rulebooks/:id',
    {
      schema: {
        tags: ['规则集'],
        summary: '规则集全文（类别、调整类型、步骤、时限及条款）',
        params: rulebookIdParam,
        response: { 200: rulebookSchema, ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      if (!isRulebookId(req.params.id)) throw notFound('规则集');
      // the schema names the top level and passes the parts through (a rulebook is data of the core's own types)
      return getRulebook(req.params.id) as Rulebook & Record<string, unknown>;
    },
  );

  r.put(
    '/api/rulebooks/current',
    {
      schema: {
        tags: ['规则集'],
        summary: '切换现行规则集（市级系统管理员；只影响此后新建的申请）',
        body: selectRulebookBody,
        response: { 200: rulebookSelectedSchema, ...errorResponses },
      },
    },
    async (req) => selectRulebook(deps, actorOf(req), metaOf(req), req.body),
  );
}
