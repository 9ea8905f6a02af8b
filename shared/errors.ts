/**
 * Error codes that cross the API boundary, and the envelope every method returns.
 * Messages are French and say what to do; `details` carries machine-readable context
 * (field paths for INVALID_INPUT, `{ conflicts }` for CONFLICT). RECOVERY_MODE: the database could not
 * be read safely at start, so only `system.status`, `backups.list` and `backups.restore` answer.
 * UNAUTHENTICATED: accounts exist and nobody is signed in (or the session expired): sign in again.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'CONFLICT',
  'NOT_FOUND',
  'INVALID_TRANSITION',
  'QUALIFICATION_MISSING',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RECOVERY_MODE',
  'UNKNOWN_METHOD',
  'INTERNAL',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ApiError {
  readonly code: ErrorCode
  readonly message: string
  readonly details?: unknown
}

export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError }

/** One invalid field, as reported in `details.issues` of an INVALID_INPUT error. */
export interface FieldIssue {
  /** Dotted path of the field in the input, e.g. `items.0.quantity`; empty for the whole input. */
  readonly path: string
  readonly message: string
}

/**
 * An expected failure of a domain rule. The dispatcher turns it into `{ ok: false, error }`;
 * anything else thrown becomes INTERNAL.
 */
export class DomainError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
}

/** Makes a missing `case` of an exhaustive `switch` a type error. */
export function assertNever(value: never): never {
  throw new Error(`Cas non prévu : ${String(value)}`)
}
