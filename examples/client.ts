/**
 * What the examples share: a urql client that sends queries and mutations over
 * HTTP and subscriptions over graphql-ws (same URL, `ws://`), both with the
 * caller's credentials; demo logins; and following a subscription one event at
 * a time. The typed documents come from examples/operations/ (`npm run codegen`
 * writes examples/generated/).
 */
import { Client, CombinedError, fetchExchange, subscriptionExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { LogInDocument, MyAssociationsDocument } from './generated/graphql.ts';

/** The server's GraphQL endpoint: `npm start` listens on port 4000 unless PORT says otherwise. */
export const SERVER_URL = process.env.MUTUAL_AID_URL ?? 'http://localhost:4000/graphql';

/**
 * The county's time zone. Asia/Shanghai keeps UTC+8 all year (no daylight
 * saving), so its dates and wall-clock times are plain arithmetic.
 */
export const TIME_ZONE = 'Asia/Shanghai';
const UTC_OFFSET_MS = 8 * 3_600_000;
/** The date in Shanghai at `instant`: YYYY-MM-DD. */
export const shanghaiDate = (instant: Date) => new Date(instant.getTime() + UTC_OFFSET_MS).toISOString().slice(0, 10);
/** The wall-clock time in Shanghai of a DateTime the server sent: HH:mm. */
export const shanghaiTime = (dateTime: string) => new Date(Date.parse(dateTime) + UTC_OFFSET_MS).toISOString().slice(11, 16);

/** The password of every demo login (docs/demo-data.md): `<slug>.<owner|coordinator>@demo.example.org`. */
const DEMO_PASSWORD = 'mutual-aid-demo';
export const demoEmail = (slug: string, role: 'owner' | 'coordinator') => `${slug}.${role}@demo.example.org`;

export interface Api {
  client: Client;
  /** Runs a query and returns its data; a failure throws its CombinedError (see `codeOf`). */
  query<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data>;
  /** Runs a mutation and returns its data; a failure throws its CombinedError (see `codeOf`). */
  mutate<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data>;
  /** Closes the WebSocket, if one was opened. */
  close(): Promise<void>;
}

/** A client acting with `credentials` (a session token or an API-key secret), or anonymously. */
export function connect(credentials?: string): Api {
  const authorization = credentials ? `Bearer ${credentials}` : undefined;
  const ws = createWsClient({
    url: SERVER_URL.replace(/^http/, 'ws'),
    // Over WebSocket the credentials travel in the connection_init payload, not in a header.
    connectionParams: authorization ? { authorization } : {},
    // A dropped socket ends the subscription instead of being retried: graphql-ws would resubscribe
    // with the `after` it was first given and replay events twice. The caller resubscribes with the
    // cursor it stored last (see `follow`).
    retryAttempts: 0,
  });
  const client = new Client({
    url: SERVER_URL,
    fetchOptions: authorization ? { headers: { authorization } } : {},
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  const unwrap = <Data>({ data, error }: { data?: Data; error?: CombinedError }): Data => {
    if (error) throw error;
    if (data === undefined) throw new Error('The server answered without data');
    return data;
  };
  return {
    client,
    query: async (document, variables) => unwrap(await client.query(document, variables).toPromise()),
    mutate: async (document, variables) => unwrap(await client.mutation(document, variables).toPromise()),
    close: async () => {
      await ws.dispose();
    },
  };
}

/** The error's code (api.md, "Errors": UNAUTHENTICATED, CAPACITY_EXCEEDED, ...), or undefined for anything else. */
export function codeOf(error: unknown): string | undefined {
  if (!(error instanceof CombinedError)) return undefined;
  const code = error.graphQLErrors[0]?.extensions.code;
  return typeof code === 'string' ? code : undefined;
}

/** The close code when a WebSocket closing ended the operation (4403: credentials revoked or expired). */
export function closeCodeOf(error: unknown): number | undefined {
  // graphql-ws ends a subscription with the socket's CloseEvent; urql passes it on as the networkError.
  const closed: unknown = error instanceof CombinedError ? error.networkError : undefined;
  return closed instanceof Object && 'code' in closed && typeof closed.code === 'number' ? closed.code : undefined;
}

/** Logs in with a demo login; returns the session token. */
export async function logInAsDemo(slug: string, role: 'owner' | 'coordinator'): Promise<string> {
  const { logIn } = await connect().mutate(LogInDocument, { email: demoEmail(slug, role), password: DEMO_PASSWORD });
  return logIn.token;
}

/** A demo user, signed in, with the association they lead (each demo login is in exactly one). */
export interface Person {
  name: string;
  api: Api;
  association: { id: string; name: string };
}

export async function demoPerson(slug: string, role: 'owner' | 'coordinator'): Promise<Person> {
  const api = connect(await logInAsDemo(slug, role));
  const { viewer } = await api.query(MyAssociationsDocument, {});
  const membership = viewer?.memberships[0];
  if (!viewer || !membership) throw new Error(`${demoEmail(slug, role)} is in no association: is the demo data loaded?`);
  return { name: viewer.displayName, api, association: membership.association };
}

/**
 * Follows a subscription: `handle` gets its events one at a time, in order (the
 * next waits until it is done), and returns true to stop. Resolves with null
 * once stopped (by `handle` or by `signal`), or with the error that ended the
 * subscription: a dropped socket, SLOW_CONSUMER (a subscriber too far behind),
 * revoked credentials. Resume by following again from the last cursor handled.
 */
export function follow<Data, Variables extends AnyVariables>(
  api: Api,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  handle: (data: Data) => Promise<boolean>,
  signal?: AbortSignal,
): Promise<CombinedError | null> {
  return new Promise((resolve, reject) => {
    let done = false;
    let queue = Promise.resolve();
    const finish = (outcome: CombinedError | null) => {
      done = true;
      subscription.unsubscribe();
      // Whatever `handle` is doing finishes first (a claim, storing its cursor).
      queue = queue.then(() => {
        resolve(outcome);
      });
    };
    const subscription = api.client.subscription(document, variables).subscribe((result) => {
      queue = queue
        .then(async () => {
          if (done) return;
          if (result.error) finish(result.error);
          else if (result.data && (await handle(result.data))) finish(null);
        })
        .catch((error: unknown) => {
          done = true;
          subscription.unsubscribe();
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
    if (signal?.aborted) finish(null);
    signal?.addEventListener(
      'abort',
      () => {
        if (!done) finish(null);
      },
      { once: true },
    );
  });
}
