/**
 * How `Query.node` fetches each type, with that type's visibility rule applied
 * (a null for what the caller may not see). Each module adds its types here.
 */
import type { Context } from '../../server/context.js';
import type { NodeType } from '../../shared/global-id.js';

export type NodeLoader = (ctx: Context, key: string) => Promise<object | null>;

export const nodeLoaders: Partial<Record<NodeType, NodeLoader>> = {};
