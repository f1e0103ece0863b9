/**
 * Rosters, assignments and shifts end to end (issue 14, item 2; api.md "Order
 * of checks", "Errors": SCHEDULE_CONFLICT), over real HTTP and graphql-ws on
 * PostgreSQL: adding volunteers, assigning them to places of a claim, the
 * constraints that refuse too many people, one person twice on a slot or on
 * overlapping shifts, claims that end their assignments, who sees names and
 * phones (also in the live feed), User.shifts, and the event types filter.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { codes, dataOf, gql } from './support/client.js';
import { errorOf, headCursor } from './support/events.js';
import { describe, expect, test } from './support/fixtures.js';
import { addMember, createApiKey, createOrg, signUp, type Org, type Persona } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import { query } from './support/pg.js';
import { decodeGlobalId, toGlobalId } from '../src/shared/global-id.js';
import {
  AcceptVolunteerInvitationDocument,
  AddVolunteerDocument,
  AssignVolunteersDocument,
  CancelHelpRequestDocument,
  ClaimAssignedDocument,
  ClaimDocument,
  CompleteHelpRequestDocument,
  DeclineClaimWithReasonDocument,
  MyShiftsDocument,
  RecordAttendanceDocument,
  RequestAssignmentsDocument,
  RosterDocument,
  UnassignVolunteerDocument,
  UserShiftsDocument,
  VolunteerEventsDocument,
  VolunteerFeedDocument,
  VolunteerNodeDocument,
  WithdrawClaimWithReasonDocument,
  type AddVolunteerInput,
  type RequestEventFilter,
  type RequestEventType,
  type SlotInput,
  type VolunteerFeedSubscription,
} from './generated/graphql.js';

/** The requesting association (a MEMBER and a key besides its OWNER and COORDINATOR). */
let requester: Org;
let requesterMember: Persona;
let requesterKey: { id: string; secret: string };
/** The claiming association, with its key. */
let claimant: Org;
let claimantKey: { id: string; secret: string };
/** Another claiming association. */
let rival: Org;
let outsider: Persona;
/** A user who signed up, invited to be a volunteer of the claimant by the first test, who accepts. */
let person: Persona;
let adminToken: string;

test.beforeAll(async ({ url, adminToken: admin }) => {
  adminToken = admin;
  [requester, claimant, rival] = await Promise.all([createOrg(url, admin), createOrg(url, admin), createOrg(url, admin)]);
  [requesterMember, outsider, person] = await Promise.all([signUp(url, 'Member'), signUp(url, 'Outsider'), signUp(url, '陈刚')]);
  expect((await addMember(url, requester.owner.token, requester.id, requesterMember.email, 'MEMBER')).body.errors).toBeUndefined();
  [requesterKey, claimantKey] = await Promise.all([
    createApiKey(url, requester.owner.token, requester.id),
    createApiKey(url, claimant.owner.token, claimant.id),
  ]);
});

/** Shifts far apart from each other's, so that tests sharing a person never overlap by accident: the k-th day from now. */
let nextDay = 1;
function shift(hoursLong = 12, day = nextDay++): SlotInput {
  return { label: `第${day}晚`, startsAt: hoursFromNow(24 * day), endsAt: hoursFromNow(24 * day + hoursLong), capacity: 5 };
}

const add = (url: string, token: string | undefined, input: AddVolunteerInput) => gql(url, AddVolunteerDocument, { input }, token);

/** A new volunteer on `org`'s roster (added by its coordinator); its id. */
async function volunteer(url: string, org: Org, name = `志愿者 ${randomUUID().slice(0, 6)}`, extra: Partial<AddVolunteerInput> = {}) {
  return dataOf(await add(url, org.coordinator.token, { associationId: org.id, name, phone: '138-0000-0000', ...extra })).addVolunteer.id;
}

/** A volunteer on `org`'s roster linked to `user`: invited by e-mail, and accepted by the user; its id. */
async function accepted(url: string, org: Org, user: Persona, name?: string) {
  const id = await volunteer(url, org, name, { userEmail: user.email });
  expect(
    dataOf(await gql(url, AcceptVolunteerInvitationDocument, { volunteerId: id }, user.token)).acceptVolunteerInvitation,
  ).toMatchObject({
    linkedUser: { id: user.id },
  });
  return id;
}

/** A request of `requester` with `slots`, and a claim of `quantity` by `by` on its first slot. */
async function claimed(url: string, by: Org = claimant, quantity = 3, slots: SlotInput[] = [shift()]) {
  const request = await postRequest(url, requester.coordinator.token, requester.id, {
    kind: 'PATIENT_GUARD',
    category: 'MEDICAL',
    slots,
  });
  const { claim } = dataOf(
    await gql(url, ClaimDocument, { input: { slotId: request.slots[0].id, associationId: by.id, quantity } }, by.coordinator.token),
  );
  return { requestId: request.id, slotId: request.slots[0].id, claimId: claim.id, request };
}

const assign = (url: string, token: string | undefined, claimId: string, volunteerIds: string[]) =>
  gql(url, AssignVolunteersDocument, { input: { claimId, volunteerIds } }, token);
