/**
 * `{ __typename }`, 16 clients: the fixed cost of one operation through ours
 * (HTTP, Apollo, plugins, context, limits) against bare Apollo Server 5.
 */
import { compareSides } from '../lib/same-data.mjs';
import { interleavedHttp } from '../lib/passes.mjs';

const CLIENTS = 16;
const BODY = JSON.stringify({ query: '{ __typename }' });

export async function typename(ctx) {
  const sides = [{ key: 'ours', server: ctx.ours }];
  if (ctx.peers.apollo) sides.push({ key: 'apollo', server: ctx.peers.apollo });
  const sameData = await compareSides(
    sides.map((side) => ({ key: side.key, url: `${side.server.url}/graphql`, pick: (data) => data })),
    [{ ours: BODY, apollo: BODY }],
  );
  ctx.log(`  {__typename}: same data: ${sameData.ok ? 'yes' : `NO (${sameData.detail})`}`);
  const results = await interleavedHttp(
    ctx,
    sides.map((side) => ({
      key: side.key,
      pid: side.server.pid,
      url: `${side.server.url}/graphql`,
      connections: Array.from({ length: CLIENTS }, () => ({ bodies: [BODY], cycle: true })),
    })),
  );
  return { clients: CLIENTS, sameData, results };
}
