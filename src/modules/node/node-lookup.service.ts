/**
 * How `Query.node` fetches each type, with that type's visibility rule applied
 * (null for what the caller may not see). Each module adds its types here.
 */
import type { Db } from '../../db/handle.js';
import type { Actor } from '../../shared/actor.js';
import type { NodeType } from '../../shared/global-id.js';
import { userById } from '../identity/identity.loaders.js';
import { findVisibleApiKey } from '../associations/api-key.service.js';
import { associationById } from '../associations/association.loaders.js';
import { claimById, requestById, slotById } from '../help-requests/help-request.loaders.js';
import { handOffById } from '../help-requests/claim-handoff.loaders.js';
import { assignmentById } from '../volunteers/volunteer.loaders.js';
import { findVolunteer } from '../volunteers/volunteer.service.js';

export type NodeLoader = (db: Db, actor: Actor, key: string) => Promise<object | null>;

export const nodeLoaders: Partial<Record<NodeType, NodeLoader>> = {
  User: (db, _actor, key) => userById(db).load(key),
  Association: (db, _actor, key) => associationById(db).load(key),
  ApiKey: findVisibleApiKey,
  HelpRequest: (db, _actor, key) => requestById(db).load(key),
  Slot: (db, _actor, key) => slotById(db).load(key),
  Claim: (db, _actor, key) => claimById(db).load(key),
  Volunteer: findVolunteer,
  Assignment: (db, _actor, key) => assignmentById(db).load(key),
  ClaimHandOff: (db, _actor, key) => handOffById(db).load(key),
};
