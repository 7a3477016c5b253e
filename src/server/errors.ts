import type { FieldError } from '../validation/field-errors.ts';

/**
 * The catalogue of error codes the API answers with. Domain code throws `LoketError` with a
 * code; only the error plugin at the edge knows HTTP statuses (STYLE.md, convention 2).
 */
export const ERROR_STATUS = {
  LOKET_VALIDATION_FAILED: 400,
  LOKET_UNAUTHENTICATED: 401,
  LOKET_INVALID_CREDENTIALS: 401,
  LOKET_WORKER_CODE_INVALID: 401,
  LOKET_DESK_CODE_INVALID: 401,
  LOKET_FORBIDDEN: 403,
  LOKET_CSRF: 403,
  LOKET_PARTNER_INACTIVE: 403,
  LOKET_NOT_FOUND: 404,
  LOKET_METHOD_NOT_ALLOWED: 405,
  LOKET_ILLEGAL_TRANSITION: 409,
  LOKET_VERSION_CONFLICT: 409,
  LOKET_IDEMPOTENCY_CONFLICT: 409,
  LOKET_PAYLOAD_TOO_LARGE: 413,
  LOKET_UNSUPPORTED_MEDIA_TYPE: 415,
  LOKET_RATE_LIMITED: 429,
  LOKET_INTERNAL: 500,
  LOKET_DATABASE_UNAVAILABLE: 503,
  LOKET_BUSY: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class LoketError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.name = 'LoketError';
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; requestId: string; fields?: FieldError[] };
}
