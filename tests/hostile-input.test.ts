/**
 * Strings and date-times PostgreSQL cannot store never reach it (api.md, "Input
 * limits"): U+0000 and unpaired surrogates anywhere in an operation's input,
 * values that are nothing but invisible characters, instants outside the years
 * 0001-9999. Each is a documented error naming the field, and changes nothing.
 */
import WebSocket from 'ws';
import { codes, dataOf, gql, send, wsConnect, wsRun } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { createOrg, type Org } from './support/personas.js';
import { requestInput } from './support/requests.js';
import { subscribeEvents } from './support/subscriptions.js';
import { decodeEventCursor, encodeEventCursor } from '../src/modules/event-log/event-feed.service.js';
import {
  HelpRequestTotalDocument,
  HelpRequestsByFilterDocument,
  LogInDocument,
  PostHelpRequestDocument,
  SignUpDocument,
  RequestEventsInTownshipsDocument,
  HelpRequestPageAfterDocument,
  AssociationPageAfterDocument,
  RequestEventsAfterDocument,
  RequestEventsHeadDocument,
  type PostHelpRequestInput,
} from './generated/graphql.js';

const NUL = '\u0000';
const LONE_HIGH = '\uD83D';
const LONE_LOW = '\uDE00';
const UUID = '0b0a5a1e-8c59-4d55-9a53-8d5f2b4c7e10';

let org: Org;
test.beforeAll(async ({ url, adminToken }) => {
  org = await createOrg(url, adminToken);
});

const total = async (url: string) => dataOf(await gql(url, HelpRequestTotalDocument, {})).helpRequests.totalCount;

/** Posts with `overrides` and expects BAD_USER_INPUT naming `field`, with no request created. */
async function refusesPost(url: string, overrides: Partial<PostHelpRequestInput>, field: string) {
  const before = await total(url);
  const response = await gql(url, PostHelpRequestDocument, { input: requestInput(org.id, overrides) }, org.coordinator.token);
  expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  expect(response.body.data ?? null).toBeNull();
  expect(await total(url)).toBe(before);
}

