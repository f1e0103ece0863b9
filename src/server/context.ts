/**
 * The per-operation context: who is calling, an ORM fork of its own, and the
 * DataLoaders of this operation (never shared between operations or events).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import type { Logger } from '../shared/logger.js';
import type { Viewer } from '../modules/identity/viewer.js';
import type { AppError } from './errors.js';
import type { LoaderHost } from './loaders.js';
import type { EventHub } from '../modules/events/event-hub.service.js';
import type { CredentialWatch } from '../modules/identity/credential-watch.service.js';
import type { RateLimits } from './rate-limits.js';
import type { Metrics } from './metrics.js';

/** What lives as long as the process: shared by every context. */
export interface AppServices {
  config: Config;
  orm: Orm;
  log: Logger;
  /** The key that signs session tokens: SESSION_SECRET, or the one stored in the database. */
  sessionKey: Uint8Array;
  /** This process's live feed of the event log. */
  events: EventHub;
  /** Open sockets and the credentials they hold (closed on revocation or expiry). */
  credentials: CredentialWatch;
  /** Shared rate limits; null when RATE_LIMITS=false. */
  rateLimits: RateLimits | null;
  /** This instance's Prometheus metrics (GET /metrics). */
  metrics: Metrics;
}

export interface Context {
  app: AppServices;
  viewer: Viewer;
  /**
   * Bad credentials do not fail the context (signUp and logIn ignore them); the
   * operation check in http.ts raises this unless the operation is one of those.
   */
  credentialsError: AppError | null;
  em: EntityManager;
  loaders: LoaderHost['loaders'];
  /** The client's address (client-address.ts), for limits counted per address. */
  address: string;
  /** Items received from unpaginated lists so far (shared/cost.ts, MAX_LIST_ITEMS). */
  listItems: number;
}

export function createContext(app: AppServices, viewer: Viewer, credentialsError: AppError | null = null, address = ''): Context {
  return { app, viewer, credentialsError, em: app.orm.em.fork(), loaders: new Map(), address, listItems: 0 };
}
