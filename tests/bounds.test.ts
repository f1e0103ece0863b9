/**
 * Hard bounds of the lists priced by an expected size (src/shared/cost.ts,
 * README "Limits"): enforced where their rows are written, under a row lock, so
 * exact under any concurrency. Set-up rows that only fill a list up to its
 * bound go straight into the database; the bound itself is met through the API.
 */
import { randomUUID } from 'node:crypto';
import { codes, dataOf, gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { addMember, createApiKey, createOrg, signUp } from './support/personas.js';
import { admin } from './support/pg.js';
import { postRequest } from './support/requests.js';
import { AddVolunteerDocument, ClaimDocument, CreateApiKeyDocument, DeclineVolunteerInvitationDocument } from './generated/graphql.js';
import { BOUNDS } from '../src/shared/cost.js';
import { decodeGlobalId } from '../src/shared/global-id.js';

const key = (id: string) => decodeGlobalId(id, 'id').key;

describe('hard bounds', () => {
  test('API keys: exactly the bound succeeds when more are created at once', async ({ url, adminToken }) => {
    const org = await createOrg(url, adminToken);
    await createApiKey(url, org.owner.token, org.id); // one exists already
    const attempts = await Promise.all(
      Array.from({ length: BOUNDS.apiKeys + 10 }, (_, i) =>
        gql(url, CreateApiKeyDocument, { associationId: org.id, name: `k${i}` }, org.owner.token),
      ),
    );
    const created = attempts.filter((response) => codes(response).length === 0).length;
    expect(created).toBe(BOUNDS.apiKeys - 1);
    const refused = attempts.filter((response) => codes(response).length > 0);
    expect(refused.map((response) => response.body.errors?.[0]?.extensions)).toEqual(
      refused.map(() => ({ code: 'BAD_USER_INPUT', field: 'associationId' })),
    );
  });

  test('members: an association full to its bound takes nobody more; one already in is still answered', async ({
    url,
    adminToken,
    databaseUrl,
  }) => {
    const org = await createOrg(url, adminToken); // an OWNER and a COORDINATOR
    await admin(databaseUrl, async (client) => {
      // Fill up to one below the bound with users made in the database (signing up through the API hashes passwords: slow).
      const missing = BOUNDS.members - 3;
      await client.query(
        `WITH users AS (
           INSERT INTO app_user (id, email, display_name, password_hash)
           SELECT gen_random_uuid(), 'filler.' || i || '.' || $2 || '@example.org', 'filler', 'x' FROM generate_series(1, $1::int) i
           RETURNING id)
         INSERT INTO membership (association_id, user_id, role) SELECT $3, id, 'MEMBER' FROM users`,
        [missing, randomUUID(), key(org.id)],
      );
    });
    const [a, b] = [await signUp(url), await signUp(url)];
    const answers = await Promise.all([a, b].map((user) => addMember(url, org.owner.token, org.id, user.email, 'MEMBER')));
    expect(answers.map((answer) => codes(answer).join()).sort()).toEqual(['', 'BAD_USER_INPUT']);
    // Adding someone already in changes nothing and is not refused by the bound.
    expect(codes(await addMember(url, org.owner.token, org.id, org.coordinator.email, 'COORDINATOR'))).toEqual([]);
  });

  test('roster invitations waiting for one user: exactly the bound when rosters invite at once; an answer makes room', async ({
    url,
    adminToken,
    databaseUrl,
  }) => {
    const user = await signUp(url, 'Invited');
    await admin(databaseUrl, (client) =>
      client.query(
        `WITH rosters AS (
           INSERT INTO association (id, name, name_key, search_text, categories)
           SELECT gen_random_uuid(), 'filler ' || i || ' ' || $2, 'filler ' || i || ' ' || $2, 'filler', ARRAY['MEDICAL']
             FROM generate_series(1, $1::int) i
           RETURNING id)
         INSERT INTO volunteer (id, association_id, name, invited_user_id) SELECT gen_random_uuid(), id, 'filler', $3 FROM rosters`,
        [BOUNDS.invitationsPerUser - 1, randomUUID(), key(user.id)],
      ),
    );
    const rosters = [await createOrg(url, adminToken), await createOrg(url, adminToken)];
    const invite = (org: (typeof rosters)[number]) =>
      gql(url, AddVolunteerDocument, { input: { associationId: org.id, name: '陈刚', userEmail: user.email } }, org.coordinator.token);
    const answers = await Promise.all(rosters.map(invite));
    expect(answers.map((answer) => codes(answer).join()).sort()).toEqual(['', 'BAD_USER_INPUT']);
    const refused = answers.find((answer) => codes(answer).length > 0)!;
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.userEmail' });
    const made = answers.find((answer) => codes(answer).length === 0)!.body.data!.addVolunteer.id;
    dataOf(await gql(url, DeclineVolunteerInvitationDocument, { volunteerId: made }, user.token));
    expect(codes(await invite(rosters[answers.indexOf(refused)]))).toEqual([]);
  });

  test('claims on a slot: ended ones count, so the list stays bounded', async ({ url, adminToken, databaseUrl }) => {
    const [requester, helper] = [await createOrg(url, adminToken), await createOrg(url, adminToken)];
    const request = await postRequest(url, requester.owner.token, requester.id, { slots: [{ capacity: 5 }] });
    const slotId = request.slots[0].id;
    await admin(databaseUrl, (client) =>
      client.query(
        `INSERT INTO claim (id, slot_id, request_id, association_id, quantity, status, ended_at)
         SELECT gen_random_uuid(), $1, $2, $3, 1, 'WITHDRAWN', now() FROM generate_series(1, $4::int)`,
        [key(slotId), key(request.id), key(helper.id), BOUNDS.claimsPerSlot - 1],
      ),
    );
    const input = { slotId, associationId: helper.id, quantity: 1 };
    dataOf(await gql(url, ClaimDocument, { input }, helper.owner.token)); // the last place in the list
    const other = await createOrg(url, adminToken);
    const refused = await gql(url, ClaimDocument, { input: { ...input, associationId: other.id } }, other.owner.token);
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.slotId' });
  });
});
