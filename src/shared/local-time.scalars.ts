/**
 * Local dates, local wall times and time zones (recurring shifts, issue 14):
 * graphql-scalars' LocalDate, LocalTime and TimeZone, under their own names,
 * with descriptions that say the shape and what a bad value gets. A value of
 * the wrong shape is refused while variables are coerced (BAD_USER_INPUT, its
 * message naming the input path) or while a literal is validated
 * (GRAPHQL_VALIDATION_FAILED), as for DateTime.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLLocalDate, GraphQLLocalTime, GraphQLTimeZone } from 'graphql-scalars';

const localDate = GraphQLLocalDate.toConfig();
const localTime = GraphQLLocalTime.toConfig();
const timeZone = GraphQLTimeZone.toConfig();

/**
 * graphql-scalars' TimeZone checks a value with Intl, which turns any value into
 * text first and also takes UTC offsets ("+08:00"): only names of the IANA
 * database get in (an offset has no daylight-saving rules, and a rota in one
 * would silently keep the wrong hours across a change).
 */
function onlyZoneName(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('TimeZone must be a string, like "Asia/Shanghai"');
  if (!/^[A-Za-z]/.test(value))
    throw new GraphQLError('TimeZone must name a zone of the IANA database, like "Asia/Shanghai", not an offset');
  return value;
}

export const LocalDateScalar = new GraphQLScalarType({
  ...localDate,
  description: 'A calendar date without a time zone, `YYYY-MM-DD` (ISO 8601; RFC 5545 DATE), e.g. `2026-12-03`.',
});

export const LocalTimeScalar = new GraphQLScalarType({
  ...localTime,
  description:
    'A wall-clock time of day without a date or time zone, 24-hour `HH:mm[:ss[.SSS]]` (ISO 8601; RFC 5545 TIME), e.g. `20:00` or `08:30:00`.',
});

export const TimeZoneScalar = new GraphQLScalarType({
  ...timeZone,
  description: 'A time zone of the IANA Time Zone Database (https://www.iana.org/time-zones), e.g. `Asia/Shanghai`, `Europe/Berlin`.',
  parseValue: (value: unknown) => timeZone.parseValue(onlyZoneName(value)),
  parseLiteral: (ast, variables) => {
    if (ast.kind !== Kind.STRING) return timeZone.parseLiteral(ast, variables);
    return timeZone.parseValue(onlyZoneName(ast.value));
  },
});
