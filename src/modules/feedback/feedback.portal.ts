// Public portal routes of §15: the form (multipart, so files can come along without script),
// the receipt with its 查询码, and the status by that code. Anti-abuse without a CAPTCHA: a
// signed single-use form token, per-route rate limits, a per-address hourly limit in the
// database, size limits on every field and file, and the moderation queue behind it all.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { htmlOrErrorSchema, htmlSchema } from '../../contract/common.js';
import { feedbackKindSchema, FEEDBACK_LIMITS, ROUTED_LABELS } from '../../contract/feedback.js';
import { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { metaOf } from '../../platform/http.js';
import { checkAttachment } from '../adjustments/attachments.js';
import { formKey } from '../consultations/consultations.repo.js';
import { clientKey, issueFormToken, redeemFormToken } from '../consultations/form-token.js';
import { page } from '../portal/layout.js';
import { cnDate, cnDateOf } from '../portal/labels.js';
import { isElder } from '../portal/respond.js';
import { normalReceiptCode, submitFeedback, type NewFileIn } from './feedback.commands.js';
import { FEEDBACK_CSS, formPage, lookupPage, receiptPage, statusPage, type FormValues } from './feedback.pages.js';
import { currentPower, findByReceipt, findFeedback, publicBodies } from './feedback.repo.js';

/** The form token is the consultation form's, bound to this pseudo-consultation 0 (ids start at 1). */
const FEEDBACK_FORM = 0;
const html200 = {
  200: htmlSchema,
  400: htmlOrErrorSchema,
  403: htmlOrErrorSchema,
  404: htmlOrErrorSchema,
  409: htmlOrErrorSchema,
  429: htmlOrErrorSchema,
};

const send = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(body);

const clean = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();

function check(v: FormValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!feedbackKindSchema.safeParse(v.kind).success) e.kind = '请选择类别：意见建议、投诉或举报';
  if (!v.bodyId || !/^\d{1,9}$/.test(v.bodyId)) e.bodyId = '请选择所反映的职权行使机构';
  const n = [...(v.content ?? '')].length;
  if (n < FEEDBACK_LIMITS.contentMin) e.content = `请填写内容（至少${FEEDBACK_LIMITS.contentMin}个字）`;
  else if (n > FEEDBACK_LIMITS.contentMax) e.content = `内容不能超过${FEEDBACK_LIMITS.contentMax}个字`;
  if ([...(v.name ?? '')].length > FEEDBACK_LIMITS.nameMax) e.name = `姓名不能超过${FEEDBACK_LIMITS.nameMax}个字`;
  if ([...(v.contact ?? '')].length > FEEDBACK_LIMITS.contactMax)
    e.contact = `联系方式不能超过${FEEDBACK_LIMITS.contactMax}个字`;
  return e;
}

