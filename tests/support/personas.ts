/** Named personas and factories that keep tests short: every one goes through the public API. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { gql } from './client.js';

export const ADMIN = { email: 'admin@test.example.org', password: 'admin-password-1' };
/** Environment that makes a server create the test administrator at start. */
export const ADMIN_ENV = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };

export interface Persona {
  id: string;
  email: string;
  token: string;
}

const unique = () => randomBytes(4).toString('hex');

export async function signUp(url: string, name = `User ${unique()}`): Promise<Persona> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${unique()}@test.example.org`;
  const response = await gql(url, `mutation ($input: SignUpInput!) { signUp(input: $input) { token user { id email } } }`, {
    input: { email, password: 'password-123', displayName: name },
  });
  expect(response.body.errors).toBeUndefined();
  const { token, user } = response.body.data!.signUp;
  return { id: user.id, email, token };
}

export async function logIn(url: string, email: string, password: string): Promise<string> {
  const response = await gql(url, `mutation ($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }`, {
    e: email,
    p: password,
  });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.logIn.token;
}

export const asAdmin = (url: string) => logIn(url, ADMIN.email, ADMIN.password);

export async function createAssociation(url: string, token: string, input: Record<string, unknown> = {}): Promise<string> {
  const response = await gql(
    url,
    `mutation ($input: CreateAssociationInput!) { createAssociation(input: $input) { id } }`,
    {
      input: { name: `Association ${unique()}`, township: '巡场镇', categories: ['MEDICAL'], ...input },
    },
    token,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.createAssociation.id;
}

export async function verify(url: string, adminToken: string, associationId: string): Promise<void> {
  const response = await gql(url, `mutation ($id: ID!) { verifyAssociation(id: $id) { verified } }`, { id: associationId }, adminToken);
  expect(response.body.data?.verifyAssociation.verified).toBe(true);
}

export async function addMember(url: string, token: string, associationId: string, email: string, role: string) {
  return gql(
    url,
    `mutation ($a: ID!, $e: String!, $r: MemberRole!) { addMember(associationId: $a, email: $e, role: $r) { role user { id } } }`,
    {
      a: associationId,
      e: email,
      r: role,
    },
    token,
  );
}

export async function createApiKey(
  url: string,
  token: string,
  associationId: string,
  name = 'integration',
): Promise<{ id: string; secret: string }> {
  const response = await gql(
    url,
    `mutation ($a: ID!, $n: String!) { createApiKey(associationId: $a, name: $n) { secret apiKey { id } } }`,
    { a: associationId, n: name },
    token,
  );
  expect(response.body.errors).toBeUndefined();
  return { id: response.body.data!.createApiKey.apiKey.id, secret: response.body.data!.createApiKey.secret };
}

/** An association with an OWNER and a COORDINATOR (and optionally verified). */
export interface Org {
  id: string;
  owner: Persona;
  coordinator: Persona;
}

export async function createOrg(url: string, adminToken: string | null, input: Record<string, unknown> = {}): Promise<Org> {
  const owner = await signUp(url, 'Owner');
  const coordinator = await signUp(url, 'Coordinator');
  const id = await createAssociation(url, owner.token, input);
  expect((await addMember(url, owner.token, id, coordinator.email, 'COORDINATOR')).body.errors).toBeUndefined();
  if (adminToken) await verify(url, adminToken, id);
  return { id, owner, coordinator };
}
