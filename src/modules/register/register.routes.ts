// The register's routes (spec §2): legal documents, compilation drafts, published versions.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { documentsRoutes } from './documents.routes.js';
import { draftsRoutes } from './drafts.routes.js';
import { versionsRoutes } from './versions.routes.js';

export async function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  await documentsRoutes(app, deps);
  await draftsRoutes(app, deps);
  await versionsRoutes(app, deps);
}
