/** Talking to a test server the way a client does: fetch over HTTP, graphql-ws over WebSocket. */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { expect } from 'vitest';
import type { TypedDocumentString } from '../generated/graphql.js';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: GraphQLError[] };
}

/**
 * Sends a typed document from tests/operations or examples/operations (see
 * codegen.ts): its variables are checked by tsc and its result is typed.
 */
export function gql<R, V>(url: string, document: TypedDocumentString<R, V>, variables: V, token?: string): Promise<GraphQLResponse<R>> {
  return post<R>(url, document.toString(), variables, token);
}

/**
 * Sends any text: malformed, hostile or deliberately ill-typed operations, for
 * tests of what the server refuses. Their data is not typed: a test that reads
 * data sends a typed document instead.
 */
export function send(url: string, query: string, variables?: unknown, token?: string): Promise<GraphQLResponse<unknown>> {
  return post<unknown>(url, query, variables, token);
}

/** The data of a response that must have succeeded; fails the test (with the errors) otherwise. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data).toBeTruthy();
  return response.body.data!;
}

async function post<R>(url: string, query: string, variables: unknown, token: string | undefined): Promise<GraphQLResponse<R>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<R>['body'] };
}

/** The codes of the errors of a response, in order. */
export function codes(response: GraphQLResponse<unknown>): string[] {
  return (response.body.errors ?? []).map((error) => String(error.extensions?.code));
}

export interface WsConnection {
  client: Client;
  /** Resolves once the server acknowledged connection_init. */
  connected: Promise<void>;
  /** Resolves with the close code once the socket closes. */
  closed: Promise<number>;
}

/** A graphql-ws client; `params` replaces the connection_init payload built from `token`. */
export function wsConnect(wsUrl: string, token?: string, params?: Record<string, unknown>): WsConnection {
  let onClosed!: (code: number) => void;
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  let onConnected!: () => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: params ?? (token ? { authorization: `Bearer ${token}` } : {}),
    on: { closed: (event) => onClosed((event as { code: number }).code), connected: () => onConnected() },
    onNonLazyError: () => undefined,
  });
  return { client, connected, closed };
}

export interface WsResult<R> {
  /** Every `next` payload, in order. */
  results: { data?: R | null; errors?: GraphQLError[] }[];
  /** What `error` received, if the operation ended with one (GraphQL errors or a close event). */
  error?: unknown;
}

/** Runs one typed operation over the socket and collects what it yields until it completes or errors. */
export function wsRun<R, V>(client: Client, document: TypedDocumentString<R, V>, variables: V): Promise<WsResult<R>>;
/** Runs any text over the socket (see `send`). */
export function wsRun(client: Client, query: string, variables?: Record<string, unknown>): Promise<WsResult<unknown>>;
export function wsRun(
  client: Client,
  query: string | TypedDocumentString<unknown, unknown>,
  variables?: unknown,
): Promise<WsResult<unknown>> {
  return new Promise((resolve) => {
    const results: WsResult<unknown>['results'] = [];
    client.subscribe(
      { query: query.toString(), variables: variables as Record<string, unknown> | undefined },
      {
        next: (value) => results.push(value as WsResult<unknown>['results'][number]),
        error: (error) => resolve({ results, error }),
        complete: () => resolve({ results }),
      },
    );
  });
}
