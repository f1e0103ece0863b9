/** Reading the event log and request lists through the public API, for the help-request tests. */
import { expect } from 'vitest';
import { dataOf, gql, type GraphQLResponse } from './client.js';
import {
  RequestEventPageDocument,
  RequestEventsHeadDocument,
  type RequestEventFilter,
  type RequestEventPageQuery,
} from '../generated/graphql.js';
import { encodeEventCursor } from '../../src/modules/event-log/event-feed.service.js';

export type EventPage = RequestEventPageQuery['requestEvents'];
export type EventNode = EventPage['edges'][number]['node'];

/** One page of requestEvents; fails the test on any error. */
export async function eventPage(
  url: string,
  variables: { filter?: RequestEventFilter | null; after?: string | null; first?: number | null },
  token?: string,
): Promise<EventPage> {
  return dataOf(await gql(url, RequestEventPageDocument, variables, token)).requestEvents;
}

/** Every event matching `filter` (from `after` on), walking the pages. */
export async function allEvents(
  url: string,
  filter?: RequestEventFilter | null,
  after: string | null = null,
  first = 100,
): Promise<EventNode[]> {
  const events: EventNode[] = [];
  let cursor = after;
  for (;;) {
    const page = await eventPage(url, { filter, after: cursor, first });
    for (const edge of page.edges) {
      expect(edge.cursor).toBe(edge.node.cursor);
      events.push(edge.node);
    }
    if (!page.pageInfo.hasNextPage) {
      if (page.edges.length > 0) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      return events;
    }
    expect(page.edges.length).toBe(first);
    cursor = page.pageInfo.endCursor;
  }
}

/** The types of the events of some requests, oldest first. */
export async function eventTypes(url: string, requestIds: string[]): Promise<string[]> {
  return (await allEvents(url, { requestIds })).map((event) => event.type);
}

/**
 * A cursor to subscribe from that misses nothing committed after this call:
 * requestEventsHead, or the start of an empty log. (Without `after`, a
 * subscription starts at whatever is newest when the server registers it.)
 */
export async function headCursor(url: string): Promise<string> {
  return dataOf(await gql(url, RequestEventsHeadDocument, {})).requestEventsHead ?? encodeEventCursor('0');
}

/** The extensions of the first error of a response. */
export const errorOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions;
