/**
 * W1, W2 and W2b: reads over HTTP, 16 clients, anonymous, against
 * PostGraphile 5 and 4 serving the same tables.
 *
 * - W1: `helpRequest(id)` with the request's own public fields, over 256
 *   requests of the generated data (each client starts at another one).
 * - W2: a page of 20 requests (newest first) with requester, slots, claims and
 *   claimant, for each township and category pair that has requests: ours'
 *   `filter: { townships, categories }`, PostGraphile's `condition`.
 * - W2b: W2 as a member of ten associations, with `contact` selected (ours
 *   only: PostGraphile has no rule for it), against ours' W2 in the same
 *   passes: what the visibility rules cost.
 *
 * No field either side restricts is selected in W1 and W2, so both answer the
 * same data, which is checked on samples before the passes.
 */
import { globalId, createMember } from '../lib/fixtures.mjs';
import { compareSides } from '../lib/same-data.mjs';
import { interleavedHttp } from '../lib/passes.mjs';

export const CLIENTS = 16;

const W1_FIELDS = 'title description kind category unit township urgency status capacity claimed postedAt endsAt';
const W1 = {
  ours: `query W1($id: ID!) { helpRequest(id: $id) { id ${W1_FIELDS} } }`,
  pg5: `query W1($id: UUID!) { helpRequestByRowId(rowId: $id) { rowId ${W1_FIELDS} } }`,
  pg4: `query W1($id: UUID!) { helpRequestById(id: $id) { id ${W1_FIELDS} } }`,
};

const W2_OURS = (contact) =>
  `query W2($filter: HelpRequestFilter) { helpRequests(first: 20, filter: $filter) { edges { node {
    id title status postedAt${contact ? ' contact' : ''} requester { name }
    slots { label capacity claimed claims { quantity status association { name } } } } } } }`.replace(/\s+/g, ' ');
const W2_POSTGRAPHILE = (id, order) =>
  `query W2($condition: HelpRequestCondition) { allHelpRequests(first: 20, orderBy: [POSTED_AT_DESC, ${order}_DESC], condition: $condition) { nodes {
    ${id} title status postedAt associationByRequesterId { name }
    slotsByRequestId(orderBy: POSITION_ASC) { nodes { label capacity claimed
      claimsBySlotId(orderBy: [CLAIMED_AT_ASC, ${order}_ASC]) { nodes { quantity status associationByAssociationId { name } } } } } } } }`.replace(
    /\s+/g,
    ' ',
  );
const W2 = { ours: W2_OURS(false), pg5: W2_POSTGRAPHILE('rowId', 'ROW_ID'), pg4: W2_POSTGRAPHILE('id', 'ID') };

const PICK = {
  W1: { ours: (data) => data.helpRequest, pg5: (data) => data.helpRequestByRowId, pg4: (data) => data.helpRequestById },
  W2: { ours: (data) => data.helpRequests, pg5: (data) => data.allHelpRequests, pg4: (data) => data.allHelpRequests },
};

/** Body of each sample for each side. */
async function w1Samples(client) {
  // A fixed spread of requests: ordered by a hash of the id, the same rows for the same data.
  const { rows } = await client.query(`SELECT id FROM help_request ORDER BY md5(id::text) LIMIT 256`);
  return rows.map(({ id }) => ({
    ours: JSON.stringify({ query: W1.ours, variables: { id: globalId('HelpRequest', id) } }),
    pg5: JSON.stringify({ query: W1.pg5, variables: { id } }),
    pg4: JSON.stringify({ query: W1.pg4, variables: { id } }),
  }));
}

async function w2Samples(client) {
  const { rows } = await client.query(
    `SELECT township, category FROM help_request WHERE township IS NOT NULL GROUP BY 1, 2 ORDER BY township COLLATE "C", category`,
  );
  return rows.map(({ township, category }) => ({
    ours: JSON.stringify({ query: W2.ours, variables: { filter: { townships: [township], categories: [category] } } }),
    ours2b: JSON.stringify({ query: W2_OURS(true), variables: { filter: { townships: [township], categories: [category] } } }),
    pg5: JSON.stringify({ query: W2.pg5, variables: { condition: { township, category } } }),
    pg4: JSON.stringify({ query: W2.pg4, variables: { condition: { township, category } } }),
  }));
}

