/**
 * The one authenticate() for HTTP and WebSocket: a bearer token becomes a Viewer,
 * or the call fails with UNAUTHENTICATED.
 */
import { unauthenticated } from '../../server/errors.js';
import type { AppServices } from '../../server/context.js';
import { ANONYMOUS, type Viewer } from './viewer.js';

/** `authorization` is the header value (or the connection_init field). */
export async function authenticate(_app: AppServices, authorization: unknown): Promise<Viewer> {
  if (authorization === undefined || authorization === null || authorization === '') return ANONYMOUS;
  throw unauthenticated('Invalid credentials');
}
