/**
 * The process log: JSON lines (pino), pretty when a person watches a terminal.
 *
 * What never reaches it (docs/limits.md): passwords or their hashes, API-key
 * secrets or their hashes, session tokens, and `contact`/`address` text. Most of
 * it is simply never logged; two things could carry it anyway and are handled
 * here once: errors from the database (their message, `detail` and statement
 * hold the values of the row: a database error is logged by SQL state,
 * constraint, table and column only) and objects that happen to hold such
 * fields (redacted by name).
 */
import { pino, stdSerializers, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Field names whose values are secrets or personal text, wherever they sit (two levels deep). */
const SECRET_FIELDS = ['password', 'passwordHash', 'token', 'secret', 'secretHash', 'authorization', 'contact', 'address'];
const REDACT = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

interface DatabaseErrorFields {
  code?: unknown;
  sqlState?: unknown;
  severity?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
}

/** An error raised by PostgreSQL (directly through pg, or wrapped by MikroORM): it has a SQLSTATE. */
function sqlStateOf(error: Error & DatabaseErrorFields): string | null {
  const state = typeof error.sqlState === 'string' ? error.sqlState : error.code;
  // Five characters, never starting with E: Node's own error codes (EPIPE, EPERM) are not SQL states.
  return typeof state === 'string' && /^(?!E)[0-9A-Z]{5}$/.test(state) ? state : null;
}

/**
 * Errors as pino writes them, minus what a database error carries of the data:
 * for those, only where it happened (SQL state, constraint, table, column) and
 * our own stack frames.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const fields = error as Error & DatabaseErrorFields;
  const sqlState = sqlStateOf(fields);
  if (sqlState === null) {
    const serialized = stdSerializers.err(error);
    return error.cause === undefined ? serialized : { ...serialized, cause: serializeError(error.cause) };
  }
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at '));
  return {
    type: error.name,
    message: `database error ${sqlState}`,
    sqlState,
    constraint: typeof fields.constraint === 'string' ? fields.constraint : undefined,
    table: typeof fields.table === 'string' ? fields.table : undefined,
    column: typeof fields.column === 'string' ? fields.column : undefined,
    stack: frames.join('\n'),
  };
}

export function createLogger(level: string): Logger {
  const pretty = process.stdout.isTTY && process.env.LOG_FORMAT !== 'json' && level !== 'silent';
  return pino({
    level,
    base: { pid: process.pid },
    serializers: { err: serializeError, error: serializeError },
    redact: { paths: REDACT, censor: '[redacted]' },
    transport: pretty ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } : undefined,
  });
}
