/**
 * Counts the SQL statements sent to PostgreSQL on behalf of one unit of work
 * (an HTTP operation), whatever issued them: the ORM, Kysely, raw SQL, BEGIN and
 * COMMIT. Counting happens in the pg client every pooled connection is made
 * of, so no path around it exists; work running outside the unit's async
 * context (background jobs, other requests) is not counted toward it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

interface Counter {
  statements: number;
}

const current = new AsyncLocalStorage<Counter>();

/** Runs `work` with a fresh counter; `read()` gives the statements it has issued so far. */
export function withStatementCount<T>(work: (read: () => number) => T): T {
  const counter: Counter = { statements: 0 };
  return current.run(counter, () => work(() => counter.statements));
}

/** The statements issued so far by the unit of work this call runs in, or null outside one. */
export function statementCount(): number | null {
  return current.getStore()?.statements ?? null;
}

/** A pg client that counts each statement toward the unit of work that sent it (pg Pool's `Client` option). */
export class CountingClient extends pg.Client {}

// query() has a dozen overloads that a subclass method would have to repeat;
// counting does not depend on which one is called, so wrap them all at once.
// eslint-disable-next-line @typescript-eslint/unbound-method -- taken unbound on purpose: Reflect.apply gives it the client as `this`
const query = pg.Client.prototype.query;
// Defined rather than assigned: the wrapper cannot restate every overload's type.
Object.defineProperty(CountingClient.prototype, 'query', {
  value: function (this: pg.Client, ...args: unknown[]): unknown {
    const counter = current.getStore();
    if (counter) counter.statements += 1;
    return Reflect.apply(query, this, args);
  },
  writable: true,
  configurable: true,
});
