/**
 * Live delivery of the event log, one hub per process (events.md, "Delivery").
 *
 * - One LISTEN connection per process (a plain pg client: the ORM's pool cannot
 *   hold one). NOTIFY only wakes the hub up; the request_event table is the
 *   truth. The hub reads everything after the last position it dispatched, so a
 *   lost connection or notification loses nothing: after reconnecting it simply
 *   reads on from there.
 * - Each event is read once per process and resolved with one fresh ORM fork and
 *   one loader set shared by all its subscribers; per subscriber only the filter
 *   (matched in memory on the attributes stored with the event) differs, and
 *   what the subscriber may see of the event. The transport keeps, with each
 *   delivery, the answers it computed for it (`Delivery.results`), so
 *   subscribers that asked the same and may see the same share one execution
 *   (server/ws-delivery.ts).
 * - Subscribing with `after` replays from the table, then goes live: live events
 *   that arrive during the replay are buffered, and anything at or below the
 *   last position handed to the subscriber is dropped, so the seam has no gap and
 *   no duplicate.
 * - A subscriber with more than MAX_SUBSCRIBER_LAG events waiting gets
 *   SLOW_CONSUMER and its subscription ends; the others go on.
 */
import pg from 'pg';
import type { Config } from '../../config.js';
import { openDb, type Db } from '../../db/handle.js';
import type { Orm } from '../../db/orm.js';
import { listen } from '../../db/raw.js';
import type { Actor } from '../../shared/actor.js';
import { DomainError, unauthenticated } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { mustExist } from '../../shared/must-exist.js';
import { EVENTS_CHANNEL, isRevoked, readRevocations, type Revocation } from '../event-log/event-log.service.js';
import {
  ALL_EVENTS,
  eventMatches,
  headPosition,
  readEvents,
  refuseCursorAhead,
  type EventFilter,
  type RequestEventRow,
} from '../event-log/event-feed.service.js';
import type { CredentialWatch } from '../identity/credential-watch.service.js';

const BATCH = 500;
const REPLAY_BATCH = 100;

/**
 * What resolving one event needs, shared by every subscriber of this process:
 * one Db (ORM fork and loaders) per event.
 */
export type SharedResolution = Db;

export interface Delivery {
  event: RequestEventRow;
  shared: SharedResolution;
  /**
   * What was computed from this event for its subscribers in this process, by
   * a key of the caller's choosing; lives as long as the delivery. A replayed
   * event has a delivery (and results) of its own per subscriber.
   */
  readonly results: Map<string, unknown>;
}

/** What the hub reports for metrics (server/metrics.ts). */
export interface HubObserver {
  delivered(): void;
  dropped(): void;
}

interface HubDeps {
  config: Config;
  credentials: CredentialWatch;
  orm: Orm;
  log: Logger;
  databaseUrl: string;
  observer?: HubObserver;
}

