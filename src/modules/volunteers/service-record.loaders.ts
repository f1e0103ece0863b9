/**
 * Service records (issue 14, item 3): the shifts a person served and their
 * totals, one statement for any number of records (per user, across every
 * roster that links them, or per roster entry). The totals are window
 * aggregates of the same statement: PostgreSQL adds the hours, never Node.
 * Actor-neutral rows: who may see a record is decided by the service.
 */
import { defineLoader, groupByKey, type Db } from '../../db/handle.js';
import { transactionTime } from '../../db/raw.js';
import { query } from '../tables.js';
import { hoursServed } from './volunteer.loaders.js';
import { ASSIGNMENT_FIELDS, type AssignmentRow, type ServiceRecordRow } from './volunteer.rows.js';

const QUALIFIED_ASSIGNMENT_FIELDS = ASSIGNMENT_FIELDS.map((field) => `assignment.${field}` as const);

/**
 * The shifts on the records of `keys` (users or volunteers), soonest first,
 * each row with its record's totals. A shift is on a record once attendance
 * was recorded for it (arrived or absent), or once it has ended (by the
 * database clock) with the volunteer still assigned; unassigned people and
 * shifts to come are not.
 */
function serviceShifts(db: Db, by: 'userId' | 'volunteerId', keys: readonly string[]) {
  const owner = by === 'userId' ? 'volunteer.userId' : 'volunteer.id';
  return query(db.em)
    .selectFrom('assignment')
    .innerJoin('volunteer', 'volunteer.id', 'assignment.volunteerId')
    .innerJoin('help_request', 'help_request.id', 'assignment.requestId')
    .innerJoin('association', 'association.id', 'help_request.requesterId')
    .select(QUALIFIED_ASSIGNMENT_FIELDS)
    .select((eb) => {
      const hours = hoursServed(eb);
      return [
        eb.ref(owner).as('owner'),
        hours.as('hoursServed'),
        eb.ref('help_request.title').as('requestTitle'),
        eb.ref('help_request.requesterId').as('requesterId'),
        eb.ref('association.name').as('requesterName'),
        eb.ref('volunteer.name').as('volunteerName'),
        eb.fn<Date>('lower', ['assignment.shift']).as('startsAt'),
        eb.fn<Date>('upper', ['assignment.shift']).as('endsAt'),
        // Sums of 2-decimal values, rounded again: float8 addition must not show 10.499999.
        eb
          .cast<number>(
            eb.fn('round', [
              eb.cast(
                eb.fn.coalesce(
                  eb.fn.sum(hours).over((ob) => ob.partitionBy(owner)),
                  eb.lit(0),
                ),
                'numeric',
              ),
              eb.lit(2),
            ]),
            'float8',
          )
          .as('totalHours'),
        eb
          .cast<number>(
            eb.fn.count('assignment.arrivedAt').over((ob) => ob.partitionBy(owner)),
            'integer',
          )
          .as('shiftsServed'),
        eb
          .cast<number>(
            eb.fn
              .countAll()
              .filterWhere('assignment.absent', '=', true)
              .over((ob) => ob.partitionBy(owner)),
            'integer',
          )
          .as('absences'),
      ];
    })
    .where((eb) =>
      eb.and([
        eb(owner, '=', eb.fn.any(eb.val([...keys]))),
        eb.or([
          eb('assignment.arrivedAt', 'is not', null),
          eb('assignment.absent', '=', true),
          eb.and([eb('assignment.endedAt', 'is', null), eb(eb.fn('upper', ['assignment.shift']), '<=', transactionTime())]),
        ]),
      ]),
    )
    .orderBy((eb) => eb.fn('lower', ['assignment.shift']))
    .orderBy('assignment.id')
    .execute();
}

type ShiftRow = Awaited<ReturnType<typeof serviceShifts>>[number];

const EMPTY: ServiceRecordRow = { shifts: [], totalHours: 0, shiftsServed: 0, absences: 0 };

/** The record made of one key's rows (each carries the record's totals); an empty record when it has none. */
function recordOf(rows: ShiftRow[]): ServiceRecordRow {
  if (rows.length === 0) return EMPTY;
  const [first] = rows;
  return {
    shifts: rows.map((row) => {
      const assignment: AssignmentRow = {
        id: row.id,
        claimId: row.claimId,
        slotId: row.slotId,
        requestId: row.requestId,
        volunteerId: row.volunteerId,
        assignedAt: row.assignedAt,
        endedAt: row.endedAt,
        endReason: row.endReason,
        arrivedAt: row.arrivedAt,
        leftAt: row.leftAt,
        absent: row.absent,
        hoursServed: row.hoursServed,
      };
      return {
        assignment,
        requestTitle: row.requestTitle,
        requesterId: row.requesterId,
        requesterName: row.requesterName,
        volunteerName: row.volunteerName,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        hoursServed: row.hoursServed,
      };
    }),
    totalHours: first.totalHours,
    shiftsServed: first.shiftsServed,
    absences: first.absences,
  };
}

/** Each user's service record, across every roster that links them. */
export const serviceRecordByUser = defineLoader<string, ServiceRecordRow>(async (db, userIds) =>
  groupByKey(userIds, await serviceShifts(db, 'userId', userIds), (row) => row.owner).map(recordOf),
);

/** Each roster entry's service record. */
export const serviceRecordByVolunteer = defineLoader<string, ServiceRecordRow>(async (db, volunteerIds) =>
  groupByKey(volunteerIds, await serviceShifts(db, 'volunteerId', volunteerIds), (row) => row.owner).map(recordOf),
);
