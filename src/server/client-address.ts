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
import type { Viewer } from '../modules/identity/viewer.js';

export type TrustProxy = (address: string, hop: number) => boolean;

/** Trusts nothing: the socket's own peer address. */
export const TRUST_NONE: TrustProxy = () => false;

/** Parses TRUST_PROXY (checked once, at start); throws on anything else. */
export function parseTrustProxy(value: string): TrustProxy {
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  const list = value.split(',').map((part) => part.trim());
  if (list.some((part) => part === '' || /^(all|true|\*)$/i.test(part)))
    throw new Error('must be a hop count or a list of addresses and CIDRs');
  return proxyaddr.compile(list);
}

export function clientAddress(request: IncomingMessage, trust: TrustProxy): string {
  return proxyaddr(request, trust);
}

/** Who a per-caller limit counts: the user, the API key, or the address when anonymous (api.md, "Limits"). */
export function callerOf(viewer: Viewer, address: string): string {
  if (viewer.kind === 'user') return `user:${viewer.userId}`;
  if (viewer.kind === 'apiKey') return `key:${viewer.apiKeyId}`;
  return `address:${address}`;
}
