// Every route the app serves, as registered, with its schema: hidden ones (portal pages, elder
// mode) included, which the OpenAPI document leaves out. The input fuzz (issue 10.9) walks it.
import type { FastifyInstance, FastifySchema } from 'fastify';

export interface IndexedRoute {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

const INDEX = new WeakMap<FastifyInstance, IndexedRoute[]>();

/** Call right after creating the app, before any route: child scopes inherit the hook. */
export function indexRoutes(app: FastifyInstance) {
  const list: IndexedRoute[] = [];
  INDEX.set(app, list);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) list.push({ method, url: r.url ?? r.path, schema: r.schema });
  });
}

export const routesOf = (app: FastifyInstance): readonly IndexedRoute[] => INDEX.get(app) ?? [];
