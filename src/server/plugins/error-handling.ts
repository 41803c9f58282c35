import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError } from '../../core/errors.ts';
import { isDatabaseUnavailable } from '../../store/db-errors.ts';
import { type ErrorBody, HTTP_STATUS } from '../http-errors.ts';

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: '请求内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: '不支持的请求内容类型',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_INPUT', message: '请求体为空，应为 JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_INPUT', message: '请求体不是有效的 JSON' },
};

/** What a client is told while the database cannot be reached; it may retry after DATABASE_RETRY_AFTER_SECONDS. */
export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂时不可用，请稍后重试';
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Every error leaves the server as { code, message } with a Chinese message. Validation errors
 * name the fields; 5xx never expose the internal message (it is logged instead). A lost or
 * refused database connection is a 503 DATABASE_UNAVAILABLE with Retry-After (the pool opens new
 * connections by itself: the next request succeeds once the database is back, no restart needed).
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status: number;
    let body: ErrorBody;
    if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      const fields = error.validation.map(
        (v) => `${v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '（请求）'}：${v.message}`,
      );
      body = {
        code: 'INVALID_INPUT',
        message: `请求参数有误：${fields.join('；')}`,
        details: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
      };
    } else if (isAppError(error)) {
      status = HTTP_STATUS[error.code];
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      body = {
        code: error.code,
        message: error.message,
        ...(error.details !== undefined ? { details: error.details } : {}),
      };
    } else if (isDatabaseUnavailable(error)) {
      status = HTTP_STATUS.DATABASE_UNAVAILABLE;
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      body = { code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE };
    } else if (error.code && FASTIFY_CODES[error.code]) {
      const known = FASTIFY_CODES[error.code]!;
      status = known.status;
      body = { code: known.code, message: known.message };
    } else if (error.statusCode && error.statusCode < 500) {
      status = error.statusCode;
      body = { code: 'INVALID_INPUT', message: '请求有误' };
    } else {
      status = 500;
      body = { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' };
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 500 && isAppError(error))
      body = { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' };
    void reply.status(status).send(body);
  });
}
