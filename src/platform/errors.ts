// One error handler: AppError → its status and code; schema failures → VALIDATION_FAILED with
// a Chinese message per field; anything unknown → 500 without internals. Refused attempts on
// protected actions are security events: each gets an audit row of its own (issue 9.8).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type ErrorDetail } from '../core/errors.js';
import { clientErrorOf, dropUnsendableHeaders } from './client-errors.js';
import { sendError } from './http.js';

const PART: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/** Refusals that are always an attempt at something not allowed (wrong role, own work, forged request). */
const REFUSALS = new Set<ErrorCode>(['FORBIDDEN', 'SELF_REVIEW', 'CSRF_INVALID', 'PASSWORD_CHANGE_REQUIRED']);
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Is this refusal a security event? Failed logins are audited by the login command itself. An
 * object of another body answers 404 (it is not shown to exist), so a signed-in user's write to
 * a 404 object counts too.
 */
function isSecurityEvent(e: AppError, req: FastifyRequest) {
  if (REFUSALS.has(e.code)) return true;
  return (
    e.code === 'NOT_FOUND' &&
    !!req.session &&
    WRITE.has(req.method) &&
    !!req.routeOptions.url &&
    req.url.startsWith('/api/')
  );
}

/** Writes the audit row of a refused request (the audit module's, handed in by server/app.ts). */
export type RecordRefusal = (e: AppError, req: FastifyRequest) => Promise<void>;

async function auditRefusal(record: RecordRefusal, e: AppError, req: FastifyRequest) {
  try {
    await record(e, req);
  } catch (err) {
    req.log.error({ err }, 'could not audit a refused request');
  }
}

export function errorHandler(recordRefusal: RecordRefusal) {
  return async function handle(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
    // issue 10.9: a header built from input must not turn the error answer itself into a 500
    dropUnsendableHeaders(reply);
    if (err instanceof AppError) {
      if (isSecurityEvent(err, req)) await auditRefusal(recordRefusal, err, req);
      return sendError(reply, err);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: ErrorDetail[] = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined,
        message: v.message ?? '格式不正确',
      }));
      const where = PART[err.validationContext ?? 'body'] ?? '请求';
      const first = details[0];
      // the message names the field in Chinese (core/zod-words.ts); the path stays in details for forms
      const msg = `${where}不符合要求：${first?.message ?? ''}`;
      return sendError(reply, new AppError('VALIDATION_FAILED', msg, details));
    }
    // issue 10.9: parser, header and database refusals of the request's data are 4xx, never 500
    const known = clientErrorOf(err);
    if (known) return sendError(reply, known);
    if (err.statusCode === 429) return sendError(reply, new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试'));
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendError(reply, new AppError('UNSUPPORTED_MEDIA', '不支持的请求内容类型，请使用 JSON'));
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(reply, new AppError('PAYLOAD_TOO_LARGE', '请求内容过大'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return sendError(
        reply,
        new AppError(
          'VALIDATION_FAILED',
          `请求格式不正确：${err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? '请求内容为空' : 'JSON 无法解析'}`,
        ),
      );
    req.log.error({ err }, 'unhandled error');
    return sendError(reply, new AppError('INTERNAL', '服务器内部错误，请稍后重试；如持续出现请联系系统管理员'));
  };
}
