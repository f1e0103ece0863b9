/**
 * Timestamps leave PostgreSQL in one format, ISO 8601 in UTC (every session runs
 * with TimeZone UTC), and become Dates in one typed decoder: pg hands
 * `timestamptz` columns to it (`2026-03-01 08:00:00.123+00`), and rows built as
 * JSON in PostgreSQL pass their strings to it (`2026-03-01T08:00:00.123+00:00`).
 * `infinity` never leaves a column (only sort keys use it, and those are built
 * from Dates).
 */
import pg from 'pg';

const INSTANT = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)(Z|[+-]\d{2}(?::?\d{2})?)$/;

export class TimestampFormatError extends Error {}

/** One timestamp as PostgreSQL writes it (as text or inside JSON) to a Date (millisecond precision). */
export function decodeTimestamp(text: string): Date {
  const match = INSTANT.exec(text);
  if (!match) throw new TimestampFormatError(`not an ISO 8601 timestamp: ${JSON.stringify(text.slice(0, 40))}`);
  const [, date, time, zone] = match;
  const offset = zone === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const decoded = new Date(`${date}T${time}${offset}`);
  if (Number.isNaN(decoded.getTime())) throw new TimestampFormatError(`not a valid instant: ${JSON.stringify(text)}`);
  return decoded;
}

const TIMESTAMPTZ_OID = 1184;

/** pg's parsers, with `timestamptz` going through decodeTimestamp (everything else as pg does by default). */
export function typeParsers(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(TIMESTAMPTZ_OID, decodeTimestamp);
  return types;
}
