/**
 * Service records (issue 14, item 3): what a volunteer served, for the people
 * entitled to it: a user's own record across every roster that links them
 * (the user themself and administrators), and a roster entry's record (the
 * roster association's OWNERs and API key, and administrators). GraphQL shows
 * a record to them and null to everyone else; the CSV export
 * (`GET /export/service-record.csv`) refuses everyone else, in api.md's order
 * of checks.
 */
import type { Db } from '../../db/handle.js';
import type { Actor } from '../../shared/actor.js';
import { badInput, forbidden, notFound, unauthenticated } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { standingIn } from '../associations/standing.service.js';
import type { SelfUserRow } from '../identity/user.policy.js';
import { serviceRecordByUser, serviceRecordByVolunteer } from './service-record.loaders.js';
import { maySeeUserRecord, maySeeVolunteerRecord } from './service-record.policy.js';
import { rosterEntryById } from './volunteer.loaders.js';
import type { ServiceRecordRow, VolunteerRow } from './volunteer.rows.js';

/** User.serviceRecord: the user's record, or null for anyone but the user themself and administrators. */
export async function userServiceRecord(db: Db, actor: Actor, user: SelfUserRow): Promise<ServiceRecordRow | null> {
  return maySeeUserRecord(actor, user) ? serviceRecordByUser(db).load(user.id) : null;
}

/** Volunteer.serviceRecord: the entry's record, or null for anyone but the roster's OWNERs and key, and administrators. */
export async function volunteerServiceRecord(
  db: Db,
  actor: Actor,
  volunteer: Pick<VolunteerRow, 'id' | 'associationId'>,
): Promise<ServiceRecordRow | null> {
  if (!maySeeVolunteerRecord(await standingIn(db, actor, volunteer.associationId))) return null;
  return serviceRecordByVolunteer(db).load(volunteer.id);
}

/** Whose record an export is: exactly one of them (paths `volunteerId`, `user`). */
export interface ServiceRecordExportFields {
  volunteerId?: string | null;
  /** `me`: the caller's own record. */
  user?: string | null;
}

/**
 * The record behind `GET /export/service-record.csv`, by the rules of the
 * GraphQL fields, refused rather than null: UNAUTHENTICATED without
 * credentials; BAD_USER_INPUT unless exactly one of `volunteerId` (decodable)
 * and `user=me` is given; NOT_FOUND for a volunteer id naming nothing;
 * FORBIDDEN for a caller who may not see the record (an API key has no record
 * of its own).
 */
export async function serviceRecordExport(db: Db, actor: Actor, input: ServiceRecordExportFields): Promise<ServiceRecordRow> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const { volunteerId, user } = input;
  if ((volunteerId == null) === (user == null)) {
    throw badInput(volunteerId == null ? 'volunteerId' : 'user', 'Name exactly one record: volunteerId=<id> or user=me');
  }
  if (volunteerId == null) {
    if (user !== 'me') throw badInput('user', 'user takes one value: me');
    if (actor.kind !== 'user') throw forbidden('An API key has no service record of its own: ask for volunteerId=<id>');
    return serviceRecordByUser(db).load(actor.userId);
  }
  const key = keyOf(volunteerId, 'Volunteer', 'volunteerId');
  const volunteer = key ? await rosterEntryById(db).load(key) : null;
  if (!volunteer) throw notFound('Volunteer');
  const record = await volunteerServiceRecord(db, actor, volunteer);
  if (record === null)
    throw forbidden("Only the roster association's OWNERs and API key, and administrators, can export a volunteer's record");
  return record;
}
