// §15 ¶3: the office's integrity guard (/api/integrity: the monitor's runs, close, reopen, check
// now) and the public page where anyone checks a digest against the register (/integrity).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, htmlSchema, okSchema } from '../../contract/common.js';
import {
  closePortalBody,
  integrityCheckSchema,
  integrityStatusSchema,
  reopenPortalBody,
} from '../../contract/integrity.js';
import { AppError } from '../../core/errors.js';
import { canGuardPortal, canViewIntegrity } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { isElder, sendHtml } from '../portal/respond.js';
import { listDigest, loadListAt } from '../register/publish.js';
import { closePortal, reopenPortal } from './integrity.commands.js';
import { openClosure, recentChecks, recentClosures, versionsWithDigest } from './integrity.repo.js';
import { injectFetcher, runIntegrityCheck } from './monitor.js';
import { verifyPage } from './verify.page.js';

const TAG = ['网站完整性'];

export async function integrityRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // one run at a time per instance: the office's click while the hourly run is under way waits for it
  let running: Promise<Awaited<ReturnType<typeof runIntegrityCheck>>> | null = null;
  const checkNow = () =>
    (running ??= runIntegrityCheck(deps, injectFetcher(app), 'office').finally(() => {
      running = null;
    }));

  r.get(
    '/api/integrity',
    {
      schema: {
        tags: TAG,
        summary: '发布网站状态、完整性监测结果与关闭记录',
        response: { 200: integrityStatusSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canViewIntegrity(actor)) throw new AppError('FORBIDDEN', '无权查看网站完整性监测');
      const [closure, checks, closures] = await Promise.all([
        openClosure(db),
        recentChecks(db, 20),
        recentClosures(db, 20),
      ]);
      return {
        closed: !!closure,
        closure: closure ? (closures.find((c) => c.id === closure.id) ?? null) : null,
        canGuard: canGuardPortal(actor),
        checks,
        closures,
      };
    },
  );

  r.post(
    '/api/integrity/close',
    {
      schema: {
        tags: TAG,
        summary: '暂时关闭权责清单发布网站（第十五条）',
        body: closePortalBody,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await closePortal(deps, actorOf(req), req.body.reason, metaOf(req));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/integrity/reopen',
    {
      schema: {
        tags: TAG,
        summary: '重新开放权责清单发布网站',
        body: reopenPortalBody,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await reopenPortal(deps, actorOf(req), req.body.reason, metaOf(req));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/integrity/checks',
    {
      schema: {
        tags: TAG,
        summary: '立即检查公开内容与权责清单是否一致（不一致即关闭网站）',
        response: { 200: integrityCheckSchema, ...errorResponses },
      },
    },
    async (req) => {
      if (!canGuardPortal(actorOf(req))) throw new AppError('FORBIDDEN', '只有市协调小组办公室可以发起完整性检查');
      const { closedNow: _c, ...run } = await checkNow();
      return run;
    },
  );

  // Public: anyone pastes the digest printed on a page or file and sees which publication it is.
  r.get(
    '/integrity',
    {
      schema: {
        hide: true,
        querystring: z.object({ digest: z.string().max(200).optional() }),
        response: { 200: htmlSchema },
      },
      // each asked digest recomputes a list from its rows: a visitor asks a few, not thousands
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const asked = req.query.digest?.trim().toLowerCase().replace(/^sm3:/, '');
      const valid = !!asked && /^[0-9a-f]{64}$/.test(asked);
      const [rows, last] = await Promise.all([
        valid ? versionsWithDigest(db, asked) : [],
        recentChecks(db, 1).then((c) => c[0] ?? null),
      ]);
      // the register recomputed for the versions asked about (a digest names one version in practice)
      const found = [];
      for (const row of rows.slice(0, 3)) {
        const list = await loadListAt(db, row.body_id, { version: row.version });
        found.push({ ...row, intact: !!list && listDigest(list.powers) === row.digest });
      }
      reply.header('cache-control', 'no-store');
      return sendHtml(reply, verifyPage({ asked, valid, found, last, elder: isElder(req), path: req.url }));
    },
  );
}
