/** Named personas and factories that keep tests short: every one goes through the public API. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { dataOf, gql } from './client.js';
import {
  AddMemberDocument,
  CreateApiKeyDocument,
  CreateAssociationDocument,
  LogInDocument,
  SignUpDocument,
  VerifyAssociationDocument,
  type CreateAssociationInput,
  type MemberRole,
} from '../generated/graphql.js';

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
  const { signUp } = dataOf(await gql(url, SignUpDocument, { input: { email, password: 'password-123', displayName: name } }));
  return { id: signUp.user.id, email, token: signUp.token };
}

export async function logIn(url: string, email: string, password: string): Promise<string> {
  return dataOf(await gql(url, LogInDocument, { email, password })).logIn.token;
}

export const asAdmin = (url: string) => logIn(url, ADMIN.email, ADMIN.password);

export async function createAssociation(url: string, token: string, input: Partial<CreateAssociationInput> = {}): Promise<string> {
  const response = await gql(
    url,
    CreateAssociationDocument,
    { input: { name: `Association ${unique()}`, township: '巡场镇', categories: ['MEDICAL'], ...input } },
    token,
  );
  return dataOf(response).createAssociation.id;
}

export async function verify(url: string, adminToken: string, associationId: string): Promise<void> {
  const response = await gql(url, VerifyAssociationDocument, { id: associationId }, adminToken);
  expect(response.body.data?.verifyAssociation.verified).toBe(true);
}

export async function addMember(url: string, token: string, associationId: string, email: string, role: MemberRole) {
  return gql(url, AddMemberDocument, { associationId, email, role }, token);
}

export async function createApiKey(
  url: string,
  token: string,
  associationId: string,
  name = 'integration',
): Promise<{ id: string; secret: string }> {
  const { createApiKey } = dataOf(await gql(url, CreateApiKeyDocument, { associationId, name }, token));
  return { id: createApiKey.apiKey.id, secret: createApiKey.secret };
}

/** An association with an OWNER and a COORDINATOR (and optionally verified). */
export interface Org {
  id: string;
  owner: Persona;
  coordinator: Persona;
}

export async function createOrg(url: string, adminToken: string | null, input: Partial<CreateAssociationInput> = {}): Promise<Org> {
  const owner = await signUp(url, 'Owner');
  const coordinator = await signUp(url, 'Coordinator');
  const id = await createAssociation(url, owner.token, input);
  expect((await addMember(url, owner.token, id, coordinator.email, 'COORDINATOR')).body.errors).toBeUndefined();
  if (adminToken) await verify(url, adminToken, id);
  return { id, owner, coordinator };
}
