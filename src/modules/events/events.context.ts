/**
 * The resolvers' Context of a server that runs an event hub: the subscription
 * needs the hub, and the server's own context (server/context.ts) satisfies this.
 */
import type { Context } from '../context.js';
import type { EventHub } from './event-hub.service.js';

export interface EventsContext extends Context {
  app: Context['app'] & { events: EventHub };
}
