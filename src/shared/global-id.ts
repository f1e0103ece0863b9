/**
 * Relay global ids: opaque to clients, unique across types. An id is the
 * base64url of "<Type>:<uuid>". Undecodable ids are BAD_USER_INPUT; a decodable
 * id of another type simply names nothing (api.md "Ids").
 */
import { badInput } from './errors.js';

export const NODE_TYPES = [
  'User',
  'Association',
  'HelpRequest',
  'Slot',
  'Claim',
  'ApiKey',
  'Volunteer',
  'Assignment',
  'ClaimHandOff',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

const isNodeType = (type: string): type is NodeType => NODE_TYPES.some((known) => known === type);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  type: NodeType;
  key: string;
}

/** Decodes any global id; throws BAD_USER_INPUT naming `field` when it is not one of ours. */
export function decodeGlobalId(id: string, field: string): DecodedId {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const separator = text.indexOf(':');
  const type = text.slice(0, separator);
  const key = text.slice(separator + 1);
  if (separator < 0 || !isNodeType(type) || !UUID.test(key)) {
    throw badInput(field, `${field} is not a valid id`);
  }
  return { type, key };
}

/** The database key when `id` names a `type`, null when it is an id of another type. */
export function keyOf(id: string, type: NodeType, field: string): string | null {
  const decoded = decodeGlobalId(id, field);
  return decoded.type === type ? decoded.key : null;
}
