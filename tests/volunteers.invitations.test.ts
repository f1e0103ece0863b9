/**
 * Invitations to rosters (found by an attacker review of issue 14): an
 * association that types a user's e-mail into addVolunteer only invites them.
 * Until the invited user accepts, the volunteer is one without an account: its
 * own person for overlapping shifts (so no association can lock a stranger out
 * of every shift or probe their schedule through SCHEDULE_CONFLICT or
 * ALREADY_CLAIMED), not in the user's shifts, its name and phone not theirs to
 * see. Over real HTTP on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { codes, dataOf, gql, type GraphQLResponse } from './support/client.js';
import { errorOf } from './support/events.js';
import { describe, expect, test } from './support/fixtures.js';
import { createApiKey, createOrg, signUp, type Org, type Persona } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import { query } from './support/pg.js';
import { decodeGlobalId, toGlobalId } from '../src/shared/global-id.js';
import {
  AcceptVolunteerInvitationDocument,
  AddVolunteerDocument,
  AssignVolunteersDocument,
  ClaimDocument,
  DeclineVolunteerInvitationDocument,
  LeaveRosterDocument,
  MyShiftsDocument,
  MyVolunteerInvitationsDocument,
  RosterDocument,
  UnassignVolunteerDocument,
  UserVolunteerInvitationsDocument,
  VolunteerNodeDocument,
  type SlotInput,
} from './generated/graphql.js';

let requester: Org;
/** Associations that put the invited user on their rosters. */
let first: Org;
let second: Org;
let firstKey: { id: string; secret: string };
let outsider: Persona;
let adminToken: string;

test.beforeAll(async ({ url, adminToken: admin }) => {
  adminToken = admin;
  [requester, first, second] = await Promise.all([createOrg(url, admin), createOrg(url, admin), createOrg(url, admin)]);
  firstKey = await createApiKey(url, first.owner.token, first.id);
  outsider = await signUp(url, 'Outsider');
});

const key = (id: string) => decodeGlobalId(id, 'id').key;

/** Shifts far apart from each other's: the k-th day from now. */
let nextDay = 1;
const night = (day = nextDay++, startHour = 0, hours = 12): SlotInput => ({
  startsAt: hoursFromNow(24 * day + startHour),
  endsAt: hoursFromNow(24 * day + startHour + hours),
  capacity: 3,
});

/** A volunteer added to `org`'s roster by its coordinator, with a phone; its id. */
async function volunteer(url: string, org: Org, name: string, userEmail?: string): Promise<string> {
  const input = { associationId: org.id, name, phone: '138-0000-0000', ...(userEmail ? { userEmail } : {}) };
  return dataOf(await gql(url, AddVolunteerDocument, { input }, org.coordinator.token)).addVolunteer.id;
}

/** A claim of `by` on a new request of `requester` with `slot`; its id. */
async function claimOn(url: string, by: Org, slot: SlotInput): Promise<string> {
  const request = await postRequest(url, requester.coordinator.token, requester.id, {
    kind: 'PATIENT_GUARD',
    category: 'MEDICAL',
    slots: [slot],
  });
  const input = { slotId: request.slots[0].id, associationId: by.id, quantity: 2 };
  return dataOf(await gql(url, ClaimDocument, { input }, by.coordinator.token)).claim.id;
}

const assign = (url: string, org: Org, claimId: string, volunteerIds: string[]) =>
  gql(url, AssignVolunteersDocument, { input: { claimId, volunteerIds } }, org.coordinator.token);

const personsOf = async (databaseUrl: string, volunteerId: string) =>
  (
    await query<{ person: string }>(
      databaseUrl,
      `SELECT person FROM assignment WHERE volunteer_id = $1 AND ended_at IS NULL ORDER BY shift`,
      [key(volunteerId)],
    )
  ).map((row) => row.person);

