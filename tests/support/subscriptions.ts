/** A real graphql-ws subscriber of Subscription.requestEvents that records what it receives. */
import { createClient, type Client } from 'graphql-ws';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';
import {
  RequestEventFeedDocument,
  type RequestEventFeedSubscription,
  type RequestEventFeedSubscriptionVariables,
} from '../generated/graphql.js';

export type Received = RequestEventFeedSubscription['requestEvents'];

export interface Subscriber {
  events: Received[];
  /** Resolves with the subscription's error (an array of GraphQL errors), if it ends with one. */
  failed: Promise<{ message: string; extensions?: { code?: string } }[]>;
  /** Resolves once an event with this cursor (or a later one, by log order) was received. */
  reached(cursor: string, order: string[]): Promise<void>;
  /** Resolves once a received event satisfies `predicate` (signalled by the next handler, no polling). */
  waitFor(predicate: (event: Received) => boolean): Promise<void>;
  lastCursor(): string | null;
  close(): Promise<void>;
  client: Client;
}

export function subscribeEvents(wsUrl: string, variables: RequestEventFeedSubscriptionVariables = {}, token?: string): Subscriber {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  const events: Received[] = [];
  const listeners: (() => void)[] = [];
  let fail!: (errors: { message: string; extensions?: { code?: string } }[]) => void;
  const failed = new Promise<{ message: string; extensions?: { code?: string } }[]>((resolve) => (fail = resolve));
  client.subscribe<RequestEventFeedSubscription>(
    { query: RequestEventFeedDocument.toString(), variables },
    {
      next: (result) => {
        if (result.data) events.push(result.data.requestEvents);
        if (result.errors) fail(result.errors as never);
        for (const listener of listeners.splice(0)) listener();
      },
      error: (error) => {
        // graphql-ws reports GraphQL errors as an array, a closed socket as its close event.
        fail(
          Array.isArray(error) ? (error as GraphQLFormattedError[]) : [{ message: String((error as { reason?: string }).reason ?? error) }],
        );
        for (const listener of listeners.splice(0)) listener();
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    failed,
    client,
    lastCursor: () => events.at(-1)?.cursor ?? null,
    waitFor(predicate) {
      return new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`awaited event never came (got ${events.length} events)`)), 30_000);
        const check = () => {
          if (events.some(predicate)) {
            clearTimeout(deadline);
            resolve();
          } else listeners.push(check);
        };
        check();
      });
    },
    reached(cursor, order) {
      const target = order.indexOf(cursor);
      const done = () => events.some((e) => order.indexOf(e.cursor) >= target);
      return new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`subscriber did not reach ${cursor} (got ${events.length} events)`)), 30_000);
        const check = () => {
          if (done()) {
            clearTimeout(deadline);
            resolve();
          } else listeners.push(check);
        };
        check();
      });
    },
    async close() {
      await client.dispose();
    },
  };
}
