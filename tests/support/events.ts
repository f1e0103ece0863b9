/** Reading the event log and request lists through the public API, for the help-request tests. */
import { expect } from 'vitest';
import { gql, type GraphQLResponse } from './client.js';

export interface EventNode {
  cursor: string;
  type: string;
  occurredAt: string;
  request: { id: string };
  claim: { id: string } | null;
  actor: { id: string } | null;
}

export const EVENTS = `query ($filter: RequestEventFilter, $after: String, $first: Int) {
  requestEvents(filter: $filter, after: $after, first: $first) {
    edges { cursor node { cursor type occurredAt request { id } claim { id } actor { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface EventPage {
  edges: { cursor: string; node: EventNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** One page of requestEvents; fails the test on any error. */
export async function eventPage(
  url: string,
  variables: { filter?: unknown; after?: string | null; first?: number | null },
  token?: string,
): Promise<EventPage> {
  const response = await gql(url, EVENTS, variables, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.requestEvents as EventPage;
}

/** Every event matching `filter` (from `after` on), walking the pages. */
export async function allEvents(url: string, filter?: unknown, after: string | null = null, first = 100): Promise<EventNode[]> {
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

/** The extensions of the first error of a response. */
export const errorOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions;

export const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateHelpRequestInput!) {
  updateHelpRequest(id: $id, expectedVersion: $v, input: $input) {
    id title description township address contact urgency startsAt endsAt status version
  }
}`;
export const CANCEL = `mutation ($id: ID!, $reason: String) {
  cancelHelpRequest(id: $id, reason: $reason) { id status closedAt cancelReason version postedAt }
}`;
export const COMPLETE = `mutation ($id: ID!, $b: Int!, $o: String) {
  completeHelpRequest(id: $id, beneficiaries: $b, outcome: $o) { id status closedAt beneficiaries outcome version postedAt }
}`;
