import type { AppErrorCode } from '../core/errors.ts';

/** The one table from error codes to HTTP statuses (STYLE.md habit 7). */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  INVALID_INPUT: 400,
  INVALID_DATE: 400,
  CALENDAR_UNKNOWN: 422,
  CALENDAR_NOTICE_INVALID: 400,
  CALENDAR_RANGES_INVALID: 400,
  CALENDAR_YEAR_EXISTS: 409,
  INVALID_REPORT: 422,
  FILE_UNREADABLE: 400,
  UNSUPPORTED_FORMAT: 415,
  DOCUMENT_REFUSED: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  TOO_MANY_REQUESTS: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Body of every error response: a stable code and a Chinese message. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}
