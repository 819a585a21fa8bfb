/**
 * Every failure a user can meet carries a stable code (for code and tests) and one
 * sentence a reviewer understands (for the screen). Nothing else crosses a layer:
 * never a stack trace, never a driver message.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'NOTHING_TO_UNDO',
  'DUPLICATE',
  'DATABASE_CORRUPT',
  'DATABASE_TOO_NEW',
  'DATABASE_MISSING',
  'ALREADY_OPEN',
  'IO_ERROR',
  'LEAK_DETECTED',
  'UNKNOWN_OPERATION',
  'FORBIDDEN_SENDER',
  'UNREACHABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Structured detail for the UI (e.g. the leak report); always JSON-safe. */
  details?: unknown;
}

export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
