/**
 * Every environment variable the server reads, parsed and checked once.
 * A bad value is a ConfigError naming the variable; main.ts prints it as one
 * line and exits with code 1 (no stack trace: the operator needs the variable,
 * not our call stack).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import proxyaddr from 'proxy-addr';

/** Seconds per unit of a duration setting (s, m, h, d). */
const UNIT_SECONDS: Partial<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface Config {
  port: number;
  host: string;
  /** null: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  migrateOnStart: boolean;
  /** null: load demo data on the first embedded start only. */
  demoData: boolean | null;
  dbPoolSize: number;
  /** Named prepared statements per pooled connection (db/prepared-statements.ts); off for a pooler in transaction mode. */
  dbPreparedStatements: boolean;
  logLevel: string;
  sessionSecret: string | null;
  sessionTtlSeconds: number;
  adminEmail: string | null;
  adminPassword: string | null;
  expiryIntervalMs: number;
  maxSubscriberLag: number;
  statsTimeZone: string;
  shutdownTimeoutMs: number;
  /** How long a WebSocket may stay open without connection_init (then closed with 4408). */
  wsInitTimeoutMs: number;
  /** Subscriptions one socket may hold at once; one more gets RATE_LIMITED with `extensions.limit`. */
  wsMaxSubscriptionsPerSocket: number;
  /** Sockets one caller (user, API key, or address when anonymous) may hold on this instance; one more is closed with 1013. */
  wsMaxSocketsPerCaller: number;
  /** Which forwarded client address to believe (TRUST_PROXY); by default none, the socket's peer. */
  trustProxy: TrustProxy;
  /** Query cost limits (QUERY_MAX_COST, SUBSCRIPTION_MAX_COST: per event). */
  maxCost: { query: number; subscription: number };
  /** When set, GET /metrics wants `Authorization: Bearer <METRICS_TOKEN>`. */
  metricsToken: string | null;
  /** Rate limits, shared by every instance; null when RATE_LIMITS=false. */
  rateLimits: RateLimitsConfig | null;
  /** GRAPHQL_IDE: serve the GraphQL IDE at GET /graphql to browsers (default on). */
  graphqlIde: boolean;
  /** Diagnostics: answer each HTTP operation's SQL statement count in `x-sql-statements`. */
  sqlCountHeader: boolean;
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const value = raw.trim();
  return value === '' ? undefined : value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got '${raw}'`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${raw}`);
  return value;
}

function bool(env: Env, name: string): boolean | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got '${raw}'`);
}

function postgresUrl(env: Env, name: string): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a URL (expected postgres://user:password@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must use the postgres:// scheme, got '${url.protocol}'`);
  }
  if (url.pathname.length <= 1) throw new ConfigError(name, 'names no database (postgres://host/DATABASE)');
  return raw;
}

/** Durations as seconds, or with a unit: 90s, 15m, 12h, 7d. */
function duration(env: Env, name: string, fallbackSeconds: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallbackSeconds;
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(raw);
  if (!match) throw new ConfigError(name, `must be a duration such as 3600, 90m, 12h or 7d, got '${raw}'`);
  const [, amount, unit = 's'] = match;
  const seconds = Number(amount) * (UNIT_SECONDS[unit] ?? Number.NaN);
  if (seconds < 60 || seconds > 366 * 86400) throw new ConfigError(name, 'must be between 1 minute and 366 days');
  return seconds;
}

function timeZone(env: Env, name: string, fallback: string): string {
  const value = read(env, name) ?? fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new ConfigError(name, `is not an IANA time zone, got '${value}'`);
  }
  return value;
}