export class EventHub {
  private listener: pg.Client | null = null;
  private lastPosition = 0n;
  private readonly subscribers = new Set<EventSubscription>();
  private fetching: Promise<void> | null = null;
  private fetchAgain = false;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private safetyTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: HubDeps) {}

  async start(): Promise<void> {
    this.lastPosition = BigInt((await headPosition(this.openDb())) ?? '0');
    await this.connect();
    // A safety net only: LISTEN is reliable while connected, and reconnection re-reads.
    this.safetyTimer = setInterval(() => {
      this.wake();
    }, 5_000);
    this.safetyTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.safetyTimer);
    for (const subscriber of this.subscribers) subscriber.end();
    await this.listener?.end().catch(() => undefined);
    await this.fetching;
  }

  /** The last log position this process dispatched to its subscribers. */
  get dispatchedPosition(): bigint {
    return this.lastPosition;
  }

  get observer(): HubObserver | undefined {
    return this.deps.observer;
  }

  /** A Db of its own for one read or one delivered event. */
  openDb(): Db {
    return openDb(this.deps.orm);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.deps.databaseUrl, application_name: 'mutual-aid-listen' });
    client.on('notification', () => {
      this.wake();
    });
    client.on('error', (error) => {
      this.deps.log.warn({ err: error }, 'LISTEN connection error');
    });
    client.on('end', () => {
      if (this.listener === client) this.listener = null;
      if (!this.stopped) this.scheduleReconnect();
    });
    try {
      await client.connect();
      await listen(client, EVENTS_CHANNEL);
      this.listener = client;
      this.wake(); // catch up on whatever committed while we were not listening
    } catch (error) {
      this.deps.log.warn({ err: error }, 'LISTEN connection failed; retrying');
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, 200);
  }

  /** Something may have committed: read on from the last dispatched position. */
  wake(): void {
    if (this.stopped) return;
    if (this.fetching) {
      this.fetchAgain = true;
      return;
    }
    this.fetching = this.fetchLoop().finally(() => (this.fetching = null));
  }

  private async fetchLoop(): Promise<void> {
    do {
      this.fetchAgain = false;
      try {
        for (;;) {
          const db = this.openDb();
          const after = this.lastPosition.toString();
          const events = await readEvents(db, ALL_EVENTS, after, BATCH);
          // Read after the events: a revocation that committed before any of them
          // holds a lower position (one lock orders both) and is visible by now.
          const revocations = await readRevocations(db.em, after);
          this.dispatchInOrder(events, revocations, events.length === BATCH);
          if (events.length < BATCH) break;
        }
      } catch (error) {
        this.deps.log.error({ err: error }, 'reading the event log failed; retrying');
        this.fetchAgain = true;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } while (this.fetchAgain && !this.stopped);
  }

  /**
   * Events and revocations in position order: a socket whose credential is
   * revoked at position R gets the events below R and is closed before any
   * above it is handed out. With a full batch, revocations past its last event
   * wait for the next read, so events between the two still reach their sockets.
   */
  private dispatchInOrder(events: RequestEventRow[], revocations: Revocation[], batchFull: boolean): void {
    const lastEvent = events.length > 0 ? BigInt(mustExist(events.at(-1), 'the last event').position) : null;
    let next = 0;
    for (const revocation of revocations) {
      const position = BigInt(revocation.position);
      if (batchFull && lastEvent !== null && position > lastEvent) break;
      const before = next;
      while (next < events.length && BigInt(mustExist(events[next], 'an event').position) < position) next += 1;
      if (next > before) this.dispatch(events.slice(before, next));
      this.deps.credentials.revoke(revocation.kind, revocation.subjectId);
      if (position > this.lastPosition) this.lastPosition = position;
    }
    if (next < events.length) this.dispatch(events.slice(next));
  }

  private dispatch(events: RequestEventRow[]): void {
    // The shared resolution of an event is made on first use: events nobody
    // here subscribes to cost no ORM fork.
    const open = () => this.openDb();
    const deliveries = events.map((event): Delivery => {
      let shared: SharedResolution | undefined;
      let results: Map<string, unknown> | undefined;
      return {
        event,
        get shared() {
          return (shared ??= open());
        },
        get results() {
          return (results ??= new Map());
        },
      };
    });
    for (const subscriber of this.subscribers) subscriber.offer(deliveries);
    const last = BigInt(mustExist(events.at(-1), 'the last event of a non-empty batch').position);
    if (last > this.lastPosition) this.lastPosition = last;
  }

  /**
   * A subscription from `after` (a position; null: from the newest event
   * committed now, exclusive). It is registered before its replay starts, so
   * nothing that commits meanwhile can slip between replay and live.
   */
  async subscribe(
    filter: EventFilter,
    after: string | null,
    actor: Actor,
    onDelivery: (shared: SharedResolution) => void,
  ): Promise<EventSubscription> {
    if (after !== null && after !== '0') await refuseCursorAhead(this.openDb(), after, 'after');
    const start = after ?? (await headPosition(this.openDb())) ?? '0';
    const holder = { actor, credentials: this.deps.credentials };
    const subscription = new EventSubscription(this, filter, BigInt(start), this.deps.config.maxSubscriberLag, holder, onDelivery);
    this.subscribers.add(subscription);
    return subscription;
  }

  unregister(subscription: EventSubscription): void {
    this.subscribers.delete(subscription);
  }
}

