// Serves the built React workspace under /app/ (vite build → dist/web), with the SPA fallback.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { htmlSchema } from '../contract/common.js';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export async function webRoutes(app: FastifyInstance) {
  if (!existsSync(WEB_DIST)) {
    app.get('/app/*', { schema: { hide: true, response: { 503: htmlSchema } } }, async (_req, reply) =>
      reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><p>工作台尚未构建：请运行 <code>npm start</code>（会自动构建）或 <code>npm run build:web</code>。</p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/app/', wildcard: false, index: false });
  const index = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    // the index names the hashed bundles of the current build: always revalidated (issue 10.7)
    reply.header('cache-control', 'no-cache').sendFile('index.html', WEB_DIST, { cacheControl: false });
  // the workspace's page (a file sent as a stream: the schema documents it, the serializer never sees it)
  const schema = { hide: true, response: { 200: htmlSchema } };
  app.get('/app', { schema }, index);
  app.get('/app/', { schema }, index);
  // any other /app/... path that is not a file is a client-side route
  app.get('/app/*', { schema }, index);
}
