/**
 * Domain errors: what services throw when an operation is refused. Each carries
 * exactly one code of api.md's list ("Errors") and, for input problems, the
 * path of the offending field relative to the service's input. The server's one
 * formatter turns them into `extensions.code` (and `field`, `remaining`, ...);
 * resolvers add their argument's prefix with `underField` (e.g. `input.`).
 * Services know nothing of GraphQL: this is a plain Error.
 */
export const ErrorCode = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CAPACITY_EXCEEDED: 'CAPACITY_EXCEEDED',
  ALREADY_CLAIMED: 'ALREADY_CLAIMED',
  REQUEST_NOT_OPEN: 'REQUEST_NOT_OPEN',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  SLOW_CONSUMER: 'SLOW_CONSUMER',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  SCHEDULE_CONFLICT: 'SCHEDULE_CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Extra facts a client may see besides code and field (api.md: `remaining` of CAPACITY_EXCEEDED, ...). */
export interface ErrorDetails {
  field?: string;
  remaining?: number;
  retryAfter?: number;
  limit?: number;
  cost?: number;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }

  get field(): string | undefined {
    return this.details.field;
  }

  /**
   * graphql-js copies an error's `extensions` onto the GraphQLError it wraps it
   * in; the server's formatter decides what of it a client sees.
   */
  get extensions(): Record<string, unknown> {
    return { ...this.details, code: this.code };
  }

  /** The same error with its field path under `prefix` (e.g. `slotId` becomes `input.slotId`). */
  under(prefix: string): DomainError {
    const field = this.details.field;
    if (field === undefined) return this;
    const message = this.message.startsWith(field) ? `${prefix}.${this.message}` : this.message;
    const moved = new DomainError(this.code, message, { ...this.details, field: `${prefix}.${field}` });
    moved.stack = this.stack;
    return moved;
  }
}

export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, { field });
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Authentication required') => new DomainError('UNAUTHENTICATED', message);

/** Runs a service call whose input is one argument named `prefix`: its field paths gain that prefix. */
export async function underField<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof DomainError ? error.under(prefix) : error;
  }
}

/** The message of anything thrown (an Error's message, or the value as text). */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Whether `value` is a plain object whose keys can be read (GraphQL variables, parsed JSON). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
