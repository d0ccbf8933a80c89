// Public portal routes of §12 公开征求意见. Plain HTML forms: POST → validate on the server →
// either re-render with Chinese errors or redirect (303) to the page (PRG).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayInBeijing } from '../../core/calendar/index.js';
import { AppError } from '../../core/errors.js';
import { getRulebook } from '../../core/rulebook/index.js';
import { htmlSchema, redirectSchema, textSchema } from '../../contract/common.js';
import type { AppDeps } from '../../platform/deps.js';
import { metaOf } from '../../platform/http.js';
import { findRegion } from '../bodies/bodies.repo.js';
import { html } from '../portal/html.js';
import { page } from '../portal/layout.js';
import { isElder } from '../portal/portal.routes.js';
import { addComment } from './comments.commands.js';
import { COMMENT_LIMITS, commentForm, fieldErrors } from './comment-rules.js';
import {
  findConsultation,
  formKey,
  listConsultations,
  loadItems,
  phaseOf,
  publicComments,
} from './consultations.repo.js';
import { CONSULTATION_CSS, detailPage, listPage, type FormState } from './consultations.pages.js';
import { clientKey, issueFormToken, redeemFormToken } from './form-token.js';
import { describeProposal } from './proposal-words.js';

const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

const sendPage = (reply: FastifyReply, status: number, body: string, cache: string) =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', cache).send(body);

export async function consultationPortalRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  let key: string | undefined;
  const signingKey = async () => (key ??= await formKey(db));

  const notFoundPage = (req: FastifyRequest, reply: FastifyReply) =>
    sendPage(
      reply,
      404,
      page(
        { title: '未找到', elder: isElder(req), path: req.url },
        html`<h1>未找到该征求意见</h1><p><a href="/consultations">返回征求意见列表</a></p>`,
      ),
      'no-store',
    );

  r.get('/consultations.css', { schema: { hide: true, response: { 200: textSchema } } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CONSULTATION_CSS),
  );

  r.get(
    '/consultations',
    {
      schema: {
        hide: true,
        response: { 200: htmlSchema },
        querystring: z.object({
          region: z
            .string()
            .regex(/^\d{6}(\d{3})?$/)
            .optional(),
        }),
      },
    },
    async (req, reply) => {
      const today = todayInBeijing(clock());
      const region = req.query.region ? await findRegion(db, req.query.region) : undefined;
      if (req.query.region && !region) return notFoundPage(req, reply);
      const rows = await listConsultations(db, region ? { regionCode: region.code } : {});
      const items = rows.map((c) => ({ ...c, phase: phaseOf(c, today) }));
      const crumbs = [{ href: '/', label: '首页' }, { label: '公开征求意见' }];
      return sendPage(
        reply,
        200,
        page(
          { title: '公开征求意见', elder: isElder(req), path: req.url, crumbs },
          listPage(items, region?.name ?? null),
        ),
        'public, max-age=60',
      );
    },
  );

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    status: number,
    form: Omit<FormState, 'token'>,
    sent?: number,
  ) {
    const c = await findConsultation(db, id);
    if (!c) return notFoundPage(req, reply);
    const now = clock();
    const phase = phaseOf(c, todayInBeijing(now));
    const [items, { comments, hidden }] = await Promise.all([loadItems(db, c.adjustmentId), publicComments(db, c.id)]);
    const changes = describeProposal(c.kind, items, getRulebook(c.rulebookId), c.receivingBodyName);
    const main = detailPage({
      c,
      phase,
      changes,
      comments,
      hidden,
      sent,
      form: { ...form, token: issueFormToken(await signingKey(), c.id, now) },
    });
    const crumbs = [
      { href: '/', label: '首页' },
      { href: '/consultations', label: '公开征求意见' },
      { label: c.title },
    ];
    // The form carries a fresh signed token and may echo the sender's own input: never cached.
    return sendPage(
      reply,
      status,
      page({ title: c.title, elder: isElder(req), path: req.url, crumbs }, main),
      'private, no-store',
    );
  }

  r.get(
    '/consultations/:id',
    {
      schema: {
        hide: true,
        response: { 200: htmlSchema },
        params: idParam,
        querystring: z.object({ sent: z.coerce.number().int().positive().optional() }).catch({}),
      },
    },
    async (req, reply) => render(req, reply, req.params.id, 200, { values: {}, errors: {} }, req.query.sent),
  );

  r.post(
    '/consultations/:id/comments',
    // PRG: a 303 to the page when the comment is taken, the form again (400/403/409) when not
    { schema: { hide: true, params: idParam, response: { 200: htmlSchema, 303: redirectSchema } } },
    async (req, reply) => {
      const id = req.params.id;
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const str = (k: string) =>
        typeof body[k] === 'string' ? (body[k] as string).slice(0, COMMENT_LIMITS.contentMax * 2) : undefined;
      const values = { name: str('name'), contact: str('contact'), content: str('content') };
      const now = clock();
      // a closed (or not yet open) consultation says so first: no point in fixing the form
      const c = await findConsultation(db, id);
      if (!c) return notFoundPage(req, reply);
      const phase = phaseOf(c, todayInBeijing(now));
      if (phase !== 'open') {
        const msg = phase === 'upcoming' ? '本次征求意见尚未开始接收意见' : '本次征求意见已结束，不再接收意见';
        return render(req, reply, id, 409, { values, errors: { form: msg } });
      }
      const parsed = commentForm.safeParse({ ...values, token: str('token') });
      if (!parsed.success) return render(req, reply, id, 400, { values, errors: fieldErrors(parsed.error.issues) });
      const check = await redeemFormToken(
        db,
        await signingKey(),
        id,
        parsed.data.token,
        now,
        COMMENT_LIMITS.tokenMinutes,
      );
      if (check !== 'ok') {
        const msg =
          check === 'expired'
            ? '页面停留时间过长，安全校验已过期，请再次点击“提交意见”。'
            : check === 'used'
              ? '这份意见表已经提交过，请勿重复提交；如需再提意见，请在本页重新填写。'
              : '安全校验未通过，请在本页重新提交意见。';
        return render(req, reply, id, 403, { values, errors: { form: msg } });
      }
      try {
        const { seq } = await addComment(db, {
          consultationId: id,
          name: parsed.data.name,
          contact: parsed.data.contact,
          content: parsed.data.content,
          clientKey: clientKey(await signingKey(), req.ip),
          meta: metaOf(req),
          at: now,
        });
        return reply
          .header('cache-control', 'no-store')
          .redirect(`/consultations/${id}?sent=${seq}#comment-${seq}`, 303);
      } catch (e) {
        if (e instanceof AppError && e.code === 'NOT_FOUND') return notFoundPage(req, reply);
        if (e instanceof AppError && (e.code === 'INVALID_STATE' || e.code === 'RATE_LIMITED'))
          return render(req, reply, id, e.status, { values, errors: { form: e.message } });
        throw e;
      }
    },
  );
}