describe('an invitation not yet accepted', () => {
  test('links nobody: its own person for overlaps, not in the user’s shifts, its name and phone hidden from the user', async ({
    url,
    databaseUrl,
  }) => {
    const stranger: Persona = await signUp(url, '陈刚');
    const here = dataOf(
      await gql(
        url,
        AddVolunteerDocument,
        { input: { associationId: first.id, name: '陈刚', userEmail: stranger.email } },
        first.coordinator.token,
      ),
    ).addVolunteer;
    expect(here.linkedUser).toBeNull();
    const [row] = await query<{ user_id: string | null }>(databaseUrl, `SELECT user_id FROM volunteer WHERE id = $1`, [key(here.id)]);
    expect(row.user_id).toBeNull();
    const there = await volunteer(url, second, '陈', stranger.email);

    // Two associations put "him" on overlapping shifts: neither locks the other (nor him) out,
    // and neither learns anything of the other's schedule through SCHEDULE_CONFLICT.
    const slot = night();
    const [a, b] = [await claimOn(url, first, slot), await claimOn(url, second, { ...slot, label: '另一个' })];
    expect(codes(await assign(url, first, a, [here.id]))).toEqual([]);
    expect(codes(await assign(url, second, b, [there]))).toEqual([]);
    expect(await personsOf(databaseUrl, here.id)).toEqual([`volunteer:${key(here.id)}`]);

    // Not his shifts, not his to see.
    expect(dataOf(await gql(url, MyShiftsDocument, {}, stranger.token)).viewer?.shifts).toEqual([]);
    const { node } = dataOf(await gql(url, VolunteerNodeDocument, { id: here.id }, stranger.token));
    expect(node).toMatchObject({ id: here.id, name: null, phone: null, linkedUser: null });
    // The roster itself sees its volunteer as it was added.
    const seen = dataOf(await gql(url, VolunteerNodeDocument, { id: here.id }, first.coordinator.token)).node;
    expect(seen).toMatchObject({ name: '陈刚', phone: null, linkedUser: null });
  });
});

const accept = (url: string, volunteerId: string, token?: string) => gql(url, AcceptVolunteerInvitationDocument, { volunteerId }, token);
const decline = (url: string, volunteerId: string, token?: string) => gql(url, DeclineVolunteerInvitationDocument, { volunteerId }, token);
const leave = (url: string, volunteerId: string, token?: string) => gql(url, LeaveRosterDocument, { volunteerId }, token);
const ghost = () => toGlobalId('Volunteer', randomUUID());
const failure = (response: GraphQLResponse<unknown>) => [codes(response), errorOf(response)?.field];
const invitationsOf = async (url: string, token: string) =>
  dataOf(await gql(url, MyVolunteerInvitationsDocument, {}, token)).viewer!.volunteerInvitations;
const entryOf = async (databaseUrl: string, volunteerId: string) =>
  (
    await query<{ user_id: string | null; invited_user_id: string | null }>(
      databaseUrl,
      `SELECT user_id, invited_user_id FROM volunteer WHERE id = $1`,
      [key(volunteerId)],
    )
  )[0];

