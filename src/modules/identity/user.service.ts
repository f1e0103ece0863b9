/** Sign-up, log-in and the first administrator. */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, unauthenticated } from '../../server/errors.js';
import type { AppServices } from '../../server/context.js';
import { LIMITS, codePoints, email as normaliseEmail, password as checkPassword, requiredText, trimText } from '../../shared/input.js';
import { row } from '../../db/sql.js';
import { USER_COLUMNS, type UserRow } from './identity.rows.js';
import { hashPassword, passwordMatches } from './password.service.js';
import { issueSessionToken } from './session.service.js';
import { User } from './user.entity.js';

/** Marks a user row as seen by that user themself (AuthPayload.user): private fields show. */
export const SELF = Symbol('self');
export type SelfUserRow = UserRow & { [SELF]?: true };

export interface AuthPayload {
  token: string;
  user: SelfUserRow;
}

export interface SignUpFields {
  email: string;
  password: string;
  displayName: string;
}

export async function signUp(app: AppServices, input: SignUpFields): Promise<AuthPayload> {
  const fields = {
    email: normaliseEmail(input.email, 'input.email'),
    password: checkPassword(input.password, 'input.password'),
    displayName: requiredText(input.displayName, 'input.displayName', LIMITS.name),
  };
  const user = await createUser(app.orm.em.fork(), fields, false);
  return authPayload(app, user);
}

export async function logIn(app: AppServices, rawEmail: string, password: string): Promise<AuthPayload> {
  // Over-long input is refused before hashing anything; everything else that is
  // wrong is the same UNAUTHENTICATED, whichever of e-mail or password it was.
  if (codePoints(password) > LIMITS.passwordMax) throw badInput('password', `password must be at most ${LIMITS.passwordMax} characters`);
  if (codePoints(rawEmail) > LIMITS.email) throw badInput('email', `email must be at most ${LIMITS.email} characters`);
  const em = app.orm.em.fork() as EntityManager;
  const found = await row<UserRow & { passwordHash: string }>(
    em,
    `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM app_user u WHERE u.email = ?`,
    [trimText(rawEmail).toLowerCase()],
  );
  if (!(await passwordMatches(found?.passwordHash ?? null, password)) || !found) {
    throw unauthenticated('Wrong e-mail or password');
  }
  const { passwordHash: _, ...user } = found;
  return authPayload(app, user);
}

async function authPayload(app: AppServices, user: UserRow): Promise<AuthPayload> {
  const token = await issueSessionToken(app.sessionKey, user.id, app.config.sessionTtlSeconds);
  return { token, user: { ...user, [SELF]: true } };
}

/** Inserts a user; an e-mail already registered is BAD_USER_INPUT (also when two sign-ups race). */
export async function createUser(em: EntityManager, fields: SignUpFields, isAdmin: boolean): Promise<UserRow> {
  const user = em.create(User, {
    email: fields.email,
    displayName: fields.displayName,
    passwordHash: await hashPassword(fields.password),
    isAdmin,
  });
  try {
    await em.persist(user).flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw badInput('input.email', 'This e-mail address is already registered');
    throw error;
  }
  return { id: user.id, email: user.email, displayName: user.displayName, isAdmin: user.isAdmin, createdAt: user.createdAt };
}

/**
 * ADMIN_EMAIL/ADMIN_PASSWORD at every start: create that administrator if
 * missing, promote the user if present, never overwrite an existing password.
 * Runs under the start-up lock.
 */
export async function ensureAdministrator(
  em: EntityManager,
  rawEmail: string,
  password: string,
): Promise<'created' | 'promoted' | 'unchanged'> {
  const address = normaliseEmail(rawEmail, 'ADMIN_EMAIL');
  const existing = await row<{ id: string; isAdmin: boolean }>(em, `SELECT id, is_admin AS "isAdmin" FROM app_user WHERE email = ?`, [
    address,
  ]);
  if (existing?.isAdmin) return 'unchanged';
  if (existing) {
    await row(em, `UPDATE app_user SET is_admin = true WHERE id = ?`, [existing.id]);
    return 'promoted';
  }
  await createUser(em, { email: address, password: checkPassword(password, 'ADMIN_PASSWORD'), displayName: 'Administrator' }, true);
  return 'created';
}
