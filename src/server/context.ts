/**
 * The per-operation context: who is acting, a Db of its own (ORM fork and
 * DataLoaders, never shared between operations or events), and the process's
 * services. Modules see it through their own narrower type (modules/context.ts).
 */
import type { Config } from '../config.js';
import { openDb } from '../db/handle.js';
import type { Orm } from '../db/orm.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Context as ModuleContext } from '../modules/context.js';
import type { EventHub } from '../modules/events/event-hub.service.js';
import type { CredentialWatch } from '../modules/identity/credential-watch.service.js';
import type { AppError } from './errors.js';
import type { RateLimits } from './rate-limits.js';
import type { Metrics } from './metrics.js';

/** What lives as long as the process: shared by every context. */
export interface AppServices {
  config: Config;
  orm: Orm;
  log: Logger;
  /** The key that signs session tokens: SESSION_SECRET, or the one stored in the database. */
  sessionKey: Uint8Array;
  /** The time services write (the system clock in production). */
  clock: Clock;
  /** This process's live feed of the event log. */
  events: EventHub;
  /** Open sockets and the credentials they hold (closed on revocation or expiry). */
  credentials: CredentialWatch;
  /** Shared rate limits; null when RATE_LIMITS=false. */
  rateLimits: RateLimits | null;
  /** This instance's Prometheus metrics (GET /metrics). */
  metrics: Metrics;
}

export interface Context extends ModuleContext {
  app: AppServices;
  /**
   * Bad credentials do not fail the context (signUp and logIn ignore them); the
   * operation check in http.ts raises this unless the operation is one of those.
   */
  credentialsError: AppError | null;
}

export function createContext(app: AppServices, actor: Actor, credentialsError: AppError | null = null, address = ''): Context {
  return { app, actor, credentialsError, db: openDb(app.orm), address, listItems: 0 };
}
