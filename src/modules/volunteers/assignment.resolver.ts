import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { forgetLoaded } from '../../db/handle.js';
import { EXPECTED, listCost, spendItems } from '../../shared/cost.js';
import { AssignmentStatus } from '../../shared/enums.js';
import { underField } from '../../shared/errors.js';
import { mustExist } from '../../shared/must-exist.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { visibilityOf } from '../associations/standing.service.js';
import { claimById, slotById } from '../help-requests/help-request.loaders.js';
import type { ClaimRow, SlotRow } from '../help-requests/help-request.rows.js';
import { ClaimType, SlotType } from '../help-requests/help-request.type.js';
import { assignVolunteers, unassignVolunteer } from './assignment.service.js';
import { recordAttendance } from './attendance.service.js';
import { AssignVolunteersInput, RecordAttendanceInput } from './volunteer.inputs.js';
import { activeAssignmentsByClaim, activeAssignmentsBySlot, assignmentById, visibleVolunteerById } from './volunteer.loaders.js';
import type { AssignmentRow, VolunteerRow } from './volunteer.rows.js';
import { AssignmentType, VolunteerType } from './volunteer.type.js';

/** A mutation's payload is read after its commit, as it is now. */
async function freshAssignments(ctx: Context, ids: string[]): Promise<AssignmentRow[]> {
  forgetLoaded(ctx.db);
  const found = await assignmentById(ctx.db).loadMany(ids);
  return found.map((row) => mustExist(row instanceof Error ? null : row, 'assignmentById(id)'));
}

@Resolver(() => AssignmentType)
export class AssignmentResolver extends NodeFieldsResolver(AssignmentType, 'Assignment') {
  @Access('authenticated')
  @Mutation(() => [AssignmentType], {
    description:
      "Assigns volunteers of the claiming association's roster to places of its ACTIVE claim on a timed slot, all or none: by its OWNERs, COORDINATORs and API key. Never more people than the claim's quantity (CAPACITY_EXCEEDED with remaining), never one person twice on a slot (ALREADY_CLAIMED), never one person on two overlapping shifts of any requests (SCHEDULE_CONFLICT), whatever the concurrency. One VOLUNTEER_ASSIGNED event each; the request's version does not change.",
    complexity: listCost(EXPECTED.assignments),
  })
  async assignVolunteers(
    @Arg('input', () => AssignVolunteersInput) input: AssignVolunteersInput,
    @Ctx() ctx: Context,
  ): Promise<AssignmentRow[]> {
    return freshAssignments(ctx, await underField('input', () => assignVolunteers(ctx.db, ctx.actor, input, ctx.app.clock)));
  }

  @Access('authenticated')
  @Mutation(() => AssignmentType, {
    description:
      "Ends an ACTIVE assignment, freeing its place on the claim: by the claiming association, before the shift starts (by the server's clock) and before any attendance is recorded for it. After that, who was assigned stays on record (BAD_USER_INPUT on id): if the volunteer did not come, the requester records them absent. One VOLUNTEER_UNASSIGNED event; the request's version does not change.",
  })
  async unassignVolunteer(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<AssignmentRow> {
    const [ended] = await freshAssignments(ctx, [await unassignVolunteer(ctx.db, ctx.actor, { id, reason }, ctx.app.clock)]);
    return ended;
  }

  @Access('authenticated')
  @Mutation(() => AssignmentType, {
    description:
      "Records whether an assigned volunteer came to a shift: arrived (and left), or absent. By the requesting association's OWNERs, COORDINATORs and API key, on OPEN and FILLED requests and on COMPLETED ones until 7 days after the shift's end (REQUEST_NOT_OPEN otherwise). A later call adds the departure or corrects the record. One ATTENDANCE_RECORDED event when the record changes; the request's version does not change.",
  })
  async recordAttendance(
    @Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput,
    @Ctx() ctx: Context,
  ): Promise<AssignmentRow> {
    const [recorded] = await freshAssignments(ctx, [
      await underField('input', () => recordAttendance(ctx.db, ctx.actor, input, ctx.app.clock)),
    ]);
    return recorded;
  }

  @FieldResolver(() => AssignmentStatus)
  status(@Root() assignment: AssignmentRow): AssignmentStatus {
    return assignment.endedAt === null ? AssignmentStatus.ACTIVE : AssignmentStatus.ENDED;
  }

  @FieldResolver(() => VolunteerType)
  async volunteer(@Root() assignment: AssignmentRow, @Ctx() ctx: Context): Promise<VolunteerRow> {
    const visibility = await visibilityOf(ctx.db, ctx.actor);
    return mustExist(
      await visibleVolunteerById(ctx.db).load({ id: assignment.volunteerId, visibility }),
      'visibleVolunteerById(volunteerId)',
    );
  }

  @FieldResolver(() => ClaimType)
  async claim(@Root() assignment: AssignmentRow, @Ctx() ctx: Context): Promise<ClaimRow> {
    return mustExist(await claimById(ctx.db).load(assignment.claimId), 'claimById(assignment.claimId)');
  }

  @FieldResolver(() => SlotType, { description: 'The slot whose shift this is (its startsAt and endsAt).' })
  async slot(@Root() assignment: AssignmentRow, @Ctx() ctx: Context): Promise<SlotRow> {
    return mustExist(await slotById(ctx.db).load(assignment.slotId), 'slotById(assignment.slotId)');
  }
}

const ACTIVE_ASSIGNMENTS = "Its ACTIVE assignments, in the order they were made. Volunteers' names and phones follow their own rule.";

/** Slot.assignments: added to the help-requests module's type by the module that owns assignments. */
@Resolver(() => SlotType)
export class SlotAssignmentsResolver {
  @FieldResolver(() => [AssignmentType], { description: ACTIVE_ASSIGNMENTS, complexity: listCost(EXPECTED.assignments) })
  async assignments(@Root() slot: SlotRow, @Ctx() ctx: Context): Promise<AssignmentRow[]> {
    return spendItems(ctx, await activeAssignmentsBySlot(ctx.db).load(slot.id));
  }
}

/** Claim.assignments: added to the help-requests module's type by the module that owns assignments. */
@Resolver(() => ClaimType)
export class ClaimAssignmentsResolver {
  @FieldResolver(() => [AssignmentType], { description: ACTIVE_ASSIGNMENTS, complexity: listCost(EXPECTED.assignments) })
  async assignments(@Root() claim: ClaimRow, @Ctx() ctx: Context): Promise<AssignmentRow[]> {
    return spendItems(ctx, await activeAssignmentsByClaim(ctx.db).load(claim.id));
  }
}
