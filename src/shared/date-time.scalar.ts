import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/**
 * The contract's DateTime: input must carry an offset, output is UTC with
 * milliseconds. graphql-scalars' DateTimeISO does exactly that (its DateTime
 * serialises to a Date object), so it is reused under the contract's name.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description:
    'An ISO-8601 date-time. Input must carry an offset (2026-11-28T19:00:00+08:00); output is UTC with milliseconds (2026-11-28T11:00:00.000Z).',
});
