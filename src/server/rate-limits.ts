/**
 * Rate limits (api.md, "Limits"; check 0 of the order of checks), held in
 * PostgreSQL by rate-limiter-flexible so that every instance shares one count.
 *
 * - logIn: per (e-mail, client address), so nobody can lock another person out
 *   from elsewhere, and per address, against guessing many accounts. Every
 *   attempt counts, so a correct password is refused too until the limit lifts.
 * - signUp: per address.
 * - every executed mutation field: per caller (user, API key, or address when
 *   anonymous). Aliases count one each: 30 aliased logIns are 30 attempts.
 *
 * Keys are SHA-256 hashes: no e-mail address or other input reaches the
 * limiter's table. RATE_LIMITS=false turns them all off.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { Kind, OperationTypeNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';
import type { Budget, RateLimitsConfig } from '../config.js';
import type { Actor } from '../shared/actor.js';
import { AppError } from './errors.js';
import { isRecord } from '../shared/errors.js';
import { trimText } from '../shared/input.js';
import { callerOf } from './client-address.js';

const TABLE = 'rate_limit';

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('base64url');

export interface LimitedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: unknown;
  actor: Actor;
  /** The client's address (client-address.ts). */
  address: string;
}

export class RateLimits {
  private readonly pool: pg.Pool;
  private readonly logInPerAccount: RateLimiterPostgres;
  private readonly logInPerAddress: RateLimiterPostgres;
  private readonly signUpPerAddress: RateLimiterPostgres;
  private readonly mutationsPerCaller: RateLimiterPostgres;

  constructor(
    databaseUrl: string,
    config: RateLimitsConfig,
    /** Told which limit refused an operation (metrics). */
    private readonly onRefused: (limit: string) => void = () => undefined,
  ) {
    // A small pool of its own: a limiter's upsert is one short statement.
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 3_000 });
    this.pool.on('error', () => undefined); // a dropped idle connection is replaced on next use
    const limiter = (prefix: string, budget: Budget) =>
      new RateLimiterPostgres({
        storeClient: this.pool,
        storeType: 'pool',
        tableName: TABLE,
        tableCreated: true, // by the migrations
        keyPrefix: prefix,
        points: budget.points,
        duration: budget.seconds,
      });
    this.logInPerAccount = limiter('login-account', config.logInPerAccount);
    this.logInPerAddress = limiter('login-address', config.logInPerAddress);
    this.signUpPerAddress = limiter('signup-address', config.signUpPerAddress);
    this.mutationsPerCaller = limiter('mutations', config.mutationsPerCaller);
  }

  /** Counts an operation's mutation fields against every budget they touch; throws RATE_LIMITED when one is spent. */
  async consume(limited: LimitedOperation): Promise<void> {
    if (limited.operation.operation !== OperationTypeNode.MUTATION) return;
    const fields = rootFields(limited);
    if (fields.length === 0) return;
    const caller = hash(callerOf(limited.actor, limited.address));
    const charges: [RateLimiterPostgres, string, number][] = [[this.mutationsPerCaller, caller, fields.length]];
    const logIns = fields.filter((field) => field.name === 'logIn');
    if (logIns.length > 0) {
      charges.push([this.logInPerAddress, hash(limited.address), logIns.length]);
      const perAccount = new Map<string, number>();
      for (const field of logIns) {
        // Normalised exactly as logIn looks the account up, or invisible characters would buy fresh budgets.
        const email = typeof field.args.email === 'string' ? trimText(field.args.email).toLowerCase() : '';
        const key = hash(email, limited.address);
        perAccount.set(key, (perAccount.get(key) ?? 0) + 1);
      }
      for (const [key, count] of perAccount) charges.push([this.logInPerAccount, key, count]);
    }
    const signUps = fields.filter((field) => field.name === 'signUp').length;
    if (signUps > 0) charges.push([this.signUpPerAddress, hash(limited.address), signUps]);

    for (const [limiter, key, points] of charges) {
      try {
        await limiter.consume(key, points);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal; // the store failed: not the client's doing
        this.onRefused(limiter.keyPrefix);
        const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        throw new AppError('RATE_LIMITED', `Too many requests: retry in ${retryAfter} s`, {
          retryAfter,
          http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
        });
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The root fields an operation executes (aliases each counted), with their coerced arguments. */
function rootFields({ schema, document, operation, variables }: LimitedOperation): { name: string; args: Record<string, unknown> }[] {
  const root = schema.getMutationType();
  if (!root) return [];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], isRecord(variables) ? variables : {});
  const values = coerced.errors ? {} : coerced.coerced;
  const found: { name: string; args: Record<string, unknown> }[] = [];
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const walk = (selections: OperationDefinitionNode['selectionSet']['selections'], seen: Set<string>) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        // __typename is not among the type's fields: it executes nothing.
        const fields = root.getFields();
        if (!Object.hasOwn(fields, selection.name.value)) continue;
        const definition = fields[selection.name.value];
        let args: Record<string, unknown> = {};
        try {
          args = getArgumentValues(definition, selection, values);
        } catch {
          // Arguments that do not coerce: the field fails before running; it still counts.
        }
        found.push({ name: selection.name.value, args });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet.selections, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet.selections, new Set([...seen, selection.name.value]));
      }
    }
  };
  walk(operation.selectionSet.selections, new Set());
  return found;
}