describe('User.volunteerInvitations', () => {
  test('the association and the name the roster gave, never the phone; for the user themself and administrators, empty for others', async ({
    url,
  }) => {
    const invited = await signUp(url, 'Invited');
    const older = await volunteer(url, first, '陈刚', invited.email);
    const newer = await volunteer(url, second, '老陈', invited.email);
    expect(await invitationsOf(url, invited.token)).toEqual([
      {
        id: older,
        name: '陈刚',
        phone: null,
        invitationPending: true,
        association: { id: first.id, name: expect.any(String) as string },
        linkedUser: null,
        serviceRecord: null,
      },
      {
        id: newer,
        name: '老陈',
        phone: null,
        invitationPending: true,
        association: { id: second.id, name: expect.any(String) as string },
        linkedUser: null,
        serviceRecord: null,
      },
    ]);
    const through = async (token?: string) => {
      const { node } = dataOf(await gql(url, UserVolunteerInvitationsDocument, { id: invited.id }, token));
      return node?.__typename === 'User' ? node.volunteerInvitations.map((v) => v.id) : 'not a user';
    };
    expect(await through(adminToken)).toEqual([older, newer]);
    for (const token of [undefined, outsider.token, first.coordinator.token, firstKey.secret]) expect(await through(token)).toEqual([]);
    // Everywhere else the invited user sees no name and no phone: the volunteer is not them yet.
    const { node } = dataOf(await gql(url, VolunteerNodeDocument, { id: older }, invited.token));
    expect(node).toMatchObject({ name: null, phone: null, linkedUser: null, invitationPending: true });
  });

  test('invitationPending: the roster’s OWNERs, COORDINATORs and key, administrators; false for others, the requester included', async ({
    url,
  }) => {
    const invited = await signUp(url, 'Pending');
    const id = await volunteer(url, first, '王丽', invited.email);
    const claimId = await claimOn(url, first, night());
    expect(codes(await assign(url, first, claimId, [id]))).toEqual([]);
    const pending = async (token?: string) =>
      (dataOf(await gql(url, VolunteerNodeDocument, { id }, token)).node as { invitationPending?: boolean }).invitationPending;
    for (const token of [first.owner.token, first.coordinator.token, firstKey.secret, adminToken, invited.token])
      expect(await pending(token)).toBe(true);
    for (const token of [undefined, outsider.token, requester.coordinator.token, second.coordinator.token])
      expect(await pending(token)).toBe(false);
    const roster = dataOf(await gql(url, RosterDocument, { associationId: first.id, first: 100 }, first.coordinator.token)).association!;
    expect(roster.volunteers.edges.some((edge) => edge.node.id === id)).toBe(true);
  });
});

