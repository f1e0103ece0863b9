/**
 * The live ticker's feed: the `requestEvents` subscription over graphql-ws on
 * this origin (ws(s)://host/graphql), anonymous unless a token was given
 * (sent in connection_init as {"authorization": "Bearer <token>"}, api.md
 * "Identity").
 *
 * No event is lost at a seam: the feed first reads `requestEventsHead` and
 * subscribes after it; after a dropped connection graphql-ws resubscribes with
 * the same payload object, whose `after` is kept at the last event received,
 * so the server replays what was missed. On a subscription error (SLOW_CONSUMER,
 * RATE_LIMITED) it starts again after the last event received.
 */
import { createClient, type Client } from 'graphql-ws/client';
import { ApiError, EVENTS_HEAD_QUERY, GRAPHQL_PATH, request, TICKER_SUBSCRIPTION, type Ticker, type TickerEvent } from './api';
import { TICKER_EVENT_TYPES } from './labels';

export type FeedState = 'connecting' | 'live' | 'reconnecting';

export interface FeedOptions {
  token: () => string | null;
  /** The credentials were refused (close code 4403 or UNAUTHENTICATED): drop them; the feed goes on anonymously. */
  onRefused: () => void;
  onEvent: (event: TickerEvent) => void;
  onState: (state: FeedState) => void;
}

interface Variables extends Record<string, unknown> {
  after: string | null;
  filter: { types: string[]; townships?: string[] };
}

const FORBIDDEN = 4403;
const RESTART_MS = 5_000;

function socketUrl(): string {
  const url = new URL(GRAPHQL_PATH, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

function isCloseEvent(value: unknown): value is { code: number } {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';
}

/** Whether a subscription's error (a list of GraphQL errors) carries `code`. */
function hasCode(error: unknown, code: string): boolean {
  if (!Array.isArray(error)) return false;
  return error.some((item: unknown) => {
    if (typeof item !== 'object' || item === null || !('extensions' in item)) return false;
    const { extensions } = item;
    return typeof extensions === 'object' && extensions !== null && 'code' in extensions && extensions.code === code;
  });
}

export class EventFeed {
  private client: Client | null = null;
  private stop: (() => void) | null = null;
  /** Bumped by every start: callbacks of an older subscription do nothing. */
  private generation = 0;
  private township: string | null = null;
  private lastCursor: string | null = null;
  private connected = false;
  /** Whether the open client was given a token. */
  private clientHasToken = false;

  constructor(private readonly options: FeedOptions) {}

  /** (Re)starts the feed for one township (null: the whole county), from now on. */
  async follow(township: string | null): Promise<void> {
    this.township = township;
    this.lastCursor = null;
    await this.start();
  }

  private connect(): Client {
    const token = this.options.token();
    this.clientHasToken = token !== null;
    const client = createClient({
      url: socketUrl(),
      lazy: true,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: Infinity,
      // 1, 2, 4, ... up to 30 s, with jitter: a wall screen waits out a restart or an outage.
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** retries) + Math.random() * 1000)),
      shouldRetry: (event) => !(isCloseEvent(event) && event.code === FORBIDDEN),
      on: {
        connected: () => {
          this.connected = true;
          if (this.client === client) this.options.onState('live');
        },
        closed: () => {
          this.connected = false;
          if (this.client === client) this.options.onState('reconnecting');
        },
      },
    });
    return client;
  }

  private async start(): Promise<void> {
    const generation = ++this.generation;
    this.stop?.();
    this.stop = null;
    this.options.onState('connecting');
    let after = this.lastCursor;
    if (after === null) {
      const token = this.options.token();
      try {
        after = (await request(EVENTS_HEAD_QUERY, {}, { token })).requestEventsHead;
      } catch (error) {
        if (generation !== this.generation) return;
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') this.refused(generation, token !== null);
        else this.retryLater(generation, RESTART_MS);
        return;
      }
    }
    if (generation !== this.generation) return;
    // From here on, a restart resumes after what was received (or after this head): no gap.
    this.lastCursor = after;
    this.client ??= this.connect();
    const variables: Variables = {
      after,
      filter: { types: TICKER_EVENT_TYPES, ...(this.township === null ? {} : { townships: [this.township] }) },
    };
    const payload = { query: TICKER_SUBSCRIPTION, variables };
    this.stop = this.client.subscribe<Ticker>(payload, {
      next: (result) => {
        if (generation !== this.generation) return;
        const event = result.data?.requestEvents;
        if (!event) return;
        // A resubscription after a dropped socket sends this same payload: it resumes here.
        variables.after = event.cursor;
        this.lastCursor = event.cursor;
        this.options.onEvent(event);
      },
      error: (error) => {
        if (generation !== this.generation) return;
        if (isCloseEvent(error) && error.code === FORBIDDEN) {
          this.refused(generation, this.clientHasToken);
          return;
        }
        // A cursor the server refuses (BAD_USER_INPUT) is not retried: start again from the head.
        if (hasCode(error, 'BAD_USER_INPUT')) this.lastCursor = null;
        this.retryLater(generation, RESTART_MS);
      },
      complete: () => undefined,
    });
    // On a socket already open, the subscription is under way now; otherwise `connected` says so.
    if (this.connected) this.options.onState('live');
  }

  /**
   * The credentials were refused: they are dropped, and the feed starts again
   * at once, anonymously (later if it was anonymous already: no busy loop).
   */
  private refused(generation: number, hadToken: boolean): void {
    this.options.onRefused();
    const client = this.client;
    this.client = null;
    this.connected = false;
    void client?.dispose();
    this.retryLater(generation, hadToken ? 0 : RESTART_MS);
  }

  private retryLater(generation: number, delay: number): void {
    this.options.onState('reconnecting');
    setTimeout(() => {
      if (generation === this.generation) void this.start();
    }, delay);
  }
}
