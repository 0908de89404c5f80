import type { ErrorCode } from '@domain/error-catalog';

/**
 * The one error type services throw. `code` is from the error catalog (the user's message),
 * `detail` is for developers and logs only, never shown.
 * @example throw new AppError('people.person_not_found', 404)
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export interface FieldError {
  field: string;
  code: ErrorCode | string;
  message: string;
}

export const notFound = (code: ErrorCode) => new AppError(code, 404);
