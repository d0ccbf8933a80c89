// Security headers (issue 10.7) through @fastify/helmet: a Content-Security-Policy for each part
// of the site, no framing anywhere, HSTS when the site is served over HTTPS (SECURE_COOKIES).
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

type Directives = Record<string, string[]>;

const COMMON: Directives = {
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/** The public portal works without JavaScript, so it allows no script at all. */
export const PORTAL_CSP: Directives = {
  ...COMMON,
  'default-src': ["'self'"],
  'script-src': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
};

/** The workspace: Vite's bundles from our origin; Ant Design writes its styles into <style> elements at run time. */
export const WORKSPACE_CSP: Directives = {
  ...COMMON,
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
};

/** The API answers data, never pages: nothing may load from it, except the interface documentation. */
export const API_CSP: Directives = { ...COMMON, 'default-src': ["'none'"] };
const API_DOCS_CSP: Directives = {
  ...COMMON,
  'default-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
};

export function cspFor(path: string): Directives {
  if (path === '/app' || path.startsWith('/app/')) return WORKSPACE_CSP;
  if (path.startsWith('/api/docs')) return API_DOCS_CSP;
  if (path.startsWith('/api/')) return API_CSP;
  return PORTAL_CSP;
}

export async function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  // each route gets its part's policy; pages without a route (404) get the portal's
  app.addHook('onRoute', (route) => {
    const directives = cspFor(route.url ?? route.path ?? '/');
    route.config = Object.assign(route.config ?? {}, {
      helmet: { contentSecurityPolicy: { useDefaults: false, directives } },
    });
  });
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: PORTAL_CSP },
    strictTransportSecurity: opts.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
}