export async function feedbackPortalRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  let key: string | undefined;
  const signingKey = async () => (key ??= await formKey(db));
  const frame = (req: FastifyRequest, title: string, main: Parameters<typeof page>[1]) =>
    page(
      {
        title,
        elder: isElder(req),
        path: req.url,
        crumbs: [{ href: '/', label: '首页' }, { href: '/feedback', label: '意见建议与投诉举报' }, { label: title }],
      },
      main,
    );

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: FormValues,
    errors: Record<string, string>,
  ) {
    const bodyId = Number(values.bodyId);
    const power =
      values.powerCode && Number.isInteger(bodyId) && bodyId > 0
        ? await currentPower(db, bodyId, values.powerCode)
        : undefined;
    if (values.powerCode && !power) errors.powerCode ??= '所选行政职权不在该机构的现行权责清单中';
    const main = formPage({
      values,
      errors,
      token: issueFormToken(await signingKey(), FEEDBACK_FORM, clock()),
      bodies: await publicBodies(db),
      power: power ?? null,
    });
    return send(reply, status, frame(req, '提出意见建议或投诉举报', main));
  }

  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: FEEDBACK_LIMITS.fileBytes,
        files: FEEDBACK_LIMITS.files,
        fields: 12,
        fieldSize: 20_000,
        parts: 20,
      },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/feedback',
      {
        schema: {
          hide: true,
          querystring: z
            .object({
              body: z
                .string()
                .regex(/^\d{1,9}$/)
                .optional(),
              power: z.string().max(40).optional(),
            })
            .catch({}),
          response: html200,
        },
      },
      async (req, reply) =>
        renderForm(req, reply, 200, { bodyId: req.query.body, powerCode: req.query.power, kind: undefined }, {}),
    );

    r.post(
      '/feedback',
      { schema: { hide: true, response: html200 }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
      async (req, reply) => {
        const values: Record<string, string> = {};
        const files: NewFileIn[] = [];
        const errors: Record<string, string> = {};
        if (!req.isMultipart()) return renderForm(req, reply, 400, {}, { form: '请通过本页表单提交' });
        try {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              const bytes = await part.toBuffer();
              if (!part.filename || bytes.length === 0) continue; // no file chosen
              const c = checkAttachment(part.filename, bytes);
              if (!c.ok) errors.files ??= c.message;
              else files.push({ filename: c.filename, mediaType: c.mediaType, bytes });
            } else if (typeof part.value === 'string') values[part.fieldname] = clean(part.value);
          }
        } catch (e) {
          const code = (e as { code?: string }).code ?? '';
          errors.files = code.includes('FILES_LIMIT')
            ? `附件最多${FEEDBACK_LIMITS.files}个`
            : code.includes('FILE_TOO_LARGE') || code.includes('FILE_SIZE')
              ? `每个附件不超过${FEEDBACK_LIMITS.fileBytes / 1024 / 1024} MB`
              : '表单内容过大或格式有误，请精简后重新提交';
        }
        const v: FormValues = {
          kind: values.kind,
          bodyId: values.bodyId,
          powerCode: values.powerCode || undefined,
          content: values.content,
          name: values.name,
          contact: values.contact,
        };
        Object.assign(errors, check(v));
        if (Object.keys(errors).length) return renderForm(req, reply, 400, v, errors);
        const now = clock();
        const tokenCheck = await redeemFormToken(
          db,
          await signingKey(),
          FEEDBACK_FORM,
          values.token ?? '',
          now,
          FEEDBACK_LIMITS.tokenMinutes,
        );
        if (tokenCheck !== 'ok') {
          const msg =
            tokenCheck === 'expired'
              ? '页面停留时间过长，安全校验已过期，请再次点击“提交”。'
              : tokenCheck === 'used'
                ? '这份表单已经提交过，请勿重复提交。'
                : '安全校验未通过，请在本页重新提交。';
          return renderForm(req, reply, 403, v, { form: msg });
        }
        try {
          const made = await submitFeedback(db, {
            kind: v.kind as 'suggestion',
            bodyId: Number(v.bodyId),
            powerCode: v.powerCode ?? null,
            content: v.content!,
            contact: { name: v.name || null, contact: v.contact || null },
            files,
            clientKey: clientKey(await signingKey(), req.ip),
            meta: metaOf(req),
            at: now,
          });
          const f = (await findFeedback(db, made.id))!;
          return send(reply, 200, frame(req, '已收到', receiptPage(made.receiptCode, f.kind, cnDate(f.dueOn))));
        } catch (e) {
          if (e instanceof AppError && (e.code === 'VALIDATION_FAILED' || e.code === 'RATE_LIMITED')) {
            const field = e.details?.[0]?.field ?? 'form';
            return renderForm(req, reply, e.code === 'RATE_LIMITED' ? 429 : 400, v, { [field]: e.message });
          }
          throw e;
        }
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/feedback.css', { schema: { hide: true, response: { 200: z.string() } } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(FEEDBACK_CSS),
  );
  r.get('/feedback/status', { schema: { hide: true, response: html200 } }, async (req, reply) =>
    send(reply, 200, frame(req, '查看办理情况', lookupPage())),
  );

  // POST, so the code stays out of addresses, logs and history; rate-limited against guessing
  r.post(
    '/feedback/status',
    {
      schema: {
        hide: true,
        body: z.object({ code: z.string().max(100).default('') }).catch({ code: '' }),
        response: html200,
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const code = normalReceiptCode(req.body.code);
      const f = code ? await findByReceipt(db, code) : undefined;
      if (!f)
        return send(
          reply,
          code ? 404 : 400,
          frame(
            req,
            '查看办理情况',
            lookupPage(
              code ? '未找到该查询码对应的事项，请核对后重新输入。' : '查询码应为16位字母和数字。',
              req.body.code,
            ),
          ),
        );
      // a merged duplicate shows the answer of the one it was handled with
      const shown = f.status === 'merged' && f.mergedInto ? ((await findFeedback(db, f.mergedInto)) ?? f) : f;
      return send(
        reply,
        200,
        frame(
          req,
          '办理情况',
          statusPage({
            receiptCode: f.receiptCode,
            kind: f.kind,
            status: shown.status === 'answered' ? 'answered' : f.status,
            bodyName: f.bodyName,
            powerName: f.powerName,
            receivedOn: cnDateOf(f.receivedAt),
            dueOn: cnDate(shown.dueOn),
            handledBy: f.routedTo === 'office' ? f.officeName : `${f.bodyName}（${ROUTED_LABELS.body}）`,
            decisionReason: f.decisionReason,
            answer: shown.answer,
            reasoning: shown.reasoning,
            outcome: shown.outcome,
            answeredOn: shown.answeredAt ? cnDateOf(shown.answeredAt) : null,
            mergedWith: f.status === 'merged' ? shown.receiptCode : null,
          }),
        ),
      );
    },
  );
}
