/**
 * Assignments under real concurrency, through two server processes on one
 * database: never more people than a claim holds, never one person on two
 * overlapping shifts or twice on a slot, and a claim that ends while
 * volunteers are being assigned leaves none of them behind. The database is
 * checked at the end of each.
 */
import { codes, dataOf, gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { asAdmin, createOrg, signUp, type Org, type Persona } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import type { SpawnedServer } from './support/server.js';
import { verifiedAssociations } from './support/world.js';
import { query } from './support/pg.js';
import { decodeGlobalId } from '../src/shared/global-id.js';
import {
  AcceptVolunteerInvitationDocument,
  AddVolunteerDocument,
  AssignVolunteersDocument,
  ClaimDocument,
  WithdrawClaimWithReasonDocument,
  type SlotInput,
} from './generated/graphql.js';

let a: SpawnedServer;
let b: SpawnedServer;
let adminToken: string;
let requester: Org;

test.beforeAll(async ({ spawn }) => {
  [a, b] = await Promise.all([spawn(), spawn()]);
  adminToken = await asAdmin(a.url);
  requester = await createOrg(a.url, adminToken);
});

const server = (i: number) => (i % 2 ? b : a).url;
const key = (id: string) => decodeGlobalId(id, 'id').key;

/** A volunteer on a roster; with `user`, invited by e-mail and accepted by the user (the link). */
async function addVolunteer(token: string, associationId: string, name: string, user?: Persona): Promise<string> {
  const { id } = dataOf(
    await gql(a.url, AddVolunteerDocument, { input: { associationId, name, userEmail: user?.email } }, token),
  ).addVolunteer;
  if (user) dataOf(await gql(a.url, AcceptVolunteerInvitationDocument, { volunteerId: id }, user.token));
  return id;
}

/** A request of `requester` with `slot`, claimed by each of `claimants` (`quantity` each). */
async function claimsOn(
  slot: SlotInput,
  claimants: string[],
  token: string,
  quantity = 1,
): Promise<{ requestId: string; claimIds: string[] }> {
  const request = await postRequest(a.url, requester.coordinator.token, requester.id, {
    kind: 'PATIENT_GUARD',
    category: 'MEDICAL',
    slots: [slot],
  });
  const claimIds: string[] = [];
  for (const associationId of claimants) {
    const { claim } = dataOf(await gql(a.url, ClaimDocument, { input: { slotId: request.slots[0].id, associationId, quantity } }, token));
    claimIds.push(claim.id);
  }
  return { requestId: request.id, claimIds };
}

const night = (day: number, startHour = 0, hours = 12, capacity = 50): SlotInput => ({
  startsAt: hoursFromNow(24 * day + startHour),
  endsAt: hoursFromNow(24 * day + startHour + hours),
  capacity,
});

describe('assignVolunteers under concurrency', () => {
  test('20 racing assignments on a claim of 3 places, over two processes: exactly 3', async ({ databaseUrl }) => {
    const { owner, ids } = await verifiedAssociations(a.url, adminToken, 1, 'Places');
    const { requestId, claimIds } = await claimsOn(night(1), ids, owner.token, 3);
    const volunteers = await Promise.all(Array.from({ length: 20 }, (_, i) => addVolunteer(owner.token, ids[0], `志愿者${i}`)));

    const answers = await Promise.all(
      volunteers.map((volunteerId, i) =>
        gql(server(i), AssignVolunteersDocument, { input: { claimId: claimIds[0], volunteerIds: [volunteerId] } }, owner.token),
      ),
    );
    expect(answers.filter((r) => r.body.data?.assignVolunteers)).toHaveLength(3);
    const failures = answers.flatMap((r) => codes(r));
    expect(failures).toEqual(Array.from({ length: 17 }, () => 'CAPACITY_EXCEEDED'));

    const [claim] = await query<{ assigned: number; active: number }>(
      databaseUrl,
      `SELECT assigned, (SELECT count(*)::int FROM assignment WHERE claim_id = claim.id AND ended_at IS NULL) AS active FROM claim WHERE id = $1`,
      [key(claimIds[0])],
    );
    expect(claim).toEqual({ assigned: 3, active: 3 });
    const events = await query<{ type: string }>(databaseUrl, `SELECT type FROM request_event WHERE request_id = $1 ORDER BY position`, [
      key(requestId),
    ]);
    expect(events.map((e) => e.type)).toEqual(['POSTED', 'CLAIMED', 'VOLUNTEER_ASSIGNED', 'VOLUNTEER_ASSIGNED', 'VOLUNTEER_ASSIGNED']);
    const [request] = await query<{ version: number }>(databaseUrl, `SELECT version FROM help_request WHERE id = $1`, [key(requestId)]);
    expect(request.version).toBe(2);
  });

  test('one person on the rosters of 8 associations, racing onto overlapping shifts of 8 requests: exactly one, every round', async ({
    databaseUrl,
  }) => {
    const { owner, ids } = await verifiedAssociations(a.url, adminToken, 8, 'Overlap');
    for (let round = 0; round < 5; round++) {
      const someone = await signUp(a.url, `Racer ${round}`);
      const volunteers = await Promise.all(ids.map((associationId) => addVolunteer(owner.token, associationId, '陈刚', someone)));
      // Eight requests whose shifts all overlap (each starts an hour after the previous one, lasts 12).
      const claims = await Promise.all(ids.map((associationId, i) => claimsOn(night(10 + round, i, 12), [associationId], owner.token)));
      const answers = await Promise.all(
        claims.map(({ claimIds }, i) =>
          gql(server(i), AssignVolunteersDocument, { input: { claimId: claimIds[0], volunteerIds: [volunteers[i]] } }, owner.token),
        ),
      );
      expect(answers.filter((r) => r.body.data?.assignVolunteers)).toHaveLength(1);
      expect(answers.flatMap((r) => codes(r))).toEqual(Array.from({ length: 7 }, () => 'SCHEDULE_CONFLICT'));
      const [active] = await query<{ n: number }>(
        databaseUrl,
        `SELECT count(*)::int AS n FROM assignment WHERE person = $1 AND ended_at IS NULL`,
        [`user:${key(someone.id)}`],
      );
      expect(active.n).toBe(1);
    }
  });

  test('one person on two claims of one slot, racing: one assignment, the other ALREADY_CLAIMED', async ({ databaseUrl }) => {
    const { owner, ids } = await verifiedAssociations(a.url, adminToken, 2, 'Twice');
    for (let round = 0; round < 5; round++) {
      const someone = await signUp(a.url, `Twice ${round}`);
      const volunteers = await Promise.all(ids.map((associationId) => addVolunteer(owner.token, associationId, '王丽', someone)));
      const { claimIds } = await claimsOn(night(20 + round), ids, owner.token);
      const answers = await Promise.all(
        claimIds.map((claimId, i) =>
          gql(server(i), AssignVolunteersDocument, { input: { claimId, volunteerIds: [volunteers[i]] } }, owner.token),
        ),
      );
      expect(answers.flatMap((r) => codes(r))).toEqual(['ALREADY_CLAIMED']);
      const [active] = await query<{ n: number }>(
        databaseUrl,
        `SELECT count(*)::int AS n FROM assignment WHERE person = $1 AND ended_at IS NULL`,
        [`user:${key(someone.id)}`],
      );
      expect(active.n).toBe(1);
    }
  });

  test('an invitation accepted while the roster assigns the volunteer: every shift is made as the user, every round', async ({
    databaseUrl,
  }) => {
    const { owner, ids } = await verifiedAssociations(a.url, adminToken, 1, 'Accepting');
    for (let round = 0; round < 5; round++) {
      const someone = await signUp(a.url, `Accepting ${round}`);
      const input = { associationId: ids[0], name: '陈刚', userEmail: someone.email };
      const volunteerId = dataOf(await gql(a.url, AddVolunteerDocument, { input }, owner.token)).addVolunteer.id;
      const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => claimsOn(night(50 + 7 * round + i), ids, owner.token)));
      const [accepted, ...assigned] = await Promise.all([
        gql(server(round), AcceptVolunteerInvitationDocument, { volunteerId }, someone.token),
        ...claims.map(({ claimIds }, i) =>
          gql(
            server(round + i + 1),
            AssignVolunteersDocument,
            { input: { claimId: claimIds[0], volunteerIds: [volunteerId] } },
            owner.token,
          ),
        ),
      ]);
      expect([accepted, ...assigned].flatMap((r) => codes(r))).toEqual([]);
      // Whichever came first, no shift is left under the volunteer's own person: the user is one person everywhere.
      const persons = await query<{ person: string }>(
        databaseUrl,
        `SELECT person FROM assignment WHERE volunteer_id = $1 AND ended_at IS NULL`,
        [key(volunteerId)],
      );
      expect(persons.map((row) => row.person)).toEqual(Array.from({ length: 6 }, () => `user:${key(someone.id)}`));
    }
  });

  test('a claim withdrawn while its volunteers are assigned leaves no active assignment behind, every round', async ({ databaseUrl }) => {
    const { owner, ids } = await verifiedAssociations(a.url, adminToken, 1, 'Withdraw');
    for (let round = 0; round < 10; round++) {
      const { claimIds } = await claimsOn(night(30 + round), ids, owner.token, 4);
      const volunteers = await Promise.all(Array.from({ length: 4 }, (_, i) => addVolunteer(owner.token, ids[0], `R${round}-${i}`)));
      const racing = await Promise.all([
        ...volunteers.map((volunteerId, i) =>
          gql(server(i), AssignVolunteersDocument, { input: { claimId: claimIds[0], volunteerIds: [volunteerId] } }, owner.token),
        ),
        gql(server(round), WithdrawClaimWithReasonDocument, { id: claimIds[0] }, owner.token),
      ]);
      expect(racing.flatMap((r) => codes(r)).every((code) => code === 'BAD_USER_INPUT')).toBe(true);
      const [claim] = await query<{ status: string; assigned: number; active: number }>(
        databaseUrl,
        `SELECT status, assigned, (SELECT count(*)::int FROM assignment WHERE claim_id = claim.id AND ended_at IS NULL) AS active
           FROM claim WHERE id = $1`,
        [key(claimIds[0])],
      );
      expect(claim).toEqual({ status: 'WITHDRAWN', assigned: 0, active: 0 });
    }
  });
});
