// §13.1: an application's platform-update step rests on an attached reconciliation (platform-sync.ts);
// and the facts item platforms carry that the register does not — a body's 统一社会信用代码 (by the
// system administrator) and a power's 法定期限 / 承诺期限 (by the body) — recorded beside it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParam, okSchema } from '../../contract/common.js';
import {
  attachReconciliationBody,
  creditCodeBody,
  platformSyncSchema,
  powerCodeParam,
  timeLimitBody,
} from '../../contract/regional-platform.js';
import { AppError, notFound } from '../../core/errors.js';
import { canSetCreditCode, canSetTimeLimit, canViewAdjustment } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { findAdjustment } from '../adjustments/adjustments.repo.js';
import { recordAudit } from '../audit/audit.repo.js';
import { findBody } from '../bodies/bodies.repo.js';
import { isCreditCode } from './credit-code.js';
import { attachReconciliation, changedCodes } from './platform-sync.js';
import { findReconciliation } from './report.repo.js';

const TAG = ['自治区事项管理平台'];

export async function syncRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/regional-platform/adjustments/:id/sync',
    {
      schema: {
        tags: TAG,
        summary: '调整申请的平台同步：涉及的事项编码和所附对账',
        params: idParam,
        response: { 200: platformSyncSchema, ...errorResponses },
      },
    },
    async (req) => {
      const a = await findAdjustment(db, req.params.id);
      if (!a || !canViewAdjustment(actorOf(req), a)) throw notFound('调整申请');
      const rows = await db
        .selectFrom('regional_platform_sync')
        .selectAll()
        .where('adjustment_id', '=', a.id)
        .orderBy('attached_at')
        .execute();
      const reconciliations = [];
      for (const row of rows) {
        const rec = await findReconciliation(db, row.reconciliation_id);
        if (!rec) continue;
        const { regionPath: _p, ...summary } = rec;
        reconciliations.push({ ...summary, attachedAt: new Date(row.attached_at).toISOString() });
      }
      return {
        adjustmentId: a.id,
        reconciliations,
        codes: (await changedCodes(db, a)).map((c) => c.code),
      };
    },
  );

  r.post(
    '/api/regional-platform/adjustments/:id/sync',
    {
      schema: {
        tags: TAG,
        summary: '将显示本调整已在自治区平台一致的对账结果附于申请（第十三条第一项）',
        params: idParam,
        body: attachReconciliationBody,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await attachReconciliation(db, actorOf(req), metaOf(req), req.params.id, req.body.reconciliationId, clock());
      return { ok: true as const };
    },
  );

  r.put(
    '/api/regional-platform/bodies/:id/credit-code',
    {
      schema: {
        tags: TAG,
        summary: '登记实施机构的统一社会信用代码（系统管理员）',
        params: idParam,
        body: creditCodeBody,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const body = await findBody(db, req.params.id);
      if (!body || !canSetCreditCode(actor, body)) throw notFound('机构');
      const code = req.body.creditCode;
      if (!isCreditCode(code))
        throw new AppError('VALIDATION_FAILED', '统一社会信用代码的校验码不正确（GB 32100-2015）', [
          { field: 'creditCode', message: '校验码不正确' },
        ]);
      const at = clock();
      await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('regional_body_code')
          .select('credit_code')
          .where('body_id', '=', body.id)
          .executeTakeFirst();
        await trx
          .insertInto('regional_body_code')
          .values({ body_id: body.id, credit_code: code, updated_at: at, updated_by: actor.userId })
          .onConflict((oc) =>
            oc.column('body_id').doUpdateSet({ credit_code: code, updated_at: at, updated_by: actor.userId }),
          )
          .execute();
        await recordAudit(trx, {
          actor,
          role: 'sysAdmin',
          bodyId: body.id,
          action: 'regionalPlatform.creditCodeSet',
          objectType: 'body',
          objectId: body.id,
          before: before ? { creditCode: before.credit_code } : null,
          after: { creditCode: code },
          meta: metaOf(req),
          at,
        });
      });
      return { ok: true as const };
    },
  );

  r.put(
    '/api/regional-platform/bodies/:id/powers/:code/time-limit',
    {
      schema: {
        tags: TAG,
        summary: '登记事项的法定期限和承诺期限（本部门）',
        params: powerCodeParam,
        body: timeLimitBody,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const body = await findBody(db, req.params.id);
      if (!body || !canSetTimeLimit(actor, body)) throw notFound('机构');
      const power = await db
        .selectFrom('power')
        .select('code')
        .where('body_id', '=', body.id)
        .where('code', '=', req.params.code)
        .where('valid_to', 'is', null)
        .executeTakeFirst();
      if (!power) throw notFound('事项');
      const { legalTimeLimit: l, promisedTimeLimit: p } = req.body;
      const values = {
        legal_amount: l?.amount ?? null,
        legal_unit: l?.unit ?? null,
        promised_amount: p?.amount ?? null,
        promised_unit: p?.unit ?? null,
        updated_at: clock(),
        updated_by: actor.userId,
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('power_time_limit')
          .values({ body_id: body.id, code: power.code, ...values })
          .onConflict((oc) => oc.columns(['body_id', 'code']).doUpdateSet(values))
          .execute();
        await recordAudit(trx, {
          actor,
          role: actor.grants.some((g) => g.role === 'leadUnit' && g.bodyId === body.id) ? 'leadUnit' : 'clerk',
          bodyId: body.id,
          action: 'regionalPlatform.timeLimitSet',
          objectType: 'power',
          objectId: `${body.id}/${power.code}`,
          after: req.body,
          meta: metaOf(req),
          at: values.updated_at,
        });
      });
      return { ok: true as const };
    },
  );
}
