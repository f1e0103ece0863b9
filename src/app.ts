/**
 * One server instance: database, start-up work, schema, HTTP and WebSocket on
 * one port. main.ts runs it from the command line; tests run it in-process.
 */
import { createServer } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ConfigError, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate, withStartupLock } from './db/startup.js';
import { buildSchema } from './server/build-schema.js';
import type { AppServices, Context } from './server/context.js';
import { createHttp } from './server/http.js';
import { createWs, type WsParts } from './server/ws.js';
import type { Logger } from './shared/logger.js';
import { openDb } from './db/handle.js';
import { entities } from './modules/tables.js';
import { isEmpty, loadDemoData } from './modules/demo/demo-data.js';
import { loadSessionKey } from './modules/identity/session.service.js';
import { ensureAdministrator } from './modules/identity/user.service.js';
import { startExpiry } from './modules/help-requests/expiry.service.js';
import { EventHub } from './modules/events/event-hub.service.js';
import { CredentialWatch } from './modules/identity/credential-watch.service.js';
import { RateLimits } from './server/rate-limits.js';
import { Metrics } from './server/metrics.js';
import { headPosition } from './modules/event-log/event-feed.service.js';
import { SYSTEM } from './shared/actor.js';
import { DomainError } from './shared/errors.js';
import { systemClock } from './shared/clock.js';

export interface App {
  url: string;
  port: number;
  services: AppServices;
  db: Database;
  /** Graceful: stop accepting, close sockets with 1001, finish in-flight requests, close the database. */
  stop(): Promise<void>;
}

export async function startApp(config: Config, log: Logger): Promise<App> {
  const db = await openDatabase(config, log, { entities });
  try {
    return await serve(config, log, db);
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * What must run once however many instances start together; the caller holds
 * the start-up lock. Answers whether this was the database's first start: it is
 * decided before any step writes (the administrator would make it look used).
 */
async function startupWork(config: Config, log: Logger, db: Database): Promise<boolean> {
  if (config.migrateOnStart) await migrate(db.orm, log);
  const firstStart = await isEmpty(openDb(db.orm));
  if (config.adminEmail && config.adminPassword) {
    const outcome = await ensureAdministrator(openDb(db.orm), SYSTEM, { email: config.adminEmail, password: config.adminPassword }).catch(
      (error: unknown) => {
        // The service names its input's fields; at start-up they are settings.
        if (error instanceof DomainError && error.field) {
          throw new ConfigError(error.field === 'password' ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL', error.message.replace(/^\w+ /, ''));
        }
        throw error;
      },
    );
    if (outcome !== 'unchanged') log.info({ email: config.adminEmail }, `administrator ${outcome}`);
  }
  return firstStart;
}

async function serve(config: Config, log: Logger, db: Database): Promise<App> {
  const firstStart = await withStartupLock(db.url, () => startupWork(config, log, db));
  const credentials = new CredentialWatch();
  let ws: WsParts | null = null; // made below; read only when metrics are scraped
  const metrics: Metrics = new Metrics({
    pool: () => db.orm.em.getConnection().getNativeClient(),
    eventLog: async () => ({ head: BigInt((await headPosition(openDb(db.orm))) ?? '0'), dispatched: events.dispatchedPosition }),
    sockets: () => ws?.stats() ?? { open: 0, subscriptions: 0 },
  });
  const observer = {
    delivered: () => {
      metrics.eventsDelivered.inc();
    },
    dropped: () => {
      metrics.subscriptionsDropped.inc();
    },
  };
  const events = new EventHub({ config, orm: db.orm, log, databaseUrl: db.url, credentials, observer });
  const sessionKey = await loadSessionKey(openDb(db.orm), config.sessionSecret);
  const rateLimits = config.rateLimits
    ? new RateLimits(db.url, config.rateLimits, (limit) => {
        metrics.rateLimited.inc({ limit });
      })
    : null;
  const services: AppServices = { config, orm: db.orm, log, sessionKey, clock: systemClock, events, credentials, rateLimits, metrics };
  // Demo data: DEMO_DATA=true loads it (once) anywhere; unset, only into a fresh embedded database.
  await withStartupLock(db.url, async () => {
    const wanted = config.demoData ?? (db.embedded && firstStart);
    if (wanted && (await loadDemoData(db.orm, services.clock))) log.info('demo data loaded (see docs/demo-data.md)');
  });

  await events.start();
  const schema = await buildSchema();
  const server = createServer();
  ws = createWs(services, schema, server);
  const sockets = ws;
  const wsDrain: ApolloServerPlugin<Context> = {
    async serverWillStart() {
      return { drainServer: () => sockets.close() };
    },
  };
  const expiry = startExpiry({ orm: db.orm, log, intervalMs: config.expiryIntervalMs });
  const { app, apollo } = await createHttp(services, schema, server, [wsDrain]);
  server.on('request', app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    services,
    db,
    stop: () =>
      (stopping ??= (async () => {
        await apollo.stop(); // drains HTTP (in-flight requests get their grace period) and WebSockets
        await expiry.stop();
        await services.events.stop();
        await services.rateLimits?.close();
        await db.close();
      })()),
  };
}
