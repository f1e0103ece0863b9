import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EXPECTED, listCost, spendItems } from '../../shared/cost.js';
import { mustExist } from '../../shared/must-exist.js';
import type { Context } from '../context.js';
import { UserType } from '../identity/identity.type.js';
import type { SelfUserRow } from '../identity/user.policy.js';
import { associationById } from '../associations/association.loaders.js';
import type { AssociationRow } from '../associations/association.rows.js';
import { AssociationType } from '../associations/association.type.js';
import { userServiceRecord, volunteerServiceRecord } from './service-record.service.js';
import { ServiceRecordType, ServiceShiftType } from './service-record.type.js';
import type { AssignmentRow, ServiceRecordRow, ServiceShiftRow, VolunteerRow } from './volunteer.rows.js';
import { AssignmentType, VolunteerType } from './volunteer.type.js';

@Resolver(() => ServiceRecordType)
export class ServiceRecordResolver {
  @FieldResolver(() => [ServiceShiftType], {
    description: 'Its shifts, soonest first (by start, then id).',
    complexity: listCost(EXPECTED.serviceShifts),
  })
  shifts(@Root() record: ServiceRecordRow, @Ctx() ctx: Context): ServiceShiftRow[] {
    return spendItems(ctx, record.shifts);
  }
}

@Resolver(() => ServiceShiftType)
export class ServiceShiftResolver {
  @FieldResolver(() => AssignmentType, {
    description: "The assignment, with its attendance. Volunteers' names and phones follow their own rule.",
  })
  assignment(@Root() shift: ServiceShiftRow): AssignmentRow {
    return shift.assignment;
  }

  @FieldResolver(() => AssociationType, { description: 'The association that requested the shift.' })
  async requester(@Root() shift: ServiceShiftRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return mustExist(await associationById(ctx.db).load(shift.requesterId), 'associationById(shift.requesterId)');
  }
}

/** User.serviceRecord: added to identity's User type by the module that owns assignments. */
@Resolver(() => UserType)
export class UserServiceRecordResolver {
  @FieldResolver(() => ServiceRecordType, {
    nullable: true,
    description:
      "The user's service record: the shifts they served on every roster that links them, with hours. Visible to the user themself and to administrators; null for everyone else. Also as CSV: GET /export/service-record.csv?user=me.",
  })
  serviceRecord(@Root() user: SelfUserRow, @Ctx() ctx: Context): Promise<ServiceRecordRow | null> {
    return userServiceRecord(ctx.db, ctx.actor, user);
  }
}

/** Volunteer.serviceRecord. */
@Resolver(() => VolunteerType)
export class VolunteerServiceRecordResolver {
  @FieldResolver(() => ServiceRecordType, {
    nullable: true,
    description:
      "This roster entry's service record: the shifts the volunteer served for this association's claims, with hours. Visible to the roster association's OWNERs and API key and to administrators; null for everyone else. Also as CSV: GET /export/service-record.csv?volunteerId=<id>.",
  })
  serviceRecord(@Root() volunteer: VolunteerRow, @Ctx() ctx: Context): Promise<ServiceRecordRow | null> {
    return volunteerServiceRecord(ctx.db, ctx.actor, volunteer);
  }
}
