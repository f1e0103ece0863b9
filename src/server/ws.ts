/**
 * WebSocket transport: graphql-ws (graphql-transport-ws) on the HTTP server's
 * port and path. graphql-ws runs none of Apollo's plugins, rules or formatting,
 * so the same authenticate(), validation rules and error formatter are wired in
 * here by hand (stack.md "graphql-ws").
 *
 * Only subscriptions are accepted on the socket: queries and mutations go over
 * HTTP, where rate limits, status codes and logging apply to them. Live events
 * are executed, serialised and paced by ws-delivery.ts: once per group of
 * subscribers that may see the same, not once per subscriber.
 */
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import {
  GraphQLError,
  getOperationAST,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { authenticate } from './authenticate.js';
import type { Actor } from '../shared/actor.js';
import { AppError, ErrorCode, formatError, isTooManyTokens, unauthenticated } from './errors.js';
import { BODY_LIMIT_BYTES, parseOptions, validationRules } from './limits.js';
import { mustExist } from '../shared/must-exist.js';
import { messageOf } from '../shared/errors.js';
import { checkVariables } from './unstorable-strings.js';
import { checkCost } from './cost.js';
import { serveGraphqlWs } from './ws-adapter.js';
import { callerOf, clientAddress } from './client-address.js';
import { isDatabaseUnavailable } from '../db/availability.js';
import type { AppServices } from './context.js';
import { liveSubscribe, Pacer, PreparedResult, socketContext } from './ws-delivery.js';

export const GRAPHQL_PATH = '/graphql';
/** Close code for refused credentials, as graphql-ws uses it (api.md "Identity"). */
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_GOING_AWAY = 1001;

interface Extra extends Record<PropertyKey, unknown> {
  actor?: Actor;
  /** Stops watching the socket's credential (credential-watch.service.ts). */
  unwatch?: () => void;
  /** Gives back the socket's place in its caller's count. */
  release?: () => void;
}

/**
 * The `authorization` entry of connection_init's payload, its key matched
 * case-insensitively (api.md: GraphiQL sends its header editor's JSON as typed,
 * so `Authorization` is common). Several spellings at once are refused as
 * malformed credentials rather than one picked.
 */
function authorizationOf(params: Record<string, unknown> | undefined): unknown {
  const values = Object.entries(params ?? {})
    .filter(([key]) => key.toLowerCase() === 'authorization')
    .map(([, value]) => value);
  return values.length > 1 ? 'ambiguous' : values[0];
}

/** Close code for "try again later" (RFC 6455 registry), for a caller over WS_MAX_SOCKETS_PER_CALLER. */
export const CLOSE_TRY_AGAIN_LATER = 1013;

/** Documents longer than this are parsed for each subscription, not kept. */
const CACHED_DOCUMENT_CHARS = 16_384;
const CACHED_DOCUMENTS = 256;

/**
 * Parsed and validated subscription documents by their text, the most recently
 * used kept: thousands of clients sending one document share one AST, parse and
 * validate it once, and can share its executions (ws-delivery.ts keys groups by
 * the document object). Only documents that parsed and validated are kept.
 */
class DocumentCache {
  private readonly documents = new Map<string, DocumentNode>();

  get(text: string): DocumentNode | undefined {
    const document = this.documents.get(text);
    if (document) {
      this.documents.delete(text);
      this.documents.set(text, document);
    }
    return document;
  }

  add(text: string, document: DocumentNode): void {
    if (text.length > CACHED_DOCUMENT_CHARS) return;
    this.documents.set(text, document);
    if (this.documents.size > CACHED_DOCUMENTS) this.documents.delete(this.documents.keys().next().value ?? text);
  }
}

export interface WsParts {
  server: WebSocketServer;
  /** Closes every socket with 1001 (going away) and stops accepting new ones. */
  close(): Promise<void>;
  /** Open sockets and their subscriptions, for metrics. */
  stats(): { open: number; subscriptions: number };
}

export function createWs(services: AppServices, schema: GraphQLSchema, httpServer: Server): WsParts {
  const wss = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH, maxPayload: BODY_LIMIT_BYTES });
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => formatError(error.toJSON(), error, services.log));

  const documents = new DocumentCache();
  const subscribe = liveSubscribe({
    schema,
    services,
    pacer: new Pacer(),
    format,
    executed: (sharing) => {
      services.metrics.subscriptionExecutions.inc({ sharing });
    },
  });

  const socketsPerCaller = new Map<string, number>();
  /** Acknowledged sockets' subscription records (graphql-ws's ctx.subscriptions), for metrics. */
  const open = new Set<Record<string, unknown>>();
  const disposable = serveGraphqlWs<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      subscribe,
      connectionInitWaitTimeout: services.config.wsInitTimeoutMs,
      onConnect: async (ctx) => {
        try {
          const actor = await authenticate(services, authorizationOf(ctx.connectionParams));
          const caller = callerOf(actor, clientAddress(ctx.extra.request, services.config.trustProxy));
          const held = socketsPerCaller.get(caller) ?? 0;
          if (held >= services.config.wsMaxSocketsPerCaller) {
            // Closed before graphql-ws's own 4403 for `false`: the first close code wins.
            ctx.extra.socket.close(CLOSE_TRY_AGAIN_LATER, 'Too many sockets: try again later');
            return false;
          }
          socketsPerCaller.set(caller, held + 1);
          ctx.extra.release = () => {
            const left = (socketsPerCaller.get(caller) ?? 1) - 1;
            if (left > 0) socketsPerCaller.set(caller, left);
            else socketsPerCaller.delete(caller);
          };
          ctx.extra.actor = actor;
          open.add(ctx.subscriptions);
          // Closed with 4403 when the key or user is revoked anywhere, or the session token expires.
          ctx.extra.unwatch = services.credentials.watch(actor, () => {
            ctx.extra.socket.close(CLOSE_FORBIDDEN, 'Forbidden');
          });
          return true;
        } catch (error) {
          if (error instanceof AppError) return false; // graphql-ws closes with 4403 Forbidden
          if (isDatabaseUnavailable(error)) {
            // Never 4403 for an outage (clients drop their credentials on it): try again later.
            ctx.extra.socket.close(CLOSE_TRY_AGAIN_LATER, 'Database unavailable: try again later');
            return false;
          }
          throw error;
        }
      },
      onClose: (ctx) => {
        open.delete(ctx.subscriptions);
        ctx.extra.unwatch?.();
        ctx.extra.release?.();
      },
      onSubscribe: (ctx, _id, payload) => {
        const actor = mustExist(ctx.extra.actor, 'the actor onConnect authenticated');
        if (!services.credentials.isValid(actor)) {
          ctx.extra.socket.close(CLOSE_FORBIDDEN, 'Forbidden');
          return [unauthenticated('The credentials of this socket were revoked or have expired')];
        }
        // graphql-ws has already reserved this subscription's id in ctx.subscriptions.
        const limit = services.config.wsMaxSubscriptionsPerSocket;
        if (Object.keys(ctx.subscriptions).length > limit) {
          return [new AppError('RATE_LIMITED', `A socket may hold at most ${limit} subscriptions at once`, { limit })];
        }
        let document = documents.get(payload.query);
        if (!document) {
          try {
            document = parse(payload.query, parseOptions);
          } catch (error) {
            const message = messageOf(error);
            return [new AppError(isTooManyTokens(message) ? ErrorCode.QUERY_TOO_COMPLEX : ErrorCode.GRAPHQL_PARSE_FAILED, message)];
          }
          const invalid = validate(schema, document, [...specifiedRules, ...validationRules]);
          if (invalid.length > 0) {
            return invalid.map((e) => withCode(e, ErrorCode.GRAPHQL_VALIDATION_FAILED));
          }
          documents.add(payload.query, document);
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new AppError('BAD_REQUEST', 'Could not determine the operation to run')];
        if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [new AppError('BAD_REQUEST', 'Only subscriptions are accepted over WebSocket; send queries and mutations over HTTP')];
        }
        try {
          checkVariables(document, operation, payload.variables);
          checkCost(schema, document, operation, payload.variables, services.config.maxCost);
        } catch (error) {
          if (error instanceof AppError) return [error];
          throw error;
        }
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (coerced.errors) return coerced.errors.map((e) => withCode(e, ErrorCode.BAD_USER_INPUT));
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: socketContext(services, actor),
        };
      },
      // Live answers come formatted and serialised (ws-delivery.ts); anything else is formatted here.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result instanceof PreparedResult ? result.payload : result.errors ? { ...result, errors: format(result.errors) } : undefined,
      // Errors returned by onSubscribe and thrown by the event stream both pass here.
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
    services.log,
  );

  return {
    server: wss,
    stats: () => ({ open: open.size, subscriptions: [...open].reduce((sum, subscriptions) => sum + Object.keys(subscriptions).length, 0) }),
    async close() {
      for (const client of wss.clients) client.close(CLOSE_GOING_AWAY, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => {
        wss.close(() => {
          resolve();
        });
      });
    },
  };
}

function withCode(error: GraphQLError, code: ErrorCode): GraphQLError {
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code } });
}
