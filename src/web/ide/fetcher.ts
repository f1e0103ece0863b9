/**
 * The IDE's fetcher: queries and mutations are POSTed to this origin's
 * /graphql with the header editor's headers; subscriptions go over graphql-ws
 * to the same path, and the header editor's JSON object, as typed, is the
 * socket's `connection_init` payload (api.md "Identity": the server finds
 * `authorization` in it whatever the key's case, so `{"Authorization":
 * "Bearer <token>"}` authenticates the socket as it does an HTTP request).
 *
 * @graphiql/toolkit's createGraphiQLFetcher would do the same only when given
 * a `subscriptionUrl`, and then opens a socket per subscription that nothing
 * ever disposes; here sockets are shared by subscriptions with the same
 * headers and closed when the last of them ends. A header change therefore
 * means a new socket with the new credentials; sockets of other headers
 * (another tab's subscription) carry on with theirs.
 */
import { createGraphiQLFetcher, type Fetcher, type FetcherOpts, type FetcherParams, type Observable } from '@graphiql/toolkit';
import { getOperationAST, Kind, OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import { createClient, type Client, type ExecutionResult, type FormattedExecutionResult, type Sink } from 'graphql-ws';

type Headers = NonNullable<FetcherOpts['headers']>;
/** What graphql-ws delivers: a result as JSON. */
type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

/** ws: for http:, wss: for https:, same host and path. */
function socketUrl(endpoint: URL): string {
  const url = new URL(endpoint);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/**
 * What a failed subscription shows in the result pane: a close code rather
 * than `[object CloseEvent]`, as a GraphQL error (GraphiQL would print an
 * Error's stack too).
 */
function asError(cause: unknown): unknown {
  if (cause instanceof CloseEvent) {
    return { message: `WebSocket closed: ${String(cause.code)}${cause.reason ? ` ${cause.reason}` : ''}` };
  }
  if (cause instanceof Event) return { message: 'WebSocket error (is the server reachable?)' };
  return cause; // an Error, or the GraphQL errors of an `error` message: GraphiQL formats both
}

/**
 * @graphiql/toolkit types results as graphql-ws 5 did (errors as GraphQLError
 * instances); what arrives, over HTTP as over a socket, is their JSON form,
 * which is all GraphiQL reads (it prints the result).
 */
function asToolkitResult(result: Result): ExecutionResult {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- see above: the same JSON, typed for an older graphql-ws
  return result as unknown as ExecutionResult;
}

/** graphql-ws clients by the headers they authenticate with, each shared by its running subscriptions. */
class Sockets {
  readonly #clients = new Map<string, { client: Client; running: number }>();

  constructor(readonly url: string) {}

  subscribe(params: FetcherParams, headers: Headers | undefined, sink: Sink<Result>): () => void {
    const key = JSON.stringify(headers ?? null);
    let entry = this.#clients.get(key);
    if (!entry) {
      entry = {
        client: createClient({
          url: this.url,
          connectionParams: headers,
          // An IDE shows a closed socket (4403 for bad credentials, a restart)
          // at once rather than retrying for half a minute; running it again reconnects.
          retryAttempts: 0,
        }),
        running: 0,
      };
      this.#clients.set(key, entry);
    }
    const { client } = entry;
    entry.running += 1;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const current = this.#clients.get(key);
      if (current?.client !== client) return;
      current.running -= 1;
      if (current.running === 0) {
        this.#clients.delete(key);
        void client.dispose();
      }
    };
    const unsubscribe = client.subscribe(params, {
      next: (value) => {
        sink.next(value);
      },
      error: (cause) => {
        end();
        sink.error(asError(cause));
      },
      complete: () => {
        end();
        sink.complete();
      },
    });
    return () => {
      unsubscribe();
      end();
    };
  }
}

/**
 * The operation to run, read from the text being sent. GraphiQL names the
 * operation (and parses the document) 100 ms after the last edit, so a paste
 * run at once comes with the name of the operation it replaced: with one
 * operation in the text, that one is meant. A text that does not parse goes
 * to the server as it is, which says what is wrong with it.
 */
function operationToRun(params: FetcherParams): { params: FetcherParams; operation: OperationDefinitionNode | null } {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(params.query).definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return { params, operation: null };
  }
  const [only] = operations;
  if (params.operationName && operations.length === 1 && only.name?.value !== params.operationName) {
    return { params: { ...params, operationName: only.name?.value ?? null }, operation: only };
  }
  const document = { kind: Kind.DOCUMENT, definitions: operations } as const;
  return { params, operation: getOperationAST(document, params.operationName ?? undefined) ?? null };
}

export function createIdeFetcher(endpoint: URL): Fetcher {
  // Plain JSON over POST: the server does not stream multipart responses.
  const http = createGraphiQLFetcher({ url: endpoint.href, enableIncrementalDelivery: false });
  const sockets = new Sockets(socketUrl(endpoint));
  return (sent, options) => {
    // GraphiQL's own introspection query is not in the editor: as it is, over HTTP.
    if (sent.operationName === 'IntrospectionQuery') return http(sent, options);
    const { params, operation } = operationToRun(sent);
    // Without GraphiQL's documentAST, which may be the stale one.
    if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return http(params, { headers: options?.headers });
    const results: Observable<ExecutionResult> = {
      // GraphiQL passes an observer; the other forms are the Observable type's.
      subscribe(
        observer?: Partial<Sink<ExecutionResult>> | Sink<ExecutionResult>['next'],
        error?: Sink['error'] | null,
        complete?: Sink['complete'],
      ) {
        const {
          next,
          error: fail,
          complete: done,
        } = typeof observer === 'function' || observer === undefined ? { next: observer, error, complete } : observer;
        const unsubscribe = sockets.subscribe(params, options?.headers, {
          next: (value) => next?.(asToolkitResult(value)),
          error: (cause) => fail?.(cause),
          complete: () => done?.(),
        });
        return { unsubscribe };
      },
    };
    return results;
  };
}