describe('acceptVolunteerInvitation', () => {
  test('refusals in api.md order: only the invited user answers, not the roster, its key or an administrator; nothing changes', async ({
    url,
    databaseUrl,
  }) => {
    const invited = await signUp(url, 'Answer');
    const id = await volunteer(url, first, '陈刚', invited.email);
    const before = await entryOf(databaseUrl, id);
    for (const answer of [accept, decline, leave]) {
      expect(codes(await answer(url, id))).toEqual(['UNAUTHENTICATED']);
      expect(failure(await answer(url, 'nope', invited.token))).toEqual([['BAD_USER_INPUT'], 'volunteerId']);
      expect(failure(await answer(url, ghost(), outsider.token))).toEqual([['NOT_FOUND'], undefined]);
      expect(failure(await answer(url, toGlobalId('Association', key(first.id)), invited.token))).toEqual([['NOT_FOUND'], undefined]);
      for (const token of [outsider.token, first.owner.token, first.coordinator.token, firstKey.secret, adminToken]) {
        expect(failure(await answer(url, id, token))).toEqual([['FORBIDDEN'], undefined]);
      }
    }
    // The invited user is not linked yet: leaving is not theirs to do.
    expect(failure(await leave(url, id, invited.token))).toEqual([['FORBIDDEN'], undefined]);
    expect(await entryOf(databaseUrl, id)).toEqual(before);
    expect(before).toEqual({ user_id: null, invited_user_id: key(invited.id) });
  });

  test('links the user: name and phone theirs to see, the shifts not yet ended become theirs; again changes nothing', async ({
    url,
    databaseUrl,
  }) => {
    const invited = await signUp(url, 'Accepts');
    const id = await volunteer(url, first, '陈刚', invited.email);
    // Assigned before the answer: a shift to come and one under way.
    const soon = night();
    const [later, now] = [
      await claimOn(url, first, soon),
      await claimOn(url, first, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(2), capacity: 2 }),
    ];
    const [upcoming] = dataOf(await assign(url, first, later, [id])).assignVolunteers;
    const [running] = dataOf(await assign(url, first, now, [id])).assignVolunteers;

    const { acceptVolunteerInvitation } = dataOf(await accept(url, id, invited.token));
    expect(acceptVolunteerInvitation).toMatchObject({
      id,
      name: '陈刚',
      phone: '138-0000-0000',
      linkedUser: { id: invited.id },
      invitationPending: false,
    });
    expect(await entryOf(databaseUrl, id)).toEqual({ user_id: key(invited.id), invited_user_id: null });
    expect(await personsOf(databaseUrl, id)).toEqual([`user:${key(invited.id)}`, `user:${key(invited.id)}`]);
    const shifts = dataOf(await gql(url, MyShiftsDocument, {}, invited.token)).viewer!.shifts;
    expect(shifts.map((s) => [s.id, s.volunteer.name])).toEqual([
      [running.id, '陈刚'],
      [upcoming.id, '陈刚'],
    ]);
    expect(await invitationsOf(url, invited.token)).toEqual([]);
    // The roster sees who it is now.
    expect(dataOf(await gql(url, VolunteerNodeDocument, { id }, first.coordinator.token)).node).toMatchObject({
      linkedUser: { id: invited.id },
      invitationPending: false,
    });

    // Again: nothing changes. Declining now is too late: leaving is the way out.
    expect(dataOf(await accept(url, id, invited.token)).acceptVolunteerInvitation).toMatchObject({ linkedUser: { id: invited.id } });
    expect(failure(await decline(url, id, invited.token))).toEqual([['BAD_USER_INPUT'], 'volunteerId']);
    // From now on the user is one person across rosters.
    const theirs = await volunteer(url, second, '陈', invited.email);
    expect(codes(await accept(url, theirs, invited.token))).toEqual([]);
    const overlapping = await claimOn(url, second, { ...soon, label: '重叠' });
    const refused = await assign(url, second, overlapping, [theirs]);
    expect(failure(refused)).toEqual([['SCHEDULE_CONFLICT'], 'input.volunteerIds.0']);
  });

  test('SCHEDULE_CONFLICT when the roster has put the volunteer on a shift overlapping one the user is on; nothing changes', async ({
    url,
    databaseUrl,
  }) => {
    const invited = await signUp(url, 'Busy');
    const mine = await volunteer(url, second, '陈', invited.email);
    expect(codes(await accept(url, mine, invited.token))).toEqual([]);
    const slot = night();
    expect(codes(await assign(url, second, await claimOn(url, second, slot), [mine]))).toEqual([]);

    const id = await volunteer(url, first, '陈刚', invited.email);
    expect(codes(await assign(url, first, await claimOn(url, first, { ...slot, label: '同一晚' }), [id]))).toEqual([]);
    expect(failure(await accept(url, id, invited.token))).toEqual([['SCHEDULE_CONFLICT'], 'volunteerId']);
    expect(await entryOf(databaseUrl, id)).toEqual({ user_id: null, invited_user_id: key(invited.id) });
    expect(await personsOf(databaseUrl, id)).toEqual([`volunteer:${key(id)}`]);
    // Declining is always possible.
    expect(dataOf(await decline(url, id, invited.token)).declineVolunteerInvitation).toMatchObject({
      linkedUser: null,
      invitationPending: false,
    });
  });
});

