/**
 * The address a request comes from, for limits that count per client (api.md,
 * "Limits"): the socket's peer, unless TRUST_PROXY says which forwarded address
 * to believe: a hop count (the address that many proxies back in
 * X-Forwarded-For) or a list of addresses and CIDRs of trusted proxies. Never
 * "all": a client could then claim any address. Decided by `proxy-addr`, the
 * library Express itself uses, so HTTP and WebSocket agree.
 */
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { Actor } from '../shared/actor.js';
import type { TrustProxy } from '../config.js';

export function clientAddress(request: IncomingMessage, trust: TrustProxy): string {
  return proxyaddr(request, trust);
}

/** Who a per-caller limit counts: the user, the API key, or the address when anonymous (api.md, "Limits"). */
export function callerOf(actor: Actor, address: string): string {
  if (actor.kind === 'user') return `user:${actor.userId}`;
  if (actor.kind === 'apiKey') return `key:${actor.apiKeyId}`;
  return `address:${address}`;
}
