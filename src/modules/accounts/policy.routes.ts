// The password, lockout and session policy: the security admin's alone (三员分立).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { passwordRulesSchema, policyBody, securityPolicySchema } from '../../contract/accounts.js';
import { errorResponses } from '../../contract/common.js';
import { forbidden } from '../../core/errors.js';
import { canManagePolicy } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { getPolicy } from './policy.repo.js';
import { updatePolicy } from './self.commands.js';

export async function policyRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/security/policy',
    {
      schema: {
        tags: ['安全'],
        summary: '安全策略（安全管理员）',
        response: { 200: securityPolicySchema, ...errorResponses },
      },
    },
    async (req) => {
      if (!canManagePolicy(actorOf(req))) throw forbidden('只有安全管理员可以查看安全策略');
      return getPolicy(db);
    },
  );

  // the rules a new password must meet, for every signed-in user's 修改密码 form
  r.get(
    '/api/security/password-rules',
    { schema: { tags: ['安全'], summary: '密码规则', response: { 200: passwordRulesSchema, ...errorResponses } } },
    async (req) => {
      actorOf(req);
      const p = await getPolicy(db);
      return { minLength: p.passwordMinLength, minClasses: p.passwordMinClasses };
    },
  );

  r.put(
    '/api/security/policy',
    {
      schema: {
        tags: ['安全'],
        summary: '修改安全策略（安全管理员）',
        body: policyBody,
        response: { 200: securityPolicySchema, ...errorResponses },
      },
    },
    async (req) => updatePolicy(db, req.body, { actor: actorOf(req), meta: metaOf(req), at: clock() }),
  );
}
