/**
 * The one error vocabulary and the one formatter, shared by HTTP and graphql-ws.
 * Expected failures are GraphQLErrors carrying exactly one `extensions.code`
 * from api.md ("Errors"); anything else is logged with its stack and reaches the
 * client as INTERNAL_SERVER_ERROR with a bland message.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../shared/logger.js';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/availability.js';
import { DomainError, ErrorCode } from '../shared/errors.js';

export { ErrorCode } from '../shared/errors.js';

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));
/** Apollo's own codes that api.md's list folds into BAD_REQUEST. */
const APOLLO_CODES: Record<string, ErrorCode> = {
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_REQUEST,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_REQUEST,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_REQUEST,
};
/** The only extensions besides `code` a client may see (api.md "Errors" and "Limits"). */
const PUBLIC_EXTENSIONS = ['field', 'remaining', 'retryAfter', 'limit', 'cost'] as const;

/**
 * An expected failure raised by the server itself (limits, transport, parsing):
 * a GraphQLError, as validation rules must report. Services throw DomainError
 * (shared/errors.ts); the formatter treats both alike.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** The header api.md asks for with every UNAUTHENTICATED answer over HTTP. */
export const AUTHENTICATE_CHALLENGE = 'Bearer';

/** 401 with a WWW-Authenticate challenge, as api.md asks for bad credentials. */
export function unauthenticated(message = 'Authentication required'): AppError {
  return new AppError('UNAUTHENTICATED', message, {
    http: { status: 401, headers: new Map([['www-authenticate', AUTHENTICATE_CHALLENGE]]) },
  });
}

export const INTERNAL_MESSAGE = 'Internal server error';

/** Whether a parse error is graphql-js refusing a document over the token limit (limits.ts, MAX_TOKENS; graphql 16 writes "more that"). */
export const isTooManyTokens = (message: string): boolean => /Document contains more th(?:at|an) \d+ tokens/.test(message);

/** The database cannot be reached: the client retries later (HTTP 503 with Retry-After over HTTP). */
export function serviceUnavailable(): AppError {
  return new AppError('SERVICE_UNAVAILABLE', 'The database cannot be reached right now: retry later', {
    retryAfter: RETRY_AFTER_SECONDS,
    http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
  });
}

/**
 * Decides what a client sees of an error. `formatted` is what graphql-js or
 * Apollo made of it; `error` is the thrown value. Only errors that are ours
 * (or the GraphQL layer's own parse, validation and coercion errors) keep their
 * message; everything else is masked and logged.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // Apollo re-wraps validation errors under its own code; a limit rule's own
  // code (QUERY_TOO_COMPLEX) sits on the innermost GraphQLError.
  let inner: unknown = error;
  while (inner instanceof GraphQLError && inner.originalError instanceof GraphQLError) inner = inner.originalError;
  const innerCode = inner instanceof GraphQLError ? inner.extensions.code : undefined;
  const rawCode = typeof innerCode === 'string' ? innerCode : formatted.extensions?.code;
  const mapped = typeof rawCode === 'string' ? (APOLLO_CODES[rawCode] ?? rawCode) : rawCode;
  // graphql-js reports a document over the token limit as a parse error; api.md counts it as too complex.
  const code = mapped === ErrorCode.GRAPHQL_PARSE_FAILED && isTooManyTokens(formatted.message) ? ErrorCode.QUERY_TOO_COMPLEX : mapped;
  const isExpected =
    typeof code === 'string' &&
    code !== ErrorCode.INTERNAL_SERVER_ERROR &&
    PUBLIC_CODES.has(code) &&
    (original instanceof GraphQLError || original instanceof DomainError);
  if (!isExpected && isDatabaseUnavailable(original)) {
    // Expected in an outage: not a bug, so not logged with a stack; the client retries.
    log.warn({ path: formatted.path }, 'database unavailable');
    const unavailable = serviceUnavailable();
    return {
      message: unavailable.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: RETRY_AFTER_SECONDS },
    };
  }
  if (isExpected) {
    const extensions: Record<string, unknown> = { code };
    for (const key of PUBLIC_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    // The token limit is reported by graphql-js's lexer as a syntax error; it is not one.
    const message = code === ErrorCode.QUERY_TOO_COMPLEX ? formatted.message.replace(/^Syntax Error: /, '') : formatted.message;
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  }
  log.error({ err: original instanceof Error ? original : new Error(String(original)), path: formatted.path }, 'unexpected error');
  return {
    message: INTERNAL_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
