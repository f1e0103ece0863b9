/** Associations, members and API keys end to end: the permission table rows of issue 3. */
import { codes, gql, send } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { addMember, createApiKey, createAssociation, createOrg, signUp, type Org } from './support/personas.js';
import {
  AssociationIdDocument,
  AssociationPageDocument,
  AssociationWithMembersAndKeysDocument,
  ApiKeyNodeDocument,
  CreateApiKeyDocument,
  CreateAssociationDocument,
  CurrentApiKeyIdDocument,
  RevokeApiKeyDocument,
  VerifyAssociationDocument,
  ViewerAndCurrentApiKeyDocument,
  type CreateAssociationInput,
} from './generated/graphql.js';

describe('createAssociation', () => {
  test('makes the caller its OWNER; new associations are unverified', async ({ url }) => {
    const owner = await signUp(url, 'Founder');
    const id = await createAssociation(url, owner.token, { name: '巡场镇书画协会', categories: ['EDUCATION', 'CHILD_CARE'] });
    const response = await gql(url, AssociationWithMembersAndKeysDocument, { id }, owner.token);
    expect(response.body.data!.association).toMatchObject({
      id,
      name: '巡场镇书画协会',
      verified: false,
      members: [{ role: 'OWNER', user: { id: owner.id } }],
    });
  });

  test('refuses a name already used in the township, case-insensitively', async ({ url }) => {
    const owner = await signUp(url);
    await createAssociation(url, owner.token, { name: 'Chess Club', township: '孝儿镇' });
    const again = await gql(
      url,
      CreateAssociationDocument,
      { input: { name: '  CHESS club ', township: '孝儿镇', categories: ['EDUCATION'] } },
      owner.token,
    );
    expect(again.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
    // The same name in another township is another association.
    await createAssociation(url, owner.token, { name: 'Chess Club', township: '上罗镇' });
  });

  test.for<[CreateAssociationInput, string]>([
    [{ name: '', categories: ['MEDICAL'] }, 'input.name'],
    [{ name: 'x'.repeat(101), categories: ['MEDICAL'] }, 'input.name'],
    [{ name: 'ok', categories: [] }, 'input.categories'],
    [{ name: 'ok', township: 't'.repeat(501), categories: ['MEDICAL'] }, 'input.township'],
  ])('refuses %o naming %s', async ([input, field], { url }) => {
    const owner = await signUp(url);
    const response = await gql(url, CreateAssociationDocument, { input }, owner.token);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  test('is refused to an API key (FORBIDDEN)', async ({ url, adminToken }) => {
    const org = await createOrg(url, adminToken);
    const key = await createApiKey(url, org.owner.token, org.id);
    const response = await gql(url, CreateAssociationDocument, { input: { name: 'by key', categories: ['MEDICAL'] } }, key.secret);
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('verifyAssociation', () => {
  test('is for administrators only', async ({ url, adminToken }) => {
    const org = await createOrg(url, null);
    const byOwner = await gql(url, VerifyAssociationDocument, { id: org.id }, org.owner.token);
    expect(codes(byOwner)).toEqual(['FORBIDDEN']);
    const byAdmin = await gql(url, VerifyAssociationDocument, { id: org.id }, adminToken);
    expect(byAdmin.body.data!.verifyAssociation.verified).toBe(true);
  });

  test('follows the order of checks: undecodable id, then unknown id, then permission', async ({ url }) => {
    const user = await signUp(url);
    const bad = await send(url, `mutation { verifyAssociation(id: "zzz") { id } }`, {}, user.token);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const unknown = await gql(url, VerifyAssociationDocument, { id: user.id }, user.token);
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
  });
});

describe('addMember', () => {
  let org: Org;
  test.beforeAll(async ({ url, adminToken }) => {
    org = await createOrg(url, adminToken);
  });

  test('lets a COORDINATOR add a MEMBER but not an OWNER', async ({ url }) => {
    const member = await signUp(url);
    expect((await addMember(url, org.coordinator.token, org.id, member.email, 'MEMBER')).body.errors).toBeUndefined();
    const owner = await signUp(url);
    expect(codes(await addMember(url, org.coordinator.token, org.id, owner.email, 'OWNER'))).toEqual(['FORBIDDEN']);
    expect((await addMember(url, org.owner.token, org.id, owner.email, 'OWNER')).body.errors).toBeUndefined();
  });

  test('changes nothing for a member with the same role; refuses another role', async ({ url }) => {
    const member = await signUp(url);
    await addMember(url, org.owner.token, org.id, member.email, 'MEMBER');
    const same = await addMember(url, org.owner.token, org.id, member.email.toUpperCase(), 'MEMBER');
    expect(same.body.data!.addMember.role).toBe('MEMBER');
    const other = await addMember(url, org.owner.token, org.id, member.email, 'COORDINATOR');
    expect(other.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('answers NOT_FOUND for an e-mail that has not signed up', async ({ url }) => {
    expect(codes(await addMember(url, org.owner.token, org.id, 'ghost@example.org', 'MEMBER'))).toEqual(['NOT_FOUND']);
  });

  test('refuses outsiders and plain MEMBERs', async ({ url }) => {
    const outsider = await signUp(url);
    const target = await signUp(url);
    expect(codes(await addMember(url, outsider.token, org.id, target.email, 'MEMBER'))).toEqual(['FORBIDDEN']);
    const member = await signUp(url);
    await addMember(url, org.owner.token, org.id, member.email, 'MEMBER');
    expect(codes(await addMember(url, member.token, org.id, target.email, 'MEMBER'))).toEqual(['FORBIDDEN']);
  });

  test('orders members by role, then display name, and hides them from outsiders', async ({ url, adminToken }) => {
    const fresh = await createOrg(url, adminToken);
    for (const name of ['Zhou', 'An']) {
      const user = await signUp(url, name);
      await addMember(url, fresh.owner.token, fresh.id, user.email, 'MEMBER');
    }
    const seen = await gql(url, AssociationWithMembersAndKeysDocument, { id: fresh.id }, fresh.coordinator.token);
    const members = seen.body.data!.association!.members;
    expect(members.map((m) => m.role)).toEqual(['OWNER', 'COORDINATOR', 'MEMBER', 'MEMBER']);
    expect(members.slice(2).map((m) => m.user.displayName)).toEqual(['An', 'Zhou']);
    const outsider = await signUp(url);
    const membersSeenBy = async (token?: string) =>
      (await gql(url, AssociationWithMembersAndKeysDocument, { id: fresh.id }, token)).body.data!.association!.members;
    expect(await membersSeenBy(outsider.token)).toEqual([]);
    expect(await membersSeenBy()).toEqual([]);
    expect(await membersSeenBy(adminToken)).toHaveLength(4);
  });
});

describe('API keys', () => {
  test('are created by the OWNER only, shown once, and act for their association as a MEMBER', async ({ url, adminToken }) => {
    const org = await createOrg(url, adminToken);
    expect(codes(await gql(url, CreateApiKeyDocument, { associationId: org.id, name: 'bot' }, org.coordinator.token))).toEqual([
      'FORBIDDEN',
    ]);
    const key = await createApiKey(url, org.owner.token, org.id, 'chat bot');
    expect(key.secret).toMatch(/^mak_[A-Za-z0-9_-]{43}$/);

    const current = await gql(url, ViewerAndCurrentApiKeyDocument, {}, key.secret);
    expect(current.body.data).toEqual({ viewer: null, currentApiKey: { id: key.id, name: 'chat bot', association: { id: org.id } } });
    // A key sees members like a MEMBER does, but not the keys (OWNER only).
    const seen = await gql(url, AssociationWithMembersAndKeysDocument, { id: org.id }, key.secret);
    expect(seen.body.data!.association!.members).toHaveLength(2);
    expect(seen.body.data!.association!.apiKeys).toEqual([]);
    const byOwner = await gql(url, AssociationWithMembersAndKeysDocument, { id: org.id }, org.owner.token);
    expect(byOwner.body.data!.association!.apiKeys).toEqual([{ id: key.id, name: 'chat bot', revokedAt: null }]);
  });

  test('of A cannot act for B', async ({ url, adminToken }) => {
    const a = await createOrg(url, adminToken);
    const b = await createOrg(url, adminToken);
    const key = await createApiKey(url, a.owner.token, a.id);
    const someone = await signUp(url);
    expect(codes(await addMember(url, key.secret, b.id, someone.email, 'MEMBER'))).toEqual(['FORBIDDEN']);
    expect((await gql(url, AssociationWithMembersAndKeysDocument, { id: b.id }, key.secret)).body.data!.association!.members).toEqual([]);
  });

  test('is visible through node(id) to its OWNER and administrators only', async ({ url, adminToken }) => {
    const org = await createOrg(url, adminToken);
    const key = await createApiKey(url, org.owner.token, org.id);
    const node = async (token?: string) => (await gql(url, ApiKeyNodeDocument, { id: key.id }, token)).body.data!.node;
    expect(await node(org.owner.token)).toMatchObject({ id: key.id });
    expect(await node(adminToken)).toMatchObject({ id: key.id });
    expect(await node(org.coordinator.token)).toBeNull();
    expect(await node()).toBeNull();
  });

  test('fails from the next request on once revoked; revoking again returns it unchanged', async ({ url, adminToken }) => {
    const org = await createOrg(url, adminToken);
    const key = await createApiKey(url, org.owner.token, org.id);
    expect((await gql(url, CurrentApiKeyIdDocument, {}, key.secret)).status).toBe(200);
    const first = await gql(url, RevokeApiKeyDocument, { id: key.id }, org.owner.token);
    expect(first.body.data!.revokeApiKey.revokedAt).toMatch(/Z$/);
    const after = await gql(url, CurrentApiKeyIdDocument, {}, key.secret);
    expect(after.status).toBe(401);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    const again = await gql(url, RevokeApiKeyDocument, { id: key.id }, org.owner.token);
    expect(again.body.data!.revokeApiKey.revokedAt).toBe(first.body.data!.revokeApiKey.revokedAt);
  });
});

describe('associations list', () => {
  test('orders by name in code-point order, filters, counts and pages', async ({ url }) => {
    const owner = await signUp(url);
    const township = `测试镇${Date.now()}`;
    const names = ['b-assoc', 'Z-assoc', 'a-assoc', '象棋', '互助'];
    for (const name of names) await createAssociation(url, owner.token, { name, township, categories: ['EDUCATION'] });
    const filter = { townships: [township] };
    const all = await gql(url, AssociationPageDocument, { filter, first: null });
    expect(all.body.data!.associations.edges.map((e) => e.node.name)).toEqual([...names].sort());
    expect(all.body.data!.associations.totalCount).toBe(5);

    const page1 = await gql(url, AssociationPageDocument, { filter, first: 2 });
    expect(page1.body.data!.associations.pageInfo.hasNextPage).toBe(true);
    expect(page1.body.data!.associations.totalCount).toBe(5);
    const page2 = await gql(url, AssociationPageDocument, { filter, first: 10, after: page1.body.data!.associations.pageInfo.endCursor });
    expect(page2.body.data!.associations.edges.map((e) => e.node.name)).toEqual([...names].sort().slice(2));
    expect(page2.body.data!.associations.pageInfo.hasNextPage).toBe(false);

    // A cursor of another filter is refused; first outside 1..100 too.
    const other = await gql(url, AssociationPageDocument, {
      filter: { townships: ['elsewhere'] },
      after: page1.body.data!.associations.pageInfo.endCursor,
    });
    expect(other.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await gql(url, AssociationPageDocument, { first: 101 })).body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await gql(url, AssociationPageDocument, { filter: { townships: [] } })).body.data!.associations.totalCount).toBe(0);
    const text = await gql(url, AssociationPageDocument, { filter: { townships: [township], text: 'ASSOC' } }); // case-insensitive
    expect(text.body.data!.associations.totalCount).toBe(3);
  });

  test('answers null for an id naming nothing, BAD_USER_INPUT for an undecodable one', async ({ url }) => {
    const user = await signUp(url);
    expect((await gql(url, AssociationIdDocument, { id: user.id })).body.data!.association).toBeNull();
    expect(codes(await send(url, `{ association(id: "%%") { id } }`))).toEqual(['BAD_USER_INPUT']);
  });
});
