/**
 * The one filter builder. Lists of requests, the event log and the statistics
 * all filter on the same attributes of a request (kind, category, township,
 * requester, ...), which help_request and request_event both carry under the
 * same names. A filter is a list of optional conditions: `null` means "not
 * filtered", an empty list of values matches nothing (api.md "Lists").
 */
import type { Expression, ExpressionBuilder, ReferenceExpression, SqlBool } from 'kysely';

/**
 * `column = ANY(values)`, or `column = value` for one value (the common case:
 * PostgreSQL estimates a scalar comparison from the column's statistics, and
 * picks a better plan for it than for an array it cannot see into); null when
 * `values` is null (no condition).
 */
export function anyOf<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  values: readonly string[] | null | undefined,
): Expression<SqlBool> | null {
  if (values == null) return null;
  if (values.length === 1) return eb(column, '=', values[0]);
  return eb(column, '=', eb.fn.any(eb.val([...values])));
}

/** The conjunction of the conditions given (true when there are none). */
export function allOf<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  conditions: readonly (Expression<SqlBool> | null)[],
): Expression<SqlBool> {
  const present = conditions.filter((condition) => condition !== null);
  return present.length === 0 ? eb.lit(true) : eb.and(present);
}

/** The attributes of a request every feed and list can filter on, checked and decoded. */
export interface RequestAttributeFilter {
  kinds: readonly string[] | null;
  categories: readonly string[] | null;
  townships: readonly string[] | null;
  requesterIds: readonly string[] | null;
}

/** Conditions for a table with the request attribute columns (help_request, request_event). */
export function requestAttributeConditions<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: {
    kind: ReferenceExpression<DB, TB>;
    category: ReferenceExpression<DB, TB>;
    township: ReferenceExpression<DB, TB>;
    requesterId: ReferenceExpression<DB, TB>;
  },
  filter: RequestAttributeFilter,
): (Expression<SqlBool> | null)[] {
  return [
    anyOf(eb, columns.kind, filter.kinds),
    anyOf(eb, columns.category, filter.categories),
    anyOf(eb, columns.township, filter.townships),
    anyOf(eb, columns.requesterId, filter.requesterIds),
  ];
}