const unassign = (url: string, token: string | undefined, id: string, reason?: string) =>
  gql(url, UnassignVolunteerDocument, { id, reason }, token);
const claimState = async (url: string, claimId: string) => {
  const { node } = dataOf(await gql(url, ClaimAssignedDocument, { id: claimId }));
  if (node?.__typename !== 'Claim') throw new Error('not a claim');
  return node;
};
const requestState = async (url: string, id: string, token?: string) => {
  const { helpRequest } = dataOf(await gql(url, RequestAssignmentsDocument, { id }, token));
  return helpRequest!;
};
const volunteerEvents = async (url: string, filter: RequestEventFilter) =>
  dataOf(await gql(url, VolunteerEventsDocument, { filter })).requestEvents.edges.map((edge) => edge.node);
const ghost = (type: 'Claim' | 'Volunteer' | 'Association' | 'Assignment') => toGlobalId(type, randomUUID());
const key = (id: string) => decodeGlobalId(id, 'id').key;

/** What a refused call must leave as it was: the claim's count, its assignments and the request's events. */
async function snapshot(databaseUrl: string, requestId: string) {
  const [row] = await query<{ assigned: number; active: number; events: number; version: number }>(
    databaseUrl,
    `SELECT (SELECT coalesce(sum(assigned), 0)::int FROM claim WHERE request_id = $1) AS assigned,
            (SELECT count(*)::int FROM assignment WHERE request_id = $1 AND ended_at IS NULL) AS active,
            (SELECT count(*)::int FROM request_event WHERE request_id = $1) AS events,
            (SELECT version FROM help_request WHERE id = $1) AS version`,
    [key(requestId)],
  );
  return row;
}

