/**
 * The one error type of gongkai. `code` is stable and machine-readable; `message` is Chinese and
 * shown to users as is. Outer layers map codes to exit codes (CLI) and HTTP statuses (server).
 */
export type AppErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_DATE'
  | 'CALENDAR_UNKNOWN'
  | 'CALENDAR_NOTICE_INVALID'
  | 'CALENDAR_RANGES_INVALID'
  | 'CALENDAR_YEAR_EXISTS'
  | 'INVALID_REPORT'
  | 'FILE_UNREADABLE'
  | 'UNSUPPORTED_FORMAT'
  | 'DOCUMENT_REFUSED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'TOO_MANY_REQUESTS'
  /** The database cannot be reached right now (restart, lost connection): retry shortly. */
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Optional structured detail for machines (field paths and the like); never personal data. */
  readonly details?: unknown;

  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