/** Each of the 16 connections cycles through every body, starting at its own offset. */
function connections(bodies, headers = {}) {
  return Array.from({ length: CLIENTS }, (_, c) => {
    const start = Math.floor((c * bodies.length) / CLIENTS);
    return { headers, bodies: [...bodies.slice(start), ...bodies.slice(0, start)], cycle: true };
  });
}

/** The sides present: ours always, PostGraphile 5 and 4 when the peers run. */
function sidesOf(ctx) {
  const sides = [{ key: 'ours', server: ctx.ours, url: `${ctx.ours.url}/graphql` }];
  if (ctx.peers.pg5) sides.push({ key: 'pg5', server: ctx.peers.pg5, url: `${ctx.peers.pg5.url}/graphql` });
  if (ctx.peers.pg4) sides.push({ key: 'pg4', server: ctx.peers.pg4, url: `${ctx.peers.pg4.url}/graphql` });
  return sides;
}

async function runRead(ctx, name, samples, pick) {
  const sides = sidesOf(ctx);
  const sameData = await compareSides(
    sides.map((side) => ({ key: side.key, url: side.url, pick: pick[side.key] })),
    samples.slice(0, ctx.options.quick ? 4 : 24),
  );
  ctx.log(`  ${name}: same data on ${sameData.samples} samples: ${sameData.ok ? 'yes' : `NO (${sameData.detail})`}`);
  const results = await interleavedHttp(
    ctx,
    sides.map((side) => ({
      key: side.key,
      pid: side.server.pid,
      url: side.url,
      connections: connections(samples.map((sample) => sample[side.key])),
    })),
  );
  return { clients: CLIENTS, sameData, results };
}

export async function w1(ctx) {
  return runRead(ctx, 'W1', await w1Samples(ctx.client), PICK.W1);
}

export async function w2(ctx) {
  return runRead(ctx, 'W2', await w2Samples(ctx.client), PICK.W2);
}

/**
 * W2b: ours as a MEMBER of the ten associations that post the most requests,
 * `contact` selected, against ours' anonymous W2 in the same passes.
 */
export async function w2b(ctx) {
  const samples = await w2Samples(ctx.client);
  const { rows } = await ctx.client.query(
    `SELECT requester_id AS id FROM help_request GROUP BY 1 ORDER BY count(*) DESC, requester_id LIMIT 10`,
  );
  const member = await createMember(
    ctx.client,
    rows.map((row) => row.id),
  );
  const headers = { authorization: `Bearer ${member.token}` };
  const url = `${ctx.ours.url}/graphql`;
  // What the member sees: contacts of its associations' requests and of those they claimed on.
  let contacts = 0;
  let requests = 0;
  for (const sample of samples.slice(0, 8)) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: sample.ours2b });
    const answer = await response.json();
    if (answer.errors) throw new Error(`W2b: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    for (const edge of answer.data.helpRequests.edges) {
      requests += 1;
      if (edge.node.contact !== null) contacts += 1;
    }
  }
  ctx.log(`  W2b: the member sees ${contacts} contacts in ${requests} requests of 8 pages`);
  const results = await interleavedHttp(ctx, [
    {
      key: 'oursMember',
      pid: ctx.ours.pid,
      url,
      connections: connections(
        samples.map((sample) => sample.ours2b),
        headers,
      ),
    },
    { key: 'ours', pid: ctx.ours.pid, url, connections: connections(samples.map((sample) => sample.ours)) },
  ]);
  return {
    clients: CLIENTS,
    sameData: { ok: true, samples: 0, detail: `ours only; the member sees ${contacts} contacts in ${requests} requests of 8 pages` },
    results,
  };
}
