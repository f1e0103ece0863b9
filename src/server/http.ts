/**
 * HTTP transport: Express 5 with Apollo Server 5 at /graphql, health probes, and
 * JSON answers for what Express would otherwise answer with an HTML page.
 * Settings per api.md ("Transport") and stack.md ("Apollo Server 5 defaults").
 */
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { Kind, OperationTypeNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ANONYMOUS } from '../shared/actor.js';
import { authenticate } from './authenticate.js';
import { AppError, AUTHENTICATE_CHALLENGE, formatError, serviceUnavailable } from './errors.js';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/availability.js';
import { ping } from '../db/raw.js';
import { BODY_LIMIT_BYTES, parseOptions, validationRules } from './limits.js';
import { createContext, type AppServices, type Context } from './context.js';
import { sqlCountHeader, sqlCountScope } from './sql-count.js';
import { checkVariables } from './unstorable-strings.js';
import { checkCost } from './cost.js';
import { clientAddress } from './client-address.js';
import { SERVICE_RECORD_CSV_PATH, serviceRecordCsvRoute } from './export.js';
import type { Metrics } from './metrics.js';
import { pagesRouter } from './pages.js';

/** Root fields that ignore any credentials sent with them (a stale token must not stop a log-in). */
const CREDENTIAL_FREE_FIELDS = new Set(['signUp', 'logIn']);

function ignoresCredentials(operation: OperationDefinitionNode): boolean {
  const fields = operation.selectionSet.selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : null));
  return (
    fields.some((name) => name !== null && CREDENTIAL_FREE_FIELDS.has(name)) &&
    fields.every((name) => name !== null && (CREDENTIAL_FREE_FIELDS.has(name) || name === '__typename'))
  );
}

/**
 * HTTP statuses that follow from error codes (api.md, "Errors"): an operation
 * that failed because the database is away answers 503 with Retry-After; one
 * refused as UNAUTHENTICATED (by a service or the access rule) 401 with a
 * WWW-Authenticate challenge.
 */
const statusFromCodes: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const codes = new Set((response.body.singleResult.errors ?? []).map((error) => error.extensions?.code));
        if (codes.has('SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        } else if (codes.has('UNAUTHENTICATED')) {
          response.http.status = 401;
          response.http.headers.set('www-authenticate', AUTHENTICATE_CHALLENGE);
        }
      },
    };
  },
};

/** Counts each operation by type, root field and outcome code, and times it (server/metrics.ts). */
function operationMetrics(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let type = 'unknown';
      // Names from the schema only (the operation passed validation), so labels stay bounded.
      let fields = ['unknown'];
      return {
        async didResolveOperation({ operation }) {
          if (!operation) return;
          type = operation.operation;
          fields = operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const first = errors?.[0]?.extensions?.code;
          const code = errors?.length ? (typeof first === 'string' ? first : 'INTERNAL_SERVER_ERROR') : 'OK';
          for (const field of fields) metrics.operations.inc({ type, field, code });
          metrics.duration.observe({ type }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}

/** Decides, once the operation is known, whether bad credentials fail it; refuses subscriptions over HTTP. */
const operationGate: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation, document, request, schema }) {
        if (!operation) return; // Apollo itself answers an unresolvable operation
        if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
          throw new AppError('BAD_REQUEST', 'Subscriptions are served over WebSocket (graphql-transport-ws) at this path', {
            http: { status: 400 },
          });
        }
        // Limits come before every other check (api.md, "Order of checks").
        checkCost(schema, document, operation, request.variables, contextValue.app.config.maxCost);
        await contextValue.app.rateLimits?.consume({
          schema,
          document,
          operation,
          variables: request.variables,
          // Bad credentials still count against the address, as anonymous.
          actor: contextValue.credentialsError ? ANONYMOUS : contextValue.actor,
          address: contextValue.address,
        });
        if (contextValue.credentialsError) {
          if (!ignoresCredentials(operation)) throw contextValue.credentialsError;
          contextValue.actor = ANONYMOUS;
        }
        checkVariables(document, operation, request.variables);
      },
    };
  },
};

export interface HttpParts {
  app: Express;
  apollo: ApolloServer<Context>;
}

export async function createHttp(
  services: AppServices,
  schema: GraphQLSchema,
  server: Server,
  extraPlugins: ApolloServerPlugin<Context>[],
): Promise<HttpParts> {
  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: false, // credentials travel only in the Authorization header (api.md)
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // main.ts owns signal handling
    introspection: true,
    validationRules,
    parseOptions,
    formatError: (formatted, error) => formatError(formatted, error, services.log),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: services.config.shutdownTimeoutMs }),
      operationMetrics(services.metrics),
      operationGate,
      statusFromCodes,
      ...(services.config.sqlCountHeader ? [sqlCountHeader] : []),
      ...extraPlugins,
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETag on answers sent with res.send (GraphQL, health, metrics): an
  // operation's answer is not a cacheable resource, and hashing every body
  // costs CPU on each request. Static assets (pages.ts) keep their own.
  app.set('etag', false);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', async (req, res) => {
    const token = services.config.metricsToken;
    if (token !== null && req.headers.authorization !== `Bearer ${token}`) {
      res.status(401).set('www-authenticate', 'Bearer').json({ error: 'METRICS_TOKEN required' });
      return;
    }
    res.set('content-type', services.metrics.registry.contentType).send(await services.metrics.registry.metrics());
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await databaseAnswers(services);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable' });
  });
  app.get(SERVICE_RECORD_CSV_PATH, serviceRecordCsvRoute(services));
  app.use(pagesRouter(services.config));
  if (services.config.sqlCountHeader) app.use('/graphql', sqlCountScope);
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const address = clientAddress(req, services.config.trustProxy);
        try {
          return createContext(services, await authenticate(services, req.headers.authorization), null, address);
        } catch (error) {
          if (error instanceof AppError) return createContext(services, ANONYMOUS, error, address);
          // Credentials cannot be checked without the database: 503, retry later.
          if (isDatabaseUnavailable(error)) throw serviceUnavailable();
          throw error;
        }
      },
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found: GraphQL is served at /graphql', extensions: { code: 'BAD_REQUEST' } }] });
  });
  app.use(jsonErrors(services));
  return { app, apollo };
}

async function databaseAnswers(services: AppServices): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>(
      (_, reject) =>
        (timer = setTimeout(() => {
          reject(new Error('timeout'));
        }, 2000)),
    );
    await Promise.race([ping(services.orm.em.fork()), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Body-parser failures (413 too large, 400 malformed JSON) as GraphQL-shaped JSON, never HTML. */
function jsonErrors(services: AppServices): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _req, res, _next) => {
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) services.log.error({ err: error }, 'unexpected HTTP error');
    const message =
      status === 413
        ? `Request body larger than ${BODY_LIMIT_BYTES} bytes`
        : status === 500
          ? 'Internal server error'
          : 'Malformed request body (expected JSON)';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  };
}
