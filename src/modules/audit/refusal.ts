// A refused attempt at a protected action is a security event with an audit row of its own
// (issue 9.8); the platform's error handler decides which refusals count (platform/errors.ts).
import type { FastifyRequest } from 'fastify';
import type { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { metaOf } from '../../platform/http.js';
import { recordAudit } from './audit.repo.js';

export const recordRefusal = (deps: AppDeps) => (e: AppError, req: FastifyRequest) =>
  // in a transaction of its own: the refused action's transaction, if any, was rolled back
  deps.db.transaction().execute((trx) =>
    recordAudit(trx, {
      actor: req.session?.actor ?? null,
      action: 'security.refused',
      objectType: 'request',
      objectId: req.id,
      after: {
        code: e.code,
        message: e.message,
        method: req.method,
        route: req.routeOptions.url ?? null,
        path: req.url.slice(0, 300),
      },
      meta: metaOf(req),
      at: deps.clock(),
    }),
  );
