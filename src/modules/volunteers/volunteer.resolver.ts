import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
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
import { acceptVolunteerInvitation, declineVolunteerInvitation, leaveRoster, userVolunteerInvitations } from './invitation.service.js';
import { AddVolunteerInput } from './volunteer.inputs.js';
import { upcomingShiftsByUser } from './volunteer.loaders.js';
import type { AssignmentRow, VolunteerRow } from './volunteer.rows.js';
import { addVolunteer, associationVolunteers, findVolunteer } from './volunteer.service.js';
import { AssignmentType, VOLUNTEER_PRIVACY, VolunteerConnection, VolunteerType } from './volunteer.type.js';

/** A mutation's payload is read after its commit, as the caller may now see it. */
async function freshVolunteer(ctx: Context, id: string): Promise<VolunteerRow> {
  forgetLoaded(ctx.db);
  return mustExist(await findVolunteer(ctx.db, ctx.actor, id), 'findVolunteer(id)');
}

@Resolver(() => VolunteerType)
export class VolunteerResolver extends NodeFieldsResolver(VolunteerType, 'Volunteer') {
  @Access('authenticated')
  @Mutation(() => VolunteerType, {
    description:
      "Adds a volunteer to an association's roster: by its OWNERs, COORDINATORs and API key, and administrators. With userEmail, the user is invited, not linked: see acceptVolunteerInvitation.",
  })
  async addVolunteer(@Arg('input', () => AddVolunteerInput) input: AddVolunteerInput, @Ctx() ctx: Context): Promise<VolunteerRow> {
    return freshVolunteer(ctx, await underField('input', () => addVolunteer(ctx.db, ctx.actor, input, ctx.app.clock)));
  }

  @Access('authenticated')
  @Mutation(() => VolunteerType, {
    description:
      "Accepts a roster's invitation (User.volunteerInvitations): from now on the volunteer is the caller, who sees its name and phone, its shifts in User.shifts and its record in User.serviceRecord. By the invited user only (FORBIDDEN for everyone else, administrators and the roster included). The volunteer's shifts that have not ended become the user's: one that overlaps a shift the user is already on refuses the acceptance (SCHEDULE_CONFLICT). Accepting again changes nothing.",
  })
  async acceptVolunteerInvitation(@Arg('volunteerId', () => ID) volunteerId: string, @Ctx() ctx: Context): Promise<VolunteerRow> {
    return freshVolunteer(ctx, await acceptVolunteerInvitation(ctx.db, ctx.actor, { volunteerId }, ctx.app.clock));
  }

  @Access('authenticated')
  @Mutation(() => VolunteerType, {
    description:
      "Declines a roster's invitation: the volunteer stays on the roster, without an account. By the invited user only (FORBIDDEN for everyone else); once accepted, BAD_USER_INPUT (leaveRoster instead).",
  })
  async declineVolunteerInvitation(@Arg('volunteerId', () => ID) volunteerId: string, @Ctx() ctx: Context): Promise<VolunteerRow> {
    return freshVolunteer(ctx, await declineVolunteerInvitation(ctx.db, ctx.actor, { volunteerId }));
  }

  @Access('authenticated')
  @Mutation(() => VolunteerType, {
    description:
      "Leaves a roster: the volunteer links the caller no more and is one without an account. By the linked user only (FORBIDDEN for everyone else). Its ACTIVE assignments stay the user's (they still count against the user's other shifts until the roster unassigns them); later ones are the volunteer's own.",
  })
  async leaveRoster(@Arg('volunteerId', () => ID) volunteerId: string, @Ctx() ctx: Context): Promise<VolunteerRow> {
    return freshVolunteer(ctx, await leaveRoster(ctx.db, ctx.actor, { volunteerId }));
  }

  @FieldResolver(() => AssociationType, { description: 'The association whose roster the volunteer is on.' })
  async association(@Root() volunteer: VolunteerRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return mustExist(await associationById(ctx.db).load(volunteer.associationId), 'associationById(volunteer.associationId)');
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: `The user account of the volunteer, once that user accepted the roster's invitation; null while it waits. ${VOLUNTEER_PRIVACY}`,
  })
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
      "The user's upcoming shifts: active assignments made as them (on every roster whose invitation they accepted; a roster they left keeps the shifts it had given them until it unassigns them), whose shift has not ended yet, soonest first. Visible to the user themself and to administrators; empty for everyone else.",
    complexity: listCost(EXPECTED.shifts),
  })
  async shifts(@Root() user: SelfUserRow, @Ctx() ctx: Context): Promise<AssignmentRow[]> {
    return spendItems(ctx, maySeePrivateOf(ctx.actor, user) ? await upcomingShiftsByUser(ctx.db).load(user.id) : []);
  }
}

/** User.volunteerInvitations: added to identity's User type by the module that owns rosters. */
@Resolver(() => UserType)
export class UserVolunteerInvitationsResolver {
  @FieldResolver(() => [VolunteerType], {
    description:
      "Invitations to rosters waiting for the user's answer (acceptVolunteerInvitation, declineVolunteerInvitation), oldest first: each volunteer with the roster's association and the name the roster gave, never its phone (null until accepted). Visible to the user themself and to administrators; empty for everyone else.",
    complexity: listCost(EXPECTED.invitations),
  })
  async volunteerInvitations(@Root() user: SelfUserRow, @Ctx() ctx: Context): Promise<VolunteerRow[]> {
    return spendItems(ctx, await userVolunteerInvitations(ctx.db, ctx.actor, user));
  }
}
