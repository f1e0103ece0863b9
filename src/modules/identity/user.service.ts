/** Sign-up, log-in, the administrator of ADMIN_EMAIL, and the user behind a session token. */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Db } from '../../db/handle.js';
import { isPrivileged, type Actor } from '../../shared/actor.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { badInput, forbidden, unauthenticated } from '../../shared/errors.js';
import { LIMITS, codePoints, email as normaliseEmail, password as checkPassword, requiredText, trimText } from '../../shared/input.js';
import { query } from '../tables.js';
import { USER_FIELDS, type UserRow } from './identity.rows.js';
import { hashPassword, passwordMatches } from './password.service.js';
import { issueSessionToken } from './session.service.js';
import { SELF, type SelfUserRow } from './user.policy.js';
import { User } from './user.entity.js';

/** What issuing a session token takes: the signing key and the token's lifetime (SESSION_TTL). */
export interface SessionKeys {
  sessionKey: Uint8Array;
  ttlSeconds: number;
}

export interface AuthPayload {
  token: string;
  user: SelfUserRow;
}

export interface SignUpFields {
  email: string;
  password: string;
  displayName: string;
}

export interface NewUserFields extends SignUpFields {
  /** Only the system and administrators create administrators. */
  isAdmin?: boolean;
}

export interface LogInFields {
  email: string;
  password: string;
}

/** Anyone may sign up, whoever is acting (the new user is not signed in as the actor). */
export async function signUp(
  db: Db,
  actor: Actor,
  input: SignUpFields,
  keys: SessionKeys,
  clock: Clock = systemClock,
): Promise<AuthPayload> {
  const user = await createUser(db, actor, input, clock);
  return authPayload(keys, user);
}

export async function logIn(db: Db, _actor: Actor, input: LogInFields, keys: SessionKeys): Promise<AuthPayload> {
  // Over-long input is refused before hashing anything; everything else that is
  // wrong is the same UNAUTHENTICATED, whichever of e-mail or password it was.
  if (codePoints(input.password) > LIMITS.passwordMax) {
    throw badInput('password', `password must be at most ${LIMITS.passwordMax} characters`);
  }
  if (codePoints(input.email) > LIMITS.email) throw badInput('email', `email must be at most ${LIMITS.email} characters`);
  const found = await query(db.em)
    .selectFrom('app_user')
    .select([...USER_FIELDS, 'passwordHash'])
    .where('email', '=', trimText(input.email).toLowerCase())
    .executeTakeFirst();
  if (!(await passwordMatches(found?.passwordHash ?? null, input.password)) || !found) {
    throw unauthenticated('Wrong e-mail or password');
  }
  const { passwordHash: _, ...user } = found;
  return authPayload(keys, user);
}

async function authPayload(keys: SessionKeys, user: UserRow): Promise<AuthPayload> {
  const token = await issueSessionToken(keys.sessionKey, user.id, keys.ttlSeconds);
  return { token, user: { ...user, [SELF]: true } };
}

/**
 * Inserts a user after checking its fields; an e-mail already registered is
 * BAD_USER_INPUT on `email` (also when two sign-ups race: the unique index decides).
 */
export async function createUser(db: Db, actor: Actor, input: NewUserFields, clock: Clock = systemClock): Promise<UserRow> {
  const fields = {
    email: normaliseEmail(input.email, 'email'),
    password: checkPassword(input.password, 'password'),
    displayName: requiredText(input.displayName, 'displayName', LIMITS.name),
  };
  const isAdmin = input.isAdmin ?? false;
  if (isAdmin && !isPrivileged(actor)) throw forbidden('Only an administrator can create an administrator');
  const passwordHash = await hashPassword(fields.password);
  try {
    // Joins the caller's transaction when there is one (a savepoint), else its own.
    const user = await db.em.transactional(async (em) => {
      const created = em.create(User, { email: fields.email, displayName: fields.displayName, passwordHash, isAdmin, createdAt: clock() });
      await em.flush();
      return created;
    });
    return { id: user.id, email: user.email, displayName: user.displayName, isAdmin: user.isAdmin, createdAt: user.createdAt };
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw badInput('email', 'This e-mail address is already registered');
    throw error;
  }
}

export interface AdministratorFields {
  email: string;
  /** Used only when the administrator is created; an existing password is never overwritten. */
  password: string;
}

/**
 * ADMIN_EMAIL/ADMIN_PASSWORD at every start, and `npm run admin`: create that
 * administrator if missing, promote the user if present, never overwrite an
 * existing password. The server runs it under the start-up lock, as the system.
 */
export async function ensureAdministrator(
  db: Db,
  actor: Actor,
  input: AdministratorFields,
  clock: Clock = systemClock,
): Promise<'created' | 'promoted' | 'unchanged'> {
  const address = normaliseEmail(input.email, 'email');
  if (!isPrivileged(actor)) throw forbidden('Only an administrator can create or promote an administrator');
  const q = query(db.em);
  const existing = await q.selectFrom('app_user').select(['id', 'isAdmin']).where('email', '=', address).executeTakeFirst();
  if (existing?.isAdmin) return 'unchanged';
  if (existing) {
    await q.updateTable('app_user').set({ isAdmin: true }).where('id', '=', existing.id).execute();
    return 'promoted';
  }
  await createUser(db, actor, { email: address, password: input.password, displayName: 'Administrator', isAdmin: true }, clock);
  return 'created';
}

/** The user a valid session token names, if it still exists: the server's authenticate() asks on every request. */
export async function userForSession(db: Db, userId: string): Promise<{ id: string; isAdmin: boolean } | null> {
  const user = await query(db.em).selectFrom('app_user').select(['id', 'isAdmin']).where('id', '=', userId).executeTakeFirst();
  return user ?? null;
}
