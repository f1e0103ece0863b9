/**
 * Whether an error means "the database cannot be reached right now" (api.md:
 * SERVICE_UNAVAILABLE, HTTP 503, retry later) rather than a bug: the server
 * down or restarting, refusing connections, the network between, or no
 * connection free within the pool's wait. Such a failure is the client's to
 * retry, not ours to log as an internal error.
 */

/** Seconds a client is told to wait before retrying (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

/** Node's network errors on the way to the database. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception),
 * shutting down or starting (57P01-57P03), too many connections (53300),
 * and a database that does not accept connections now (55000 at connect).
 */
const UNAVAILABLE_STATE = /^(08...|57P0[123]|53300|55000)$/;

/** What pg and its pool say when a connection breaks or cannot be had in time. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Connection terminated due to connection timeout|Client has encountered a connection error/;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const fields = current as Error & { code?: unknown; sqlState?: unknown };
    const code = typeof fields.sqlState === 'string' ? fields.sqlState : fields.code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATE.test(code))) return true;
    if (current.name === 'ConnectionException' || UNAVAILABLE_MESSAGE.test(current.message)) return true;
  }
  return false;
}
