/**
 * One event to many subscribers (issue 16, W6): the selection is executed once
 * per event and group of subscribers that sent the same document and variables
 * and may see the same of the event, not once per subscriber; each subscriber
 * still gets what its own rights show. Counted, never timed: the executions
 * are graphql_subscription_executions_total, the deliveries
 * request_events_delivered_total.
 */
import { buildSchema as parseSdl, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataOf, gql, wsConnect } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { headCursor } from './support/events.js';
import { createOrg, type Org } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { ROOT, type TestServer } from './support/server.js';
import { subscribeEvents, type Subscriber } from './support/subscriptions.js';
import { ClaimDocument, ContactsInActorRequestsDocument, type ContactsInActorRequestsSubscription } from './generated/graphql.js';
import { SAME_FOR_EVERY_VIEWER, sharingOf } from '../src/modules/events/request-event.sharing.js';
import { Pacer } from '../src/server/ws-delivery.js';

const CONTACT = '病房 3-12';

/** What this instance counted so far: executions by sharing, and deliveries. */
async function counts(server: TestServer) {
  const { metrics } = server.app.services;
  const executions = (await metrics.subscriptionExecutions.get()).values;
  const of = (sharing: string) => executions.find((value) => value.labels.sharing === sharing)?.value ?? 0;
  const delivered = (await metrics.eventsDelivered.get()).values[0]?.value ?? 0;
  return { shared: of('shared'), own: of('own'), delivered };
}

async function claim(url: string, org: Org, slotId: string): Promise<string> {
  return dataOf(await gql(url, ClaimDocument, { input: { slotId, associationId: org.id, quantity: 1 } }, org.owner.token)).claim.id;
}

describe('one event to many subscribers', () => {
  test('is executed once per visibility class, and every subscriber gets its own class’s answer', async ({
    url,
    wsUrl,
    adminToken,
    server,
  }) => {
    const [requester, helper, bystander] = await Promise.all([
      createOrg(url, adminToken),
      createOrg(url, adminToken),
      createOrg(url, adminToken),
    ]);
    const beforePosting = await headCursor(url);
    const request = await postRequest(url, requester.owner.token, requester.id, { contact: CONTACT, slots: [{ capacity: 10 }] });
    const slotId = request.slots[0].id;
    const afterPosting = await headCursor(url);

    // 48 sockets, one document, four kinds of caller (at most 20 sockets per caller). Their
    // variables differ only in the root field's cursor and filter: which events they get, not
    // what an event's answer holds, so they still share.
    const tokens = { anonymous: undefined, member: requester.owner.token, admin: adminToken, bystander: bystander.owner.token };
    const kinds = Object.keys(tokens) as (keyof typeof tokens)[];
    const subscribers: { kind: keyof typeof tokens; sub: Subscriber }[] = Array.from({ length: 48 }, (_, i) => {
      const kind = kinds[i % kinds.length];
      const variables =
        i % 3 === 0
          ? { after: beforePosting, filter: { requestIds: [request.id] } }
          : i % 3 === 1
            ? { after: afterPosting, filter: { requestIds: [request.id] } }
            : { after: afterPosting, filter: { requestIds: [request.id], types: ['CLAIMED' as const] } };
      return { kind, sub: subscribeEvents(wsUrl, variables, tokens[kind]) };
    });

    // A first event makes sure every subscription is live, not replaying from `after`.
    const first = await claim(url, helper, slotId);
    await Promise.all(subscribers.map(({ sub }) => sub.waitFor((event) => event.claim?.id === first)));

    // The event counted: the bystander's association claims, so from now on its
    // owner sees the contact too (the class is decided on the event's rows).
    const before = await counts(server);
    const second = await claim(url, bystander, slotId);
    await Promise.all(subscribers.map(({ sub }) => sub.waitFor((event) => event.claim?.id === second)));
    const after = await counts(server);

    const seen = (sub: Subscriber, claimId: string) => sub.events.find((event) => event.claim?.id === claimId)?.request.contact;
    for (const { kind, sub } of subscribers) {
      expect(seen(sub, first), `${kind}, first event`).toBe(kind === 'member' || kind === 'admin' ? CONTACT : null);
      expect(seen(sub, second), `${kind}, second event`).toBe(kind === 'anonymous' ? null : CONTACT);
    }
    expect(after.delivered - before.delivered).toBe(48);
    // Two answers for 48 subscribers: the contact shown (member, admin, bystander) and hidden (anonymous).
    expect(after.shared - before.shared).toBe(2);
    expect(after.own - before.own).toBe(0);
    await Promise.all(subscribers.map(({ sub }) => sub.close()));
  });

  test('a document reaching a rule other than the event’s contact is executed for each subscriber', async ({
    url,
    wsUrl,
    adminToken,
    server,
  }) => {
    const [requester, helper, other] = await Promise.all([
      createOrg(url, adminToken),
      createOrg(url, adminToken),
      createOrg(url, adminToken),
    ]);
    // The claimant's own request carries a contact; the counted event's actor is that claimant.
    const own = await postRequest(url, helper.owner.token, helper.id, { contact: CONTACT });
    const target = await postRequest(url, requester.owner.token, requester.id, { slots: [{ capacity: 10 }] });
    const variables = { after: await headCursor(url), filter: { requestIds: [target.id] } };
    const connections = Array.from({ length: 6 }, (_, i) => wsConnect(wsUrl, i % 2 === 0 ? adminToken : undefined));
    const streams = connections.map((connection) =>
      connection.client.iterate<ContactsInActorRequestsSubscription>({ query: ContactsInActorRequestsDocument.toString(), variables }),
    );
    await Promise.all(connections.map((connection) => connection.connected));

    // A first event, so that every subscription is live; then the one counted.
    await claim(url, other, target.slots[0].id);
    await Promise.all(streams.map((stream) => stream.next()));
    const before = await counts(server);
    await claim(url, helper, target.slots[0].id);
    const received = await Promise.all(streams.map((stream) => stream.next()));
    const after = await counts(server);

    expect(after.own - before.own).toBe(6);
    expect(after.shared - before.shared).toBe(0);
    received.forEach((result, i) => {
      const { data } = result.value as { data: ContactsInActorRequestsSubscription };
      const contact = data.requestEvents.actor?.helpRequests.edges.find((edge) => edge.node.id === own.id)?.node.contact;
      expect(contact, i % 2 === 0 ? 'administrator' : 'anonymous').toBe(i % 2 === 0 ? CONTACT : null);
    });
    await Promise.all(
      connections.map(async (connection) => {
        await connection.client.dispose();
      }),
    );
  });
});

