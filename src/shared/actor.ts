/**
 * Who is acting: decided once per HTTP request or WebSocket connection by the
 * server's authenticate(), or `SYSTEM` for work nobody asked for over the API
 * (the demo data, the expiry job, the command-line tools). Services take an
 * Actor, never a GraphQL context.
 */
export type Actor =
  | { kind: 'anonymous' }
  /** `expiresAt`: the session token's expiry, when the actor came from one. */
  | { kind: 'user'; userId: string; isAdmin: boolean; expiresAt?: Date }
  | { kind: 'apiKey'; apiKeyId: string; associationId: string }
  /** The server itself: passes every permission check, never a member of anything. */
  | { kind: 'system' };

export const ANONYMOUS: Actor = { kind: 'anonymous' };
export const SYSTEM: Actor = { kind: 'system' };

/** Administrators and the system pass every permission check (api.md, "Who may do what"). */
export const isPrivileged = (actor: Actor): boolean => actor.kind === 'system' || (actor.kind === 'user' && actor.isAdmin);