describe('strings PostgreSQL cannot store', () => {
  test.for([
    ['U+0000 in a required field', { title: `周六${NUL}清扫` }, 'input.title'],
    ['an unpaired high surrogate', { description: `需要${LONE_HIGH}` }, 'input.description'],
    ['an unpaired low surrogate', { contact: `${LONE_LOW}138` }, 'input.contact'],
    ['U+0000 in a list element’s field', { slots: [{ capacity: 1 }, { capacity: 1, label: `夜${NUL}` }] }, 'input.slots.1.label'],
    ['U+0000 in an idempotency key', { idempotencyKey: `k${NUL}` }, 'input.idempotencyKey'],
  ] as const)('refuse %s in a mutation variable, naming the field', async ([, overrides, field], { url }) => {
    await refusesPost(url, overrides as Partial<PostHelpRequestInput>, field);
  });

  test('accept a well-formed surrogate pair (an emoji) where the lone halves are refused', async ({ url }) => {
    const response = await gql(
      url,
      PostHelpRequestDocument,
      { input: requestInput(org.id, { title: '周六清扫 😀' }) },
      org.coordinator.token,
    );
    expect(dataOf(response).postHelpRequest.title).toBe('周六清扫 😀');
  });

  test('refuse them in a query filter, for anonymous callers too, naming the list element', async ({ url }) => {
    const response = await gql(url, HelpRequestsByFilterDocument, { filter: { townships: ['巡场镇', `上罗${NUL}`] } });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.townships.1' });
    const text = await gql(url, HelpRequestsByFilterDocument, { filter: { text: LONE_HIGH } });
    expect(text.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.text' });
  });

  test('refuse them as literals in the document, naming the field', async ({ url }) => {
    const response = await send(url, `{ helpRequests(filter: { townships: ["a", "b\\u0000"] }) { totalCount } }`);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.townships.1' });
    // A lone surrogate cannot even be written in a document: GraphQL's lexer refuses it.
    const surrogate = await send(url, `{ helpRequests(filter: { text: "\\ud83d" }) { totalCount } }`);
    expect(codes(surrogate)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  test('name the argument a variable feeds, whatever the variable is called', async ({ url }) => {
    const response = await send(url, `query ($t: String) { helpRequests(filter: { text: $t }) { totalCount } }`, { t: `x${NUL}` });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.text' });
  });

  test('refuse them in logIn before anything is looked up', async ({ url }) => {
    const response = await gql(url, LogInDocument, { email: `a${NUL}@example.org`, password: 'password-123' });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  test('refuse them in subscription arguments over WebSocket', async ({ wsUrl }) => {
    const { client } = wsConnect(wsUrl);
    try {
      const variable = await wsRun(client, RequestEventsInTownshipsDocument, { townships: [`巡场${LONE_LOW}`] });
      expect(errorCodes(variable.error)).toEqual(['BAD_USER_INPUT']);
      const literal = await wsRun(client, `subscription { requestEvents(filter: { townships: ["\\u0000"] }) { cursor } }`);
      expect(errorCodes(literal.error)).toEqual(['BAD_USER_INPUT']);
    } finally {
      await client.dispose();
    }
  });

  test('leave the server answering afterwards', async ({ url }) => {
    expect(codes(await send(url, '{ __typename }'))).toEqual([]);
  });
});

describe('values that are nothing but invisible characters', () => {
  test.for([
    ['zero-width space and BOM', '\u200B\uFEFF'],
    ['bidi controls around spaces', '\u202E \u2066\u2069'],
    ['an ideographic space and a soft hyphen', '\u3000\u00AD'],
  ])('refuse %s as an empty required value', async ([, title], { url }) => {
    await refusesPost(url, { title }, 'input.title');
  });

  test('are trimmed from the ends of stored text', async ({ url }) => {
    const response = await gql(
      url,
      PostHelpRequestDocument,
      { input: requestInput(org.id, { title: '\u200B周六清扫\uFEFF ' }) },
      org.coordinator.token,
    );
    expect(dataOf(response).postHelpRequest.title).toBe('周六清扫');
  });
});

describe('DateTime', () => {
  test.for([
    ['year 10000', '+010000-01-01T00:00:00Z'],
    ['year 0000 once converted to UTC', '0001-01-01T00:30:00+01:00'],
    ['year 9999 plus an offset that carries it into 10000', '9999-12-31T23:30:00-01:00'],
  ])('refuses %s from a variable as BAD_USER_INPUT', async ([, startsAt], { url }) => {
    const before = await total(url);
    const response = await gql(
      url,
      PostHelpRequestDocument,
      { input: requestInput(org.id, { slots: [{ capacity: 1, startsAt, endsAt: '9999-12-31T00:00:00Z' }] }) },
      org.coordinator.token,
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await total(url)).toBe(before);
  });

  test('accepts the first and last instants of the range', async ({ url }) => {
    const response = await gql(
      url,
      PostHelpRequestDocument,
      {
        input: requestInput(org.id, {
          slots: [{ capacity: 1, startsAt: '0001-01-01T01:00:00+01:00', endsAt: '9999-12-31T23:59:59.999Z' }],
        }),
      },
      org.coordinator.token,
    );
    const { slots } = dataOf(response).postHelpRequest;
    expect(slots[0]).toMatchObject({ startsAt: '0001-01-01T00:00:00.000Z', endsAt: '9999-12-31T23:59:59.999Z' });
  });

  test('refuses an out-of-range literal as GRAPHQL_VALIDATION_FAILED', async ({ url }) => {
    const response = await send(url, `{ stats(filter: { from: "0000-06-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }) { requestsPosted } }`);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

/** The codes of what a graphql-ws subscription ended with (an array of GraphQL errors). */
function errorCodes(error: unknown): string[] {
  return Array.isArray(error) ? error.map((e: { extensions?: { code?: string } }) => String(e.extensions?.code)) : [String(error)];
}

describe('cursors', () => {
  /** What a forger does: take a real cursor of the list (base64url JSON [scope, ...key]) and swap its key. */
  const reforged = (cursor: string, key: readonly unknown[]) => {
    const [scope] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string];
    return Buffer.from(JSON.stringify([scope, ...key]), 'utf8').toString('base64url');
  };

  test.for([
    ['NEWEST', ['next tuesday', UUID]],
    ['NEWEST', ['2026-01-01T00:00:00.000Z', "1' OR '1'='1"]],
    ['URGENCY', [99, '2026-01-01T00:00:00.000Z', UUID]],
    ['STARTS_SOON', ['-infinity', UUID]],
  ] as const)('refuse a %s helpRequests cursor holding a value of the wrong shape', async ([orderBy, key], { url }) => {
    const page = dataOf(await gql(url, HelpRequestPageAfterDocument, { orderBy }));
    const real = page.helpRequests.pageInfo.endCursor;
    expect(real).toBeTruthy();
    const response = await gql(url, HelpRequestPageAfterDocument, { after: reforged(real!, key), orderBy });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    // The real one is accepted: the refusal is about the key, not the scope.
    expect(codes(await gql(url, HelpRequestPageAfterDocument, { after: real, orderBy }))).toEqual([]);
  });

  test('refuse an associations cursor whose name holds U+0000', async ({ url }) => {
    const real = dataOf(await gql(url, AssociationPageAfterDocument, {})).associations.pageInfo.endCursor;
    const response = await gql(url, AssociationPageAfterDocument, { after: reforged(real!, [`a${NUL}`, UUID]) });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  test('refuse an event cursor ahead of the newest event, saying to resubscribe from requestEventsHead', async ({ url, wsUrl }) => {
    const head = dataOf(await gql(url, RequestEventsHeadDocument, {})).requestEventsHead;
    const position = head ? BigInt(decodeEventCursor(head, 'head')) : 0n;
    const ahead = encodeEventCursor(String(position + 1000n));
    const listed = await gql(url, RequestEventsAfterDocument, { after: ahead });
    expect(listed.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(listed.body.errors?.[0]?.message).toContain('requestEventsHead');

    const subscriber = subscribeEvents(wsUrl, { after: ahead });
    try {
      const [error] = await subscriber.failed;
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.message).toContain('requestEventsHead');
    } finally {
      await subscriber.close();
    }
  });

  test('accept the head itself and the start of the log', async ({ url }) => {
    const head = dataOf(await gql(url, RequestEventsHeadDocument, {})).requestEventsHead;
    for (const after of [head ?? encodeEventCursor('0'), encodeEventCursor('0')]) {
      expect(codes(await gql(url, RequestEventsAfterDocument, { after }))).toEqual([]);
    }
  });
});

/**
 * Failure classes the schema-driven fuzzer (tests/fuzz.property.test.ts) found.
 * Each test fails without its fix.
 */
describe('found by the schema-driven fuzzer', () => {
  test('an unstorable string in a variable is refused with HTTP 400, not 500, in queries and mutations', async ({ url }) => {
    const query = await send(url, `query ($t: String) { helpRequests(filter: { text: $t }) { totalCount } }`, { t: `x${NUL}` });
    expect(query.status).toBe(400);
    expect(query.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.text' });

    const before = await total(url);
    const mutation = await gql(
      url,
      PostHelpRequestDocument,
      { input: requestInput(org.id, { title: `周六${LONE_HIGH}` }) },
      org.coordinator.token,
    );
    expect(mutation.status).toBe(400);
    expect(mutation.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect(await total(url)).toBe(before);
  });

  test('a long run of white space inside a value is trimmed in linear time', async ({ url }) => {
    // Trimming with a regular expression anchored at the end took 25 s for this one value.
    const started = performance.now();
    const response = await gql(url, HelpRequestsByFilterDocument, { filter: { text: `x${' '.repeat(150_000)}x` } });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.text' });
    expect(codes(await send(url, '{ __typename }'))).toEqual([]);
  });

  test('an over-long e-mail address is refused before the address pattern runs', async ({ url }) => {
    // The pattern backtracks quadratically: this address took 11 s before its length was checked first.
    const email = `a@${'a.'.repeat(60_000)}@`;
    const started = performance.now();
    const response = await gql(url, SignUpDocument, { input: { email, password: 'password-123', displayName: 'Fuzz' } });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email' });
  });
});

describe('found from outside (attacker review)', () => {
  test('variables nested 10,000 deep are BAD_USER_INPUT (HTTP 400), not a stack overflow; over WebSocket too', async ({ url, wsUrl }) => {
    // Written as text: JSON.stringify itself would overflow building it.
    const deep = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"{ __typename }","variables":{"x":${deep}}}`,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors?: { extensions?: unknown }[] };
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'x' });

    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    const answer = await new Promise<string>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { type: string };
        if (message.type === 'connection_ack') {
          socket.send(
            `{"id":"1","type":"subscribe","payload":{"query":"subscription { requestEvents { cursor } }","variables":{"x":${deep}}}}`,
          );
        } else resolve(data.toString());
      });
      socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
    });
    expect(JSON.parse(answer)).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    socket.terminate();
  });

  test('a walk back and forth through a request of 100 slots stops at the list-item budget instead of blocking the server', async ({
    url,
  }) => {
    const slots = Array.from({ length: 100 }, () => ({ capacity: 1 }));
    const request = dataOf(await gql(url, PostHelpRequestDocument, { input: requestInput(org.id, { slots }) }, org.coordinator.token));
    const id = request.postHelpRequest.id;
    const response = await send(url, `{ helpRequest(id: "${id}") { slots { request { slots { request { slots { id } } } } } } }`);
    expect(codes(response)).toContain('QUERY_TOO_COMPLEX');
    expect(JSON.stringify(response.body).length).toBeLessThan(5_000_000);
    expect(codes(await send(url, '{ __typename }'))).toEqual([]);
  });
});
