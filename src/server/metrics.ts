/**
 * Prometheus metrics at GET /metrics (prom-client), one registry per server
 * instance. Labels are bounded by the schema and api.md's codes, never by what
 * a client chooses (no operation names, no ids).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type pg from 'pg';

export interface MetricsSources {
  /** The ORM's connection pool, for in-use and waiting connections. */
  pool: () => Promise<pg.Pool | null>;
  /** The newest position in the event log, and the last one this process dispatched. */
  eventLog: () => Promise<{ head: bigint; dispatched: bigint }>;
  /** Open sockets and the subscriptions they hold, on this instance. */
  sockets: () => { open: number; subscriptions: number };
}

export class Metrics {
  readonly registry = new Registry();

  readonly operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by operation type, root field and outcome (OK or the error code of api.md).',
    labelNames: ['type', 'field', 'code'] as const,
    registers: [this.registry],
  });

  readonly duration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time from receiving an HTTP GraphQL operation to sending its answer, by operation type.',
    labelNames: ['type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly eventsDelivered = new Counter({
    name: 'request_events_delivered_total',
    help: 'Events handed to live subscriptions by this instance.',
    registers: [this.registry],
  });

  readonly subscriptionExecutions = new Counter({
    name: 'graphql_subscription_executions_total',
    help: 'Executions of a subscription selection for a live event: once per event and group of subscribers with the same document, variables and view of the event (shared), or once per subscriber whose document reaches a rule that differs per caller (own).',
    labelNames: ['sharing'] as const,
    registers: [this.registry],
  });

  readonly subscriptionsDropped = new Counter({
    name: 'request_event_subscriptions_dropped_total',
    help: 'Subscriptions ended with SLOW_CONSUMER.',
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'rate_limit_refusals_total',
    help: 'Operations refused with RATE_LIMITED, by limit.',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  constructor(sources: MetricsSources) {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    new Gauge({
      name: 'graphql_ws_open_sockets',
      help: 'Open graphql-ws sockets on this instance.',
      registers,
      collect() {
        this.set(sources.sockets().open);
      },
    });
    new Gauge({
      name: 'graphql_ws_active_subscriptions',
      help: 'Active subscriptions on this instance.',
      registers,
      collect() {
        this.set(sources.sockets().subscriptions);
      },
    });
    new Gauge({
      name: 'db_pool_connections_in_use',
      help: 'Database connections of this instance serving a statement or transaction.',
      registers,
      async collect() {
        const pool = await sources.pool();
        this.set(pool ? pool.totalCount - pool.idleCount : 0);
      },
    });
    new Gauge({
      name: 'db_pool_waiting_requests',
      help: 'Operations of this instance waiting for a database connection.',
      registers,
      async collect() {
        this.set((await sources.pool())?.waitingCount ?? 0);
      },
    });
    new Gauge({
      name: 'request_event_log_lag',
      help: 'Positions between the newest event in the log and the last one this instance dispatched.',
      registers,
      async collect() {
        const { head, dispatched } = await sources.eventLog();
        this.set(Number(head > dispatched ? head - dispatched : 0n));
      },
    });
  }
}
