import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { pageCost } from '../../shared/cost.js';
import { mustExist } from '../../shared/must-exist.js';
import type { Connection } from '../../shared/pagination.js';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import {
  checkEventFilter,
  decodeEventCursor,
  encodeEventCursor,
  headPosition,
  listEvents,
  type RequestEventRow,
} from '../event-log/event-feed.service.js';
import { associationById } from '../associations/association.loaders.js';
import { AssociationType } from '../associations/association.type.js';
import { ClaimType, HelpRequestType } from '../help-requests/help-request.type.js';
import { claimById, requestById } from '../help-requests/help-request.loaders.js';
import { handOffById } from '../help-requests/claim-handoff.loaders.js';
import { ClaimHandOffType } from '../help-requests/claim-handoff.type.js';
import { assignmentById } from '../volunteers/volunteer.loaders.js';
import { AssignmentType } from '../volunteers/volunteer.type.js';
import type { EventsContext } from './events.context.js';
import { RequestEventConnection, RequestEventFilter, RequestEventObject } from './request-event.type.js';

const SUBSCRIPTION_DESCRIPTION = `Every event matching the filter, in commit order, exactly once. With \`after\`,
first replays the stored events after that cursor, then continues live with no
gap and no duplicate. Without \`after\`, starts at the newest committed event at
the moment of subscribing (exclusive). Filters match the request's attributes as
they were when each event was written, so replay and live agree.`;

/**
 * The event stream of one subscription. Its context's Db (ORM fork and
 * loaders) is swapped, event by event, for the one the hub shares among all
 * subscribers of that event in this process (each event is executed before the
 * next is pulled). Over WebSocket the transport executes an event once per
 * group of subscribers that may see the same of it (server/ws-delivery.ts).
 */
async function subscribeToEvents({
  args,
  context,
}: SubscribeResolverData<unknown, { filter?: RequestEventFilter | null; after?: string | null }, EventsContext>) {
  const filter = checkEventFilter(args.filter);
  const after = args.after == null ? null : decodeEventCursor(args.after, 'after');
  return context.app.events.subscribe(filter, after, context.actor, (shared) => {
    context.db = shared;
    context.listItems = 0; // the list budget is per event
  });
}

@Resolver(() => RequestEventObject)
export class RequestEventResolver {
  /**
   * The event, whatever the arguments: they choose which events come (in
   * subscribeToEvents), never what one holds, so subscribers with different
   * filters and cursors share an answer (request-event.sharing.ts).
   */
  @Access('public')
  @Subscription(() => RequestEventObject, { name: 'requestEvents', subscribe: subscribeToEvents, description: SUBSCRIPTION_DESCRIPTION })
  liveRequestEvents(
    @Root() event: RequestEventRow,
    @Arg('filter', () => RequestEventFilter, { nullable: true }) _filter: RequestEventFilter | null,
    @Arg('after', () => String, { nullable: true }) _after: string | null,
  ): RequestEventRow {
    return event;
  }

  @Access('public')
  @Query(() => RequestEventConnection, {
    description: 'The event log, oldest first, for catching up over HTTP. Without `after`, from the beginning.',
    complexity: pageCost(100),
  })
  requestEvents(
    @Arg('filter', () => RequestEventFilter, { nullable: true }) filter: RequestEventFilter | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<RequestEventRow>> {
    return listEvents(ctx.db, ctx.actor, { filter, after, first });
  }

  @Access('public')
  @Query(() => String, {
    nullable: true,
    description:
      'The cursor of the newest committed event (null when there is none): read it before listing requests, then subscribe with it as `after`, and nothing falls between the list and the feed.',
  })
  async requestEventsHead(@Ctx() ctx: Context): Promise<string | null> {
    const position = await headPosition(ctx.db);
    return position === null ? null : encodeEventCursor(position);
  }

  @FieldResolver(() => String, { description: 'Opaque and strictly increasing in commit order; pass it as `after` to resume.' })
  cursor(@Root() event: RequestEventRow): string {
    return encodeEventCursor(event.position);
  }

  @FieldResolver(() => HelpRequestType, {
    description: 'The request as it is when the event is delivered, not a snapshot of its state at occurredAt.',
  })
  async request(@Root() event: RequestEventRow, @Ctx() ctx: Context) {
    return mustExist(await requestById(ctx.db).load(event.requestId), 'requestById(event.requestId)');
  }

  @FieldResolver(() => ClaimType, { nullable: true })
  async claim(@Root() event: RequestEventRow, @Ctx() ctx: Context) {
    return event.claimId ? claimById(ctx.db).load(event.claimId) : null;
  }

  @FieldResolver(() => AssignmentType, {
    nullable: true,
    description:
      'The assignment a VOLUNTEER_ASSIGNED, VOLUNTEER_UNASSIGNED or ATTENDANCE_RECORDED event is about, as it is now; null for other events.',
  })
  async assignment(@Root() event: RequestEventRow, @Ctx() ctx: Context) {
    return event.assignmentId ? assignmentById(ctx.db).load(event.assignmentId) : null;
  }

  @FieldResolver(() => ClaimHandOffType, {
    nullable: true,
    description: 'The hand-off a HANDOFF_* event is about, as it is now; null for other events.',
  })
  async handOff(@Root() event: RequestEventRow, @Ctx() ctx: Context) {
    return event.handOffId ? handOffById(ctx.db).load(event.handOffId) : null;
  }

  @FieldResolver(() => AssociationType, { nullable: true })
  async actor(@Root() event: RequestEventRow, @Ctx() ctx: Context) {
    return event.actorId ? associationById(ctx.db).load(event.actorId) : null;
  }
}
