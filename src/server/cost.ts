/**
 * The query cost limit (api.md, "Limits"), priced before any resolver runs,
 * with the operation's coerced variables (validation rules never see them, so
 * `first: $n` is priced here: Apollo's didResolveOperation and graphql-ws's
 * onSubscribe call `checkCost`). Fields declare their cost where they are
 * defined (shared/cost.ts); graphql-query-complexity walks the operation.
 * A subscription pays for its selection once per event, so its limit is lower.
 */
import { OperationTypeNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError } from './errors.js';
import { isRecord } from '../shared/errors.js';

export { DEFAULT_MAX_COST, DEFAULT_MAX_SUBSCRIPTION_COST } from '../config.js';

const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

export interface CostLimits {
  query: number;
  subscription: number;
}

/** What `operation` costs with these variables; throws BAD_USER_INPUT-coded errors for variables that do not coerce. */
/**
 * Costs already computed, by document (Apollo parses a query text once and
 * hands the same DocumentNode to every request with that text), operation and
 * the values of the variables the operation declares (others cannot change
 * it): the cost depends on nothing else, and the same operation is sent again
 * and again. Only short variables are kept, and MEMO_ENTRIES in all: past
 * that the memo starts again, so no sequence of requests grows it further.
 */
let memo = new WeakMap<DocumentNode, Map<string, number>>();
let memoEntries = 0;
const MEMO_ENTRIES = 10_000;
const MEMO_KEY_CHARACTERS = 256;

function memoKey(operation: OperationDefinitionNode, variables: Record<string, unknown>): string | null {
  // [value] when given, [] when not: an omitted variable takes its default, an explicit null does not.
  const declared = (operation.variableDefinitions ?? []).map((definition) => {
    const name = definition.variable.name.value;
    return Object.hasOwn(variables, name) ? [variables[name]] : [];
  });
  const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(declared)}`;
  return key.length <= MEMO_KEY_CHARACTERS ? key : null;
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: unknown,
): number {
  const values = isRecord(variables) ? variables : {};
  const key = memoKey(operation, values);
  const known = key === null ? undefined : memo.get(document)?.get(key);
  if (known !== undefined) return known;
  const cost = getComplexity({ schema, query: document, operationName: operation.name?.value, variables: values, estimators });
  if (key !== null) {
    if (memoEntries >= MEMO_ENTRIES) {
      memo = new WeakMap();
      memoEntries = 0;
    }
    let costs = memo.get(document);
    if (!costs) memo.set(document, (costs = new Map<string, number>()));
    costs.set(key, cost);
    memoEntries += 1;
  }
  return cost;
}

export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: unknown,
  limits: CostLimits,
): void {
  let cost: number;
  try {
    cost = operationCost(schema, document, operation, variables);
  } catch {
    // Variables that do not coerce: execution refuses them with BAD_USER_INPUT before any resolver runs.
    return;
  }
  const limit = operation.operation === OperationTypeNode.SUBSCRIPTION ? limits.subscription : limits.query;
  if (cost > limit) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `This operation costs ${cost}, over the limit of ${limit}: ask for smaller pages or fewer fields`,
      {
        cost,
        limit,
        http: { status: 400 },
      },
    );
  }
}