describe('addVolunteer', () => {
  test('adds to the roster: trimmed name, optional phone, a user invited by e-mail; by OWNER, COORDINATOR, key, administrator', async ({
    url,
  }) => {
    const added = dataOf(await add(url, claimant.coordinator.token, { associationId: claimant.id, name: '  王丽  ', phone: ' 139 ' }));
    expect(added.addVolunteer).toMatchObject({
      name: '王丽',
      phone: '139',
      association: { id: claimant.id },
      linkedUser: null,
      invitationPending: false,
    });
    const invited = dataOf(await add(url, claimant.owner.token, { associationId: claimant.id, name: '陈刚', userEmail: person.email }));
    // An invitation, not a link: the user decides.
    expect(invited.addVolunteer).toMatchObject({ name: '陈刚', phone: null, linkedUser: null, invitationPending: true });
    const { acceptVolunteerInvitation } = dataOf(
      await gql(url, AcceptVolunteerInvitationDocument, { volunteerId: invited.addVolunteer.id }, person.token),
    );
    expect(acceptVolunteerInvitation).toMatchObject({ name: '陈刚', linkedUser: { id: person.id }, invitationPending: false });
    expect(codes(await add(url, claimantKey.secret, { associationId: claimant.id, name: '李强' }))).toEqual([]);
    expect(codes(await add(url, adminToken, { associationId: claimant.id, name: '赵敏' }))).toEqual([]);
  });

  test('refusals in api.md order, each naming its field; nothing is added', async ({ url, databaseUrl }) => {
    const [before] = await query<{ n: number }>(databaseUrl, 'SELECT count(*)::int AS n FROM volunteer');
    const input = { associationId: rival.id, name: '王丽' };
    expect(codes(await add(url, undefined, input))).toEqual(['UNAUTHENTICATED']);
    const cases: [string | undefined, AddVolunteerInput, string, string | undefined][] = [
      [outsider.token, { ...input, associationId: 'nope' }, 'BAD_USER_INPUT', 'input.associationId'],
      [outsider.token, { ...input, name: '   ' }, 'BAD_USER_INPUT', 'input.name'],
      [outsider.token, { ...input, name: 'x'.repeat(101) }, 'BAD_USER_INPUT', 'input.name'],
      [outsider.token, { ...input, phone: '1'.repeat(51) }, 'BAD_USER_INPUT', 'input.phone'],
      [outsider.token, { ...input, userEmail: 'not an address' }, 'BAD_USER_INPUT', 'input.userEmail'],
      [outsider.token, { ...input, associationId: ghost('Association') }, 'NOT_FOUND', undefined],
      [outsider.token, input, 'FORBIDDEN', undefined],
      [requesterMember.token, { ...input, associationId: requester.id }, 'FORBIDDEN', undefined],
      [claimantKey.secret, input, 'FORBIDDEN', undefined],
      // The right is checked before the e-mail is looked up: outsiders cannot probe who signed up.
      [outsider.token, { ...input, userEmail: 'nobody@test.example.org' }, 'FORBIDDEN', undefined],
      [rival.coordinator.token, { ...input, userEmail: 'nobody@test.example.org' }, 'NOT_FOUND', undefined],
    ];
    for (const [token, variables, code, field] of cases) {
      const response = await add(url, token, variables);
      expect([codes(response), errorOf(response)?.field], JSON.stringify(variables)).toEqual([[code], field]);
    }
    const [after] = await query<{ n: number }>(databaseUrl, 'SELECT count(*)::int AS n FROM volunteer');
    expect(after.n).toBe(before.n);
  });

  test('a user is on a roster at most once, and invited to it at most once at a time', async ({ url }) => {
    const someone = await signUp(url, 'Once');
    const first = dataOf(await add(url, rival.coordinator.token, { associationId: rival.id, name: 'A', userEmail: someone.email }));
    // Invited, not answered yet.
    const waiting = await add(url, rival.coordinator.token, { associationId: rival.id, name: 'B', userEmail: someone.email.toUpperCase() });
    expect([codes(waiting), errorOf(waiting)?.field]).toEqual([['BAD_USER_INPUT'], 'input.userEmail']);
    // Accepted.
    expect(codes(await gql(url, AcceptVolunteerInvitationDocument, { volunteerId: first.addVolunteer.id }, someone.token))).toEqual([]);
    const again = await add(url, rival.coordinator.token, { associationId: rival.id, name: 'B', userEmail: someone.email.toUpperCase() });
    expect([codes(again), errorOf(again)?.field]).toEqual([['BAD_USER_INPUT'], 'input.userEmail']);
    // On another roster it is the same person: allowed.
    expect(codes(await add(url, claimant.coordinator.token, { associationId: claimant.id, name: 'A', userEmail: someone.email }))).toEqual(
      [],
    );
  });

  test('the roster: by name in code-point order, paged; for its OWNERs, COORDINATORs, key and administrators, empty for others', async ({
    url,
  }) => {
    const org = await createOrg(url, adminToken);
    const orgKey = await createApiKey(url, org.owner.token, org.id);
    const member = await signUp(url, 'Roster member');
    await addMember(url, org.owner.token, org.id, member.email, 'MEMBER');
    for (const name of ['张三', 'Bob', 'alice']) await volunteer(url, org, name);
    const roster = async (token?: string, after?: string | null) =>
      dataOf(await gql(url, RosterDocument, { associationId: org.id, first: 2, after }, token)).association!.volunteers;
    for (const token of [org.owner.token, org.coordinator.token, orgKey.secret, adminToken]) {
      const first = await roster(token);
      expect(first.totalCount).toBe(3);
      expect(first.edges.map((edge) => edge.node.name)).toEqual(['Bob', 'alice']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await roster(token, first.pageInfo.endCursor);
      expect(second.edges.map((edge) => edge.node.name)).toEqual(['张三']);
      expect(second.pageInfo.hasNextPage).toBe(false);
    }
    for (const token of [undefined, outsider.token, member.token, claimant.coordinator.token]) {
      const hidden = await roster(token);
      expect([hidden.totalCount, hidden.edges]).toEqual([0, []]);
    }
  });
});

describe('assignVolunteers', () => {
  test('assigns all at once: ACTIVE, counted on the claim, one VOLUNTEER_ASSIGNED each, version unchanged', async ({ url }) => {
    const { claimId, requestId, slotId, request } = await claimed(url);
    const ids = [await volunteer(url, claimant, '王丽'), await volunteer(url, claimant, '李强')];
    const { assignVolunteers } = dataOf(await assign(url, claimant.coordinator.token, claimId, ids));
    expect(assignVolunteers.map((a) => [a.volunteer.id, a.status, a.endedAt, a.claim.assigned, a.slot.id])).toEqual([
      [ids[0], 'ACTIVE', null, 2, slotId],
      [ids[1], 'ACTIVE', null, 2, slotId],
    ]);
    expect(assignVolunteers[0].slot.startsAt).toBe(request.slots[0].startsAt);
    const state = await requestState(url, requestId, claimant.coordinator.token);
    expect(state.version).toBe(request.version + 1); // CLAIMED only
    // Made together: in id order.
    const made = assignVolunteers.map((a) => a.id).sort((a, b) => key(a).localeCompare(key(b)));
    expect(state.slots[0].assignments.map((a) => a.id)).toEqual(made);
    expect(state.slots[0].assignments.map((a) => a.volunteer.name).sort()).toEqual(['李强', '王丽']);
    expect(state.claims[0]).toMatchObject({ assigned: 2, assignments: made.map((id) => ({ id, status: 'ACTIVE' })) });
    const events = await volunteerEvents(url, { requestIds: [requestId], types: ['VOLUNTEER_ASSIGNED'] });
    expect(events.map((e) => [e.type, e.claim?.id, e.assignment?.id])).toEqual(
      assignVolunteers.map((a) => ['VOLUNTEER_ASSIGNED', claimId, a.id]),
    );
    // By the claimant's key and by an administrator as well.
    expect(codes(await assign(url, claimantKey.secret, claimId, [await volunteer(url, claimant)]))).toEqual([]);
    expect(codes(await assign(url, adminToken, (await claimed(url)).claimId, [await volunteer(url, claimant)]))).toEqual([]);
  });

  test('refusals in api.md order, each with its code and field; a refusal changes nothing', async ({ url, databaseUrl }) => {
    const { claimId, requestId } = await claimed(url, claimant, 2);
    const [mine, other] = [await volunteer(url, claimant), await volunteer(url, rival)];
    const held = await volunteer(url, claimant);
    expect(codes(await assign(url, claimant.coordinator.token, claimId, [held]))).toEqual([]);
    const before = await snapshot(databaseUrl, requestId);
    const untimed = await claimed(url, claimant, 1, [{ capacity: 2 }]);

    expect(codes(await assign(url, undefined, claimId, [mine]))).toEqual(['UNAUTHENTICATED']);
    const cases: [string, string, string[], string, string | undefined][] = [
      [outsider.token, 'nope', [mine], 'BAD_USER_INPUT', 'input.claimId'],
      [outsider.token, claimId, [], 'BAD_USER_INPUT', 'input.volunteerIds'],
      [outsider.token, claimId, Array.from({ length: 101 }, () => mine), 'BAD_USER_INPUT', 'input.volunteerIds'],
      [outsider.token, claimId, [mine, 'nope'], 'BAD_USER_INPUT', 'input.volunteerIds.1'],
      [outsider.token, claimId, [mine, other, mine], 'BAD_USER_INPUT', 'input.volunteerIds.2'],
      [outsider.token, ghost('Claim'), [mine], 'NOT_FOUND', undefined],
      // An unknown volunteer, or an id of another type, is named by its place in the list.
      [outsider.token, claimId, [mine, ghost('Volunteer')], 'NOT_FOUND', 'input.volunteerIds.1'],
      [outsider.token, claimId, [ghost('Volunteer'), mine], 'NOT_FOUND', 'input.volunteerIds.0'],
      [outsider.token, claimId, [mine, other, ghost('Association')], 'NOT_FOUND', 'input.volunteerIds.2'],
      [outsider.token, claimId, [mine], 'FORBIDDEN', undefined],
      [requester.coordinator.token, claimId, [mine], 'FORBIDDEN', undefined],
      [rival.coordinator.token, claimId, [other], 'FORBIDDEN', undefined],
      [claimant.coordinator.token, claimId, [mine, other], 'BAD_USER_INPUT', 'input.volunteerIds.1'],
      [claimant.coordinator.token, untimed.claimId, [mine], 'BAD_USER_INPUT', 'input.claimId'],
      [claimant.coordinator.token, claimId, [mine, held], 'ALREADY_CLAIMED', 'input.volunteerIds.1'],
      [claimant.coordinator.token, claimId, [mine, await volunteer(url, claimant)], 'CAPACITY_EXCEEDED', undefined],
    ];
    for (const [token, claim, volunteerIds, code, field] of cases) {
      const response = await assign(url, token, claim, volunteerIds);
      expect([codes(response), errorOf(response)?.field], `${code} ${field}`).toEqual([[code], field]);
    }
    const full = await assign(url, claimant.coordinator.token, claimId, [mine, await volunteer(url, claimant)]);
    expect(errorOf(full)).toEqual({ code: 'CAPACITY_EXCEEDED', remaining: 1 });
    expect(await snapshot(databaseUrl, requestId)).toEqual(before);

    // A claim that is not ACTIVE, then a closed request.
    expect(codes(await gql(url, WithdrawClaimWithReasonDocument, { id: claimId }, claimant.coordinator.token))).toEqual([]);
    const withdrawn = await assign(url, claimant.coordinator.token, claimId, [mine]);
    expect([codes(withdrawn), errorOf(withdrawn)?.field]).toEqual([['BAD_USER_INPUT'], 'input.claimId']);
    const closing = await claimed(url, claimant, 2);
    expect(codes(await gql(url, CancelHelpRequestDocument, { id: closing.requestId }, requester.coordinator.token))).toEqual([]);
    expect(codes(await assign(url, claimant.coordinator.token, closing.claimId, [mine]))).toEqual(['REQUEST_NOT_OPEN']);
  });

  test('SCHEDULE_CONFLICT: one person on overlapping shifts of different requests, through two rosters or one', async ({
    url,
    databaseUrl,
  }) => {
    const day = nextDay++;
    const night = (startHour: number, hours: number): SlotInput => ({
      startsAt: hoursFromNow(24 * day + startHour),
      endsAt: hoursFromNow(24 * day + startHour + hours),
      capacity: 3,
    });
    const twice = await signUp(url, 'Twice');
    const asClaimant = await accepted(url, claimant, twice, '陈刚');
    const asRival = await accepted(url, rival, twice, '陈刚');

    const first = await claimed(url, claimant, 2, [night(0, 12)]);
    expect(codes(await assign(url, claimant.coordinator.token, first.claimId, [asClaimant]))).toEqual([]);
    // Another request, another roster, the same person, an overlapping shift.
    const overlapping = await claimed(url, rival, 2, [night(11, 2)]);
    const before = await snapshot(databaseUrl, overlapping.requestId);
    const refused = await assign(url, rival.coordinator.token, overlapping.claimId, [await volunteer(url, rival), asRival]);
    expect([codes(refused), errorOf(refused)?.field]).toEqual([['SCHEDULE_CONFLICT'], 'input.volunteerIds.1']);
    expect(await snapshot(databaseUrl, overlapping.requestId)).toEqual(before);
    // Shifts are half-open: one ending when the other starts does not overlap.
    const adjacent = await claimed(url, rival, 1, [night(12, 4)]);
    expect(codes(await assign(url, rival.coordinator.token, adjacent.claimId, [asRival]))).toEqual([]);

    // A volunteer without an account is one person too.
    const plain = await volunteer(url, claimant, '老李');
    const a = await claimed(url, claimant, 1, [night(30, 5)]);
    const b = await claimed(url, claimant, 1, [night(34, 5)]);
    expect(codes(await assign(url, claimant.coordinator.token, a.claimId, [plain]))).toEqual([]);
    expect(codes(await assign(url, claimant.coordinator.token, b.claimId, [plain]))).toEqual(['SCHEDULE_CONFLICT']);
  });

  test('a request with several slots: one person on two slots of it is fine unless they overlap', async ({ url }) => {
    const day = nextDay++;
    const slots: SlotInput[] = [
      { startsAt: hoursFromNow(24 * day), endsAt: hoursFromNow(24 * day + 8), capacity: 2 },
      { startsAt: hoursFromNow(24 * day + 8), endsAt: hoursFromNow(24 * day + 16), capacity: 2 },
    ];
    const request = await postRequest(url, requester.coordinator.token, requester.id, { slots });
    const claims = await Promise.all(
      request.slots.map(
        async (slot) =>
          dataOf(
            await gql(url, ClaimDocument, { input: { slotId: slot.id, associationId: claimant.id, quantity: 1 } }, claimant.owner.token),
          ).claim.id,
      ),
    );
    const someone = await volunteer(url, claimant);
    for (const claimId of claims) expect(codes(await assign(url, claimant.coordinator.token, claimId, [someone]))).toEqual([]);
  });
});

describe('ending', () => {
  test('unassignVolunteer: ENDED with the reason, the place freed, VOLUNTEER_UNASSIGNED, version unchanged; refusals', async ({
    url,
    databaseUrl,
  }) => {
    const { claimId, requestId } = await claimed(url, claimant, 1);
    const someone = await volunteer(url, claimant);
    const [assignment] = dataOf(await assign(url, claimant.coordinator.token, claimId, [someone])).assignVolunteers;
    const before = await snapshot(databaseUrl, requestId);

    expect(codes(await unassign(url, undefined, assignment.id))).toEqual(['UNAUTHENTICATED']);
    for (const [token, id, code, field] of [
      [outsider.token, 'nope', 'BAD_USER_INPUT', 'id'],
      [outsider.token, assignment.id, 'BAD_USER_INPUT', 'reason'],
      [outsider.token, ghost('Assignment'), 'NOT_FOUND', undefined],
      [outsider.token, assignment.id, 'FORBIDDEN', undefined],
      [requester.coordinator.token, assignment.id, 'FORBIDDEN', undefined],
    ] as const) {
      const response = await unassign(url, token, id, code === 'BAD_USER_INPUT' && field === 'reason' ? 'x'.repeat(501) : undefined);
      expect([codes(response), errorOf(response)?.field]).toEqual([[code], field]);
    }
    expect(await snapshot(databaseUrl, requestId)).toEqual(before);

    const { unassignVolunteer } = dataOf(await unassign(url, claimantKey.secret, assignment.id, '  病了 '));
    expect(unassignVolunteer).toMatchObject({ status: 'ENDED', endReason: '病了', claim: { assigned: 0 } });
    expect(unassignVolunteer.endedAt).not.toBeNull();
    const again = await unassign(url, claimant.coordinator.token, assignment.id);
    expect([codes(again), errorOf(again)?.field]).toEqual([['BAD_USER_INPUT'], 'id']);
    const after = await snapshot(databaseUrl, requestId);
    expect(after).toEqual({ ...before, active: 0, assigned: 0, events: before.events + 1 });
    const [event] = await volunteerEvents(url, { requestIds: [requestId], types: ['VOLUNTEER_UNASSIGNED'] });
    expect(event).toMatchObject({ type: 'VOLUNTEER_UNASSIGNED', assignment: { id: assignment.id, status: 'ENDED' } });
    // The place is free again.
    expect(codes(await assign(url, claimant.coordinator.token, claimId, [await volunteer(url, claimant)]))).toEqual([]);
  });

  test('unassignVolunteer is refused once the shift has started or attendance was recorded: who served stays on record', async ({
    url,
    databaseUrl,
  }) => {
    const refused = async (assignmentId: string, requestId: string) => {
      const before = await snapshot(databaseUrl, requestId);
      for (const token of [claimant.coordinator.token, claimantKey.secret, adminToken]) {
        const response = await unassign(url, token, assignmentId, '没来');
        expect([codes(response), errorOf(response)?.field]).toEqual([['BAD_USER_INPUT'], 'id']);
        expect(response.body.errors?.[0].message).toMatch(/absent/);
      }
      expect(await snapshot(databaseUrl, requestId)).toEqual(before);
      const { node } = dataOf(await gql(url, VolunteerNodeDocument, { id: assignmentId }));
      expect(node).toMatchObject({ status: 'ACTIVE' });
    };

    // A shift under way (by the server's clock), nothing recorded yet.
    const running: SlotInput = { label: '进行中', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(3), capacity: 2 };
    const started = await claimed(url, claimant, 1, [running]);
    const [underWay] = dataOf(
      await assign(url, claimant.coordinator.token, started.claimId, [await volunteer(url, claimant)]),
    ).assignVolunteers;
    await refused(underWay.id, started.requestId);

    // A shift still to come, with an arrival already recorded (an early arrival, allowed up to 12 hours before).
    const soon: SlotInput = { label: '两小时后', startsAt: hoursFromNow(2), endsAt: hoursFromNow(10), capacity: 2 };
    const early = await claimed(url, claimant, 1, [soon]);
    const [arrived] = dataOf(
      await assign(url, claimant.coordinator.token, early.claimId, [await volunteer(url, claimant)]),
    ).assignVolunteers;
    const arrival = { assignmentId: arrived.id, arrivedAt: hoursFromNow(-0.1) };
    expect(codes(await gql(url, RecordAttendanceDocument, { input: arrival }, requester.coordinator.token))).toEqual([]);
    await refused(arrived.id, early.requestId);

    // The same shift, another volunteer with nothing recorded: still free to unassign before it starts.
    const [other] = dataOf(
      await assign(url, claimant.coordinator.token, (await claimed(url, claimant, 1, [soon])).claimId, [await volunteer(url, claimant)]),
    ).assignVolunteers;
    expect(codes(await unassign(url, claimant.coordinator.token, other.id))).toEqual([]);
  });

  test('withdraw, decline and cancel end the assignments with their claim and free the person; complete keeps the begun shifts only', async ({
    url,
  }) => {
    const endings = {
      withdraw: (claimId: string) =>
        gql(url, WithdrawClaimWithReasonDocument, { id: claimId, reason: '人手不够' }, claimant.coordinator.token),
      decline: (claimId: string) => gql(url, DeclineClaimWithReasonDocument, { id: claimId }, requester.coordinator.token),
      cancel: (_claimId: string, requestId: string) => gql(url, CancelHelpRequestDocument, { id: requestId }, requester.coordinator.token),
    };
    for (const [name, end] of Object.entries(endings)) {
      const slot = shift();
      const { claimId, requestId } = await claimed(url, claimant, 2, [slot]);
      const [a, b] = [await volunteer(url, claimant), await volunteer(url, claimant)];
      const assigned = dataOf(await assign(url, claimant.coordinator.token, claimId, [a, b])).assignVolunteers;
      expect(codes(await end(claimId, requestId)), name).toEqual([]);
      const state = await requestState(url, requestId);
      expect(state.claims[0], name).toMatchObject({ assigned: 0, assignments: [] });
      expect(state.slots[0].assignments, name).toEqual([]);
      for (const { id } of assigned) {
        const { node } = dataOf(await gql(url, VolunteerNodeDocument, { id }));
        expect(node, name).toMatchObject({ status: 'ENDED' });
      }
      // The people are free for another shift at the same time.
      const again = await claimed(url, claimant, 2, [slot]);
      expect(codes(await assign(url, claimant.coordinator.token, again.claimId, [a, b])), name).toEqual([]);
    }

    // Completion keeps the shifts that have begun (they were served) and ends the ones
    // that have not, so that a rota completed early books nobody for the nights left.
    const running: SlotInput = { label: '进行中', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(3), capacity: 5 };
    const later = shift();
    const request = await postRequest(url, requester.coordinator.token, requester.id, {
      kind: 'PATIENT_GUARD',
      category: 'MEDICAL',
      slots: [running, later],
    });
    const claimOn = async (slotId: string) =>
      dataOf(await gql(url, ClaimDocument, { input: { slotId, associationId: claimant.id, quantity: 1 } }, claimant.coordinator.token))
        .claim.id;
    const [runningClaim, laterClaim] = [await claimOn(request.slots[0].id), await claimOn(request.slots[1].id)];
    const person = await volunteer(url, claimant);
    const [kept] = dataOf(await assign(url, claimant.coordinator.token, runningClaim, [person])).assignVolunteers;
    const [freed] = dataOf(await assign(url, claimant.coordinator.token, laterClaim, [person])).assignVolunteers;
    expect(codes(await gql(url, CompleteHelpRequestDocument, { id: request.id, beneficiaries: 1 }, requester.coordinator.token))).toEqual(
      [],
    );
    expect(await claimState(url, runningClaim)).toMatchObject({ status: 'FULFILLED', assigned: 1, assignments: [{ id: kept.id }] });
    expect(await claimState(url, laterClaim)).toMatchObject({ status: 'FULFILLED', assigned: 0, assignments: [] });
    expect(dataOf(await gql(url, VolunteerNodeDocument, { id: freed.id })).node).toMatchObject({ status: 'ENDED' });
    // The person is free again at the time of the night that will not happen.
    const again = await claimed(url, claimant, 1, [{ ...later, label: '另一个请求' }]);
    expect(codes(await assign(url, claimant.coordinator.token, again.claimId, [person]))).toEqual([]);
    expect(codes(await unassign(url, claimant.coordinator.token, kept.id))).toEqual(['REQUEST_NOT_OPEN']);
  });

  test('assignments that end with their claim keep when and why: the claim’s end, CLAIM_ENDED', async ({ url, databaseUrl }) => {
    const { claimId } = await claimed(url, claimant, 1);
    await assign(url, claimant.coordinator.token, claimId, [await volunteer(url, claimant)]);
    await gql(url, WithdrawClaimWithReasonDocument, { id: claimId }, claimant.coordinator.token);
    const rows = await query<{ same: boolean; end_reason: string; assigned: number }>(
      databaseUrl,
      `SELECT a.ended_at = c.ended_at AS same, a.end_reason, c.assigned FROM assignment a JOIN claim c ON c.id = a.claim_id WHERE c.id = $1`,
      [key(claimId)],
    );
    expect(rows).toEqual([{ same: true, end_reason: 'CLAIM_ENDED', assigned: 0 }]);
  });
});

describe('who sees names and phones', () => {
  let requestId: string;
  let named: string;
  let linkedVolunteer: string;
  /** The user linked to linkedVolunteer. */
  let linked: Persona;
  test.beforeAll(async ({ url }) => {
    const claim = await claimed(url, claimant, 2);
    requestId = claim.requestId;
    linked = await signUp(url, '陈刚');
    named = await volunteer(url, claimant, '王丽');
    linkedVolunteer = await accepted(url, claimant, linked, '陈刚');
    expect(codes(await assign(url, claimant.coordinator.token, claim.claimId, [named, linkedVolunteer]))).toEqual([]);
  });

  /** What `token` sees of the two volunteers: [named, linkedVolunteer]. */
  const seen = async (url: string, token?: string) => {
    const { assignments } = (await requestState(url, requestId, token)).slots[0];
    return [named, linkedVolunteer].map((id) => {
      const { volunteer } = assignments.find((a) => a.volunteer.id === id)!;
      return [volunteer.name, volunteer.phone, volunteer.linkedUser?.id ?? null];
    });
  };

  test('the requester’s and the claimant’s OWNERs, COORDINATORs and keys, the linked user, administrators; nobody else', async ({
    url,
  }) => {
    const all = [
      ['王丽', '138-0000-0000', null],
      ['陈刚', '138-0000-0000', linked.id],
    ];
    for (const token of [
      requester.owner.token,
      requester.coordinator.token,
      requesterKey.secret,
      claimant.owner.token,
      claimant.coordinator.token,
      claimantKey.secret,
      adminToken,
    ]) {
      expect(await seen(url, token)).toEqual(all);
    }
    const none = [
      [null, null, null],
      [null, null, null],
    ];
    for (const token of [undefined, outsider.token, requesterMember.token, rival.coordinator.token])
      expect(await seen(url, token)).toEqual(none);
    // The linked user sees their own record, not the others'.
    expect(await seen(url, linked.token)).toEqual([none[0], all[1]]);
    // The same rule through node(id).
    const { node } = dataOf(await gql(url, VolunteerNodeDocument, { id: named }, outsider.token));
    expect(node).toMatchObject({ id: named, name: null, phone: null, association: { id: claimant.id } });
  });

  test('a requester keeps seeing the people once assigned to its request', async ({ url }) => {
    const { assignments } = (await requestState(url, requestId, adminToken)).slots[0];
    await unassign(url, claimant.coordinator.token, assignments.find((a) => a.volunteer.id === named)!.id);
    const { node } = dataOf(await gql(url, VolunteerNodeDocument, { id: named }, requester.coordinator.token));
    expect(node).toMatchObject({ name: '王丽' });
  });

  test('in the live feed, per subscriber; a feed without `types` gets no assignment events', async ({ url, wsUrl }) => {
    const after = await headCursor(url);
    const types: RequestEventType[] = ['VOLUNTEER_ASSIGNED'];
    const subscribers = {
      requester: feed(wsUrl, { after, filter: { types } }, requester.coordinator.token),
      claimantKey: feed(wsUrl, { after, filter: { types } }, claimantKey.secret),
      linked: feed(wsUrl, { after, filter: { types } }, linked.token),
      outsider: feed(wsUrl, { after, filter: { types } }, outsider.token),
      anonymous: feed(wsUrl, { after, filter: { types } }),
      untyped: feed(wsUrl, { after }, adminToken),
    };
    try {
      const claim = await claimed(url, claimant, 2);
      expect(codes(await assign(url, claimant.coordinator.token, claim.claimId, [await volunteer(url, claimant, '赵敏')]))).toEqual([]);
      const names = async (subscriber: Feed) => {
        await subscriber.received(1);
        return subscriber.events.map((event) => [
          event.type,
          event.assignment?.volunteer.name ?? null,
          event.assignment?.volunteer.phone ?? null,
        ]);
      };
      const visible = [['VOLUNTEER_ASSIGNED', '赵敏', '138-0000-0000']];
      const hidden = [['VOLUNTEER_ASSIGNED', null, null]];
      expect(await names(subscribers.requester)).toEqual(visible);
      expect(await names(subscribers.claimantKey)).toEqual(visible);
      expect(await names(subscribers.linked)).toEqual(hidden);
      expect(await names(subscribers.outsider)).toEqual(hidden);
      expect(await names(subscribers.anonymous)).toEqual(hidden);
      // The untyped feed got POSTED and CLAIMED, nothing about volunteers.
      await subscribers.untyped.received(2);
      expect(subscribers.untyped.events.map((event) => event.type)).toEqual(['POSTED', 'CLAIMED']);
    } finally {
      await Promise.all(Object.values(subscribers).map((subscriber) => subscriber.close()));
    }
  });
});

describe('User.shifts', () => {
  test('the linked user’s upcoming active assignments on every roster, soonest first; empty for others', async ({ url }) => {
    const someone = await signUp(url, 'Shifts');
    const [asClaimant, asRival] = [await accepted(url, claimant, someone, '孙'), await accepted(url, rival, someone, '孙')];
    const later = await claimed(url, claimant, 1, [shift(12, nextDay + 2)]);
    const sooner = await claimed(url, rival, 1, [shift(12, nextDay)]);
    const dropped = await claimed(url, claimant, 1, [shift(12, nextDay + 1)]);
    nextDay += 3;
    const later1 = dataOf(await assign(url, claimant.coordinator.token, later.claimId, [asClaimant])).assignVolunteers[0];
    const sooner1 = dataOf(await assign(url, rival.coordinator.token, sooner.claimId, [asRival])).assignVolunteers[0];
    const gone = dataOf(await assign(url, claimant.coordinator.token, dropped.claimId, [asClaimant])).assignVolunteers[0];
    await unassign(url, claimant.coordinator.token, gone.id);

    const { viewer } = dataOf(await gql(url, MyShiftsDocument, {}, someone.token));
    expect(viewer?.shifts.map((s) => [s.id, s.volunteer.name])).toEqual([
      [sooner1.id, '孙'],
      [later1.id, '孙'],
    ]);
    const shiftsOf = async (token?: string) => {
      const { node } = dataOf(await gql(url, UserShiftsDocument, { id: someone.id }, token));
      return node?.__typename === 'User' ? node.shifts.map((s) => s.id) : null;
    };
    expect(await shiftsOf(adminToken)).toEqual([sooner1.id, later1.id]);
    for (const token of [undefined, outsider.token, claimant.coordinator.token, claimantKey.secret])
      expect(await shiftsOf(token)).toEqual([]);
  });
});

describe('the event types filter', () => {
  test('absent: the original ten types only (HTTP); named: only those; empty: nothing', async ({ url }) => {
    const { claimId, requestId } = await claimed(url, claimant, 1);
    const [assignment] = dataOf(await assign(url, claimant.coordinator.token, claimId, [await volunteer(url, claimant)])).assignVolunteers;
    await unassign(url, claimant.coordinator.token, assignment.id);
    const typesOf = async (types?: RequestEventType[] | null) =>
      (await volunteerEvents(url, { requestIds: [requestId], ...(types === undefined ? {} : { types }) })).map((e) => e.type);
    expect(await typesOf()).toEqual(['POSTED', 'CLAIMED']);
    expect(await typesOf(null)).toEqual(['POSTED', 'CLAIMED']);
    expect(await typesOf(['VOLUNTEER_ASSIGNED', 'VOLUNTEER_UNASSIGNED', 'CLAIMED'])).toEqual([
      'CLAIMED',
      'VOLUNTEER_ASSIGNED',
      'VOLUNTEER_UNASSIGNED',
    ]);
    expect(await typesOf([])).toEqual([]);
  });
});

interface Feed {
  events: VolunteerFeedSubscription['requestEvents'][];
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

/** A graphql-ws subscriber of VolunteerFeed that records what it receives. */
function feed(wsUrl: string, variables: { after?: string; filter?: RequestEventFilter }, token?: string): Feed {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  const events: Feed['events'] = [];
  const waiting: (() => void)[] = [];
  client.subscribe<VolunteerFeedSubscription>(
    { query: VolunteerFeedDocument.toString(), variables: { ...variables } },
    {
      next: (result: { data?: VolunteerFeedSubscription | null }) => {
        if (result.data) events.push(result.data.requestEvents);
        for (const wake of waiting.splice(0)) wake();
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return {
    events,
    received: (count) =>
      new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`got ${events.length} events, not ${count}`)), 20_000);
        const check = () => {
          if (events.length >= count) {
            clearTimeout(deadline);
            resolve();
          } else waiting.push(check);
        };
        check();
      }),
    async close() {
      await client.dispose();
    },
  };
}
