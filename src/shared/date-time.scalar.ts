import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

const iso = GraphQLDateTimeISO.toConfig();

/**
 * Only instants PostgreSQL's timestamptz holds and a person could mean: years
 * 0001-9999 after conversion to UTC, whatever the offset (api.md, "Input
 * limits"). A GraphQLError here becomes BAD_USER_INPUT for a variable and
 * GRAPHQL_VALIDATION_FAILED for a literal, as for any value of the wrong shape.
 */
function inRange(value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date-time');
  const year = value.getUTCFullYear();
  if (year < 1 || year > 9999) throw new GraphQLError('DateTime must lie in the years 0001 to 9999 (UTC)');
  return value;
}

/**
 * The contract's DateTime: input must carry an offset, output is UTC with
 * milliseconds. graphql-scalars' DateTimeISO does exactly that (its DateTime
 * serialises to a Date object), so it is reused under the contract's name,
 * with the range check above.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...iso,
  name: 'DateTime',
  description:
    'An ISO-8601 date-time in the years 0001-9999 (UTC). Input must carry an offset (2026-11-28T19:00:00+08:00); output is UTC with milliseconds (2026-11-28T11:00:00.000Z).',
  parseValue: (value: unknown) => inRange(iso.parseValue(value)),
  parseLiteral: (node: ValueNode, variables?: Record<string, unknown> | null) => inRange(iso.parseLiteral(node, variables)),
});
