/**
 * `GET /export/service-record.csv?volunteerId=<id>` or `?user=me`: a service
 * record (volunteers/service-record.service.ts) as a spreadsheet file, by the
 * rules of the GraphQL fields. Bearer authentication as on /graphql; refusals
 * are JSON in the server's error shape, with the status their code implies
 * (401 with WWW-Authenticate, 400, 403, 404, 503 with Retry-After).
 *
 * The file: UTF-8 with a byte order mark (so spreadsheet programs read Chinese
 * names right), RFC 4180 (CRLF, fields quoted when they hold a comma, a quote
 * or a line break, quotes doubled), a header row, one row per shift, a totals
 * row. A cell that starts with = + - @, a tab or a carriage return (or their
 * full-width forms) gets a leading single quote, so no spreadsheet runs it as a
 * formula (csv-stringify's escape_formulas). Dates and times are on the wall
 * clock of STATS_TIME_ZONE, the county's.
 */
import type { Request, RequestHandler, Response } from 'express';
import { stringify } from 'csv-stringify';
import { DateTime } from 'luxon';
import { GraphQLError } from 'graphql';
import { openDb } from '../db/handle.js';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/availability.js';
import { DomainError, ErrorCode, badInput, unauthenticated, type ErrorDetails } from '../shared/errors.js';
import { serviceRecordExport } from '../modules/volunteers/service-record.service.js';
import type { ServiceRecordRow } from '../modules/volunteers/volunteer.rows.js';
import { authenticate } from './authenticate.js';
import type { AppServices } from './context.js';
import { AUTHENTICATE_CHALLENGE, INTERNAL_MESSAGE } from './errors.js';

export const SERVICE_RECORD_CSV_PATH = '/export/service-record.csv';

export const SERVICE_RECORD_COLUMNS = [
  'volunteer',
  'date',
  'shift',
  'requesting association',
  'request title',
  'arrived',
  'left',
  'hours',
] as const;

const hours = (value: number) => value.toFixed(2);

/** `records` as CSV text: BOM, CRLF, RFC 4180 quoting, formulas escaped. */
function csvText(records: string[][]): Promise<string> {
  return new Promise((resolve, reject) => {
    stringify(records, { bom: true, record_delimiter: 'windows', escape_formulas: true }, (error, output) => {
      if (error) reject(error);
      else resolve(output);
    });
  });
}

/** The record as CSV text (with its byte order mark), times on the wall clock of `timeZone`. */
export function serviceRecordCsv(record: ServiceRecordRow, timeZone: string): Promise<string> {
  const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: timeZone });
  const moment = (instant: Date | null) => (instant === null ? '' : local(instant).toFormat('yyyy-MM-dd HH:mm'));
  const rows = record.shifts.map((shift) => {
    const start = local(shift.startsAt);
    const end = local(shift.endsAt);
    const days = Math.round(end.startOf('day').diff(start.startOf('day'), 'days').days);
    const { assignment } = shift;
    return [
      shift.volunteerName,
      start.toFormat('yyyy-MM-dd'),
      `${start.toFormat('HH:mm')}-${end.toFormat('HH:mm')}${days > 0 ? ` (+${days})` : ''}`,
      shift.requesterName,
      shift.requestTitle,
      assignment.absent ? 'absent' : moment(assignment.arrivedAt),
      moment(assignment.leftAt),
      shift.hoursServed === null ? '' : hours(shift.hoursServed),
    ];
  });
  const totals = [
    'total',
    '',
    `shifts: ${record.shifts.length}`,
    '',
    '',
    `served: ${record.shiftsServed}`,
    `absent: ${record.absences}`,
    hours(record.totalHours),
  ];
  return csvText([[...SERVICE_RECORD_COLUMNS], ...rows, totals]);
}

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

const KNOWN_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

/** An expected refusal: a service's DomainError, or the server's own (authenticate's UNAUTHENTICATED). */
function refusalOf(error: unknown): { code: ErrorCode; message: string; details: ErrorDetails } | null {
  if (error instanceof DomainError) return { code: error.code, message: error.message, details: error.details };
  if (error instanceof GraphQLError) {
    const code = KNOWN_CODES.find((known) => known === error.extensions.code);
    if (code !== undefined) return { code, message: error.message, details: {} };
  }
  return null;
}

function sendError(res: Response, code: ErrorCode, message: string, field?: string): void {
  if (code === ErrorCode.UNAUTHENTICATED) res.set('www-authenticate', AUTHENTICATE_CHALLENGE);
  if (code === ErrorCode.SERVICE_UNAVAILABLE) res.set('retry-after', String(RETRY_AFTER_SECONDS));
  res.status(STATUS_OF[code] ?? 500).json({ errors: [{ message, extensions: { code, ...(field === undefined ? {} : { field }) } }] });
}

/** One query parameter: absent is null, given twice is BAD_USER_INPUT. */
function parameter(req: Request, name: string): string | null {
  const value: unknown = req.query[name];
  if (value === undefined) return null;
  if (typeof value !== 'string') throw badInput(name, `${name} is given once`);
  return value;
}

export function serviceRecordCsvRoute(services: AppServices): RequestHandler {
  return async (req, res) => {
    try {
      const actor = await authenticate(services, req.headers.authorization);
      // api.md's order of checks: missing credentials before the shape of the query.
      if (actor.kind === 'anonymous') throw unauthenticated();
      const input = { volunteerId: parameter(req, 'volunteerId'), user: parameter(req, 'user') };
      const record = await serviceRecordExport(openDb(services.orm), actor, input);
      const text = await serviceRecordCsv(record, services.config.statsTimeZone);
      res
        .status(200)
        .set({
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="service-record.csv"',
          'cache-control': 'no-store',
        })
        .send(text);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) {
        sendError(res, refusal.code, refusal.message, refusal.details.field);
      } else if (isDatabaseUnavailable(error)) {
        sendError(res, ErrorCode.SERVICE_UNAVAILABLE, 'The database cannot be reached right now: retry later');
      } else {
        services.log.error({ err: error }, 'service record export failed');
        sendError(res, ErrorCode.INTERNAL_SERVER_ERROR, INTERNAL_MESSAGE);
      }
    }
  };
}
