// Errors are typed codes: a stable code for programs, a Chinese message for people.
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'LOGIN_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'SESSION_EXPIRED'
  | 'CSRF_INVALID'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PASSWORD_POLICY'
  | 'RATE_LIMITED'
  | 'INVALID_STATE'
  | 'SELF_REVIEW'
  | 'DEADLINE'
  | 'IMPORT_INVALID'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA'
  | 'SHIPPED_YEAR_READONLY'
  | 'PREVIEW_REQUIRED'
  | 'DUPLICATE_UNRESOLVED'
  /** §13.1: the platform-update step without a reconciliation showing the changes on the regional platform */
  | 'PLATFORM_NOT_RECONCILED'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  SESSION_EXPIRED: 401,
  CSRF_INVALID: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PASSWORD_POLICY: 400,
  RATE_LIMITED: 429,
  INVALID_STATE: 409,
  SELF_REVIEW: 403,
  DEADLINE: 409,
  IMPORT_INVALID: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  SHIPPED_YEAR_READONLY: 409,
  PREVIEW_REQUIRED: 409,
  DUPLICATE_UNRESOLVED: 409,
  PLATFORM_NOT_RECONCILED: 409,
  INTERNAL: 500,
};

export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = '对象') => new AppError('NOT_FOUND', `${what}不存在或您无权查看`);
export const forbidden = (msg = '您没有执行此操作的权限') => new AppError('FORBIDDEN', msg);