describe('which documents share an execution', () => {
  const sdl = readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8');
  const schema = parseSdl(sdl);
  const of = (query: string) => sharingOf(schema, parse(query));

  test('every field listed as the same for every viewer exists in the schema', () => {
    for (const [type, fields] of Object.entries(SAME_FOR_EVERY_VIEWER)) {
      const object = schema.getType(type);
      expect(object && 'getFields' in object, type).toBe(true);
      const known = Object.keys((object as { getFields(): Record<string, unknown> }).getFields());
      expect(
        fields.filter((field) => !known.includes(field)),
        type,
      ).toEqual([]);
    }
  });

  test('none of them is described as restricted (the schema says "visible to" for those)', () => {
    const restricted = Object.entries(SAME_FOR_EVERY_VIEWER).flatMap(([type, fields]) => {
      const object = schema.getType(type) as { getFields(): Record<string, { description?: string | null }> };
      return fields.filter((field) => /visible to/i.test(object.getFields()[field]?.description ?? '')).map((field) => `${type}.${field}`);
    });
    expect(restricted).toEqual([]);
  });

  test.each([
    ['public fields only', 'subscription { requestEvents { cursor type occurredAt request { id title status remaining } } }', 'none'],
    [
      'relations that read no caller',
      'subscription { requestEvents { claim { quantity association { name } slot { request { title } } } actor { name } handOff { from { name } } } }',
      'none',
    ],
    ['the event request’s contact', 'subscription { requestEvents { type request { title contact } } }', 'request-contact'],
    [
      'the contact through a fragment on the event’s request',
      'subscription { requestEvents { request { ...R } } } fragment R on HelpRequest { contact ... on Node { id } }',
      'request-contact',
    ],
    ['a contact reached through a claim', 'subscription { requestEvents { claim { request { contact } } } }', 'any'],
    ['a contact in a list of the actor', 'subscription { requestEvents { actor { helpRequests { edges { node { contact } } } } } }', 'any'],
    ['members of an association', 'subscription { requestEvents { request { requester { members { role } } } } }', 'any'],
    ['a volunteer (names by the caller)', 'subscription { requestEvents { assignment { volunteer { id } } } }', 'any'],
    ['a field of an interface', 'subscription { requestEvents { request { slots { ... on Node { id } } } } }', 'none'],
  ])('%s', (_name, query, expected) => {
    expect(of(query).dependence).toBe(expected);
  });

  test('the key holds the variables the answer reads, not the root field’s filter and cursor', () => {
    const query = `subscription ($after: String, $filter: RequestEventFilter, $withRequest: Boolean!, $status: ClaimStatus) {
      requestEvents(after: $after, filter: $filter) {
        type
        request @include(if: $withRequest) { title }
        claim { slot { claims(status: $status) { id } } }
      }
    }`;
    expect(of(query)).toEqual({ dependence: 'none', variables: ['status', 'withRequest'] });
  });
});

describe('sends in turns', () => {
  test('lets at most its share through per turn of the event loop, first come first served', async () => {
    const pacer = new Pacer(10);
    // A counter of event-loop turns, ticking in the same phase as the pacer's releases.
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const order: number[] = [];
    const turns: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const wait = pacer.turn();
        if (wait) await wait;
        order.push(i);
        turns.push(turn);
      }),
    );
    ticking = false;
    expect(order).toEqual(Array.from({ length: 25 }, (_, i) => i));
    const perTurn = [...new Set(turns)].map((t) => turns.filter((x) => x === t).length);
    expect(perTurn).toEqual([10, 10, 5]);
  });
});
