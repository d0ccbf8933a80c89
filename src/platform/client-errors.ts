// Issue 10.9: errors that are the request's fault, whoever raised them (Fastify, a body parser,
// Node's header checks, the database's type checks), become a 4xx with a stable code and a
// Chinese message instead of a 500. Used by the API's and the portal's error handlers.
import type { FastifyReply } from 'fastify';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import { AppError } from '../core/errors.js';

/** Fastify's own request errors, by code. */
const FASTIFY: Record<string, () => AppError> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError('VALIDATION_FAILED', '请求格式不正确：请求内容为空'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('VALIDATION_FAILED', '请求格式不正确：JSON 无法解析'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AppError('VALIDATION_FAILED', '请求格式不正确：内容长度与声明不符'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError('PAYLOAD_TOO_LARGE', '请求内容过大'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new AppError('UNSUPPORTED_MEDIA', '不支持的请求内容类型，请使用 JSON'),
  FST_ERR_BAD_URL: () => new AppError('VALIDATION_FAILED', '网址格式不正确，请检查后重试'),
  FST_ERR_BAD_STATUS_CODE: () => new AppError('VALIDATION_FAILED', '请求无法处理，请检查后重试'),
};

/**
 * PostgreSQL refuses data the schemas let through (a value out of a column's range, a byte
 * sequence it cannot store): by SQLSTATE class. 22 data exception, 23 integrity constraint,
 * 54 program limit (e.g. a value too long for an index).
 */
function databaseError(err: { code?: unknown; severity?: unknown; constraint?: unknown }): AppError | null {
  const code = typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) ? err.code : null;
  if (!code || typeof err.severity !== 'string') return null;
  if (code === '23505') return new AppError('CONFLICT', '与已有记录重复，请检查后重试');
  if (code === '23503') return new AppError('VALIDATION_FAILED', '引用的对象不存在或已被删除，请检查后重试');
  if (code.startsWith('23')) return new AppError('VALIDATION_FAILED', '提交的内容不符合数据要求，请检查后重试');
  if (code.startsWith('22'))
    return new AppError('VALIDATION_FAILED', '提交的内容含有无法保存的字符或超出允许范围的数值，请检查后重试');
  if (code.startsWith('54')) return new AppError('VALIDATION_FAILED', '提交的内容过长，请精简后重试');
  return null;
}

/** The 4xx a non-AppError deserves, or null when it is the server's own fault (a real 500). */
export function clientErrorOf(err: unknown): AppError | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { code?: unknown; statusCode?: unknown; name?: unknown; severity?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (FASTIFY[code]) return FASTIFY[code]!();
  // a header built from input (a redirect's Location, a file name) that HTTP cannot carry
  if (
    code === 'ERR_INVALID_CHAR' ||
    code === 'ERR_HTTP_INVALID_HEADER_VALUE' ||
    code === 'ERR_INVALID_URL' ||
    e.name === 'URIError'
  )
    return new AppError('VALIDATION_FAILED', '请求中含有无法处理的字符，请检查后重试');
  const db = databaseError(e);
  if (db) return db;
  const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', '请求内容过大');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA', '不支持的请求内容类型');
  if (status === 429) return new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
  if (status >= 400 && status < 500) return new AppError('VALIDATION_FAILED', '请求格式不正确，请检查后重试');
  return null;
}

/**
 * A failed reply may already hold a header built from input that Node refuses to send (the
 * reason for the error, often): drop such headers, or the error answer itself fails as a 500.
 */
export function dropUnsendableHeaders(reply: FastifyReply) {
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    try {
      validateHeaderName(name);
      for (const v of [value].flat()) if (v !== undefined) validateHeaderValue(name, String(v));
    } catch {
      reply.removeHeader(name);
    }
  }
}
