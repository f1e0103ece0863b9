/**
 * Attendance (issue 14, item 3): the requesting association records whether
 * each volunteer assigned to a shift of its request for people came, when they
 * arrived and when they left. Hours served are never stored: reads compute them
 * in PostgreSQL from these times, capped by the shift (volunteer.loaders.ts).
 *
 * Checks run in api.md's order: input shape (the id; times or absent, not
 * both; a departure not before the arrival; no time in the future), existence
 * (the assignment), permission (OWNER or COORDINATOR of the requester, its API
 * key, administrators), then state under the request's row lock: the request
 * OPEN or FILLED, or COMPLETED until 7 days after the shift's end
 * (REQUEST_NOT_OPEN otherwise); the assignment ACTIVE; the times within a sane
 * window around the shift (BAD_USER_INPUT). The migration's CHECK constraints
 * back the record's own rules.
 */
import type { Db } from '../../db/handle.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { CapacityUnit, RequestEventType, RequestStatus } from '../../shared/enums.js';
import { DomainError, badInput, notFound } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { mustExist } from '../../shared/must-exist.js';
import { query } from '../tables.js';
import { actingAssociation } from '../associations/standing.service.js';
import { requestById, slotById } from '../help-requests/help-request.loaders.js';
import { inRequestTransaction } from '../help-requests/request-lock.service.js';
import { assignmentById } from './volunteer.loaders.js';

const HOUR_MS = 3_600_000;

/** An arrival may be recorded up to this long before the shift starts (and not after it ends). */
export const EARLIEST_ARRIVAL_MS = 12 * HOUR_MS;
/** A departure may be recorded up to this long after the shift ends. */
export const LATEST_DEPARTURE_MS = 12 * HOUR_MS;
/** On a COMPLETED request, attendance may be recorded or corrected until this long after the shift's end. */
export const CORRECTION_PERIOD_MS = 7 * 24 * HOUR_MS;
/** Attendance records what happened: a time later than the clock by more than this (a phone's clock running fast) is refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** recordAttendance's input (paths `assignmentId`, `arrivedAt`, `leftAt`, `absent`). */
export interface RecordAttendanceFields {
  assignmentId: string;
  /** Required unless absent. */
  arrivedAt?: Date | null;
  /** Omitted: as recorded before; null: cleared (not left yet). */
  leftAt?: Date | null;
  /** True: did not come (no times then). */
  absent?: boolean | null;
}

/** What a call asks the record to become; `leftAt` undefined keeps the recorded one. */
type Requested = { absent: true } | { absent: false; arrivedAt: Date; leftAt: Date | null | undefined };

/** The input's shape alone (no database): times or absent, in order, none in the future. */
function requestedRecord(input: RecordAttendanceFields, now: Date): Requested {
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const notFuture = (value: Date, field: string) => {
    if (value.getTime() > latest) throw badInput(field, `${field} is in the future: attendance records what has happened`);
  };
  if (input.absent === true) {
    if (input.arrivedAt != null) throw badInput('arrivedAt', 'A volunteer recorded absent has no arrivedAt');
    if (input.leftAt != null) throw badInput('leftAt', 'A volunteer recorded absent has no leftAt');
    return { absent: true };
  }
  const { arrivedAt, leftAt } = input;
  if (arrivedAt == null) throw badInput('arrivedAt', 'arrivedAt is required unless absent is true');
  notFuture(arrivedAt, 'arrivedAt');
  if (leftAt != null) {
    if (leftAt.getTime() < arrivedAt.getTime()) throw badInput('leftAt', 'leftAt must not be before arrivedAt');
    notFuture(leftAt, 'leftAt');
  }
  return { absent: false, arrivedAt, leftAt };
}

/** OPEN or FILLED; COMPLETED until CORRECTION_PERIOD_MS after the shift's end; REQUEST_NOT_OPEN otherwise. */
function requireRecordable(status: RequestStatus, shiftEnd: Date, now: Date): void {
  if (status === RequestStatus.OPEN || status === RequestStatus.FILLED) return;
  if (status === RequestStatus.COMPLETED) {
    if (now.getTime() <= shiftEnd.getTime() + CORRECTION_PERIOD_MS) return;
    throw new DomainError(
      'REQUEST_NOT_OPEN',
      'The request is COMPLETED and this shift ended more than 7 days ago: its attendance is final',
    );
  }
  throw new DomainError('REQUEST_NOT_OPEN', `The request is ${status}`);
}

