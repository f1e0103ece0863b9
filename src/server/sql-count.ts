/**
 * Counts the SQL statements each HTTP operation issues (its own only: work of
 * background jobs and other requests runs outside its async context). With
 * SQL_COUNT_HEADER=true the count is sent back as `x-sql-statements`; the N+1
 * tests and benchmarks read it. Off by default.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Orm } from '../db/orm.js';
import type { Context } from './context.js';

interface Counter {
  statements: number;
}

const current = new AsyncLocalStorage<Counter>();

/** Hooks the query builder once per process: every statement counts toward the operation running it. */
export function countStatements(orm: Orm): void {
  orm.em
    .getConnection()
    .getKnex()
    .on('query', () => {
      const counter = current.getStore();
      if (counter) counter.statements += 1;
    });
}

/** Express middleware: one counter per HTTP request, for everything that request runs. */
export const sqlCountScope: RequestHandler = (_req, _res, next) => current.run({ statements: 0 }, next);

export const sqlCountHeader: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const counter = current.getStore();
        if (counter) response.http.headers.set('x-sql-statements', String(counter.statements));
      },
    };
  },
};
