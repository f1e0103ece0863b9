/** Subscription rules on one instance: filters, per-subscriber visibility, bad input, slow consumers, masking. */
import { gql, wsConnect } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { headCursor } from './support/events.js';
import { createOrg, type Org } from './support/personas.js';
import { postRequest } from './support/requests.js';
import type { SpawnedServer } from './support/server.js';
import { subscribeEvents } from './support/subscriptions.js';
import {
  ClaimDocument,
  ContactsInActorRequestsDocument,
  ContactsThroughSlotsDocument,
  RequestEventFeedDocument,
  type ContactsInActorRequestsSubscription,
  type ContactsThroughSlotsSubscription,
  UpdateHelpRequestDocument,
  type RequestEventFeedSubscription,
  type RequestEventFeedSubscriptionVariables,
} from './generated/graphql.js';

let tight: SpawnedServer;
let requester: Org;
let helper: Org;
let bystander: Org;

test.beforeAll(async ({ url, adminToken, spawn }) => {
  // A second instance on the same database whose subscribers may lag by one event only.
  tight = await spawn({ MAX_SUBSCRIBER_LAG: '1' });
  [requester, helper, bystander] = await Promise.all([createOrg(url, adminToken), createOrg(url, adminToken), createOrg(url, adminToken)]);
});

/** The head, or the beginning of a still empty log (subscribing without `after` would start at "now"). */