const sameTime = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

/**
 * Records a volunteer's attendance on a shift: arrived (and left), or absent.
 * A later call may add the departure or correct the record. One
 * ATTENDANCE_RECORDED event when the record changes (none when it is recorded
 * again as it is); the request's version does not change. Returns the
 * assignment's id.
 */
export async function recordAttendance(db: Db, actor: Actor, input: RecordAttendanceFields, clock: Clock): Promise<string> {
  const key = keyOf(input.assignmentId, 'Assignment', 'assignmentId');
  const requested = requestedRecord(input, clock());

  const assignment = key ? await assignmentById(db).load(key) : null;
  if (!assignment) throw notFound('Assignment');
  const request = mustExist(await requestById(db).load(assignment.requestId), 'requestById(assignment.requestId)');
  await actingAssociation(db, actor, request.requesterId, 'record attendance on its requests');
  const slot = mustExist(await slotById(db).load(assignment.slotId), 'slotById(assignment.slotId)');
  // Assignments exist only on timed slots of requests for people (assignVolunteers); a slot's times never change.
  const { startsAt, endsAt } = slot;
  if (request.unit !== CapacityUnit.PERSON || startsAt === null || endsAt === null) {
    throw badInput('assignmentId', 'Attendance is recorded on timed shifts of requests for people');
  }

  return inRequestTransaction(db.em, request.id, clock, async ({ em, request: locked, emit }) => {
    const now = clock();
    requireRecordable(locked.status, endsAt, now);
    const q = query(em);
    // Assignments of a request change only under its row lock: what is read here holds until commit.
    const current = await q
      .selectFrom('assignment')
      .select(['endedAt', 'endReason', 'arrivedAt', 'leftAt', 'absent'])
      .where('id', '=', assignment.id)
      .executeTakeFirstOrThrow();
    if (current.endedAt !== null) {
      throw badInput(
        'assignmentId',
        `The assignment has ENDED (${current.endReason ?? 'unassigned'}): the volunteer was not on this shift`,
      );
    }

    let next: { arrivedAt: Date | null; leftAt: Date | null; absent: boolean };
    if (requested.absent) {
      if (now.getTime() < startsAt.getTime()) throw badInput('absent', 'A volunteer can be recorded absent once the shift has started');
      next = { arrivedAt: null, leftAt: null, absent: true };
    } else {
      const { arrivedAt } = requested;
      const leftAt = requested.leftAt === undefined ? current.leftAt : requested.leftAt;
      if (arrivedAt.getTime() < startsAt.getTime() - EARLIEST_ARRIVAL_MS) {
        throw badInput('arrivedAt', 'arrivedAt is more than 12 hours before the shift starts');
      }
      if (arrivedAt.getTime() > endsAt.getTime()) throw badInput('arrivedAt', 'arrivedAt is after the shift ended');
      if (leftAt !== null && leftAt.getTime() > endsAt.getTime() + LATEST_DEPARTURE_MS) {
        throw badInput('leftAt', 'leftAt is more than 12 hours after the shift ended');
      }
      if (leftAt !== null && leftAt.getTime() < arrivedAt.getTime()) {
        throw badInput('arrivedAt', 'arrivedAt is after the recorded leftAt: send leftAt too (null clears it)');
      }
      next = { arrivedAt, leftAt, absent: false };
    }

    const unchanged =
      next.absent === current.absent && sameTime(next.arrivedAt, current.arrivedAt) && sameTime(next.leftAt, current.leftAt);
    if (unchanged) return assignment.id;
    await q.updateTable('assignment').set(next).where('id', '=', assignment.id).execute();
    emit({
      type: RequestEventType.ATTENDANCE_RECORDED,
      claimId: assignment.claimId,
      assignmentId: assignment.id,
      actorId: request.requesterId,
    });
    return assignment.id;
  });
}
