/**
 * Named prepared statements, per pooled connection. A statement with
 * parameters is prepared the first time a connection sends its text and
 * executed by name after that: PostgreSQL parses and analyses it once per
 * connection, and after five executions may keep one generic plan (its
 * plan_cache_mode), instead of planning each time. The page of requests with
 * its nested lists (help-request.json.ts) took longer to plan (about 2 ms)
 * than to run.
 *
 * Bounded: a connection keeps the PREPARED_PER_CONNECTION texts it used last
 * and deallocates the least recently used one to prepare another (names are
 * never reused), so operations of endless shapes cannot grow a backend's
 * memory, nor push the hot statements out for good. Not prepared: statements without parameters
 * (BEGIN, COMMIT, locks) and any `*` selection, whose result type would change
 * under a migration that adds a column while the connection lives (PostgreSQL
 * refuses to re-plan those: "cached plan must not change result type").
 *
 * Off with DB_PREPARED_STATEMENTS=false, for a pooler in transaction mode
 * (PgBouncer before 1.21) that cannot keep a connection's statements.
 */
import pg from 'pg';
import { CountingClient } from './statement-count.js';

export const PREPARED_PER_CONNECTION = 100;

const STAR_SELECTION = /(?:\bselect\s+\*|\.\*)/i;

export class PreparingClient extends CountingClient {
  /** Text -> name of the statements this connection holds prepared, least recently used first. */
  readonly prepared = new Map<string, string>();
  private sequence = 0;

  /** The name to execute `text` by, or null to send it unnamed. */
  statementName(text: string): string | null {
    const known = this.prepared.get(text);
    if (known !== undefined) {
      this.prepared.delete(text);
      this.prepared.set(text, known);
      return known;
    }
    if (STAR_SELECTION.test(text)) return null;
    if (this.prepared.size >= PREPARED_PER_CONNECTION) this.deallocateOldest();
    this.sequence += 1;
    const name = `s${this.sequence}`;
    this.prepared.set(text, name);
    return name;
  }

  /**
   * DEALLOCATE, queued on this connection before the next statement, and not
   * counted (it is no operation's). In an aborted transaction it fails: the
   * statement then stays on the server until the connection closes, and its
   * name is never used again.
   */
  private deallocateOldest(): void {
    const oldest = this.prepared.entries().next();
    if (oldest.done === true) return;
    const [text, name] = oldest.value;
    this.prepared.delete(text);
    Reflect.apply(pgQuery, this, [`DEALLOCATE ${name}`]).catch(() => undefined);
    // pg remembers each name it parsed (connection.parsedStatements, not in its types): forget this one.
    const connection: unknown = Reflect.get(this, 'connection');
    const parsed: unknown = typeof connection === 'object' && connection !== null ? Reflect.get(connection, 'parsedStatements') : null;
    if (typeof parsed === 'object' && parsed !== null) Reflect.deleteProperty(parsed, name);
  }
}

// eslint-disable-next-line @typescript-eslint/unbound-method -- taken unbound on purpose: Reflect.apply gives it the client as `this`
const pgQuery = pg.Client.prototype.query as (this: pg.Client, text: string) => Promise<unknown>;

// Defined rather than assigned, as in statement-count.ts: query() has a dozen overloads. The
// counting query() is looked up at each call, as a method would be, so a wrapper of it still applies.
Object.defineProperty(PreparingClient.prototype, 'query', {
  value: function (this: PreparingClient, ...args: unknown[]): unknown {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- taken unbound on purpose: Reflect.apply gives it the client as `this`
    const countingQuery = CountingClient.prototype.query;
    const [text, values, ...rest] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = this.statementName(text);
      if (name !== null) return Reflect.apply(countingQuery, this, [{ name, text, values }, ...rest]);
    }
    return Reflect.apply(countingQuery, this, args);
  },
  writable: true,
  configurable: true,
});
