/**
 * How `Query.node` fetches each type, with that type's visibility rule applied
 * (null for what the caller may not see). Each module adds its types here.
 */
import type { Context } from '../../server/context.js';
import type { NodeType } from '../../shared/global-id.js';
import { userById } from '../identity/identity.loaders.js';
import { findVisibleApiKey } from '../identity/api-key.service.js';
import { associationById } from '../associations/association.loaders.js';
import { claimById, requestById, slotById } from '../help-requests/help-request.loaders.js';

export type NodeLoader = (ctx: Context, key: string) => Promise<object | null>;

export const nodeLoaders: Partial<Record<NodeType, NodeLoader>> = {
  User: (ctx, key) => userById(ctx).load(key),
  Association: (ctx, key) => associationById(ctx).load(key),
  ApiKey: findVisibleApiKey,
  HelpRequest: (ctx, key) => requestById(ctx).load(key),
  Slot: (ctx, key) => slotById(ctx).load(key),
  Claim: (ctx, key) => claimById(ctx).load(key),
};