describe('declineVolunteerInvitation', () => {
  test('the invitation is gone, the volunteer stays on the roster without an account; the roster may invite again', async ({
    url,
    databaseUrl,
  }) => {
    const invited = await signUp(url, 'Declines');
    const id = await volunteer(url, first, '陈刚', invited.email);
    const { declineVolunteerInvitation } = dataOf(await decline(url, id, invited.token));
    // Not theirs to see: the name only ever showed in the invitation.
    expect(declineVolunteerInvitation).toMatchObject({ id, name: null, phone: null, linkedUser: null, invitationPending: false });
    expect(await entryOf(databaseUrl, id)).toEqual({ user_id: null, invited_user_id: null });
    expect(await invitationsOf(url, invited.token)).toEqual([]);
    expect(dataOf(await gql(url, VolunteerNodeDocument, { id }, first.coordinator.token)).node).toMatchObject({
      name: '陈刚',
      linkedUser: null,
      invitationPending: false,
    });
    // Declined: nothing left to answer.
    for (const answer of [accept, decline]) expect(failure(await answer(url, id, invited.token))).toEqual([['FORBIDDEN'], undefined]);
    // A new invitation, answered this time.
    const again = await volunteer(url, first, '陈刚', invited.email);
    expect(codes(await accept(url, again, invited.token))).toEqual([]);
  });
});

describe('leaveRoster', () => {
  test('by the linked user only: unlinked; active assignments keep the user’s person, new ones are the volunteer’s own', async ({
    url,
    databaseUrl,
  }) => {
    const user = await signUp(url, 'Leaves');
    const id = await volunteer(url, first, '陈刚', user.email);
    expect(codes(await accept(url, id, user.token))).toEqual([]);
    const slot = night();
    const keptClaim = await claimOn(url, first, slot);
    const [kept] = dataOf(await assign(url, first, keptClaim, [id])).assignVolunteers;

    for (const token of [outsider.token, first.owner.token, first.coordinator.token, firstKey.secret, adminToken]) {
      expect(failure(await leave(url, id, token))).toEqual([['FORBIDDEN'], undefined]);
    }
    const { leaveRoster } = dataOf(await leave(url, id, user.token));
    expect(leaveRoster).toMatchObject({ id, name: null, phone: null, linkedUser: null });
    expect(await entryOf(databaseUrl, id)).toEqual({ user_id: null, invited_user_id: null });
    // Left already.
    expect(failure(await leave(url, id, user.token))).toEqual([['FORBIDDEN'], undefined]);

    // The shift already given keeps the user's person: they are still expected there,
    // and it still counts against their other shifts.
    expect(dataOf(await gql(url, MyShiftsDocument, {}, user.token)).viewer!.shifts.map((s) => s.id)).toEqual([kept.id]);
    const elsewhere = await volunteer(url, second, '陈', user.email);
    expect(codes(await accept(url, elsewhere, user.token))).toEqual([]);
    const overlapping = await claimOn(url, second, { ...slot, label: '重叠' });
    expect(failure(await assign(url, second, overlapping, [elsewhere]))).toEqual([['SCHEDULE_CONFLICT'], 'input.volunteerIds.0']);
    // The user no longer sees the entry's name and phone.
    const { node } = dataOf(await gql(url, VolunteerNodeDocument, { id }, user.token));
    expect(node).toMatchObject({ name: null, phone: null });

    // New assignments are the volunteer's own person...
    const later = night();
    expect(codes(await assign(url, first, await claimOn(url, first, later), [id]))).toEqual([]);
    expect(await personsOf(databaseUrl, id)).toEqual([`user:${key(user.id)}`, `volunteer:${key(id)}`]);
    // ...and one roster entry is still never on two overlapping shifts, nor twice on a slot.
    const sameNight = await claimOn(url, first, { ...slot, label: '又一个' });
    expect(failure(await assign(url, first, sameNight, [id]))).toEqual([['SCHEDULE_CONFLICT'], 'input.volunteerIds.0']);
    expect(failure(await assign(url, first, keptClaim, [id]))).toEqual([['ALREADY_CLAIMED'], 'input.volunteerIds.0']);
    // Once the roster unassigns them, the user is free at that time.
    expect(codes(await gql(url, UnassignVolunteerDocument, { id: kept.id }, first.coordinator.token))).toEqual([]);
    expect(dataOf(await gql(url, MyShiftsDocument, {}, user.token)).viewer!.shifts).toEqual([]);
    expect(codes(await assign(url, second, overlapping, [elsewhere]))).toEqual([]);
  });
});
