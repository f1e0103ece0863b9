import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { forgetLoaded } from '../../db/handle.js';
import { EXPECTED, listCost, pageCost, spendItems } from '../../shared/cost.js';
import { underField } from '../../shared/errors.js';
import { mustExist } from '../../shared/must-exist.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import type { Connection } from '../../shared/pagination.js';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { userById } from '../identity/identity.loaders.js';
import type { UserRow } from '../identity/identity.rows.js';
import { UserType } from '../identity/identity.type.js';
import { maySeePrivateOf, type SelfUserRow } from '../identity/user.policy.js';
import { associationById } from '../associations/association.loaders.js';
import type { AssociationRow } from '../associations/association.rows.js';
import { AssociationType } from '../associations/association.type.js';
import { AddVolunteerInput } from './volunteer.inputs.js';
import { upcomingShiftsByUser } from './volunteer.loaders.js';
import type { AssignmentRow, VolunteerRow } from './volunteer.rows.js';
import { addVolunteer, associationVolunteers, findVolunteer } from './volunteer.service.js';
import { AssignmentType, VOLUNTEER_PRIVACY, VolunteerConnection, VolunteerType } from './volunteer.type.js';

@Resolver(() => VolunteerType)
export class VolunteerResolver extends NodeFieldsResolver(VolunteerType, 'Volunteer') {
  @Access('authenticated')
  @Mutation(() => VolunteerType, {
    description: "Adds a volunteer to an association's roster: by its OWNERs, COORDINATORs and API key, and administrators.",
  })
  async addVolunteer(@Arg('input', () => AddVolunteerInput) input: AddVolunteerInput, @Ctx() ctx: Context): Promise<VolunteerRow> {
    const id = await underField('input', () => addVolunteer(ctx.db, ctx.actor, input, ctx.app.clock));
    forgetLoaded(ctx.db);
    return mustExist(await findVolunteer(ctx.db, ctx.actor, id), 'findVolunteer(id)');
  }

  @FieldResolver(() => AssociationType, { description: 'The association whose roster the volunteer is on.' })
  async association(@Root() volunteer: VolunteerRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return mustExist(await associationById(ctx.db).load(volunteer.associationId), 'associationById(volunteer.associationId)');
  }

  @FieldResolver(() => UserType, { nullable: true, description: `The user account of the volunteer, if linked. ${VOLUNTEER_PRIVACY}` })
  async linkedUser(@Root() volunteer: VolunteerRow, @Ctx() ctx: Context): Promise<UserRow | null> {
    return volunteer.userId === null ? null : userById(ctx.db).load(volunteer.userId);
  }
}

/** Association.volunteers: added to the associations module's type by the module that owns rosters. */
@Resolver(() => AssociationType)
export class AssociationVolunteersResolver {
  @FieldResolver(() => VolunteerConnection, {
    description:
      'Its roster, by name (code-point order), then id: visible to its OWNERs, COORDINATORs and API key, and to administrators; empty for everyone else.',
    complexity: pageCost(20),
  })
  volunteers(
    @Root() association: AssociationRow,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<VolunteerRow>> {
    return associationVolunteers(ctx.db, ctx.actor, { associationId: association.id, first, after });
  }
}

/** User.shifts: added to identity's User type by the module that owns assignments. */
@Resolver(() => UserType)
export class UserShiftsResolver {
  @FieldResolver(() => [AssignmentType], {
    description:
      "The user's upcoming shifts: active assignments, on every roster that links them, whose shift has not ended yet, soonest first. Visible to the user themself and to administrators; empty for everyone else.",
    complexity: listCost(EXPECTED.shifts),
  })
  async shifts(@Root() user: SelfUserRow, @Ctx() ctx: Context): Promise<AssignmentRow[]> {
    return spendItems(ctx, maySeePrivateOf(ctx.actor, user) ? await upcomingShiftsByUser(ctx.db).load(user.id) : []);
  }
}
