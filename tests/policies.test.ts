/**
 * The permission table of api.md ("Who may do what") as pure policy tests,
 * including the rows of operations built in later issues.
 */
import { describe, expect, it } from 'vitest';
import { MemberRole } from '../src/shared/enums.js';
import {
  mayActFor,
  mayAddMember,
  mayCreateAssociation,
  mayManageApiKeys,
  maySeeApiKeys,
  maySeeMembers,
  mayVerifyAssociation,
  standingOf,
  type Standing,
} from '../src/modules/associations/association.policy.js';
import { maySeeUserPrivate } from '../src/modules/identity/user.policy.js';
import { SYSTEM, type Actor as Viewer } from '../src/shared/actor.js';

const A = 'association-a';
const B = 'association-b';
const anonymous: Viewer = { kind: 'anonymous' };
const user = (id = 'u1', isAdmin = false): Viewer => ({ kind: 'user', userId: id, isAdmin });
const keyOf = (associationId: string): Viewer => ({ kind: 'apiKey', apiKeyId: 'k', associationId });
const roles = (role?: MemberRole) => new Map(role ? [[A, role]] : []);

const personas: Record<string, Standing> = {
  admin: standingOf(user('root', true), A, roles()),
  owner: standingOf(user(), A, roles(MemberRole.OWNER)),
  coordinator: standingOf(user(), A, roles(MemberRole.COORDINATOR)),
  member: standingOf(user(), A, roles(MemberRole.MEMBER)),
  outsider: standingOf(user(), A, roles()),
  ownKey: standingOf(keyOf(A), A, roles()),
  otherKey: standingOf(keyOf(B), A, roles()),
  anonymous: standingOf(anonymous, A, roles()),
  system: standingOf(SYSTEM, A, roles()),
};

const table: [string, (s: Standing) => boolean, string[]][] = [
  ['addMember (MEMBER)', (s) => mayAddMember(s, MemberRole.MEMBER), ['admin', 'system', 'owner', 'coordinator']],
  ['addMember (OWNER)', (s) => mayAddMember(s, MemberRole.OWNER), ['admin', 'system', 'owner']],
  ['createApiKey, revokeApiKey', mayManageApiKeys, ['admin', 'system', 'owner']],
  [
    'postHelpRequest, update, cancel, complete, declineClaim, claim, withdrawClaim',
    mayActFor,
    ['admin', 'system', 'owner', 'coordinator', 'ownKey'],
  ],
  ['Association.members', maySeeMembers, ['admin', 'system', 'owner', 'coordinator', 'member', 'ownKey']],
  ['Association.apiKeys, node(ApiKey)', maySeeApiKeys, ['admin', 'system', 'owner']],
];

describe.each(table)('%s', (_operation, policy, allowed) => {
  it.each(Object.keys(personas))('for %s', (persona) => {
    expect(policy(personas[persona])).toBe(allowed.includes(persona));
  });
});

describe('caller-level rules', () => {
  it('createAssociation: any signed-in user, not an API key', () => {
    expect(mayCreateAssociation(user())).toBe(true);
    expect(mayCreateAssociation(keyOf(A))).toBe(false);
    expect(mayCreateAssociation(anonymous)).toBe(false);
  });

  it('verifyAssociation: administrators', () => {
    expect(mayVerifyAssociation(user('root', true))).toBe(true);
    expect(mayVerifyAssociation(user())).toBe(false);
    expect(mayVerifyAssociation(keyOf(A))).toBe(false);
  });

  it('User.email and memberships: the user themself and administrators', () => {
    expect(maySeeUserPrivate(user('u1'), 'u1')).toBe(true);
    expect(maySeeUserPrivate(user('u2'), 'u1')).toBe(false);
    expect(maySeeUserPrivate(user('root', true), 'u1')).toBe(true);
    expect(maySeeUserPrivate(keyOf(A), 'u1')).toBe(false);
    expect(maySeeUserPrivate(anonymous, 'u1')).toBe(false);
  });
});