/** One subscriber's stream: replay from the table first, then live deliveries. */
export class EventSubscription implements AsyncIterableIterator<RequestEventRow> {
  private readonly queue: Delivery[] = [];
  /** Live deliveries that arrived while replaying. */
  private readonly buffer: Delivery[] = [];
  private replaying = true;
  private failure: DomainError | null = null;
  private done = false;
  private wakeConsumer: (() => void) | null = null;

  constructor(
    private readonly hub: EventHub,
    private readonly filter: EventFilter,
    /** The last position handed to this subscriber (or its starting point). */
    private delivered: bigint,
    private readonly maxLag: number,
    /** Whose subscription this is: nothing reaches it once that credential is revoked or expired. */
    private readonly holder: { actor: Actor; credentials: CredentialWatch },
    private readonly onDelivery: (shared: SharedResolution) => void,
  ) {}

  /** Called by the hub with each batch it read, in position order. */
  offer(deliveries: Delivery[]): void {
    if (this.done || this.failure) return;
    if (!this.holder.credentials.isValid(this.holder.actor)) {
      this.fail(unauthenticated('The credentials of this subscription were revoked or have expired'));
      this.wakeConsumer?.();
      return;
    }
    const matching = deliveries.filter((d) => eventMatches(this.filter, d.event));
    if (matching.length === 0) return;
    if (this.replaying) this.buffer.push(...matching);
    else this.enqueue(matching);
    // Waiting means live events not yet pulled; replayed ones are read on demand.
    if ((this.replaying ? this.buffer.length : this.queue.length) > this.maxLag) {
      this.fail(
        new DomainError('SLOW_CONSUMER', `More than ${this.maxLag} events were waiting: resubscribe with your last cursor as after`),
      );
      this.hub.observer?.dropped();
    }
    this.wakeConsumer?.();
  }

  private enqueue(deliveries: Delivery[]): void {
    for (const delivery of deliveries) {
      const position = BigInt(delivery.event.position);
      if (position <= this.delivered) continue; // already replayed: the seam's duplicate
      this.queue.push(delivery);
      this.delivered = position;
    }
  }

  private fail(error: DomainError): void {
    this.failure = error;
    this.queue.length = 0;
    this.buffer.length = 0;
    this.hub.unregister(this);
  }

  /** Ends the stream (server shutdown). */
  end(): void {
    this.done = true;
    this.hub.unregister(this);
    this.wakeConsumer?.();
  }

  private async replayBatch(): Promise<void> {
    const shared = this.hub.openDb();
    const events = await readEvents(shared, this.filter, this.delivered.toString(), REPLAY_BATCH);
    // The replay reads the table directly, maybe ahead of this process's hub, so
    // it asks the table too whether this subscription's credential was revoked.
    if (await isRevoked(shared.em, this.holder.actor)) {
      this.fail(unauthenticated('The credentials of this subscription were revoked'));
      return;
    }
    this.enqueue(events.map((event) => ({ event, shared, results: new Map<string, unknown>() })));
    if (events.length < REPLAY_BATCH) {
      // Caught up with the table: whatever the hub delivered meanwhile follows,
      // minus what the replay already handed over.
      this.replaying = false;
      this.enqueue(this.buffer.splice(0));
    }
  }

  /** The holder of this subscription, as authenticated. */
  get actor(): Actor {
    return this.holder.actor;
  }

  async next(): Promise<IteratorResult<RequestEventRow>> {
    const delivery = await this.nextDelivery();
    return delivery ? { value: delivery.event, done: false } : { value: undefined, done: true };
  }

  /**
   * The next event with what it is shared with (its Db and results), in order;
   * null once the stream ended. Throws the subscription's failure
   * (SLOW_CONSUMER, revoked credentials), once.
   */
  async nextDelivery(): Promise<Delivery | null> {
    for (;;) {
      if (this.failure) {
        const failure = this.failure;
        this.done = true;
        this.failure = null;
        throw failure;
      }
      const delivery = this.queue.shift();
      if (delivery) {
        this.hub.observer?.delivered();
        this.onDelivery(delivery.shared);
        return delivery;
      }
      if (this.done) return null;
      if (this.replaying) {
        await this.replayBatch();
        continue;
      }
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
      this.wakeConsumer = null;
    }
  }

  async return(): Promise<IteratorResult<RequestEventRow>> {
    this.end();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