describe('subscription rules', () => {
  test('filters on the attributes stored with each event, and resolves contact per subscriber', async ({ url, wsUrl }) => {
    const start = await headCursor(url);
    const medical = subscribeEvents(
      wsUrl,
      { after: start, filter: { categories: ['MEDICAL'], townships: ['巡场镇'] } },
      helper.owner.token,
    );
    const involving = subscribeEvents(wsUrl, { after: start, filter: { involvingAssociationId: helper.id } }, bystander.owner.token);
    const byRequester = subscribeEvents(wsUrl, { after: start, filter: { requesterIds: [requester.id], kinds: ['PATIENT_GUARD'] } });

    const guard = await postRequest(url, requester.owner.token, requester.id, {
      kind: 'PATIENT_GUARD',
      category: 'MEDICAL',
      contact: '病房 3-12',
      slots: [{ capacity: 2 }],
    });
    const other = await postRequest(url, requester.owner.token, requester.id, { category: 'EDUCATION', slots: [{ capacity: 2 }] });
    const claimed = await gql(
      url,
      ClaimDocument,
      { input: { slotId: guard.slots[0].id, associationId: helper.id, quantity: 1 } },
      helper.owner.token,
    );
    expect(claimed.body.errors).toBeUndefined();
    // Moving it to another township: later events leave the township filter.
    await gql(url, UpdateHelpRequestDocument, { id: guard.id, expectedVersion: 2, input: { township: '上罗镇' } }, requester.owner.token);

    // Each subscriber reaches the end of what matches it; wait on a marker event matching all three.
    const marker = await postRequest(url, requester.owner.token, requester.id, {
      kind: 'PATIENT_GUARD',
      category: 'MEDICAL',
      township: '巡场镇',
      slots: [{ capacity: 1 }],
    });
    await gql(url, ClaimDocument, { input: { slotId: marker.slots[0].id, associationId: helper.id, quantity: 1 } }, helper.owner.token);
    const filledMarker = (e: { request: { id: string }; type: string }) => e.request.id === marker.id && e.type === 'FILLED';
    await Promise.all([medical.waitFor(filledMarker), involving.waitFor(filledMarker), byRequester.waitFor(filledMarker)]);

    const summary = (sub: ReturnType<typeof subscribeEvents>) => sub.events.filter((e) => e.request.id === guard.id).map((e) => e.type);
    expect(summary(medical)).toEqual(['POSTED', 'CLAIMED']); // UPDATED was written under 上罗镇
    expect(summary(involving)).toEqual(['CLAIMED', 'UPDATED']); // involved only once it claimed
    expect(summary(byRequester)).toEqual(['POSTED', 'CLAIMED', 'UPDATED']);
    expect(medical.events.some((e) => e.request.id === other.id)).toBe(false);
    // contact, as the request is when delivered (after the claim): the claimant sees
    // it, a bystander and an anonymous subscriber do not.
    const lastOf = (sub: ReturnType<typeof subscribeEvents>) => sub.events.filter((e) => e.request.id === guard.id).at(-1)!;
    expect(lastOf(medical).request.contact).toBe('病房 3-12');
    expect(lastOf(involving).request.contact).toBeNull();
    expect(lastOf(byRequester).request.contact).toBeNull();
    await Promise.all([medical.close(), involving.close(), byRequester.close()]);
  });

  test('one event resolved for several subscribers: contact decided for one caller never reaches another', async ({
    url,
    wsUrl,
    adminToken,
  }) => {
    // The claimant's own request carries a contact; the event's actor is the claimant.
    const own = await postRequest(url, helper.owner.token, helper.id, { contact: '值班电话 1', slots: [{ capacity: 1 }] });
    const target = await postRequest(url, requester.owner.token, requester.id, { slots: [{ capacity: 2 }] });
    const start = await headCursor(url);
    const variables = { after: start, filter: { requestIds: [target.id] } };
    const admin = wsConnect(wsUrl, adminToken);
    const anonymous = wsConnect(wsUrl);
    const asAdmin = admin.client.iterate<ContactsInActorRequestsSubscription>({
      query: ContactsInActorRequestsDocument.toString(),
      variables,
    });
    const asAnonymous = anonymous.client.iterate<ContactsThroughSlotsSubscription>({
      query: ContactsThroughSlotsDocument.toString(),
      variables,
    });
    const claimed = await gql(
      url,
      ClaimDocument,
      { input: { slotId: target.slots[0].id, associationId: helper.id, quantity: 1 } },
      helper.owner.token,
    );
    expect(claimed.body.errors).toBeUndefined();

    const seenByAdmin = (await asAdmin.next()).value as { data: ContactsInActorRequestsSubscription };
    const seenByAnonymous = (await asAnonymous.next()).value as { data: ContactsThroughSlotsSubscription };
    const adminNodes = seenByAdmin.data.requestEvents.actor!.helpRequests.edges.map((edge) => edge.node);
    expect(adminNodes.find((node) => node.id === own.id)!.contact).toBe('值班电话 1');
    const anonymousContacts = seenByAnonymous.data.requestEvents.actor!.helpRequests.edges.flatMap((edge) =>
      edge.node.slots.map((slot) => slot.request.contact),
    );
    expect(anonymousContacts.length).toBeGreaterThan(0);
    expect(anonymousContacts.every((contact) => contact === null)).toBe(true);
    await Promise.all([asAdmin.return?.(), asAnonymous.return?.()]);
    await Promise.all([admin.client.dispose(), anonymous.client.dispose()]);
  });

  test('without after, starts after the newest event committed when it subscribes', async ({ url, wsUrl }) => {
    const before = await postRequest(url, requester.owner.token, requester.id, { slots: [{ capacity: 1 }] });
    const live = subscribeEvents(wsUrl, { filter: { requesterIds: [requester.id] } });
    // No protocol signal says when the server registered it: post markers until one arrives.
    const markers: string[] = [];
    for (let attempt = 0; attempt < 200 && live.events.length === 0; attempt++) {
      markers.push((await postRequest(url, requester.owner.token, requester.id, { slots: [{ capacity: 1 }] })).id);
    }
    expect(live.events.length).toBeGreaterThan(0);
    expect(live.events.every((e) => markers.includes(e.request.id))).toBe(true);
    expect(live.events.some((e) => e.request.id === before.id)).toBe(false);
    await live.close();
  });

  test('refuses a malformed cursor with BAD_USER_INPUT', async ({ wsUrl }) => {
    const sub = subscribeEvents(wsUrl, { after: 'not-a-cursor' });
    const errors = await sub.failed;
    expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    await sub.close();
  });

  test('ends a subscription that falls more than MAX_SUBSCRIBER_LAG behind with SLOW_CONSUMER; others on the socket go on', async ({
    url,
  }) => {
    const start = await headCursor(url);
    const request = await postRequest(url, requester.owner.token, requester.id, { slots: [{ capacity: 1 }] });
    const quiet = await postRequest(url, requester.owner.token, requester.id, { slots: [{ capacity: 5 }] });
    const slow = subscribeEvents(tight.wsUrl, { after: start, filter: { requestIds: [request.id] } });
    const calm: string[] = [];
    let calmSaw!: (type: string) => void;
    const calmNext = () => new Promise<string>((resolve) => (calmSaw = resolve));
    let posted = calmNext();
    // Same socket, another subscription, only about the quiet request.
    const variables: RequestEventFeedSubscriptionVariables = { filter: { requestIds: [quiet.id] }, after: start };
    slow.client.subscribe<RequestEventFeedSubscription>(
      { query: RequestEventFeedDocument.toString(), variables },
      {
        next: (r) => {
          calm.push(r.data!.requestEvents.type);
          calmSaw(r.data!.requestEvents.type);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    // Both are registered once their replay delivered the POSTED events.
    await slow.waitFor((e) => e.type === 'POSTED');
    expect(await posted).toBe('POSTED');

    // One transaction commits two events at once (CLAIMED + FILLED): more than 1 waiting.
    await gql(url, ClaimDocument, { input: { slotId: request.slots[0].id, associationId: helper.id, quantity: 1 } }, helper.owner.token);
    const errors = await slow.failed;
    expect(errors[0].extensions?.code).toBe('SLOW_CONSUMER');

    posted = calmNext();
    await gql(url, UpdateHelpRequestDocument, { id: quiet.id, expectedVersion: 1, input: { title: 'still going' } }, requester.owner.token);
    expect(await posted).toBe('UPDATED');
    expect(calm).toEqual(['POSTED', 'UPDATED']);
    await slow.close();
  });
});
