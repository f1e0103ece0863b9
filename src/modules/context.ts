/**
 * What resolvers receive: who is acting, this operation's Db, and the
 * process-wide services modules may use. The server builds it (server/context.ts)
 * for each HTTP request, each WebSocket subscription and each delivered event.
 * Services never see it: resolvers pass them `ctx.db`, `ctx.actor` and input.
 */
import type { Config } from '../config.js';
import type { Db } from '../db/handle.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';

/** What lives as long as the process and modules may use. */
export interface ModuleServices {
  config: Config;
  log: Logger;
  /** The key that signs session tokens: SESSION_SECRET, or the one stored in the database. */
  sessionKey: Uint8Array;
  clock: Clock;
}

export interface Context {
  app: ModuleServices;
  actor: Actor;
  db: Db;
  /** The client's address (server/client-address.ts), for limits counted per address. */
  address: string;
  /** Items received from unpaginated lists so far (shared/cost.ts, MAX_LIST_ITEMS). */
  listItems: number;
}
