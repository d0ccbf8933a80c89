// One error handler: AppError → its status and code; schema failures → VALIDATION_FAILED with
// a Chinese message per field; anything unknown → 500 without internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from '../core/errors.js';
import { sendError } from './http.js';

const PART: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendError(reply, err);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details: ErrorDetail[] = err.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined,
      message: v.message ?? '格式不正确',
    }));
    const where = PART[err.validationContext ?? 'body'] ?? '请求';
    const first = details[0];
    const msg = `${where}不符合要求：${first?.field ? `${first.field} ` : ''}${first?.message ?? ''}`;
    return sendError(reply, new AppError('VALIDATION_FAILED', msg, details));
  }
  if (err.statusCode === 429) return sendError(reply, new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试'));
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, new AppError('UNSUPPORTED_MEDIA', '不支持的请求内容类型，请使用 JSON'));
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, new AppError('PAYLOAD_TOO_LARGE', '请求内容过大'));
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return sendError(reply, new AppError('VALIDATION_FAILED', `请求格式不正确：${err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? '请求内容为空' : 'JSON 无法解析'}`));
  req.log.error({ err }, 'unhandled error');
  return sendError(reply, new AppError('INTERNAL', '服务器内部错误，请稍后重试；如持续出现请联系系统管理员'));
}