export function loadConfig(env: Env = process.env): Config {
  const sessionSecret = read(env, 'SESSION_SECRET') ?? null;
  if (sessionSecret !== null && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters');
  }
  const adminEmail = read(env, 'ADMIN_EMAIL') ?? null;
  const adminPassword = env.ADMIN_PASSWORD ?? null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError(adminEmail === null ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD', 'ADMIN_EMAIL and ADMIN_PASSWORD go together');
  }
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: read(env, 'HOST') ?? '0.0.0.0',
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    dataDir: path.resolve(read(env, 'DATA_DIR') ?? '.data'),
    migrateOnStart: bool(env, 'MIGRATE_ON_START') ?? true,
    demoData: bool(env, 'DEMO_DATA'),
    dbPoolSize: int(env, 'DB_POOL_SIZE', Math.max(4, 2 * availableParallelism()), 1, 200),
    dbPreparedStatements: bool(env, 'DB_PREPARED_STATEMENTS') ?? true,
    logLevel: logLevel(env),
    sessionSecret,
    sessionTtlSeconds: duration(env, 'SESSION_TTL', 7 * 86400),
    adminEmail,
    adminPassword,
    expiryIntervalMs: int(env, 'EXPIRY_INTERVAL_MS', 60_000, 100, 86_400_000),
    maxSubscriberLag: int(env, 'MAX_SUBSCRIBER_LAG', 1000, 1, 1_000_000),
    statsTimeZone: timeZone(env, 'STATS_TIME_ZONE', 'Asia/Shanghai'),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    sqlCountHeader: bool(env, 'SQL_COUNT_HEADER') ?? false,
    wsInitTimeoutMs: int(env, 'WS_INIT_TIMEOUT_MS', 10_000, 100, 600_000),
    wsMaxSubscriptionsPerSocket: int(env, 'WS_MAX_SUBSCRIPTIONS_PER_SOCKET', 50, 1, 10_000),
    wsMaxSocketsPerCaller: int(env, 'WS_MAX_SOCKETS_PER_CALLER', 20, 1, 100_000),
    trustProxy: trustProxy(env),
    rateLimits: bool(env, 'RATE_LIMITS') === false ? null : rateLimits(env),
    metricsToken: read(env, 'METRICS_TOKEN') ?? null,
    graphqlIde: bool(env, 'GRAPHQL_IDE') ?? true,
    maxCost: {
      query: int(env, 'QUERY_MAX_COST', DEFAULT_MAX_COST, 1, 100_000_000),
      subscription: int(env, 'SUBSCRIPTION_MAX_COST', DEFAULT_MAX_SUBSCRIPTION_COST, 1, 100_000_000),
    },
  };
}

/** A budget of `points` per `seconds`, shared across instances. */
export interface Budget {
  points: number;
  seconds: number;
}

export interface RateLimitsConfig {
  /** logIn attempts per (e-mail, client address). */
  logInPerAccount: Budget;
  /** logIn attempts per client address, whatever the e-mail. */
  logInPerAddress: Budget;
  /** signUps per client address. */
  signUpPerAddress: Budget;
  /** Executed mutation fields per caller (user, API key, or address when anonymous). */
  mutationsPerCaller: Budget;
}

function rateLimits(env: Env): RateLimitsConfig {
  return {
    logInPerAccount: budget(env, 'RATE_LIMIT_LOGIN_ACCOUNT', '10/15m'),
    logInPerAddress: budget(env, 'RATE_LIMIT_LOGIN_ADDRESS', '100/15m'),
    signUpPerAddress: budget(env, 'RATE_LIMIT_SIGNUP_ADDRESS', '20/1h'),
    mutationsPerCaller: budget(env, 'RATE_LIMIT_MUTATIONS', '600/1m'),
  };
}

/** "points/duration": 10/15m, 600/1m, 3/2s. */
function budget(env: Env, name: string, fallback: string): Budget {
  const raw = read(env, name) ?? fallback;
  const match = /^(\d+)\s*\/\s*(\d+)\s*(s|m|h)$/.exec(raw);
  const points = Number(match?.[1]);
  const seconds = Number(match?.[2]) * (UNIT_SECONDS[match?.[3] ?? 's'] ?? Number.NaN);
  if (!match || points < 1 || points > 1_000_000 || seconds < 1 || seconds > 86_400) {
    throw new ConfigError(name, `must be points per duration such as 10/15m, 600/1m or 3/2s (up to 24h), got '${raw}'`);
  }
  return { points, seconds };
}

function trustProxy(env: Env): TrustProxy {
  const value = read(env, 'TRUST_PROXY');
  if (value === undefined) return TRUST_NONE;
  try {
    return parseTrustProxy(value);
  } catch (error) {
    throw new ConfigError('TRUST_PROXY', `${error instanceof Error ? error.message : String(error)}, got '${value}'`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(env: Env): string {
  const value = read(env, 'LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(value)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  return value;
}

/** Defaults of QUERY_MAX_COST and SUBSCRIPTION_MAX_COST (docs/limits.md; server/cost.ts). */
export const DEFAULT_MAX_COST = 100_000;
export const DEFAULT_MAX_SUBSCRIPTION_COST = 1_000;

/** Which forwarded addresses to believe (TRUST_PROXY; server/client-address.ts). */
export type TrustProxy = (address: string, hop: number) => boolean;

/** Trusts nothing: the socket's own peer address. */
export const TRUST_NONE: TrustProxy = () => false;

/** Parses TRUST_PROXY (checked once, at start); throws on anything else. */
export function parseTrustProxy(value: string): TrustProxy {
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  const list = value.split(',').map((part) => part.trim());
  if (list.some((part) => part === '' || /^(all|true|\*)$/i.test(part)))
    throw new Error('must be a hop count or a list of addresses and CIDRs');
  return proxyaddr.compile(list);
}
