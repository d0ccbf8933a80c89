// §15 ¶3: 权责清单发布网站遭非法入侵、篡改、内容异常等突发情况时，协调小组办公室应暂时关闭网站.
// While a closure is open (table portal_closure, shared by every instance), every PUBLIC request
// answers 503 with a notice in Chinese and the reason; staff pages and the staff API keep working.
//
// Which requests are public is decided by path, deny by default, so that public routes other
// modules add later (open-data feeds, /api/public/v2 …) are closed without touching this file:
//   staff, stay open:   /api/… (except /api/public/…), /app and /app/…, /healthz
//   assets, stay open:  /portal.css, /favicon.svg, /favicon.ico (the notice itself needs them)
//   public, closed:     everything else — the portal's pages, /api/public/…, feeds, downloads,
//                       and paths that match no route (the 404 page is the portal's too)
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { html } from '../portal/html.js';
import { cnDateTime } from '../portal/labels.js';
import { page } from '../portal/layout.js';
import { isElder } from '../portal/respond.js';
import { openClosure, type OpenClosure } from './integrity.repo.js';

const STAFF_PREFIXES = ['/api/', '/app/'];
const STAFF_PATHS = new Set(['/app', '/healthz']);
const ASSETS = new Set(['/portal.css', '/favicon.svg', '/favicon.ico']);
const PUBLIC_API = '/api/public/';

/** True for a path the closure covers (see the table above). */
export function isPublicPath(path: string): boolean {
  if (path.startsWith(PUBLIC_API) || path === '/api/public') return true;
  if (STAFF_PATHS.has(path) || ASSETS.has(path)) return false;
  return !STAFF_PREFIXES.some((p) => path.startsWith(p));
}

/**
 * The closure as this instance knows it: read from the database at most every TTL_MS, and at
 * once after this instance closes or reopens. Another instance's change is seen within TTL_MS.
 */
export const CLOSURE_TTL_MS = 3000;
class ClosureState {
  private value: OpenClosure | null = null;
  private readAt = 0;
  private pending: Promise<OpenClosure | null> | null = null;
  constructor(private readonly deps: AppDeps) {}
  async current(): Promise<OpenClosure | null> {
    if (Date.now() - this.readAt < CLOSURE_TTL_MS) return this.value;
    this.pending ??= openClosure(this.deps.db)
      .then((c) => {
        this.value = c;
        this.readAt = Date.now();
        return c;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
  forget() {
    this.readAt = 0;
  }
}

const STATES = new WeakMap<AppDeps['db'], ClosureState>();
/** The one state per database handle (the hook reads it, the commands make it forget). */
export function closureState(deps: AppDeps): ClosureState {
  let s = STATES.get(deps.db);
  if (!s) STATES.set(deps.db, (s = new ClosureState(deps)));
  return s;
}

export const CLOSED_CODE = 'PORTAL_CLOSED';
const closedMessage = (c: OpenClosure) => `权责清单发布网站已于 ${cnDateTime(c.closedAt)} 暂时关闭。原因：${c.reason}`;

function closedPage(c: OpenClosure, elder: boolean, path: string): string {
  return page(
    { title: '网站暂时关闭', elder, path },
    html`<h1>网站暂时关闭</h1>
<p class="notice">依据《包头市政府工作部门权责清单动态管理办法》第十五条，权责清单发布网站遭非法入侵、篡改、内容异常等突发情况时，由协调小组办公室暂时关闭网站。</p>
<p>关闭时间：${cnDateTime(c.closedAt)}</p>
<p>关闭原因：${c.reason}</p>
<p>核查处理完毕后，网站将由协调小组办公室重新开放。如需查询权责清单，请按页面下方的联系方式联系主办单位。</p>`,
  );
}

/** One onRequest hook on the root instance: covers every route, present and future, and the 404 handler. */
export function registerPortalClosure(app: FastifyInstance, deps: AppDeps) {
  const state = closureState(deps);
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (!isPublicPath(path)) return;
    const c = await state.current();
    if (!c) return;
    reply.status(503).header('cache-control', 'no-store').header('retry-after', '3600');
    if (path.startsWith('/api/')) return reply.send({ error: { code: CLOSED_CODE, message: closedMessage(c) } });
    return reply.type('text/html; charset=utf-8').send(closedPage(c, isElder(req), path));
  });
}
