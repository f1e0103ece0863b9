/** Associations, members and API keys end to end: the permission table rows of issue 3. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';
import { codes, gql } from './support/client.js';
import { ADMIN_ENV, addMember, asAdmin, createApiKey, createAssociation, createOrg, signUp, type Org } from './support/personas.js';

let server: TestServer;
let url: string;
let admin: string;

beforeAll(async () => {
  server = await startServer(await createTestDatabase(), ADMIN_ENV);
  url = server.url;
  admin = await asAdmin(url);
});
afterAll(() => server?.stop());

const ASSOCIATION = `query ($id: ID!) { association(id: $id) { id name verified members { role user { id displayName } } apiKeys { id name revokedAt } } }`;

describe('createAssociation', () => {
  it('makes the caller its OWNER; new associations are unverified', async () => {
    const owner = await signUp(url, 'Founder');
    const id = await createAssociation(url, owner.token, { name: '巡场镇书画协会', categories: ['EDUCATION', 'CHILD_CARE'] });
    const response = await gql(url, ASSOCIATION, { id }, owner.token);
    expect(response.body.data!.association).toMatchObject({
      id,
      name: '巡场镇书画协会',
      verified: false,
      members: [{ role: 'OWNER', user: { id: owner.id } }],
    });
  });

  it('refuses a name already used in the township, case-insensitively', async () => {
    const owner = await signUp(url);
    await createAssociation(url, owner.token, { name: 'Chess Club', township: '孝儿镇' });
    const again = await gql(
      url,
      `mutation { createAssociation(input: { name: "  CHESS club ", township: "孝儿镇", categories: [EDUCATION] }) { id } }`,
      {},
      owner.token,
    );
    expect(again.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
    // The same name in another township is another association.
    await createAssociation(url, owner.token, { name: 'Chess Club', township: '上罗镇' });
  });

  it.each([
    [{ name: '', categories: ['MEDICAL'] }, 'input.name'],
    [{ name: 'x'.repeat(101), categories: ['MEDICAL'] }, 'input.name'],
    [{ name: 'ok', categories: [] }, 'input.categories'],
    [{ name: 'ok', township: 't'.repeat(501), categories: ['MEDICAL'] }, 'input.township'],
  ])('refuses %o naming %s', async (input, field) => {
    const owner = await signUp(url);
    const response = await gql(
      url,
      `mutation ($input: CreateAssociationInput!) { createAssociation(input: $input) { id } }`,
      { input },
      owner.token,
    );
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('is refused to an API key (FORBIDDEN)', async () => {
    const org = await createOrg(url, admin);
    const key = await createApiKey(url, org.owner.token, org.id);
    const response = await gql(
      url,
      `mutation { createAssociation(input: { name: "by key", categories: [MEDICAL] }) { id } }`,
      {},
      key.secret,
    );
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('verifyAssociation', () => {
  it('is for administrators only', async () => {
    const org = await createOrg(url, null);
    const byOwner = await gql(url, `mutation ($id: ID!) { verifyAssociation(id: $id) { verified } }`, { id: org.id }, org.owner.token);
    expect(codes(byOwner)).toEqual(['FORBIDDEN']);
    const byAdmin = await gql(url, `mutation ($id: ID!) { verifyAssociation(id: $id) { verified } }`, { id: org.id }, admin);
    expect(byAdmin.body.data!.verifyAssociation.verified).toBe(true);
  });

  it('follows the order of checks: undecodable id, then unknown id, then permission', async () => {
    const user = await signUp(url);
    const bad = await gql(url, `mutation { verifyAssociation(id: "zzz") { id } }`, {}, user.token);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const unknown = await gql(url, `mutation ($id: ID!) { verifyAssociation(id: $id) { id } }`, { id: user.id }, user.token);
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
  });
});

describe('addMember', () => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(url, admin);
  });

  it('lets a COORDINATOR add a MEMBER but not an OWNER', async () => {
    const member = await signUp(url);
    expect((await addMember(url, org.coordinator.token, org.id, member.email, 'MEMBER')).body.errors).toBeUndefined();
    const owner = await signUp(url);
    expect(codes(await addMember(url, org.coordinator.token, org.id, owner.email, 'OWNER'))).toEqual(['FORBIDDEN']);
    expect((await addMember(url, org.owner.token, org.id, owner.email, 'OWNER')).body.errors).toBeUndefined();
  });

  it('changes nothing for a member with the same role; refuses another role', async () => {
    const member = await signUp(url);
    await addMember(url, org.owner.token, org.id, member.email, 'MEMBER');
    const same = await addMember(url, org.owner.token, org.id, member.email.toUpperCase(), 'MEMBER');
    expect(same.body.data!.addMember.role).toBe('MEMBER');
    const other = await addMember(url, org.owner.token, org.id, member.email, 'COORDINATOR');
    expect(other.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for an e-mail that has not signed up', async () => {
    expect(codes(await addMember(url, org.owner.token, org.id, 'ghost@example.org', 'MEMBER'))).toEqual(['NOT_FOUND']);
  });

  it('refuses outsiders and plain MEMBERs', async () => {
    const outsider = await signUp(url);
    const target = await signUp(url);
    expect(codes(await addMember(url, outsider.token, org.id, target.email, 'MEMBER'))).toEqual(['FORBIDDEN']);
    const member = await signUp(url);
    await addMember(url, org.owner.token, org.id, member.email, 'MEMBER');
    expect(codes(await addMember(url, member.token, org.id, target.email, 'MEMBER'))).toEqual(['FORBIDDEN']);
  });

  it('orders members by role, then display name, and hides them from outsiders', async () => {
    const fresh = await createOrg(url, admin);
    for (const name of ['Zhou', 'An']) {
      const user = await signUp(url, name);
      await addMember(url, fresh.owner.token, fresh.id, user.email, 'MEMBER');
    }
    const seen = await gql(url, ASSOCIATION, { id: fresh.id }, fresh.coordinator.token);
    const members = seen.body.data!.association.members as { role: string; user: { displayName: string } }[];
    expect(members.map((m) => m.role)).toEqual(['OWNER', 'COORDINATOR', 'MEMBER', 'MEMBER']);
    expect(members.slice(2).map((m) => m.user.displayName)).toEqual(['An', 'Zhou']);
    const outsider = await signUp(url);
    expect((await gql(url, ASSOCIATION, { id: fresh.id }, outsider.token)).body.data!.association.members).toEqual([]);
    expect((await gql(url, ASSOCIATION, { id: fresh.id })).body.data!.association.members).toEqual([]);
    expect((await gql(url, ASSOCIATION, { id: fresh.id }, admin)).body.data!.association.members).toHaveLength(4);
  });
});

describe('API keys', () => {
  it('are created by the OWNER only, shown once, and act for their association as a MEMBER', async () => {
    const org = await createOrg(url, admin);
    expect(
      codes(
        await gql(
          url,
          `mutation ($a: ID!) { createApiKey(associationId: $a, name: "bot") { secret } }`,
          { a: org.id },
          org.coordinator.token,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const key = await createApiKey(url, org.owner.token, org.id, 'chat bot');
    expect(key.secret).toMatch(/^mak_[A-Za-z0-9_-]{43}$/);

    const current = await gql(url, `{ viewer { id } currentApiKey { id name association { id } } }`, {}, key.secret);
    expect(current.body.data).toEqual({ viewer: null, currentApiKey: { id: key.id, name: 'chat bot', association: { id: org.id } } });
    // A key sees members like a MEMBER does, but not the keys (OWNER only).
    const seen = await gql(url, ASSOCIATION, { id: org.id }, key.secret);
    expect(seen.body.data!.association.members).toHaveLength(2);
    expect(seen.body.data!.association.apiKeys).toEqual([]);
    const byOwner = await gql(url, ASSOCIATION, { id: org.id }, org.owner.token);
    expect(byOwner.body.data!.association.apiKeys).toEqual([{ id: key.id, name: 'chat bot', revokedAt: null }]);
  });

  it('of A cannot act for B', async () => {
    const a = await createOrg(url, admin);
    const b = await createOrg(url, admin);
    const key = await createApiKey(url, a.owner.token, a.id);
    const someone = await signUp(url);
    expect(codes(await addMember(url, key.secret, b.id, someone.email, 'MEMBER'))).toEqual(['FORBIDDEN']);
    expect((await gql(url, ASSOCIATION, { id: b.id }, key.secret)).body.data!.association.members).toEqual([]);
  });

  it('is visible through node(id) to its OWNER and administrators only', async () => {
    const org = await createOrg(url, admin);
    const key = await createApiKey(url, org.owner.token, org.id);
    const query = `query ($id: ID!) { node(id: $id) { id ... on ApiKey { name } } }`;
    expect((await gql(url, query, { id: key.id }, org.owner.token)).body.data!.node).toMatchObject({ id: key.id });
    expect((await gql(url, query, { id: key.id }, admin)).body.data!.node).toMatchObject({ id: key.id });
    expect((await gql(url, query, { id: key.id }, org.coordinator.token)).body.data!.node).toBeNull();
    expect((await gql(url, query, { id: key.id })).body.data!.node).toBeNull();
  });

  it('fails from the next request on once revoked; revoking again returns it unchanged', async () => {
    const org = await createOrg(url, admin);
    const key = await createApiKey(url, org.owner.token, org.id);
    expect((await gql(url, '{ currentApiKey { id } }', {}, key.secret)).status).toBe(200);
    const revoke = `mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
    const first = await gql(url, revoke, { id: key.id }, org.owner.token);
    expect(first.body.data!.revokeApiKey.revokedAt).toMatch(/Z$/);
    const after = await gql(url, '{ currentApiKey { id } }', {}, key.secret);
    expect(after.status).toBe(401);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    const again = await gql(url, revoke, { id: key.id }, org.owner.token);
    expect(again.body.data!.revokeApiKey.revokedAt).toBe(first.body.data!.revokeApiKey.revokedAt);
  });
});

describe('associations list', () => {
  it('orders by name in code-point order, filters, counts and pages', async () => {
    const owner = await signUp(url);
    const township = `测试镇${Date.now()}`;
    const names = ['b-assoc', 'Z-assoc', 'a-assoc', '象棋', '互助'];
    for (const name of names) await createAssociation(url, owner.token, { name, township, categories: ['EDUCATION'] });
    const query = `query ($f: AssociationFilter, $first: Int, $after: String) { associations(filter: $f, first: $first, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`;
    const filter = { townships: [township] };
    const all = await gql(url, query, { f: filter, first: null });
    expect(all.body.data!.associations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([...names].sort());
    expect(all.body.data!.associations.totalCount).toBe(5);

    const page1 = await gql(url, query, { f: filter, first: 2 });
    expect(page1.body.data!.associations.pageInfo.hasNextPage).toBe(true);
    expect(page1.body.data!.associations.totalCount).toBe(5);
    const page2 = await gql(url, query, { f: filter, first: 10, after: page1.body.data!.associations.pageInfo.endCursor });
    expect(page2.body.data!.associations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([...names].sort().slice(2));
    expect(page2.body.data!.associations.pageInfo.hasNextPage).toBe(false);

    // A cursor of another filter is refused; first outside 1..100 too.
    const other = await gql(url, query, { f: { townships: ['elsewhere'] }, after: page1.body.data!.associations.pageInfo.endCursor });
    expect(other.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await gql(url, query, { first: 101 })).body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await gql(url, query, { f: { townships: [] } })).body.data!.associations.totalCount).toBe(0);
    const text = await gql(url, query, { f: { townships: [township], text: 'ASSOC' } }); // case-insensitive
    expect(text.body.data!.associations.totalCount).toBe(3);
  });

  it('answers null for an id naming nothing, BAD_USER_INPUT for an undecodable one', async () => {
    const user = await signUp(url);
    expect((await gql(url, `query ($id: ID!) { association(id: $id) { id } }`, { id: user.id })).body.data!.association).toBeNull();
    expect(codes(await gql(url, `{ association(id: "%%") { id } }`))).toEqual(['BAD_USER_INPUT']);
  });
});
