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
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: unknown,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operation.name?.value,
    variables: isRecord(variables) ? variables : {},
    estimators,
  });
}

/** Refuses an operation over its limit: QUERY_TOO_COMPLEX with `extensions.cost` and `extensions.limit`. */
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
