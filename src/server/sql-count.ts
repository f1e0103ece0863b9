/**
 * With SQL_COUNT_HEADER=true the number of SQL statements each HTTP operation
 * issued (its own only, see db/statement-count.ts) is sent back as
 * `x-sql-statements`; the N+1 tests and benchmarks read it. Off by default.
 */
import type { RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { statementCount, withStatementCount } from '../db/statement-count.js';
import type { Context } from './context.js';

/** Express middleware: one counter per HTTP request, for everything that request runs. */
export const sqlCountScope: RequestHandler = (_req, _res, next) => {
  withStatementCount(() => {
    next();
  });
};

export const sqlCountHeader: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const statements = statementCount();
        if (statements !== null) response.http.headers.set('x-sql-statements', String(statements));
      },
    };
  },
};
