/**
 * One error catalogue: a stable code, the HTTP status, a Chinese message for the user.
 * Domain code throws AppError; only the HTTP layer turns it into a response.
 */
export interface RuleRef {
  id: string;
  cite: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    rule?: RuleRef;
    details?: unknown;
  };
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly rule?: RuleRef,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.rule) error.rule = this.rule;
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

export const errors = {
  badRequest: (message: string, details?: unknown) => new AppError('BAD_REQUEST', 400, message, undefined, details),
  unauthenticated: (message = '请先登录') => new AppError('UNAUTHENTICATED', 401, message),
  forbidden: (message = '您没有执行此操作的权限') => new AppError('FORBIDDEN', 403, message),
  notFound: (what: string) => new AppError('NOT_FOUND', 404, `${what}不存在`),
  conflict: (message: string, details?: unknown) => new AppError('CONFLICT', 409, message, undefined, details),
  unprocessable: (code: string, message: string, details?: unknown) => new AppError(code, 422, message, undefined, details),
};
